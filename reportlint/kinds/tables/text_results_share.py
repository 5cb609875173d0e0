"""tables.text_results_share: a percentage right after a figure
(``…258件，占33.9%``) whose clause matches ``pattern``, against ``base`` (a cell,
表三 （七）总计). Skipped when the paragraph states the base figure itself: the
numbers.* rules check percentages against totals the text gives."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...numbers import plain
from ...tables import SCHEMA_KEYS
from ..base import Kind
from ..options import Pattern, Text
from ..table_options import TableTerms
from ._narrative import COUNT_UNITS, Paragraphs, cells_sum


class TextResultsShare(Kind):
    name = "tables.text_results_share"
    reads = REPORTS
    options = {
        "table": Text(required=True, choices=SCHEMA_KEYS),
        "pattern": Pattern(required=True),
        "base": TableTerms(required=True, single=True),
    }
    message_args = frozenset({"text", "table", "cells", "expected", "value"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        table = facts.tables.get(self.table)
        if table is None:
            return
        base = cells_sum(table, (self.base,))
        if not base:
            return
        text = facts.text
        paragraphs = Paragraphs(facts)
        quantities = facts.numbers.quantities
        for previous, quantity in zip(quantities, quantities[1:]):
            if not quantity.percent or previous.unit not in COUNT_UNITS or previous.approximate:
                continue
            if previous.sentence != quantity.sentence or "占" not in text[previous.span.end:quantity.span.start]:
                continue
            clause = text[previous.clause.start:previous.clause.end]
            if not self.pattern.search(clause):
                continue
            paragraph = paragraphs.around(quantity.span.start)
            if any(
                figure.value == base and figure.unit in COUNT_UNITS for figure in facts.numbers.quantities_in(paragraph)
            ):
                continue
            expected = (previous.value / base * 100).quantize(Decimal(1).scaleb(-quantity.decimals), ROUND_HALF_UP)
            if expected != quantity.value:
                yield Finding(quantity.span, {
                    "text": quantity.text,
                    "table": self.table,
                    "cells": f"{table.schema.row(self.base[0]).name}{plain(base)}件",
                    "expected": f"{plain(expected)}%",
                    "value": previous.text,
                })
