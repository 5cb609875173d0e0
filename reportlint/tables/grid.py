"""Tables the document holds as rows of cells: pipe-separated rows (Markdown or
converted HTML), tab-separated rows pasted from Word, rows aligned with runs of
spaces (all three made by reportlint.parser), and tables that the Word and HTML
readers hand over as rows of cells.

A row's leading cells are its label, the cells after them its values. The
table a grid holds is the one whose rows most of its labels name; the grid is
then read as that table's `GridLayout` declares.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..document import Cell, Document, Table, TableRow
from .cells import is_value_text, read_cell
from .labels import group_of, match_row
from .model import GroupHeading, RowSpec, TableLayout, TableSchema, Unreadable
from .reading import Reading
from .schemas import LAYOUTS

_LAYOUTS = {layout.key: layout for layout in LAYOUTS}

# A row split into (the row, its label cells, its value cells).
_Labelled = tuple[TableRow, list[Cell], list[Cell]]


def read_grids(reading: Reading, document: Document) -> None:
    """Every grid of the document, each with the heading or paragraph before it,
    which may name the group or the row its first rows belong to."""
    context = ""
    for item in _in_order(document):
        if isinstance(item, Table):
            _read_grid(reading, item, context)
            context = ""
        else:
            context = item


def _read_grid(reading: Reading, table: Table, context: str) -> None:
    labelled = [(row, *_split_row(row)) for row in table.rows if not row.separator]
    header = " ".join(cell.text for row, _, values in labelled if _blank(values) for cell in row.cells)
    votes: dict[str, int] = {}
    for _, labels, values in labelled:
        for layout in LAYOUTS:
            if _names_a_row(layout, labels, values):
                votes[layout.key] = votes.get(layout.key, 0) + 1
    for layout in LAYOUTS:
        if layout.grid.header and layout.grid.header.search(header):
            votes[layout.key] = votes.get(layout.key, 0) + 1
    if not votes:
        return
    chosen = _LAYOUTS[max(votes, key=lambda key: (votes[key], _LAYOUTS[key].grid.wins_ties))]
    reading.grid_spans.append(table.span)
    _read_rows(reading, chosen, labelled, context, header)


def _names_a_row(layout: TableLayout, labels: list[Cell], values: list[Cell]) -> bool:
    """Whether a labelled row of values could belong to the table."""
    if not labels or not values or (layout.grid.unit_cell and len(labels) < 2):
        return False
    label = labels[0].text if layout.grid.unit_cell else labels[-1].text
    return any(match_row(schema, label, None) or group_of(schema.headings, label) for schema in layout.schemas)


def _read_rows(reading: Reading, layout: TableLayout, labelled: list[_Labelled], context: str, header: str) -> None:
    grid = layout.grid
    schemas = reading.candidates(layout, header)
    headings: tuple[GroupHeading, ...] = tuple(heading for schema in layout.schemas for heading in schema.headings)
    group = group_of(headings, context)
    block = _named(schemas, context) if grid.blocks else None
    for row, labels, values in labelled:
        if grid.blocks and _blank(values):  # a heading row: it may name the row of the values below
            if labels:
                block = _named(schemas, labels[-1].text) or block
            continue
        if not labels:
            if grid.blocks:
                _read_unlabelled(reading, schemas[0], block, values, row)
            continue
        if not values:  # the label of a group of rows
            group = group_of(headings, labels[-1].text) or group
            continue
        if grid.column_header and any(grid.column_header.search(label.text) for label in labels):
            continue  # 自然人 | 法人或其他组织 | 总计, padded with empty cells
        for label in labels[:-1]:
            group = group_of(headings, label.text) or group
        label = labels[0] if grid.unit_cell else labels[-1]
        found = _row_of(schemas, label.text, group, len(values))
        if found is None:
            group = group_of(headings, labels[-1].text) or group
            continue
        schema, spec = found
        group = spec.group or group
        _put_values(reading, schema, spec, values, row, grid.first_column_alone)


def _named(schemas: Sequence[TableSchema], label: str) -> tuple[TableSchema, RowSpec] | None:
    """The first row of the schemas a label names."""
    for schema in schemas:
        spec = match_row(schema, label, None)
        if spec is not None:
            return schema, spec
    return None


def _row_of(schemas: Sequence[TableSchema], label: str, group: str | None, width: int) -> tuple[TableSchema, RowSpec] | None:
    """The row a label names in the first schema whose row has as many columns as
    there are values, or in the last schema whatever the number of values."""
    for schema in schemas:
        spec = match_row(schema, label, group)
        if spec is not None and (len(spec.columns) == width or schema is schemas[-1]):
            return schema, spec
    return None


def _read_unlabelled(reading: Reading, schema: TableSchema, block: tuple[TableSchema, RowSpec] | None,
                     values: list[Cell], row: TableRow) -> None:
    """Values without a label: every row's cells in a row of their own, or the
    cells of the row the heading above named."""
    if len(values) == sum(len(spec.columns) for spec in schema.rows):
        cells = iter(values)
        for spec in schema.rows:
            reading.builder(schema).put(spec, [read_cell(cell.text, cell.span, column.holds)
                                               for column, cell in zip(spec.columns, cells)])
    elif block is not None:
        _put_values(reading, *block, values, row, False)


def _put_values(reading: Reading, schema: TableSchema, spec: RowSpec, values: list[Cell], row: TableRow,
                first_column_alone: bool) -> None:
    width = len(spec.columns)
    builder = reading.builder(schema)
    if first_column_alone and len(values) == 1:
        builder.put(spec, [read_cell(values[0].text, values[0].span, spec.columns[0].holds)])
    elif len(values) < width:
        reading.unreadable_row(schema, [spec], Unreadable(schema.key, spec.name, _row_text(row), row.span, "columns"))
    else:
        builder.put(spec, [read_cell(cell.text, cell.span, column.holds)
                           for cell, column in zip(_aligned_values(values, width), spec.columns)])


def _blank(values: list[Cell]) -> bool:
    return all(not cell.text.strip() for cell in values)


def _split_row(row: TableRow) -> tuple[list[Cell], list[Cell]]:
    """(label cells, value cells): the labels lead, with any empty cells that
    merged label cells left before or between them; the values are everything
    after the last label, so that a stray word among the values is a bad value,
    not a label."""
    cells = list(row.cells)
    labels = []
    values_start = 0
    for index, cell in enumerate(cells):
        if not cell.text.strip():
            continue
        if is_value_text(cell.text):
            break
        labels.append(cell)
        values_start = index + 1
    return labels, cells[values_start:] if labels else cells[_leading_empty(cells):]


def _aligned_values(values: list[Cell], width: int) -> list[Cell]:
    """The ``width`` value cells of a row that has more. Surplus empty cells are
    padding: after the values (a rectangular grid made from a table with merged
    cells), before them (a label merged over two columns), or both; otherwise the
    values are the last cells."""
    surplus = len(values) - width
    if surplus <= 0:
        return values
    trailing = _leading_empty(values[::-1])
    if trailing >= surplus:
        return values[:width]
    if _leading_empty(values) + trailing >= surplus:
        return values[surplus - trailing:len(values) - trailing]
    return values[-width:]


def _leading_empty(cells: list[Cell]) -> int:
    """How many cells at the start are empty."""
    count = 0
    while count < len(cells) and not cells[count].text.strip():
        count += 1
    return count


def _row_text(row: TableRow) -> str:
    return " | ".join(cell.text for cell in row.cells)


def _in_order(document: Document) -> Iterator[str | Table]:
    """Headings, paragraphs (as text) and tables in document order."""
    def blocks(items):
        for block in items:
            yield block if isinstance(block, Table) else block.text

    yield from blocks(document.preamble)
    for section in document.walk_sections():
        yield section.heading.text
        yield from blocks(section.blocks)
