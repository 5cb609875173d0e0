"""numbers.partial_list_short: a list that says it gives the main items only (主要类别,
重点, …等) adds up to less than the total. It need not add up, so this is a note:
the office may have meant to list them all."""

from __future__ import annotations

from collections.abc import Iterator

from ...breakdowns import Breakdown
from ...diagnostic import Finding
from ._breakdowns import BreakdownCheck, shortfall


class PartialListShort(BreakdownCheck):
    name = "numbers.partial_list_short"
    message_args = frozenset({"total", "sum", "parts", "difference", "tolerance"})

    def check_breakdown(self, breakdown: Breakdown) -> Iterator[Finding]:
        found = shortfall(breakdown) if breakdown.partial and not breakdown.exhaustive else None
        if found is not None:
            yield found
