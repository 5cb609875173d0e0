"""breakdown: a total against the figures that break it down (Facts.breakdowns).

One kind, four aspects (the rule's ``check``), all reading the same breakdowns:

- ``exceed``: the parts add up to more than the total ("各分项合计1700余次，超过
  总数931余件"); approximate figures are compared at their widest (500余 counts
  as at least 500, 931余 as at most 932) and the message says so;
- ``short``: the parts claim to cover the total (a category list, an item
  labelled 其他, shares adding up to 100%) but add up to less;
- ``subset``: one 其中 figure is larger than the total it belongs to ("其中78条
  大于所属总数44篇"); such a breakdown is not reported again by ``exceed``;
- ``share``: a stated "占X%" does not round from part ÷ total at the precision
  it is written with ("145条占1913条应为7.58%，文中写作8.05%").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from ..breakdowns import Breakdown, share_bounds, share_fits
from ..diagnostic import Finding
from ..facts import Facts
from ..numbers import Quantity, plain
from .base import Kind, Option

_ASPECTS = ("exceed", "short", "subset", "share")


class BreakdownCheck(Kind):
    name = "breakdown"
    options = {"check": Option((str,), required=True, choices=_ASPECTS)}
    message_args = frozenset({"total", "sum", "parts", "difference", "tolerance", "part", "actual", "stated"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]

    def check(self, facts: Facts) -> Iterator[Finding]:
        for breakdown in facts.breakdowns:
            yield from getattr(self, "_" + self.aspect)(breakdown)

    def _exceed(self, breakdown: Breakdown) -> Iterator[Finding]:
        total = breakdown.total
        if breakdown.cue == "其中" and any(_larger(part, total) for part in breakdown.parts):
            return  # reported by ``subset``, figure by figure
        if len(breakdown.parts) < 2:
            return
        low, _ = breakdown.parts_bounds()
        _, total_high = total.bounds()
        if low > total_high:
            yield Finding(total.span, _sum_args(breakdown, low, total_high, low - total.value))

    def _short(self, breakdown: Breakdown) -> Iterator[Finding]:
        total = breakdown.total
        if not breakdown.exhaustive:
            return
        _, high = breakdown.parts_bounds()
        total_low, _ = total.bounds()
        if high < total_low:
            yield Finding(total.span, _sum_args(breakdown, high, total_low, total.value - high))

    def _subset(self, breakdown: Breakdown) -> Iterator[Finding]:
        if breakdown.cue not in ("其中", "括注"):
            return
        for part in breakdown.parts:
            if _larger(part, breakdown.total):
                yield Finding(part.span, {"part": part.text, "total": breakdown.total.text})

    def _share(self, breakdown: Breakdown) -> Iterator[Finding]:
        total = breakdown.total
        for part, share in breakdown.shares:
            if share_fits(part, total, share):
                continue
            low, high = share_bounds(part, total)
            places = Decimal(1).scaleb(-max(share.decimals, 2))
            actual = plain(((low + high) / 2).quantize(places, rounding=ROUND_HALF_UP))
            yield Finding(share.span, {
                "part": part.text,
                "total": total.text,
                "actual": ("约" if low != high else "") + actual + "%",
                "stated": share.text,
            })


def _larger(part: Quantity, total: Quantity) -> bool:
    return part.bounds()[0] > total.bounds()[1]


def _sum_args(breakdown: Breakdown, parts_value: Decimal, total_value: Decimal, difference: Decimal) -> dict:
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
