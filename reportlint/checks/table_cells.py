"""table_cells: what the cells of the statistics tables hold.

``check`` chooses the aspect:

- ``value``: a cell that is no admissible value for its column (text, a
  negative count, a fraction of a count); one finding per cell.
- ``blank``: cells left empty, one finding per table on its first blank cell
  with the count. A table states 0 where there is nothing; "/" (does not apply)
  is accepted as written.
- ``unreadable``: rows whose cells could not be told apart (numbers glued
  together by a web extraction, a row short of values); one finding per
  document, on the first such row, so that a user knows those cells went
  unchecked.
- ``nonzero``: rows that must be empty for bodies of some levels (``rows`` of
  ``table``, for profile levels in ``levels``): 规章 can only be made by
  province-level governments, 设区的市 governments and State Council departments.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostic import Finding
from ..facts import Facts
from ..tables import AMOUNT, BLANK, CHANGE, INVALID, NUMBER, SCHEMA_KEYS, StatTable
from .base import Kind, Option, OptionError, strings

_EXPECTED = {AMOUNT: "金额数字", CHANGE: "整数"}
_LEVEL_NAMES = {"province": "省级", "city": "市级", "county": "县级", "township": "乡级"}
_LEVELS = tuple(_LEVEL_NAMES)


class TableCells(Kind):
    name = "table_cells"
    options = {
        "check": Option((str,), required=True, choices=("value", "blank", "unreadable", "nonzero")),
        "tables": strings(list(SCHEMA_KEYS)),
        "rows": strings(),
        "levels": strings(),
    }
    message_args = frozenset({"table", "row", "column", "text", "expected", "count", "problem", "level", "value"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]
        self.tables = options["tables"]
        unknown = [table for table in self.tables if table not in SCHEMA_KEYS]
        if unknown:
            raise OptionError("tables", f"未知的表“{unknown[0]}”，应为：{'、'.join(SCHEMA_KEYS)}")
        self.rows = options["rows"]
        self.levels = options["levels"]
        unknown = [level for level in self.levels if level not in _LEVELS]
        if unknown:
            raise OptionError("levels", f"未知的层级“{unknown[0]}”，应为：{'、'.join(_LEVELS)}")
        if self.aspect == "nonzero" and (len(self.tables) != 1 or not self.rows or not self.levels):
            raise OptionError("check", "nonzero 需要 tables（一个表）、rows 和 levels")

    def check(self, facts: Facts) -> Iterator[Finding]:
        tables = [table for table in facts.tables if table.key in self.tables]
        if self.aspect == "value":
            for table in tables:
                yield from _values(table)
        elif self.aspect == "blank":
            for table in tables:
                yield from _blanks(table)
        elif self.aspect == "unreadable":
            yield from _unreadable(facts, self.tables)
        elif facts.profile.level in self.levels:
            for table in tables:
                yield from self._nonzero(table, facts.profile.level)

    def _nonzero(self, table: StatTable, level: str) -> Iterator[Finding]:
        for row in self.rows:
            spec = table.schema.row(row)
            if spec is None:
                continue
            filled = [
                (column, cell) for column in spec.columns
                if (cell := table.cell(row, column.key)) is not None and cell.state == NUMBER and cell.value
            ]
            if filled:
                column, cell = filled[0]
                yield Finding(cell.span, {
                    "table": table.key, "row": spec.name, "column": column.key, "value": cell.text.strip(),
                    "level": _LEVEL_NAMES[level],
                })


def _values(table: StatTable) -> Iterator[Finding]:
    for row in table.schema.rows:
        for column in row.columns:
            cell = table.cell(row.key, column.key)
            if cell is not None and cell.state == INVALID:
                yield Finding(cell.span, {
                    "table": table.key, "row": row.name, "column": column.key, "text": cell.text.strip(),
                    "expected": _EXPECTED.get(column.holds, "非负整数"),
                })


def _blanks(table: StatTable) -> Iterator[Finding]:
    blanks = [
        (row, column, cell) for row in table.schema.rows for column in row.columns
        if (cell := table.cell(row.key, column.key)) is not None and cell.state == BLANK
    ]
    if blanks:
        row, column, cell = blanks[0]
        yield Finding(cell.span, {"table": table.key, "row": row.name, "column": column.key, "count": len(blanks)})


def _unreadable(facts: Facts, tables: list[str]) -> Iterator[Finding]:
    rows = [row for row in facts.tables.unreadable if row.table in tables]
    if not rows:
        return
    first = rows[0]
    if first.reason == "glued":
        problem = f"的数字“{first.text}”连在一起，无法确定各单元格的边界"
    else:
        problem = "的数值个数与表格的列数不符"
    yield Finding(first.span, {"table": first.table, "row": first.row, "problem": problem, "count": len(rows)})
