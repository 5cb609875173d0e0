"""tables.text_figures: figures of the narrative against the table cells they
restate (see _narrative.py).

Each exact figure is matched to at most one of ``claims``, each ``{name,
pattern, cells}`` plus optional ``context`` (a pattern the figure's paragraph
must contain), ``units``, ``scale`` and ``carried_over``. ``pattern`` is
searched in the figure's clause with the figure itself written ``#``
("全区收到政府信息公开申请#"), after its label when the clause before ends
with a colon ("予以公开：#"), and once more with its bracketed asides emptied
("行政复议（含上年结转）#" reads "行政复议（）#"): the words inside an aside never
claim the figure after it, nor the words before an aside a figure inside it that
has words of its own ("收到申请63件（其中当面申请5件）"). The claim whose match is longest wins ("予以公开及
部分公开#" over "部分公开#"), the first listed on a tie. Patterns bound the
words between their keyword and the figure. ``cells`` are ``行.列``
terms whose sum the figure restates; ``scale`` converts the cells' unit to the
figure's (万元 → 元: 10000). When the clause says the figure includes last
year's carried-over requests (含上年结转), the ``carried_over`` cells are added;
when it does not but the sum with them would match, the message says so. A claim
marked ``whole`` states a whole (all the requests answered): a part of a 其中
breakdown never restates it ("办结2件，其中公开答复1件": the 1件 is no 办结数).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cached_property

from ...breakdowns.wording import depth
from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...numbers import Quantity, plain
from ...patterns import PatternSet
from ...tables import SCHEMA_KEYS, StatTable
from ..base import Kind
from ..options import Flag, Integer, Pattern, Patterns, Records, Strings, Text
from ..table_options import TableTerms
from ._narrative import COUNT_UNITS, TOTAL, Paragraphs, cells_sum, split_from_glued_digits

# A bracketed aside: "（含上年结转）", "(区分处理的)".
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_OPENING = ("（", "(")
# How far back the label of a "label：figure" clause may start.
_LABEL_REACH = 20
_CARRIED_OVER_SAID = ("含上年", "包括上年", "含上年度", "包括上年度", "含结转")


class TextFigures(Kind):
    name = "tables.text_figures"
    reads = REPORTS
    options = {
        "table": Text(required=True, choices=SCHEMA_KEYS),
        "claims": Records({
            "name": Text(required=True),
            "pattern": Pattern(required=True),
            "cells": TableTerms(required=True),
            "context": Pattern(),
            "units": Strings(default=COUNT_UNITS),
            "scale": Integer(default=1, minimum=1),
            "carried_over": TableTerms(default=()),
            "whole": Flag(),
        }, required=True),
        # Sentences on another subject in the table's words (the 公开属性 of documents:
        # 主动公开、依申请公开、不予公开): their figures restate no cell.
        "other_subjects": Patterns(),
    }
    message_args = frozenset({"text", "claim", "table", "cells", "note"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        table = facts.tables.get(self.table)
        if table is None:
            return
        text = facts.text
        paragraphs = Paragraphs(facts)
        parts = {part.span for breakdown in facts.breakdowns if breakdown.cue == "其中" for part in breakdown.parts}
        for quantity in facts.numbers.quantities:
            if quantity.approximate or quantity.percent or quantity.unit is None:
                continue
            if self.other_subjects is not None and self.other_subjects.search(
                    text, quantity.sentence.start, quantity.sentence.end):
                continue
            claim = self._claim_of(text, quantity, paragraphs, quantity.span in parts)
            if claim is None:
                continue
            clause = text[quantity.clause.start:quantity.clause.end]
            cells = claim["cells"]
            said = any(words in clause for words in _CARRIED_OVER_SAID)
            if said and claim["carried_over"]:
                cells = cells + claim["carried_over"]
            value = cells_sum(table, cells)
            if value is None:
                continue
            value *= claim["scale"]
            if _agrees(quantity, value, claim["scale"]):
                continue
            note = ""
            if not said and claim["carried_over"]:
                with_carried = cells_sum(table, claim["cells"] + claim["carried_over"])
                if with_carried is not None and with_carried * claim["scale"] == quantity.value:
                    carried = cells_sum(table, claim["carried_over"])
                    note = (f"（加上年结转{plain(carried)}{quantity.unit}为{plain(with_carried)}{quantity.unit}；"
                            "如正文的数字包含上年结转，请写明“含上年结转”）")
            yield Finding(quantity.span, {
                "text": quantity.text,
                "claim": claim["name"],
                "table": self.table,
                "cells": _describe(table, cells, value, claim["scale"], quantity.unit),
                "note": note,
            }, proven=not split_from_glued_digits(table, cells))

    def _claim_of(self, text: str, quantity: Quantity, paragraphs: Paragraphs, a_part: bool) -> dict | None:
        marked = _marked_clause(text, quantity)
        emptied = _BRACKETED.sub(_emptied, marked)
        readings = (marked, emptied) if emptied != marked else (marked,)
        paragraph = paragraphs.around(quantity.span.start)
        best: tuple[int, int, dict] | None = None
        matching = set().union(*(self._claim_patterns.matching(reading) for reading in readings))
        for index, claim in enumerate(self.claims):
            if index not in matching or quantity.unit not in claim["units"] or (a_part and claim["whole"]):
                continue
            if claim["context"] is not None and not claim["context"].search(text, paragraph.start, paragraph.end):
                continue
            for reading in readings:
                match = claim["pattern"].search(reading)
                if (match is None or "#" not in match.group() or _closed_before_figure(reading, match.start())
                        or _aside_of_figure_opens_after(reading, match.start())):
                    continue
                key = (-len(match.group()), index)
                if best is None or key < best[:2]:
                    best = (*key, claim)
        return best[2] if best else None

    @cached_property
    def _claim_patterns(self) -> PatternSet:
        """The claims' patterns as one set: most figures match none of them."""
        return PatternSet([claim["pattern"] for claim in self.claims])


def _marked_clause(text: str, quantity: Quantity) -> str:
    """The figure's clause with the figure written #, after its label when the
    clause before ends with a colon ("予以公开：16件")."""
    clause = quantity.clause
    start = clause.start
    if start > quantity.sentence.start and text[start - 1] in "：:":
        label = max(text.rfind(mark, quantity.sentence.start, start - 1) for mark in "，；：,;:") + 1
        start = max(label, quantity.sentence.start, start - _LABEL_REACH)
    offset = quantity.span.start - start
    words = text[start:clause.end]
    return words[:offset] + "#" + words[offset + len(quantity.span):]


def _emptied(bracketed: re.Match[str]) -> str:
    """A bracketed aside without the figure, reduced to its brackets: "行政复议（含上年结转）8件"
    reads "行政复议（）#", and the words inside claim nothing."""
    inside = bracketed.group()
    return inside if "#" in inside else inside[0] + inside[-1]


def _closed_before_figure(reading: str, start: int) -> bool:
    """Whether a match starts inside brackets that close before the figure: the
    words of an aside ("（含上年结转）8件") do not name the figure after it."""
    figure = reading.index("#")
    if start >= figure:
        return False
    opened = max(reading.rfind(mark, 0, start + 1) for mark in "（(")
    if opened == -1:
        return False
    closed = min((found for mark in "）)" if (found := reading.find(mark, opened)) != -1), default=-1)
    return start < closed < figure


def _aside_of_figure_opens_after(reading: str, start: int) -> bool:
    """Whether the figure sits in a bracketed aside with words of its own that
    opens after the match starts: in "收到申请63件（其中当面申请5件）" the words
    before the aside name the 63, not the 5; "网上申请（2件）" brackets the figure
    its words name."""
    figure = reading.index("#")
    return depth(reading, start, figure) > 0 and reading[:figure].rstrip()[-1:] not in _OPENING


def _agrees(quantity: Quantity, value: Decimal, scale: Decimal) -> bool:
    if scale == 1:
        return quantity.value == value
    return abs(quantity.value - value) * 2 < quantity.step  # the text rounds the table's figure


def _describe(table: StatTable, cells, value: Decimal, scale: Decimal, unit: str) -> str:
    names = []
    for row, column in cells:
        spec = table.schema.row(row)
        row_name = f"“{spec.name}”" if spec is not None else f"“{row}”各项"
        names.append(row_name if column == TOTAL else f"{row_name}{column}")
    shown = plain(value / scale) + ("万元" if scale == 10000 else unit)
    return "＋".join(names) + f"为{shown}"
