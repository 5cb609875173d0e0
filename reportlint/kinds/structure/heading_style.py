"""structure.heading_style: one level is written one way (not "(一)" here and
"（一）" there)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Heading
from ...facts import Facts
from ...genre import REPORTS
from ..base import Kind
from ._markers import marker_text

_WRONG_ORDINAL_STYLE = "1、"


class HeadingStyle(Kind):
    name = "structure.heading_style"
    reads = REPORTS
    message_args = frozenset({"marker", "style", "expected"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        return self._style(list(facts.document.headings()))

    def _style(self, headings: list[Heading]) -> Iterator[Finding]:
        # "1、" is no variant to agree on but a wrong mark (GB/T 15834 附录B.3),
        # which punctuation.ordinal-marker reports wherever it stands; counted
        # here, it would have "1." changed to "1、" in a report that mostly errs.
        headings = [heading for heading in headings if heading.marker.style != _WRONG_ORDINAL_STYLE]
        by_level: dict[int, Counter[str]] = defaultdict(Counter)
        for heading in headings:
            by_level[heading.marker.level][heading.marker.style] += 1
        for heading in headings:
            counts = by_level[heading.marker.level]
            usual = counts.most_common(1)[0][0]
            if heading.marker.style != usual and counts[heading.marker.style] < counts[usual]:
                marker = heading.marker
                yield Finding(marker.span, {
                    "marker": marker.text,
                    "style": marker.style,
                    "expected": marker_text(usual, marker.ordinal),
                })
