"""numbers.rate: a stated rate (办结率100%) against the counts it summarises.

``rates`` lists the rates a rule knows, each ``{rate, numerator, denominator}``:
the name written before the percentage and patterns for the words written
before the two counts ("受理审批事项117件，办结171件，办结率100%": 办结 ÷ 受理).
The counts are looked for in the sentence of the rate, before it; a rate whose
counts are not both written there is not checked.

Where a rate is wrong because a count is wrong, the message says which figure
disagrees with the other two: the one count that, written as the rate and the
other count imply, would be a whole number (答复76件 beside 收到80件 and 97.5%:
答复 should be 78件), the numerator when it exceeds the denominator (办结171件
beside 受理117件 and 100%); otherwise the rate itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from ...breakdowns import comparable
from ...diagnostic import Finding
from ...facts import Facts
from ...numbers import Quantity, plain
from ...patterns import RulePattern
from ..base import Kind
from ..options import Pattern, Records, Text


class Rate(Kind):
    name = "numbers.rate"
    options = {
        "rates": Records({
            "rate": Text(required=True),
            "numerator": Pattern(required=True),
            "denominator": Pattern(required=True),
        }, required=True),
    }
    message_args = frozenset({"rate", "numerator", "denominator", "actual", "stated", "advice"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        # 按时办结率 before 办结率: the longest name written before the figure wins.
        self.rates = sorted(
            ((rate["rate"], rate["numerator"], rate["denominator"]) for rate in self.rates),
            key=lambda entry: len(entry[0]), reverse=True,
        )

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for stated in facts.numbers.quantities:
            if not stated.percent:
                continue
            lead = text[stated.clause.start:stated.span.start].rstrip("为达到是 ")
            named = next((entry for entry in self.rates if lead.endswith(entry[0])), None)
            if named is None:
                continue
            counts = [
                q for q in facts.numbers.quantities_in(stated.sentence)
                if q.span.end <= stated.span.start and q.unit and not q.percent
            ]
            finding = _mismatch(text, stated, named, counts)
            if finding is not None:
                yield finding


def _mismatch(text: str, stated: Quantity, named: tuple[str, RulePattern, RulePattern], counts: list[Quantity]) -> Finding | None:
    rate, numerator_words, denominator_words = named
    numerator = _last_with(text, counts, numerator_words)
    denominator = _last_with(text, counts, denominator_words)
    if numerator is None or denominator is None or numerator[0] is denominator[0]:
        return None
    (top, top_word), (bottom, bottom_word) = numerator, denominator
    if not comparable(top, bottom) or bottom.value == 0 or top.approximate or bottom.approximate:
        return None
    actual = top.value * 100 / bottom.value
    if abs(actual - stated.value) <= Decimal(5).scaleb(-stated.decimals - 1):
        return None
    places = Decimal(1).scaleb(-max(stated.decimals, 1))
    return Finding(stated.span, {
        "rate": rate,
        "numerator": top_word + top.text,
        "denominator": bottom_word + bottom.text,
        "actual": plain(actual.quantize(places, rounding=ROUND_HALF_UP)) + "%",
        "stated": stated.text,
        "advice": _advice(stated, (top, top_word), (bottom, bottom_word)),
    })


def _advice(stated: Quantity, numerator: tuple[Quantity, str], denominator: tuple[Quantity, str]) -> str:
    """Which figure disagrees with the other two, and what it would be."""
    (top, top_word), (bottom, bottom_word) = numerator, denominator
    implied_top = bottom.value * stated.value / 100
    implied_bottom = top.value * 100 / stated.value if stated.value else None
    top_whole = implied_top == implied_top.to_integral_value() and implied_top != top.value
    bottom_whole = (implied_bottom is not None and implied_bottom == implied_bottom.to_integral_value()
                    and implied_bottom != bottom.value)
    if top.value > bottom.value and stated.value <= 100:
        bottom_whole = False  # more done than received: the count done is the odd one out
    if top_whole and not bottom_whole:
        return (f"按{bottom_word}{bottom.text}和“{stated.text}”，{top_word}应为{plain(implied_top)}{top.unit}："
                f"多半是“{top_word}{top.text}”写错了，请核对这个数字。")
    if bottom_whole and not top_whole:
        return (f"按{top_word}{top.text}和“{stated.text}”，{bottom_word}应为{plain(implied_bottom)}{bottom.unit}："
                f"多半是“{bottom_word}{bottom.text}”写错了，请核对这个数字。")
    return "请核对比率和两个数字。"


def _last_with(text: str, counts: list[Quantity], words: RulePattern) -> tuple[Quantity, str] | None:
    """The last count whose clause names ``words`` before the figure, and the word."""
    for quantity in reversed(counts):
        found = words.search(text, quantity.clause.start, quantity.span.start)
        if found:
            return quantity, found.group()
    return None
