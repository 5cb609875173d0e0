"""structure.heading_numbering: among the headings of one level under one
parent, numbers run 一, 二, 三 … without gaps, repeats or restarts. With
``outline`` (edition → the parts of its format, in order, each ``{topic,
pattern}``), a top-level heading that names a part of the format must carry
that part's number, and a part must not come twice: in the standard format 五、
is always 存在的主要问题及改进情况, whatever comes before it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from ...diagnostic import Finding
from ...document import Heading
from ...facts import Facts
from ...genre import REPORTS, Genre
from ...text.numerals import chinese_ordinal
from ..base import Kind
from ..options import Editions, Pattern, Records, Text
from ._markers import marker_text


class HeadingNumbering(Kind):
    name = "structure.heading_numbering"
    reads = REPORTS
    options = {
        "outline": Editions(Records({"topic": Text(required=True), "pattern": Pattern(required=True)}), default={}),
    }
    message_args = frozenset({"marker", "expected", "problem", "advice"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        document = facts.document
        outline = self.outline.get(facts.profile.edition)
        groups = [document.sections] + [section.subsections for section in document.walk_sections()]
        for siblings in groups:
            by_level: dict[int, list[Heading]] = defaultdict(list)
            for section in siblings:
                by_level[section.level].append(section.heading)
            for level, headings in by_level.items():
                top = siblings is document.sections and level == 1
                # An excerpt that starts after 一、 starts its numbering where it starts.
                first = headings[0].marker.ordinal if top and facts.genre.genre is Genre.EXCERPT else 1
                yield from _sequence(headings, outline if top else None, first)


def _sequence(headings: list[Heading], parts: Sequence | None, first: int = 1) -> Iterator[Finding]:
    """Findings for one run of sibling headings, numbered from ``first``;
    ``parts`` fixes the number of the headings that name a part of the format."""
    expected = first
    seen: dict[int, Heading] = {}
    for heading in headings:
        marker = heading.marker
        part = next((index for index, each in enumerate(parts or ()) if each["pattern"].search(heading.text)), None)
        if part is not None and part in seen:
            first = seen[part]
            yield Finding(marker.span, {
                "marker": marker.text,
                "expected": first.marker.text,
                "problem": f"重复了前面的“{first.marker.text}{first.text}”",
                "advice": "统一格式中每部分只出现一次，请合并或删去",
            })
        elif part is not None and marker.ordinal != part + 1:
            wanted = marker_text(marker.style, part + 1)
            yield Finding(marker.span, {
                "marker": marker.text,
                "expected": wanted,
                "problem": f"与统一格式不符（“{parts[part]['topic']}”是第{chinese_ordinal(part + 1)}部分）",
                "advice": f"此处应为“{wanted}”",
            })
        elif part is None and marker.ordinal != expected:
            wanted = marker_text(marker.style, expected)
            yield Finding(marker.span, {
                "marker": marker.text,
                "expected": wanted,
                "problem": _gap(marker.ordinal, expected),
                "advice": f"此处应为“{wanted}”",
            })
        if part is not None:
            seen.setdefault(part, heading)
        expected = marker.ordinal + 1


def _gap(ordinal: int, expected: int) -> str:
    if expected == 1:
        return "未从第一个序号开始"
    if ordinal > expected:
        return "跳号"
    return "重复" if ordinal == expected - 1 else "倒退"
