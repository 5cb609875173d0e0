"""numbers.parts_exceed_total: the parts add up to more than the total ("各分项合计1700余次，超过
总数931余件"); approximate figures are compared at their widest (500余 counts
as at least 500, 931余 as at most 932) and the message says so. Parts that count
the channels the items went out through (门户网站, 政务微博) are not added up: one
item published through several channels counts in each."""

from __future__ import annotations

from collections.abc import Iterator

from ...breakdowns import Breakdown
from ...diagnostic import Finding
from ._breakdowns import BreakdownCheck, larger, sum_args


class PartsExceedTotal(BreakdownCheck):
    name = "numbers.parts_exceed_total"
    message_args = frozenset({"total", "sum", "parts", "difference", "tolerance"})

    def check_breakdown(self, breakdown: Breakdown) -> Iterator[Finding]:
        total = breakdown.total
        if breakdown.cue == "其中" and any(larger(part, total) for part in breakdown.parts):
            return  # numbers.subset_exceeds_total reports it, figure by figure
        if len(breakdown.parts) < 2 or breakdown.overlapping:
            return  # one item published through several channels counts in each
        low, _ = breakdown.parts_bounds()
        _, total_high = total.bounds()
        if low > total_high:
            yield Finding(total.span, sum_args(breakdown, low, total_high, low - total.value))
