"""structure.heading_enumeration_mix: a heading marker followed by 是
("(三)是时时抽查", "1.是按照要求"), a mix-up of heading numbering and "一是、二是"
enumeration."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...diagnostic import Finding
from ...document import Heading, Span
from ...facts import Facts
from ...genre import REPORTS
from ...text.numerals import chinese_ordinal
from ..base import Kind


class HeadingEnumerationMix(Kind):
    name = "structure.heading_enumeration_mix"
    reads = REPORTS
    message_args = frozenset({"marker", "rest", "enum"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        return self._shi(facts.document.headings())

    def _shi(self, headings: Iterable[Heading]) -> Iterator[Finding]:
        for heading in headings:
            if not heading.text.startswith("是"):
                continue
            rest = heading.text[1:]
            if len(rest) > 12:
                rest = rest[:12] + "…"
            marker = heading.marker
            yield Finding(Span(marker.span.start, marker.span.end + 1), {
                "marker": marker.text,
                "rest": rest,
                "enum": chinese_ordinal(marker.ordinal) + "是",
            })
