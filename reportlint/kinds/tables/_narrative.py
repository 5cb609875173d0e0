"""What the checks of the narrative against the statistics tables share.

The narrative restates the statistics tables ("全区收到政府信息公开申请75件，涉及
自然人72件", "行政复议7件，诉讼9件，均获维持"), and the two are written at
different times by different hands. Figures come from the number layer
(``Facts.numbers``); cells from the table model (``Facts.tables``). A cell is
named by a ``行.列`` term (option type TableTerms); a row or column may be a
group, such as 法人或其他组织 or 不予公开, and ``*`` is every row. A blank 总计
cell counts as the sum of its row; a figure whose cells were not read (another
edition's row, glued digits) is not checked.
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal

from ...document import Span
from ...facts import Facts
from ...tables import BLANK, INVALID, StatTable

# The units of counted things: a figure in one of them may restate a count of the tables.
COUNT_UNITS = ("件", "起", "宗", "例", "个")
TOTAL = "总计"


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
    if cell.state == BLANK and column == TOTAL:
        others = [table.cell(row, other) for other in table.column_keys() if other != TOTAL]
        if any(other is None or other.state == INVALID for other in others):
            return None
        return sum((other.amount for other in others), Decimal(0))
    return cell.amount


def cells_sum(table: StatTable, cells) -> Decimal | None:
    """The sum of ``行.列`` terms; None when a cell it needs was not read."""
    places = _places(table, cells)
    if places is None:
        return None
    total = Decimal(0)
    for row, column in places:
        value = _value(table, row, column)
        if value is None:
            return None
        total += value
    return total


def split_from_glued_digits(table: StatTable, cells) -> bool:
    """Whether a cell of the terms was split out of digits a page ran together
    (one split of several the table allowed: a reading, not a proof)."""
    return any((cell := table.cell(row, column)) is not None and cell.glued for row, column in _places(table, cells) or ())


def _places(table: StatTable, cells) -> list[tuple[str, str]] | None:
    """The (row, column) of every cell the ``行.列`` terms name, groups spelled
    out; None when a term names rows the table does not have."""
    places = []
    for row_name, column_name in cells:
        rows = [row for row in _rows(table, row_name) if table.schema.row(row) is not None]
        present = [row for row in rows if row in table.unread or table.cell(row, _columns(table, column_name)[0])]
        if not present:
            return None
        places += [(row, column) for row in present for column in _columns(table, column_name)]
    return places


class Paragraphs:
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
