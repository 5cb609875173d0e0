"""numbers.repeated_count: the same count written for two different things in one sentence.

"在网站发布信息183条，利用内部刊物…发布信息183条": two channels with identical
figures are often one figure copied into both places. Small figures repeat by
chance, so only figures of at least ``min_value`` count; figures given as
"分别/均/各…", as a total and its own part, or as a total restated with 共
("在…的245条中，…共245条") are meant to be equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...breakdowns.wording import has_total_cue
from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...numbers import Quantity, plain
from ..base import Kind
from ..options import Integer

_MEANT_EQUAL = re.compile(r"分别|均|各|都|同样|也")


class RepeatedCount(Kind):
    name = "numbers.repeated_count"
    options = {"min_value": Integer(default=50, minimum=1)}
    message_args = frozenset({"match", "first", "combined"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        related = {
            frozenset((breakdown.total.span, part.span)) for breakdown in facts.breakdowns for part in breakdown.parts
        }
        seen: dict[tuple[Span, object, str], Quantity] = {}
        for quantity in facts.numbers.quantities:
            if not quantity.unit or quantity.percent or quantity.approximate or quantity.value < self.min_value:
                continue
            key = (quantity.sentence, quantity.value, quantity.unit)
            first = seen.get(key)
            if first is None:
                seen[key] = quantity
                continue
            if first.clause == quantity.clause or frozenset((first.span, quantity.span)) in related:
                continue
            if _MEANT_EQUAL.search(facts.text, quantity.clause.start, quantity.span.start) or has_total_cue(facts.text, quantity):
                continue
            yield Finding(quantity.span, {
                "match": quantity.text,
                "first": first.text,
                "combined": plain(first.value + quantity.value) + quantity.unit,
            })
