"""numbers.parts_short_of_total: the parts claim to cover the total (a category list, an item
labelled 其他, shares adding up to 100%, a restated total, parts adding up to another
statement of the total) but add up to less."""

from __future__ import annotations

from collections.abc import Iterator

from ...breakdowns import Breakdown
from ...diagnostic import Finding
from ._breakdowns import BreakdownCheck, shortfall


class PartsShortOfTotal(BreakdownCheck):
    name = "numbers.parts_short_of_total"
    message_args = frozenset({"total", "sum", "parts", "difference", "tolerance"})

    def check_breakdown(self, breakdown: Breakdown) -> Iterator[Finding]:
        found = shortfall(breakdown) if breakdown.exhaustive else None
        if found is not None:
            yield found
