"""tables.cell_value: a cell that is no admissible value for its column (text,
a negative count, a fraction of a count); one finding per cell."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...tables import AMOUNT, CHANGE, INVALID
from ..base import Kind
from ..table_options import TableNames

_EXPECTED = {AMOUNT: "金额数字", CHANGE: "整数"}


class CellValue(Kind):
    name = "tables.cell_value"
    reads = REPORTS
    options = {"tables": TableNames()}
    message_args = frozenset({"table", "row", "column", "text", "expected"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        for table in facts.tables:
            if table.key in self.tables:
                yield from self._values(table)

    def _values(self, table) -> Iterator[Finding]:
        for row in table.schema.rows:
            for column in row.columns:
                cell = table.cell(row.key, column.key)
                if cell is not None and cell.state == INVALID:
                    yield Finding(cell.span, {
                        "table": table.key, "row": row.name, "column": column.key, "text": cell.text.strip(),
                        "expected": _EXPECTED.get(column.holds, "非负整数"),
                    })
