"""facts.other_body: where a report names itself — the title of its own guide or
catalogue (《某县水利局政府信息公开指南》), who compiled it (由…编制), its
signature, and in a department's report the unit to contact (请与…联系) —
another body's name: 林业局 signing the 自然资源局's report, the 教育局's report
announcing 《某县水利局政府信息公开指南》. Such a name is left over from the
report or the documents it was copied from.

Each of ``places`` is a pattern whose group ``name`` holds the name, with
``where`` saying what it is for the message; ``departments_only`` places are
checked in departments' reports only (a government's report names the office
that handles its disclosure work, 政务公开办公室, as the contact). The name is
cut to the body it names (…财政金融局办公室 → …财政金融局), and is the report's
own when its function is the agency's (``abbreviations`` lists short forms:
市场监管 for 市场监督管理) and its place the agency's or a short form of it (区
for 平潭综合实验区); a government's report is its place's government
(人民政府, 管委会). A name without a place or a body (本单位) is not checked."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import REPORTS
from ...profile import body_name, division_of
from ..base import TextKind
from ..options import Flag, Groups, OptionError, Pattern, Records, Text

# The words of a government's own name after its place: it is the place's government.
_GOVERNMENT = ("", "人民政府", "政府", "管委会", "管理委员会", "党工委管委会", "党工委、管委会")


class OtherBody(TextKind):
    name = "facts.other_body"
    reads = REPORTS
    default_scope = "all"
    options = {
        "places": Records({
            "pattern": Pattern(required=True),
            "where": Text(required=True),
            "departments_only": Flag(),
        }, required=True),
        "abbreviations": Groups(example="[市场监督管理, 市场监管]"),
    }
    message_args = frozenset({"match", "agency", "where"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        for index, place in enumerate(self.places, 1):
            if "(?P<name>" not in place["pattern"].pattern:
                raise OptionError("places", f"第 {index} 项：pattern 应有命名组 (?P<name>…)，标出机关名称")

    def check(self, facts: Facts) -> Iterator[Finding]:
        agency = facts.profile.agency
        if not agency or division_of(agency) is None:
            return
        department = facts.profile.body == "department"
        text = facts.text
        for place in self.places:
            if place["departments_only"] and not department:
                continue
            for match, _ in self.scan(facts, place["pattern"]):
                words = match.group("name")
                named = body_name(words) if words else None
                if named is None or self._same_body(named, agency) or _aliased(named, facts.profile.aliases):
                    continue
                start = match.start() + match.group().find(words)
                yield Finding(Span(start, start + len(words)), {
                    "match": text[start:start + len(words)], "agency": agency, "where": place["where"]})

    def _same_body(self, named: str, agency: str) -> bool:
        named_place, named_function = _split(named)
        own_place, own_function = _split(agency)
        named_function, own_function = self._usual(named_function), self._usual(own_function)
        if own_function in _GOVERNMENT:
            same_function = named_function in _GOVERNMENT
        else:
            same_function = named_function.startswith(own_function) or own_function.startswith(named_function)
        return same_function and _same_place(named_place, own_place)

    def _usual(self, function: str) -> str:
        """A function written in its full form (市场监管局 → 市场监督管理局)."""
        for group in self.abbreviations:
            for short in group[1:]:
                if short in function:
                    return function.replace(short, group[0])
        return function


def _split(name: str) -> tuple[str, str]:
    """A body's name as its place and its function: 平潭综合实验区财政金融局 →
    (平潭综合实验区, 财政金融局)."""
    division = division_of(name)
    end = division[1] if division else 0
    return name[:end], name[end:]


def _same_place(named: str, own: str) -> bool:
    """Whether a place names the report's own, in full or short (区 for 平潭综合实验区)."""
    return not named or len(named) <= 2 or named.endswith(own) or own.endswith(named)


def _aliased(named: str, aliases: tuple[str, ...]) -> bool:
    return any(alias in named or named in alias for alias in aliases)
