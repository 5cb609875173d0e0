"""numbers.parts_short_of_total: the parts claim to cover the total (a category list, an item
labelled 其他, shares adding up to 100%, a restated total, parts adding up to another
statement of the total) but add up to less."""

from __future__ import annotations

from collections.abc import Iterator

from ...breakdowns import Breakdown
from ...diagnostic import Finding
from ._breakdowns import BreakdownCheck, sum_args


class PartsShortOfTotal(BreakdownCheck):
    name = "numbers.parts_short_of_total"
    message_args = frozenset({"total", "sum", "parts", "difference", "tolerance"})

    def check_breakdown(self, breakdown: Breakdown) -> Iterator[Finding]:
        total = breakdown.total
        if not breakdown.exhaustive:
            return  # a 其中 that lists some, or a list that says it gives the main ones only
        _, high = breakdown.parts_bounds()
        total_low, _ = total.bounds()
        if high < total_low:
            yield Finding(total.span, sum_args(breakdown, high, total_low, total.value - high))
