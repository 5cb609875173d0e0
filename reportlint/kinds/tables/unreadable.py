"""tables.unreadable: rows whose cells could not be told apart (numbers glued
together by a web extraction, a row short of values); one finding per document,
on the first such row, so that a user knows those cells went unchecked."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ..base import Kind
from ..table_options import TableNames


class Unreadable(Kind):
    name = "tables.unreadable"
    reads = REPORTS
    options = {"tables": TableNames()}
    message_args = frozenset({"table", "row", "problem", "count"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        rows = [row for row in facts.tables.unreadable if row.table in self.tables]
        if not rows:
            return
        first = rows[0]
        if first.reason == "glued":
            problem = f"数字“{first.text}”连在一起，分不出各单元格"
        else:
            problem = "数值的个数与表格的列数不符"
        yield Finding(first.span, {"table": first.table, "row": first.row, "problem": problem, "count": len(rows)})
