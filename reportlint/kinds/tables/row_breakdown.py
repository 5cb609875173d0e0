"""tables.row_breakdown: a parent row of a statistics table against its child
rows ("受理依申请公开信息总数" against "其中：1.当面申请数 2.传真申请数 …"),
in every column read.

Each of ``breakdowns`` names a ``total`` row and its ``parts`` (the rows a table
may break it into; the rows a draft leaves out are simply absent). What the
text alone proves is reported:

- parts that add up to more than their total (for ``overlapping`` parts, which
  may count one item twice — a document published both on the website and in
  the gazette — only a single part larger than the total);
- parts that add up to less, when the table lists one of the ``exhaustive``
  rows ("其他形式申请数"), which leaves no item uncounted.

A total or a part not read (glued digits) or no number skips the column; a
cell split out of glued digits (one split the table allowed) makes the finding
a warning, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...numbers import plain
from ...tables import INVALID, NUMBER, StatTable, TableCell
from ..base import Kind
from ..options import Flag, Records
from ..table_options import TableNames, TableRows


class RowBreakdown(Kind):
    name = "tables.row_breakdown"
    reads = REPORTS
    options = {
        "tables": TableNames(required=True),
        "breakdowns": Records({
            "total": TableRows(single=True, required=True),
            "parts": TableRows(required=True),
            "overlapping": Flag(),
            "exhaustive": TableRows(default=()),
        }, required=True),
    }
    message_args = frozenset({"table", "column", "total", "parts", "relation"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        for table in facts.tables:
            if table.key not in self.tables:
                continue
            for breakdown in self.breakdowns:
                for column in table.column_keys():
                    finding = _compare(table, breakdown, column)
                    if finding is not None:
                        yield finding


def _compare(table: StatTable, breakdown: dict, column: str) -> Finding | None:
    total = table.cell(breakdown["total"], column)
    parts = [(row, cell) for row in breakdown["parts"] if (cell := table.cell(row, column)) is not None]
    unknown = breakdown["total"] in table.unread or any(row in table.unread for row in breakdown["parts"])
    if total is None or total.state != NUMBER or not parts or unknown or any(cell.state == INVALID for _, cell in parts):
        return None  # a blank part counts as 0 (tables.blank-cells reports it), an unread one as unknown
    if breakdown["overlapping"]:
        larger = [(row, cell) for row, cell in parts if cell.amount > total.amount]
        if not larger:
            return None
        shown, relation = larger[:1], "大于"
    else:
        added = sum((cell.amount for _, cell in parts), Decimal(0))
        complete = any(row in breakdown["exhaustive"] for row, _ in parts)
        if added > total.amount:
            relation = "大于"
        elif added < total.amount and complete:
            relation = "小于"
        else:
            return None
        shown = parts
    return Finding(total.span, {
        "table": table.key,
        "column": column,
        "total": f"“{table.schema.row(breakdown['total']).name}”{plain(total.amount)}",
        "parts": _expression(table, shown),
        "relation": relation,
    }, proven=not any(cell.glued for cell in [total, *(cell for _, cell in parts)]))


def _expression(table: StatTable, parts: list[tuple[str, TableCell]]) -> str:
    terms = "＋".join(f"“{table.schema.row(row).name}”{plain(cell.amount)}" for row, cell in parts)
    if len(parts) == 1:
        return terms
    return f"{terms}＝{plain(sum((cell.amount for _, cell in parts), Decimal(0)))}"
