"""facts.other_agency: a body doing the same work elsewhere (not one of the
names the office uses for itself, configuration `agencies`), named where the
report speaks of its own organisation — followed by one of ``own_work``
("各业务处室", "机关", "干部职工"): "直接到云南省科学技术厅各业务处室现场咨询" in a
楚雄州科学技术局 report. Only departments are checked (a government's report
names other governments for good reasons); ``abbreviations`` lists the short
forms of a function (科学技术 → 科技) so that "省科技厅" is recognised too."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...profile import division_of
from ...text.chars import HAN_CHAR
from ..base import TextKind
from ..options import Groups, Patterns

_BODY_SUFFIX = re.compile(r"(?:委员会|办公室|局|厅|委|署|中心)$")
_MENTION_SUFFIX = r"(?:委员会|办公室|局|厅|委|署|中心)"
# Characters that may stand before a division word that abbreviates the report's
# own place ("到州科技局", "、州科技局"), as opposed to the end of another place's name.
_BEFORE_ABBREVIATION = frozenset("、，,。；;：:“”（）()《》 \n在到向和与及由经对为从把被等")


class OtherAgency(TextKind):
    name = "facts.other_agency"
    default_scope = "paragraphs"
    options = {
        "own_work": Patterns(required=True),
        "abbreviations": Groups(example="[科学技术, 科技]"),
    }
    message_args = frozenset({"match", "agency", "division", "expected"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        agency = facts.profile.agency
        division = division_of(agency) if agency else None
        if division is None or facts.profile.body != "department":
            return
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
            own_work = self.own_work.match(text, match.end(), span.end)
            if own_work is None or text[max(span.start, start - len(place)):start] == place:
                continue  # not about its organisation, or the report's own name
            named = _named_place(text, span.start, start)
            if named is None or (named == word and _abbreviates(text, span.start, start - len(word))):
                continue  # no place (本局) or the report's own division abbreviated (州科技局)
            where = Span(_place_start(text, span.start, start), own_work.end())
            if _aliased(text, where.start, match.end(), facts.profile.aliases):
                continue  # a name the office uses for itself (configuration `agencies`)
            yield Finding(where, {
                "match": text[where.start:where.end],
                "agency": agency,
                "division": named,
                "expected": agency,
            })


def _aliased(text: str, start: int, end: int, aliases: tuple[str, ...]) -> bool:
    """Whether one of the office's own names covers text[start:end]."""
    for alias in aliases:
        found = text.find(alias, max(0, end - len(alias)), start + len(alias))
        if found != -1 and found <= start and found + len(alias) >= end:
            return True
    return False


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
    while position > max(floor, start - 8) and text[position - 1] not in _BEFORE_ABBREVIATION and HAN_CHAR.match(text[position - 1]):
        position -= 1
    return position
