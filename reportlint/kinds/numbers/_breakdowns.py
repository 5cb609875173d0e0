"""What the breakdown checks share: comparing a part with its total, and the
values of a message about a sum (Facts.breakdowns holds the breakdowns)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from ...breakdowns import Breakdown
from ...diagnostic import Finding
from ...facts import Facts
from ...numbers import Quantity, plain
from ..base import Kind


class BreakdownCheck(Kind):
    """A check of each total against the figures that break it down."""

    def check(self, facts: Facts) -> Iterator[Finding]:
        for breakdown in facts.breakdowns:
            yield from self.check_breakdown(breakdown)

    def check_breakdown(self, breakdown: Breakdown) -> Iterator[Finding]:
        raise NotImplementedError


def larger(part: Quantity, total: Quantity) -> bool:
    """Whether a part is larger than its total even at their widest bounds."""
    return part.bounds()[0] > total.bounds()[1]


def sum_args(breakdown: Breakdown, parts_value: Decimal, total_value: Decimal, difference: Decimal) -> dict:
    """Message values: the sum as written (1700余次), and for approximate figures
    the bounds that were compared (``parts_value`` against ``total_value``)."""
    parts = breakdown.parts
    units = Counter(part.unit for part in parts)
    unit = parts[-1].unit if len(units) > 1 else parts[0].unit
    approximate = any(part.approximate for part in parts)
    tolerance = ""
    if approximate or breakdown.total.approximate:
        tolerance = f"；含概数，按最宽范围比较：分项合计按{plain(parts_value)}、总数按{plain(total_value)}计"
    return {
        "total": breakdown.total.text,
        "sum": plain(sum((part.value for part in parts), Decimal(0))) + ("余" if approximate else "") + (unit or ""),
        "parts": "+".join(part.text for part in parts),
        "difference": plain(abs(difference)),
        "tolerance": tolerance,
    }
