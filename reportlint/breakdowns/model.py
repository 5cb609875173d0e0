"""What a breakdown is, which figures may add up, and whether a share fits."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..numbers import Quantity

# Measure words that count the same kind of thing, so their figures may add up.
# A part binds to a total of another word of its group only when no part has the
# total's own word ("举办活动6场，其中线上3场…，参与2400人次": 人次 are no 场).
_UNIT_GROUPS = (
    frozenset({"条", "篇", "则", "份", "件"}),  # written items: posts, articles, documents
    frozenset({"件", "次", "人次", "起", "宗", "例"}),  # cases, requests
    frozenset({"人", "名", "位", "人次"}),  # people
    frozenset({"项", "件"}),  # matters
    frozenset({"个", "家", "所", "户"}),  # bodies, accounts, places
)
# Measure words of time: 15分钟 and 5个工作日 are durations, never counts that add up.
_DURATIONS = frozenset({"天", "周", "个月", "小时", "分钟", "个工作日"})


def counted(quantity: Quantity) -> bool:
    """Whether a figure counts things (件, 条, 人次, 元 …): not a share, not a duration."""
    return quantity.unit is not None and not quantity.percent and quantity.unit not in _DURATIONS


def comparable(first: Quantity, second: Quantity) -> bool:
    """Whether two figures count the same kind of thing (and may add up)."""
    if not counted(first) or not counted(second):
        return False
    return first.unit == second.unit or any(first.unit in group and second.unit in group for group in _UNIT_GROUPS)


@dataclass(frozen=True)
class Breakdown:
    """A total and its parts. ``exhaustive``: the parts claim to cover the whole
    (a category list, an item labelled 其他, shares adding up to 100%, a restated
    total, parts adding up to another statement of the total), and do not say
    they give only some (主要类别, 重点, a list ending in 等)."""

    total: Quantity
    parts: tuple[Quantity, ...]
    cue: str
    exhaustive: bool
    shares: tuple[tuple[Quantity, Quantity], ...]  # (part, the share stated for it)
    # The parts are channels the items went out through (门户网站, 政务微博): one item
    # through several, so the parts may add up to more than the total.
    overlapping: bool = False

    def parts_bounds(self) -> tuple[Decimal, Decimal]:
        """The least and most the parts add up to, approximate figures allowing."""
        bounds = [part.bounds() for part in self.parts]
        return sum((low for low, _ in bounds), Decimal(0)), sum((high for _, high in bounds), Decimal(0))

    def shares_fit_their_sum(self) -> bool:
        """Whether every part has a share and every share rounds from part ÷ the
        parts' sum: then the shares are right, and a total they do not fit is what
        disagrees ("610条，…412条，占68.2%；…192条，占31.8%": 604, not 610)."""
        base = sum((part.value for part in self.parts), Decimal(0))
        if len(self.shares) != len(self.parts) or base <= 0:
            return False
        return all(
            abs(part.value * 100 / base - share.value) <= Decimal(5).scaleb(-share.decimals - 1)
            for part, share in self.shares
        )


def share_bounds(part: Quantity, total: Quantity) -> tuple[Decimal, Decimal] | None:
    """The least and most part/total can be, in percent (None for a zero total)."""
    part_low, part_high = part.bounds()
    total_low, total_high = total.bounds()
    if total_low <= 0:
        return None
    return part_low * 100 / total_high, part_high * 100 / total_low


def share_fits(part: Quantity, total: Quantity, share: Quantity) -> bool:
    """Whether a stated share rounds from part/total at the precision it is written with."""
    bounds = share_bounds(part, total)
    if bounds is None:
        return True
    half = Decimal(5).scaleb(-share.decimals - 1)
    low, high = share.bounds()
    return bounds[0] <= high + half and low - half <= bounds[1]
