"""One document's tables while they are read: the cells found so far for each
schema, the rows found unreadable and the grids already read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..document import Span
from ..profile import Edition, Profile
from .model import RowSpec, StatTable, TableCell, TableLayout, Tables, TableSchema, Unreadable
from .schemas import LAYOUTS


@dataclass
class TableBuilder:
    schema: TableSchema
    edition: Edition
    cells: dict[tuple[str, str], TableCell] = field(default_factory=dict)
    unread: set[str] = field(default_factory=set)
    start: int | None = None
    end: int = 0

    def put(self, row: RowSpec, cells: Sequence[TableCell]) -> None:
        """Cells of a row, in the order of its columns (fewer cells fill the first columns)."""
        for column, cell in zip(row.columns, cells):
            self.cells.setdefault((row.key, column.key), cell)
            self.start = cell.span.start if self.start is None else min(self.start, cell.span.start)
            self.end = max(self.end, cell.span.end)

    def build(self) -> StatTable | None:
        if not self.cells or self.start is None:
            return None
        return StatTable(self.schema, self.edition, dict(self.cells), Span(self.start, self.end), frozenset(self.unread))


class Reading:
    """The builders of every schema, the unreadable rows and the spans of the
    grids read, shared by the grid reader and then the glued reader."""

    def __init__(self, text: str, profile: Profile) -> None:
        self.text = text
        self.edition = profile.edition
        # A table in the report's edition when the table has one, else in its own.
        self.builders = {
            layout.key: [TableBuilder(schema, self.edition if self.edition in schema.editions else schema.editions[0])
                         for schema in layout.schemas]
            for layout in LAYOUTS
        }
        self.unreadable: list[Unreadable] = []
        self.grid_spans: list[Span] = []

    def builder(self, schema: TableSchema) -> TableBuilder:
        return next(builder for builder in self.builders[schema.key] if builder.schema is schema)

    def candidates(self, layout: TableLayout, header: str) -> list[TableSchema]:
        """The schemas a row of the table may belong to, in the order to try them:
        the one whose edition's column headers ``header`` holds; else the report's
        edition's, then all in order of preference. The last one takes the rows
        that fit none."""
        named = [schema for schema in layout.schemas if schema.edition_header and schema.edition_header.search(header)]
        if named:
            return named[:1]
        return [schema for schema in layout.schemas if self.edition in schema.editions] + list(layout.schemas)

    def has_cells(self, layout: TableLayout) -> bool:
        return any(builder.cells for builder in self.builders[layout.key])

    def outside_grids(self, position: int) -> bool:
        return not any(span.start <= position < span.end for span in self.grid_spans)

    def unreadable_row(self, schema: TableSchema, rows: Sequence[RowSpec], row: Unreadable) -> None:
        self.unreadable.append(row)
        self.builder(schema).unread.update(spec.key for spec in rows)

    def result(self) -> Tables:
        tables: dict[str, StatTable] = {}
        for layout in LAYOUTS:
            built = [(builder.schema, builder.build()) for builder in self.builders[layout.key]]
            own = [table for schema, table in built if table and self.edition in schema.editions]
            # Else the last schema's (the one a row that fits none goes to), else any.
            found = own or [table for _, table in reversed(built) if table]
            if found:
                tables[layout.key] = found[0]
        return Tables(tables, tuple(sorted(self.unreadable, key=lambda item: item.span.start)))
