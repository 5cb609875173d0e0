"""structure.heading_style: one level is written one way (not "(一)" here and
"（一）" there).

Where the standard gives a level its form (``standard``: （一） and （1） with
full-width brackets, GB/T 15834 and GB/T 9704), a mixed level is to be written in
that form, however many headings use the other: the standard form is never
flagged, even in the minority. A level without a standard form follows the
report's majority."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Heading
from ...facts import Facts
from ...genre import REPORTS
from ..base import Kind
from ..options import Strings
from ._markers import marker_text

_WRONG_ORDINAL_STYLE = "1、"
_STYLES = ("（一）", "(一)", "1.", "1．", "（1）", "(1)")
_LEVELS = {"（一）": 2, "(一)": 2, "1.": 3, "1．": 3, "（1）": 4, "(1)": 4}


class HeadingStyle(Kind):
    name = "structure.heading_style"
    reads = REPORTS
    options = {"standard": Strings(choices=_STYLES)}
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
        standard = {_LEVELS[style]: style for style in self.standard}
        for heading in headings:
            marker = heading.marker
            counts = by_level[marker.level]
            if len(counts) < 2:
                continue
            expected = standard.get(marker.level) or _majority(counts)
            if expected is not None and marker.style != expected:
                yield Finding(marker.span, {
                    "marker": marker.text,
                    "style": marker.style,
                    "expected": marker_text(expected, marker.ordinal),
                })


def _majority(counts: Counter[str]) -> str | None:
    """The style most headings of a level use; None when two styles tie."""
    (first, most), *rest = counts.most_common()
    return None if rest and rest[0][1] == most else first
