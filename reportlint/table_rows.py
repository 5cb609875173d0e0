"""Table rows the parser reads from lines: rows with "|" (Markdown, a web page
converted to text) or tabs (pasted from Word), and rows aligned with runs of
spaces (a table typed or pasted as plain text)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lark import Token

from .document import Cell, Span, TableRow

_SEPARATOR_CELL = re.compile(r":?-{3,}:?")
# Cells of a row aligned with spaces are separated by two or more spaces; a
# sentence or a long run of text is no cell.
_ALIGNED_GAP = re.compile(r"[ \t\u3000]{2,}")
_LONGEST_ALIGNED_CELL = 60


def stripped_span(token: Token) -> Span:
    """The span of a token without the spaces around it."""
    value = str(token)
    start = token.start_pos + (len(value) - len(value.lstrip()))
    return Span(start, token.start_pos + len(value.rstrip()))


def table_row(text: str, token: Token) -> TableRow:
    """The row of a line the grammar typed as a table row (cells between "|" or tabs)."""
    value = str(token)
    start = token.start_pos
    separator = "|" if "|" in value else "\t"
    pieces = value.split(separator)
    if separator == "|" and value.strip().startswith("|"):
        pieces_start = value.index("|") + 1
        pieces = value[pieces_start:].split("|")
        start += pieces_start
        if value.rstrip().endswith("|"):
            pieces = pieces[:-1]
    cells = []
    offset = start
    for piece in pieces:
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            cells.append(Cell(stripped, Span(offset + lead, offset + lead + len(stripped))))
        else:  # an empty cell is the space between its separators
            cells.append(Cell("", Span(offset, offset + len(piece))))
        offset += len(piece) + 1
    is_separator = bool(cells) and all(_SEPARATOR_CELL.fullmatch(cell.text) for cell in cells)
    return TableRow(tuple(cells), stripped_span(token), is_separator)


def aligned_rows(text: str, lines: Sequence) -> dict[int, TableRow]:
    """Rows of tables aligned with spaces, by line index (``lines`` have a
    ``kind`` and ``tokens``): runs of at least two consecutive text lines of two
    or more cells, with a figure after the first cell somewhere in the run."""
    rows: dict[int, TableRow] = {}
    run: dict[int, TableRow] = {}
    for index in range(len(lines) + 1):
        line = lines[index] if index < len(lines) else None
        row = _aligned_row(text, line.tokens) if line is not None and line.kind == "text" else None
        if row is not None:
            run[index] = row
            continue
        has_figure = any(char.isdigit() for candidate in run.values() for cell in candidate.cells[1:] for char in cell.text)
        if len(run) >= 2 and has_figure:
            rows.update(run)
        run = {}
    return rows


def _aligned_row(text: str, tokens: Sequence[Token]) -> TableRow | None:
    if not tokens or tokens[0].type == "HASHES":
        return None
    start, end = tokens[0].start_pos, tokens[-1].end_pos
    line = text[start:end]
    if "。" in line:
        return None
    cells = []
    offset = 0
    for gap in [*_ALIGNED_GAP.finditer(line), None]:
        cell_end = gap.start() if gap else len(line)
        cells.append(Cell(line[offset:cell_end], Span(start + offset, start + cell_end)))
        offset = gap.end() if gap else offset
    if len(cells) < 2 or any(len(cell.text) > _LONGEST_ALIGNED_CELL for cell in cells):
        return None
    return TableRow(tuple(cells), Span(start, end))
