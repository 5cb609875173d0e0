"""What a statistics table is and what reading one gives.

A `TableSchema` declares a table's rows, columns and named groups; a
`TableLayout` declares how drafts write the table — as a grid (`GridLayout`) and
as glued web text (`GluedLayout`) — so that one grid reader and one glued reader
serve every table. Reading gives `TableCell`s in `StatTable`s, and `Unreadable`
rows where the cells could not be told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..document import Span
from ..profile import Edition

# Cell states.
NUMBER = "number"
BLANK = "blank"  # nothing written
NOT_APPLICABLE = "not-applicable"  # "/" or a dash: the draft says the cell does not apply
INVALID = "invalid"  # text that is no admissible value for its column

# What a column holds.
COUNT = "count"  # a non-negative integer
CHANGE = "change"  # an integer that may be negative (60号 表二 本年增/减)
AMOUNT = "amount"  # money: decimals and a unit (元, 万元) allowed


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    holds: str = COUNT


@dataclass(frozen=True)
class RowSpec:
    """A row of a schema. ``name`` is how messages show it (with its official
    number); ``pattern`` recognises the wording variants of its label, searched
    in the label without numbering, quotes and spaces; ``marker`` is its official
    number, which glued text runs into the digits before it; ``lead`` the words
    its printed label opens with after that number, as many as tell a flattened
    table row ("…0000000二、上年结转…") from a section heading."""

    key: str
    name: str
    pattern: re.Pattern[str]
    marker: str = ""
    lead: str = ""
    columns: tuple[ColumnSpec, ...] = ()
    group: str | None = None
    editions: tuple[Edition, ...] = ()  # the editions whose format has the row; () for all
    glued_words: str = ""  # the label's words in glued text, when its pattern does not find them there
    # A label that is a common word ("其他"): it names the row only under the
    # row's group heading, and in glued text only right after the row's number.
    common_word: bool = False


@dataclass(frozen=True)
class GroupHeading:
    """A heading over a group of rows ("（三）不予公开"): a label that names no row
    of figures but the group the rows after it belong to. ``lead`` is as a row's."""

    group: str
    lead: str
    # What recognises it in a label; None for a heading the readers need not
    # follow, over rows that their own labels tell apart.
    pattern: re.Pattern[str] | None


@dataclass(frozen=True)
class SumOfOthers:
    """In each row, the ``total`` column is the sum of the others."""

    total: str

    def holds(self, columns: Sequence[ColumnSpec], values: Sequence[int]) -> bool:
        total = values[[column.key for column in columns].index(self.total)]
        return total == sum(values) - total


@dataclass(frozen=True)
class AtMost:
    """In each row, the ``part`` column does not exceed the ``whole`` column."""

    part: str
    whole: str

    def holds(self, columns: Sequence[ColumnSpec], values: Sequence[int]) -> bool:
        keys = [column.key for column in columns]
        return values[keys.index(self.part)] <= values[keys.index(self.whole)]


@dataclass(frozen=True, eq=False)  # each schema is declared once: it is equal to itself alone
class TableSchema:
    key: str  # 表二, 表三, 表四, 统计表
    title: str
    rows: tuple[RowSpec, ...]
    editions: tuple[Edition, ...]  # the editions whose format has this table; the first is its own
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # named sets of row or column keys
    headings: tuple[GroupHeading, ...] = ()
    edition_header: re.Pattern[str] | None = None  # column-header words only this edition's table has
    # The shape its row labels share, when the rows themselves differ from one draft to another.
    label_shape: str = ""

    def row(self, key: str) -> RowSpec | None:
        return next((row for row in self.rows if row.key == key), None)

    @property
    def column_keys(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for row in self.rows:
            for column in row.columns:
                seen.setdefault(column.key, None)
        return tuple(seen)

    def rows_of(self, edition: Edition) -> list[RowSpec]:
        """The rows the edition's format has, in order."""
        return [row for row in self.rows if not row.editions or edition in row.editions]


@dataclass(frozen=True)
class GridLayout:
    """How the table's rows stand in a grid (a `Table` block)."""

    # Each label is followed by a cell of its own giving the unit (条, 件): the
    # label is the first of a row's label cells, and a row counts towards
    # recognising the grid only with that unit cell.
    unit_cell: bool = False
    # Rows may stand side by side as blocks of columns: a heading row names the
    # row whose values follow unlabelled, and an unlabelled run of values for
    # every row fills them in order.
    blocks: bool = False
    # A row may give its first column alone (a table of this year's figures only).
    first_column_alone: bool = False
    header: re.Pattern[str] | None = None  # words of a header row that name this table
    column_header: re.Pattern[str] | None = None  # words of column headers: a row with them is no row of figures
    wins_ties: bool = False  # recognised over another table that as many rows name


# How glued text writes a table (see reportlint.tables.glued).
LABELLED_ROWS = "labelled-rows"  # each row's label, in schema order, followed by its digits
AFTER_HEADER = "after-header"  # the column keys, then every row's digits in one run
ROWS_WITH_UNITS = "rows-with-units"  # rows in any order: a label, its unit, its digits


@dataclass(frozen=True)
class GluedLayout:
    form: str
    anchor: re.Pattern[str] | None = None  # where the table starts
    window: int = 300  # at most this many characters from one row's label to the next
    complete: bool = True  # every row must be found (else the rows found are read)
    constraint: SumOfOthers | AtMost | None = None  # picks the one split of a run that satisfies it
    units: tuple[str, ...] = ()  # for ROWS_WITH_UNITS


@dataclass(frozen=True)
class TableLayout:
    """A table as drafts write it. ``schemas`` has one schema per edition where the
    editions' tables differ, in order of preference; the last one takes the rows
    that fit none by their number of values."""

    key: str
    schemas: tuple[TableSchema, ...]
    grid: GridLayout
    glued: GluedLayout


@dataclass(frozen=True)
class TableCell:
    text: str
    span: Span
    state: str
    value: Decimal | None  # for NUMBER cells; NOT_APPLICABLE and BLANK count as 0 in sums
    glued: bool = False  # split out of glued digits

    @property
    def amount(self) -> Decimal:
        """The value a sum uses."""
        return self.value if self.value is not None else Decimal(0)


@dataclass(frozen=True)
class StatTable:
    schema: TableSchema
    edition: Edition
    cells: dict[tuple[str, str], TableCell]
    span: Span
    unread: frozenset[str] = frozenset()  # rows present in the draft whose cells could not be read

    @property
    def key(self) -> str:
        return self.schema.key

    def cell(self, row: str, column: str) -> TableCell | None:
        return self.cells.get((row, column))

    def row_keys(self) -> list[str]:
        """Rows read, in schema order."""
        present = {row for row, _ in self.cells}
        return [row.key for row in self.schema.rows if row.key in present]

    def column_keys(self) -> list[str]:
        present = {column for _, column in self.cells}
        return [column for column in self.schema.column_keys if column in present]


@dataclass(frozen=True)
class Unreadable:
    """A row whose cells could not be told apart: glued digits with several
    possible splits, or a row with the wrong number of values."""

    table: str
    row: str  # the row's name
    text: str
    span: Span
    reason: str  # "glued" or "columns"


@dataclass(frozen=True)
class Tables:
    tables: dict[str, StatTable]
    unreadable: tuple[Unreadable, ...]

    def get(self, key: str) -> StatTable | None:
        return self.tables.get(key)

    def __iter__(self) -> Iterator[StatTable]:
        return iter(self.tables.values())
