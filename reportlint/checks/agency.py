"""agency: the report speaking as another body — the usual sign of copied text.

The report's own body comes from the profile (profile.agency). Two aspects
(the rule's ``check``):

- ``self_reference``: 我X/本X/全X naming a division other than the report's own
  (我县 or 全市 in a 区 report, 我市 in a 州 department's report). 全X of another
  division is often a real reference to a wider scope ("全省政务公开工作推进会"):
  the rule's ``exceptions`` list those.
- ``other_agency``: a body doing the same work elsewhere, named where the report
  speaks of its own organisation — followed by one of ``own_work`` ("各业务处室",
  "机关", "干部职工"): "直接到云南省科学技术厅各业务处室现场咨询" in a 楚雄州科学技术局
  report. Only departments are checked (a government's report names other
  governments for good reasons); ``abbreviations`` lists the short forms of a
  function (科学技术 → 科技) so that "省科技厅" is recognised too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostic import Finding
from ..document import Span
from ..facts import Facts
from ..profile import division_of
from .base import Option, OptionError, TextKind, compile_option, excepted, strings

_SELF_REFERENCE = re.compile(r"[我本全](自治区|街道|[省市州县区旗盟乡镇])")
_BODY_SUFFIX = re.compile(r"(?:委员会|办公室|局|厅|委|署|中心)$")
_MENTION_SUFFIX = r"(?:委员会|办公室|局|厅|委|署|中心)"
# Characters that may stand before a division word that abbreviates the report's
# own place ("到州科技局", "、州科技局"), as opposed to the end of another place's name.
_BEFORE_ABBREVIATION = frozenset("、，,。；;：:“”（）()《》 \n在到向和与及由经对为从把被等")


class Agency(TextKind):
    name = "agency"
    default_scope = "paragraphs"
    options = {
        "check": Option((str,), required=True, choices=("self_reference", "other_agency")),
        "exceptions": strings(),
        "own_work": strings(),
        "abbreviations": Option((list,), default=[], items=list),
    }
    message_args = frozenset({"match", "agency", "division", "expected"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]
        self.exceptions = compile_option("exceptions", options["exceptions"])
        self.own_work = compile_option("own_work", options["own_work"])
        if not all(len(group) >= 2 and all(isinstance(word, str) and word for word in group) for group in options["abbreviations"]):
            raise OptionError("abbreviations", "每一组应为至少两个非空字符串，如 [科学技术, 科技]")
        self.abbreviations = [tuple(group) for group in options["abbreviations"]]

    def check(self, facts: Facts) -> Iterator[Finding]:
        agency = facts.profile.agency
        division = division_of(agency) if agency else None
        if division is None:
            return
        if self.aspect == "self_reference":
            yield from self._self_references(facts, agency, division[0])
        elif facts.profile.body == "department" and self.own_work is not None:
            yield from self._other_agencies(facts, agency, division)

    def _self_references(self, facts: Facts, agency: str, own: str) -> Iterator[Finding]:
        text = facts.text
        for match, span in self.scan(facts, _SELF_REFERENCE):
            if match.group(1) == own or excepted(text, match, span, self.exceptions):
                continue
            yield Finding(Span(*match.span()), {
                "match": match.group(),
                "agency": agency,
                "division": match.group(1),
                "expected": match.group()[0] + own,
            })

    def _other_agencies(self, facts: Facts, agency: str, division: tuple[str, int]) -> Iterator[Finding]:
        word, end = division
        place, function = agency[:end], agency[end:]
        stem = _BODY_SUFFIX.sub("", function)
        if not stem:
            return
        stems = {stem}
        for group in self.abbreviations:
            if stem in group:
                stems.update(group)
        mention = re.compile(f"(?:{'|'.join(map(re.escape, sorted(stems, key=len, reverse=True)))}){_MENTION_SUFFIX}")
        text = facts.text
        for match, span in self.scan(facts, mention):
            start = match.start()
            own_work = self.own_work.match(text, match.end())
            if own_work is None or text[max(span.start, start - len(place)):start] == place:
                continue  # not about its organisation, or the report's own name
            named = _named_place(text, span.start, start)
            if named is None or (named == word and _abbreviates(text, span.start, start - len(word))):
                continue  # no place (本局) or the report's own division abbreviated (州科技局)
            where = Span(_place_start(text, span.start, start), own_work.end())
            yield Finding(where, {
                "match": text[where.start:where.end],
                "agency": agency,
                "division": named,
                "expected": agency,
            })


def _named_place(text: str, floor: int, start: int) -> str | None:
    """The division word right before ``start`` (省 in 云南省科学技术厅), if any."""
    found = re.search(r"(?:自治区|街道|[省市州县区旗盟])$", text[max(floor, start - 3):start])
    return found.group() if found else None


def _abbreviates(text: str, floor: int, offset: int) -> bool:
    """Whether a division word at ``offset`` stands alone (州科技局), not ending a name."""
    return offset <= floor or text[offset - 1] in _BEFORE_ABBREVIATION


def _place_start(text: str, floor: int, start: int) -> int:
    """Where the place name before a body begins: back over Han characters to a
    character that cannot be part of a name, at most eight characters."""
    position = start
    while position > max(floor, start - 8) and text[position - 1] not in _BEFORE_ABBREVIATION and "\u4e00" <= text[position - 1] <= "\u9fff":
        position -= 1
    return position
