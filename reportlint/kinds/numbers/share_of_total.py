"""numbers.share_of_total: a stated "占X%" does not round from part ÷ total at the precision
it is written with ("145条占1913条应为7.58%，文中写作8.05%"). When every share fits the
sum of the parts instead, the total is what disagrees, and numbers.parts_short_of_total
or numbers.parts_exceed_total reports it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from ...breakdowns import Breakdown, share_bounds, share_fits
from ...diagnostic import Finding
from ...numbers import plain
from ._breakdowns import BreakdownCheck


class ShareOfTotal(BreakdownCheck):
    name = "numbers.share_of_total"
    message_args = frozenset({"part", "total", "actual", "stated"})

    def check_breakdown(self, breakdown: Breakdown) -> Iterator[Finding]:
        total = breakdown.total
        if breakdown.shares_fit_their_sum():
            return
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
