"""tables.blank_cells: cells left empty, one finding per table on its first
blank cell with the count. A table states 0 where there is nothing; "/" (does
not apply) is accepted as written."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...tables import BLANK
from ..base import Kind
from ..table_options import TableNames


class BlankCells(Kind):
    name = "tables.blank_cells"
    reads = REPORTS
    options = {"tables": TableNames()}
    message_args = frozenset({"table", "row", "column", "count"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        for table in facts.tables:
            if table.key in self.tables:
                yield from self._blanks(table)

    def _blanks(self, table) -> Iterator[Finding]:
        blanks = [
            (row, column, cell) for row in table.schema.rows for column in row.columns
            if (cell := table.cell(row.key, column.key)) is not None and cell.state == BLANK
        ]
        if blanks:
            row, column, cell = blanks[0]
            yield Finding(cell.span, {"table": table.key, "row": row.name, "column": column.key, "count": len(blanks)})
