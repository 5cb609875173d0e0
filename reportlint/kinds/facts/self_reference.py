"""facts.self_reference: 我X/本X/全X naming a division other than the report's
own (我县 or 全市 in a 区 report, 我市 in a 州 department's report) — the usual
sign of text copied from another body's report. The report's own body comes
from the profile (profile.agency); a report whose name gives no division is
taken at its word, the division it calls itself most often (我镇…本镇). A body
says 我省/本市 of the wider division it belongs to ("落实我省联合限价采购政策" in
a 区 report), so 我X and 本X of a higher level are not reported; 全X of a
higher level is (a county report counting 全市 work copies a city's), except
where the rule's ``exceptions`` list a real reference to a wider scope
("全省政务公开工作推进会")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...profile import Level, division_level, division_of, own_division
from ..base import TextKind, excepted
from ..options import Patterns

_SELF_REFERENCE = re.compile(r"[我本全](自治区|街道|[省市州县区旗盟乡镇])")


class SelfReference(TextKind):
    name = "facts.self_reference"
    default_scope = "paragraphs"
    options = {"exceptions": Patterns()}
    message_args = frozenset({"match", "agency", "division", "expected"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        agency = facts.profile.agency
        division = division_of(agency) if agency else None
        # Without a name that gives the division, the one the report calls itself most often.
        own = division[0] if division is not None else own_division(facts.document)
        if own is None:
            return
        text = facts.text
        for match, span in self.scan(facts, _SELF_REFERENCE):
            if match.group(1) == own or excepted(text, match, span, self.exceptions):
                continue
            if match.group()[0] != "全" and _above(match.group(1), own):
                continue  # 我省 in a 区 report: the province it belongs to
            yield Finding(Span(*match.span()), {
                "match": match.group(),
                "agency": agency or f"本{own}",
                "division": match.group(1),
                "expected": match.group()[0] + own,
            })


_LEVELS = list(Level)


def _above(division: str, own: str) -> bool:
    """Whether ``division`` is of a higher level than ``own`` (省 above 区)."""
    theirs, ours = division_level(division), division_level(own)
    return theirs is not None and ours is not None and _LEVELS.index(theirs) < _LEVELS.index(ours)
