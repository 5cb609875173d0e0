"""tables.impossible_rows: rows that must be empty for bodies of some levels
(``rows`` of the one table in ``tables``, for profile levels in ``levels``):
规章 can only be made by province-level governments, 设区的市 governments and
State Council departments."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...profile import Level
from ...tables import NUMBER, StatTable
from ..base import Kind
from ..options import Levels
from ..table_options import TableNames, TableRows


class ImpossibleRows(Kind):
    name = "tables.impossible_rows"
    reads = REPORTS
    options = {
        "tables": TableNames(required=True),
        "rows": TableRows(required=True),
        "levels": Levels(required=True),
    }
    message_args = frozenset({"table", "row", "column", "value", "level"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        level = facts.profile.level
        if level not in self.levels:
            return
        for table in facts.tables:
            if table.key in self.tables:
                yield from self._nonzero(table, level)

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
                    "level": Level(level).label,
                })
