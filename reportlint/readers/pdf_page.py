"""One page of a PDF as lines of text and tables (for reportlint/readers/pdf.py).

A PDF holds no paragraphs or table rows, only characters placed on the page:

- the characters pdfplumber finds (upright ones: a rotated watermark is not the
  report; a character printed twice over itself, as some tools fake bold, once)
  are grouped into lines by their vertical middle and ordered left to right; a
  gap wider than a space becomes a space, and a gap of more than
  ``_CELL_GAP`` character widths separates the cells of text aligned in columns;
- ruled tables are pdfplumber's table finder (rules drawn as lines or as the
  edges of rectangles). A merged cell is one cell, read in the row and column
  where it starts, as a web page's ``rowspan``/``colspan`` cell is; the lines of
  a cell are joined by the line-wrap rule, so a header cell stacked over two or
  three lines (商业 / 企业) reads 商业企业. Text inside a table is read as the
  table, never also as a line;
- tables without rules are read from the lines: at least two consecutive lines
  cut into cells by wide gaps, with a figure after the first cell (the rule the
  parser applies to rows aligned with spaces). Their columns are the bands where
  the cells of the run overlap, so a cell left blank is kept as blank.

(pdfplumber's own text-alignment strategy is not used: it cuts a page into
words at spaces, and Chinese text has none, so a whole line is one "word" and
every page of prose looks like a table.)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Gaps between characters, in character widths (the font size): a space, and
# the gap between two cells of text aligned in columns (about three spaces).
_SPACE_GAP = 0.2
_CELL_GAP = 1.5
_LATIN = re.compile(r"[A-Za-z0-9]")
# Radicals and compatibility ideographs that some PDF tools map glyphs to in
# place of the ideographs themselves (⽣ for 生), and Latin ligatures.
_LOOKALIKE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]")


@dataclass(frozen=True)
class Segment:
    """A run of a line without a wide gap: the whole line, or one cell of aligned text."""

    text: str
    x0: float
    x1: float


@dataclass
class Line:
    segments: tuple[Segment, ...]
    top: float
    bottom: float
    size: float  # the font size of most of its characters
    page: int

    @property
    def text(self) -> str:
        # Wide gaps stay two spaces: the parser reads runs of aligned lines as a table.
        return "  ".join(segment.text for segment in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


@dataclass
class GridCell:
    text: str
    column: int  # 1-based, counting the cells of its row as the page shows them


@dataclass
class GridRow:
    cells: list[GridCell]
    number: int  # 1-based row of the table on its page

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


@dataclass
class Grid:
    """A table on one page; ``continued`` when it goes on from the previous page,
    whose first ``repeated`` rows are the header rows it repeats."""

    rows: list[GridRow]
    x0: float
    x1: float
    top: float
    bottom: float
    ruled: bool
    page: int
    columns: int
    continued: bool = False
    repeated: int = 0


@dataclass
class Page:
    number: int
    height: float
    lines: list[Line]
    grids: list[Grid]
    unmapped: int  # characters whose font does not say which they are ("(cid:123)")
    turned: int  # characters not upright, left out: a watermark, or text turned on its page
    images: int  # pictures on the page (a seal, a logo, or a scanned page)


def read_page(page, number: int) -> Page:
    """The lines and ruled tables of a pdfplumber page; aligned tables are found
    later (`aligned_grids`), once running headers and footers are gone."""
    placed = _Placed(_characters(page.chars))
    unmapped = sum(1 for char in page.chars if char["text"].startswith("(cid:"))
    turned = sum(1 for char in page.chars if not char.get("upright", True) and not char["text"].isspace())
    grids, inside = [], set()
    for bbox, rows in _ruled_tables(page, placed):
        inside.update(placed.inside(bbox))
        grids.append(_ruled_grid(placed, rows, bbox, number))
    lines = lines_of([char for index, char in enumerate(placed.chars) if index not in inside], number)
    return Page(number, float(page.height), lines, grids, unmapped, turned, len(page.images))


class _Placed:
    """The characters of a page in the order of their vertical middles, to find
    those inside a box (a table, a cell) without looking at every one."""

    def __init__(self, chars: list[dict]) -> None:
        self.chars = sorted(chars, key=_middle)
        self.middles = [_middle(char) for char in self.chars]

    def inside(self, box: tuple[float, float, float, float]) -> list[int]:
        """The indexes of the characters whose centre lies in the box."""
        low, high = bisect_left(self.middles, box[1]), bisect_right(self.middles, box[3])
        return [index for index in range(low, high) if box[0] <= (self.chars[index]["x0"] + self.chars[index]["x1"]) / 2 <= box[2]]


def _middle(char: dict) -> float:
    return (char["top"] + char["bottom"]) / 2


def _ruled_tables(page, placed: _Placed) -> list[tuple[tuple[float, float, float, float], list[list]]]:
    """(bbox, rows of cell boxes or None) of each ruled table with two rows and
    two columns at least (a frame around text is no table). A table cut by the
    page end may leave its merged cells open at the cut, with no rule under
    them; when text inside a table lies in no cell, the tables are found again
    with rules drawn along their top and bottom edges."""
    tables = [(table.bbox, [row.cells for row in table.rows]) for table in page.find_tables()]
    open_cells = any(
        len(placed.inside(bbox)) > sum(len(placed.inside(cell)) for cells in rows for cell in cells if cell is not None)
        for bbox, rows in tables
    )
    if open_cells:
        edges = sorted({y for bbox, _ in tables for y in (bbox[1], bbox[3])})
        tables = [(table.bbox, [row.cells for row in table.rows])
                  for table in page.find_tables({"explicit_horizontal_lines": edges})]
    return [(bbox, rows) for bbox, rows in tables
            if len(rows) >= 2 and max(sum(cell is not None for cell in cells) for cells in rows) >= 2]


def _characters(chars: list[dict]) -> list[dict]:
    """Upright, visible characters that say which they are, each once."""
    seen, kept = set(), []
    for char in chars:
        text = char["text"]
        if not char.get("upright", True) or not text or text.isspace() or text.startswith("(cid:"):
            continue
        key = (text, round(char["x0"]), round(char["top"]))
        if key in seen:
            continue
        seen.add(key)
        if _LOOKALIKE.search(text):
            char = {**char, "text": unicodedata.normalize("NFKC", text)}
        kept.append(char)
    return kept


def lines_of(chars: list[dict], page: int) -> list[Line]:
    """Characters grouped into lines, top to bottom: a character whose vertical
    middle lies within the line above it belongs to that line."""
    groups: list[list[dict]] = []
    bottom = float("-inf")
    for char in sorted(chars, key=_middle):
        if groups and _middle(char) <= bottom:
            groups[-1].append(char)
            bottom = max(bottom, char["bottom"])
        else:
            groups.append([char])
            bottom = char["bottom"]
    return [_line(sorted(group, key=lambda char: char["x0"]), page) for group in groups]


def _line(chars: list[dict], page: int) -> Line:
    sizes = sorted(char["size"] for char in chars)
    size = sizes[len(sizes) // 2] or 1.0
    segments, text, start, previous = [], [], chars[0]["x0"], None
    for char in chars:
        if previous is not None:
            gap = char["x0"] - previous["x1"]
            if gap >= _CELL_GAP * size:
                segments.append(Segment("".join(text), start, previous["x1"]))
                text, start = [], char["x0"]
            elif gap > _SPACE_GAP * size:
                text.append(" ")
        text.append(char["text"])
        previous = char
    segments.append(Segment("".join(text), start, previous["x1"]))
    return Line(tuple(segments), min(char["top"] for char in chars), max(char["bottom"] for char in chars), size, page)


def join_wrapped(left: str, right: str) -> str:
    """Two lines of one paragraph or cell: Chinese wraps anywhere and joins
    without a space; Latin words and figures wrapped at a space get it back."""
    if not left or not right:
        return left + right
    space = " " if _LATIN.match(left[-1]) and _LATIN.match(right[0]) else ""
    return left + space + right


def _ruled_grid(placed: _Placed, rows: list[list], bbox, page: int) -> Grid:
    grid_rows = []
    for number, boxes in enumerate(rows, 1):
        texts = [_cell_text([placed.chars[index] for index in placed.inside(box)], page) for box in boxes if box is not None]
        grid_rows.append(GridRow([GridCell(text, column) for column, text in enumerate(texts, 1)], number))
    return Grid(grid_rows, bbox[0], bbox[2], bbox[1], bbox[3], True, page, max(len(boxes) for boxes in rows))


def _cell_text(chars: list[dict], page: int) -> str:
    text = ""
    for line in lines_of(chars, page):
        text = join_wrapped(text, " ".join(segment.text for segment in line.segments))
    return text


def aligned_grids(items: list[Line | Grid]) -> list[Line | Grid]:
    """The lines and tables of the document in reading order, with each run of
    lines aligned in columns made a table; a run may go on from the foot of a
    page to the head of the next, and is then a table on each page, the second
    one continuing the first."""
    result: list[Line | Grid] = []
    run: list[Line] = []
    for item in [*items, None]:
        if isinstance(item, Line) and len(item.segments) >= 2:
            run.append(item)
            continue
        figures = any(char.isdigit() for line in run for segment in line.segments[1:] for char in segment.text)
        result.extend(_aligned(run) if len(run) >= 2 and figures else run)
        run = []
        if item is not None:
            result.append(item)
    return result


def _aligned(lines: list[Line]) -> list[Grid]:
    """A table of aligned lines, one part per page. Its columns are the bands
    where cells of the run overlap; a row with nothing in a band has a blank
    cell there."""
    bands: list[list[float]] = []
    for segment in sorted((segment for line in lines for segment in line.segments), key=lambda segment: segment.x0):
        if bands and segment.x0 <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], segment.x1)
        else:
            bands.append([segment.x0, segment.x1])
    grids: list[Grid] = []
    for line in lines:
        texts = []
        for low, high in bands:
            inside = [segment.text for segment in line.segments if low <= segment.x0 <= high]
            texts.extend(inside or [""])
        if not grids or grids[-1].page != line.page:
            grids.append(Grid([], line.x0, line.x1, line.top, line.bottom, False, line.page, len(bands), continued=bool(grids)))
        grid = grids[-1]
        grid.rows.append(GridRow([GridCell(text, column) for column, text in enumerate(texts, 1)], len(grid.rows) + 1))
        grid.x0, grid.x1, grid.bottom = min(grid.x0, line.x0), max(grid.x1, line.x1), line.bottom
    return grids
