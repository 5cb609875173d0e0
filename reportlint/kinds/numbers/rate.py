"""numbers.rate: a stated rate (办结率100%) against the counts it summarises.

``rates`` lists the rates a rule knows, each ``{rate, numerator, denominator}``:
the name written before the percentage and patterns for the words written
before the two counts ("受理审批事项117件，办结171件，办结率100%": 办结 ÷ 受理).
The counts are looked for in the sentence of the rate, before it; a rate whose
counts are not both written there is not checked.
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
    message_args = frozenset({"rate", "numerator", "denominator", "actual", "stated"})

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
    })


def _last_with(text: str, counts: list[Quantity], words: RulePattern) -> tuple[Quantity, str] | None:
    """The last count whose clause names ``words`` before the figure, and the word."""
    for quantity in reversed(counts):
        found = words.search(text, quantity.clause.start, quantity.span.start)
        if found:
            return quantity, found.group()
    return None
