"""numbers.approximation: an approximation marker on a figure that looks exact ("931余件").

余, 多, 约, 近, 左右 … make a round figure approximate ("900余件"); on a figure
exact to the unit ("931") they say the writer knows the exact count and blurs
it, or that a round figure was mistyped. A whole figure of 100 or more whose
last digit is not 0 looks exact. Two markers on one figure ("超过1200多次") are
the wording rules' concern.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...numbers import plain
from ..base import Kind


class Approximation(Kind):
    name = "numbers.approximation"
    message_args = frozenset({"match", "marker", "exact", "rounded"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for quantity in facts.numbers.quantities:
            value = quantity.value
            if not quantity.approximate or value != value.to_integral_value() or value < 100 or value % 10 == 0:
                continue
            before = text[quantity.span.start:quantity.number_span.start]
            after = text[quantity.number_span.end:quantity.span.end]
            number = text[quantity.number_span.start:quantity.number_span.end]
            exact = number + after
            for marker in quantity.approximation:
                exact = exact.replace(marker, "", 1)
            yield Finding(quantity.span, {
                "match": quantity.text,
                "marker": "、".join(quantity.approximation),
                "exact": exact,
                "rounded": before + plain(value // 10 * 10) + after,
            })
