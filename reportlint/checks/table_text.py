"""table_text: figures and claims of the narrative against the table cells they restate.

The narrative restates the statistics tables ("全区收到政府信息公开申请75件，涉及
自然人72件", "行政复议7件，诉讼9件，均获维持"), and the two are written at
different times by different hands. Figures come from the number layer
(``Facts.numbers``); cells from the table model (``Facts.tables``).

``check`` chooses the aspect:

- ``figure``: each exact figure is matched to at most one of ``claims``, each
  ``{name, pattern, cells}`` plus optional ``context`` (a pattern the figure's
  paragraph must contain), ``units``, ``scale`` and ``carried_over``. ``pattern`` is searched in the figure's clause with the
  figure itself written ``#`` ("全区收到政府信息公开申请#"); the claim whose match
  is longest wins ("予以公开及部分公开#" over "部分公开#"), the first listed on a
  tie. Patterns bound the words between their keyword and the figure.
  ``cells`` are ``行.列`` terms whose sum the figure restates (a row or column
  may be a group, such as 法人或其他组织 or 不予公开); ``scale`` converts the
  cells' unit to the figure's (万元 → 元: 10000). When the clause says the figure
  includes last year's carried-over requests (含上年结转), the ``carried_over``
  cells are added; when it does not but the sum with them would match, the
  message says so.
- ``outcome``: ``claims`` of outcome (``{pattern, columns}``: "均获维持" excludes
  结果纠正, 其他结果 and 尚未审结) against 表四, in the blocks the sentence names
  (复议, 诉讼, or both). A claim about the rest ("其余均获维持", "除1件外…")
  is not checked: the text has already excepted some cases.
- ``share``: a percentage right after a figure (``…258件，占33.9%``) whose
  clause matches ``pattern``, against ``base`` (a cell, 表三 （七）总计). Skipped
  when the paragraph states the base figure itself: the numbers.* rules check
  percentages against totals the text gives.

A blank 总计 cell counts as the sum of its row; a figure whose cells were not
read (another edition's row, glued digits) is not checked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..diagnostic import Finding
from ..document import Span
from ..facts import Facts
from ..numbers import Quantity, plain
from ..patterns import PatternError, RulePattern, compile_pattern
from ..tables import BLANK, INVALID, NUMBER, SCHEMA_KEYS, StatTable
from .base import Kind, Option, OptionError

_CARRIED_OVER_SAID = ("含上年", "包括上年", "含上年度", "包括上年度", "含结转")
_COUNT_UNITS = ("件", "起", "宗", "例", "个")
_TOTAL = "总计"
# An outcome claim about the rest ("其余均获维持", "除1件外均已审结") excepts some cases.
_EXCEPT_SOME = re.compile(r"其余|其他|余下|除")
_EXCEPT_REACH = 12


@dataclass(frozen=True)
class _Claim:
    name: str
    pattern: RulePattern
    table: str
    cells: tuple[tuple[str, str], ...]
    context: RulePattern | None
    units: tuple[str, ...]
    scale: Decimal
    carried_over: tuple[tuple[str, str], ...]


class TableText(Kind):
    name = "table_text"
    options = {
        "check": Option((str,), required=True, choices=("figure", "outcome", "share")),
        "table": Option((str,), required=True, choices=SCHEMA_KEYS),
        "claims": Option((list,), default=[], items=dict),
        "pattern": Option((str,), default=""),
        "base": Option((str,), default=""),
    }
    message_args = frozenset({"text", "claim", "table", "cells", "note", "row", "column", "value", "expected"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]
        self.table = options["table"]
        self.claims = [self._claim(index, claim) for index, claim in enumerate(options["claims"])]
        if self.aspect in ("figure", "outcome") and not self.claims:
            raise OptionError("claims", f"{self.aspect} 需要至少一项 claims")
        if self.aspect == "share":
            if not options["pattern"] or not options["base"]:
                raise OptionError("check", "share 需要 pattern 和 base")
            self.pattern = _compile("pattern", options["pattern"])
            self.base = _cell_term("base", options["base"])

    def _claim(self, index: int, raw: dict) -> _Claim:
        where = f"claims 第 {index + 1} 项"
        required = {"pattern"} | ({"name", "cells"} if self.aspect == "figure" else {"columns"})
        allowed = required | {"context", "units", "scale", "carried_over", "name"}
        if not required <= set(raw) or set(raw) - allowed:
            raise OptionError("claims", f"{where}：应有 {'、'.join(sorted(required))}，可选 {'、'.join(sorted(allowed - required))}")
        terms = raw.get("cells") if self.aspect == "figure" else [f"*.{column}" for column in raw["columns"]]
        return _Claim(
            name=str(raw.get("name", "")),
            pattern=_compile("claims", raw["pattern"]),
            table=self.table,
            cells=tuple(_cell_term("claims", term) for term in terms),
            context=_compile("claims", raw["context"]) if raw.get("context") else None,
            units=tuple(raw.get("units", _COUNT_UNITS)),
            scale=Decimal(str(raw.get("scale", 1))),
            carried_over=tuple(_cell_term("claims", term) for term in raw.get("carried_over", [])),
        )

    def check(self, facts: Facts) -> Iterator[Finding]:
        table = facts.tables.get(self.table)
        if table is None:
            return
        if self.aspect == "figure":
            yield from self._figures(facts, table)
        elif self.aspect == "outcome":
            yield from self._outcomes(facts, table)
        else:
            yield from self._shares(facts, table)

    # -- figures --

    def _figures(self, facts: Facts, table: StatTable) -> Iterator[Finding]:
        text = facts.text
        paragraphs = _Paragraphs(facts)
        for quantity in facts.numbers.quantities:
            if quantity.approximate or quantity.percent or quantity.unit is None:
                continue
            claim = self._claim_of(text, quantity, paragraphs)
            if claim is None:
                continue
            clause = text[quantity.clause.start:quantity.clause.end]
            cells = claim.cells
            said = any(words in clause for words in _CARRIED_OVER_SAID)
            if said and claim.carried_over:
                cells = cells + claim.carried_over
            value = _sum(table, cells)
            if value is None:
                continue
            value *= claim.scale
            if _agrees(quantity, value, claim.scale):
                continue
            note = ""
            if not said and claim.carried_over:
                with_carried = _sum(table, claim.cells + claim.carried_over)
                if with_carried is not None and with_carried * claim.scale == quantity.value:
                    carried = _sum(table, claim.carried_over)
                    note = (f"（加上年结转{plain(carried)}{quantity.unit}为{plain(with_carried)}{quantity.unit}；"
                            "如正文的数字包含上年结转，请写明“含上年结转”）")
            yield Finding(quantity.span, {
                "text": quantity.text,
                "claim": claim.name,
                "table": self.table,
                "cells": _describe(table, cells, value, claim.scale, quantity.unit),
                "note": note,
            })

    def _claim_of(self, text: str, quantity: Quantity, paragraphs: _Paragraphs) -> _Claim | None:
        clause = text[quantity.clause.start:quantity.clause.end]
        offset = quantity.span.start - quantity.clause.start
        marked = clause[:offset] + "#" + clause[offset + len(quantity.span):]
        paragraph = paragraphs.around(quantity.span.start)
        best: tuple[int, int, _Claim] | None = None
        for index, claim in enumerate(self.claims):
            if quantity.unit not in claim.units:
                continue
            if claim.context is not None and not claim.context.search(text, paragraph.start, paragraph.end):
                continue
            match = claim.pattern.search(marked)
            if match is None or "#" not in match.group():
                continue
            key = (-len(match.group()), index)
            if best is None or key < best[:2]:
                best = (*key, claim)
        return best[2] if best else None

    # -- outcome claims --

    def _outcomes(self, facts: Facts, table: StatTable) -> Iterator[Finding]:
        text = facts.text
        for paragraph in facts.document.paragraphs():
            for sentence in paragraph.sentences:
                for claim in self.claims:
                    match = claim.pattern.search(text, sentence.span.start, sentence.span.end)
                    if match is None:
                        continue
                    before = text[sentence.span.start:match.start()]
                    if _EXCEPT_SOME.search(before[-_EXCEPT_REACH:]):
                        continue  # "其中1件尚未审结，其余均获维持"
                    blocks = _blocks_named(before)
                    for row in blocks:
                        found = _contradiction(table, row, claim)
                        if found:
                            column, cell = found
                            yield Finding(Span(*match.span()), {
                                "text": match.group(),
                                "table": self.table,
                                "row": table.schema.row(row).name,
                                "column": column,
                                "value": cell.text.strip(),
                            })
                            break

    # -- percentages --

    def _shares(self, facts: Facts, table: StatTable) -> Iterator[Finding]:
        base = _sum(table, (self.base,))
        if not base:
            return
        text = facts.text
        paragraphs = _Paragraphs(facts)
        quantities = facts.numbers.quantities
        for previous, quantity in zip(quantities, quantities[1:]):
            if not quantity.percent or previous.unit not in _COUNT_UNITS or previous.approximate:
                continue
            if previous.sentence != quantity.sentence or "占" not in text[previous.span.end:quantity.span.start]:
                continue
            clause = text[previous.clause.start:previous.clause.end]
            if not self.pattern.search(clause):
                continue
            paragraph = paragraphs.around(quantity.span.start)
            if any(
                figure.value == base and figure.unit in _COUNT_UNITS for figure in facts.numbers.quantities_in(paragraph)
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


def _compile(key: str, pattern: str) -> RulePattern:
    try:
        return compile_pattern(pattern)
    except PatternError as error:
        raise OptionError(key, f"“{pattern}”：{error}") from None


def _cell_term(key: str, term: object) -> tuple[str, str]:
    if not isinstance(term, str) or term.count(".") != 1:
        raise OptionError(key, f"单元格应写作“行.列”，如“本年新收.总计”，此处为“{term}”")
    row, column = term.split(".")
    return row, column


def _rows(table: StatTable, name: str) -> tuple[str, ...]:
    if name == "*":
        return tuple(table.row_keys())
    return table.schema.groups.get(name, (name,))


def _columns(table: StatTable, name: str) -> tuple[str, ...]:
    return table.schema.groups.get(name, (name,))


def _value(table: StatTable, row: str, column: str) -> Decimal | None:
    """A cell's value; a blank 总计 is the sum of the rest of its row."""
    if row in table.unread:
        return None
    cell = table.cell(row, column)
    if cell is None or cell.state == INVALID:
        return None
    if cell.state == BLANK and column == _TOTAL:
        others = [table.cell(row, other) for other in table.column_keys() if other != _TOTAL]
        if any(other is None or other.state == INVALID for other in others):
            return None
        return sum((other.amount for other in others), Decimal(0))
    return cell.amount


def _sum(table: StatTable, cells) -> Decimal | None:
    """The sum of ``行.列`` terms; None when a cell it needs was not read."""
    total = Decimal(0)
    for row_name, column_name in cells:
        rows = [row for row in _rows(table, row_name) if table.schema.row(row) is not None]
        present = [row for row in rows if row in table.unread or table.cell(row, _columns(table, column_name)[0])]
        if not present:
            return None
        for row in present:
            for column in _columns(table, column_name):
                value = _value(table, row, column)
                if value is None:
                    return None
                total += value
    return total


def _agrees(quantity: Quantity, value: Decimal, scale: Decimal) -> bool:
    if scale == 1:
        return quantity.value == value
    return abs(quantity.value - value) * 2 < quantity.step  # the text rounds the table's figure


def _describe(table: StatTable, cells, value: Decimal, scale: Decimal, unit: str) -> str:
    names = []
    for row, column in cells:
        spec = table.schema.row(row)
        row_name = f"“{spec.name}”" if spec is not None else f"“{row}”各项"
        names.append(row_name if column == _TOTAL else f"{row_name}{column}")
    shown = plain(value / scale) + ("万元" if scale == 10000 else unit)
    return "＋".join(names) + f"为{shown}"


def _blocks_named(text: str) -> tuple[str, ...]:
    """The 表四 blocks a sentence speaks of: 复议, 诉讼 or both."""
    review, litigation = "复议" in text, "诉讼" in text
    blocks: tuple[str, ...] = ()
    if review or not litigation:
        blocks += ("行政复议",)
    if litigation or not review:
        blocks += ("直接起诉", "复议后起诉")
    return blocks


def _contradiction(table: StatTable, row: str, claim: _Claim):
    for _, column in claim.cells:
        cell = table.cell(row, column)
        if cell is not None and cell.state == NUMBER and cell.value:
            return column, cell
    return None


class _Paragraphs:
    """Finds the paragraph (or heading) around an offset."""

    def __init__(self, facts: Facts) -> None:
        document = facts.document
        spans = [paragraph.span for paragraph in document.paragraphs()]
        spans += [heading.span for heading in document.headings()]
        self.spans = sorted(spans, key=lambda span: span.start)
        self.starts = [span.start for span in self.spans]

    def around(self, offset: int) -> Span:
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.spans[index].end:
            return self.spans[index]
        return Span(offset, offset)
