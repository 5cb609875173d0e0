"""PDF files (.pdf): published reports and drafts exported to PDF, read with
pdfplumber (on pdfminer.six).

Each page is read as lines and tables (reportlint/readers/pdf_page.py); then,
over the whole document:

- running headers and footers are dropped: lines at the top or bottom edge of
  a page that are page numbers ("- 3 -", "第3页 共6页", "3/6") or that recur at
  the same height on another page (digits aside, so "第3页" matches "第4页");
- the lines of a paragraph are joined into one line by the line-wrap rule
  (Chinese joins without a space): a line continues the one above it when that
  one runs to the right margin, the text size stays, and it is not indented or
  set apart by space, does not start with a numbering marker (unless the line
  above broke off mid-word) and the line above does not end a sentence — which
  in a document that indents its paragraphs does not matter; a centred title
  set over two lines is one line too;
- a table that opens a page right after a table that closed the page before,
  with the same left and right edges, continues it: the header rows the page
  repeats are dropped, and its rows follow the first part's, so that the table
  reader sees one table.

Paragraphs become lines and table rows lines of cells joined by " | ", as the
Word reader writes them; ``Source.location`` names the page ("第3页“…”"), and
for a table cell the table on that page, its row and cell
("第3页第1个表格第4行第2格“…”"). There is no OCR: a PDF without a text layer
(a scan) is refused with advice, and so are encrypted and broken files.
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..source import Places, Source, SourceError
from ..text.chars import DIGITS, HAN, ITEM_MARKER
from .pdf_page import Grid, Line, Page, aligned_grids, join_wrapped, read_page

_PAGE_NUMBER = re.compile(
    rf"[-—–－_~·•\s]*(?:第\s*)?[{DIGITS}]+\s*页?\s*(?:[/／]\s*[{DIGITS}]+|[，,]?\s*共\s*[{DIGITS}]+\s*页)?[-—–－_~·•\s]*"
    rf"|(?i:page)\s*[{DIGITS}]+(?:\s*(?:of|/)\s*[{DIGITS}]+)?"
)
_DIGIT_RUN = re.compile(f"[{DIGITS}]+")
# How far (in points) a running header or footer may move from one page to another.
_RUNNING_DRIFT = 3.0
# How many lines at each edge of a page may be running headers or footers.
_EDGE_LINES = 3
# A page takes about 0.03 s to read; a file of more pages than this is no annual
# report, and reading it would hold a CI gate for minutes.
_MAX_PAGES = 500
# How much memory reading a PDF may take beyond what the process holds: pdfminer
# inflates every stream whole, and a 1 MB file can inflate to gigabytes (a
# decompression bomb). A real report's streams — text, tables, embedded fonts —
# take a few dozen megabytes.
_MAX_PDF_MEMORY = 512 * 2**20
_SENTENCE_END = re.compile(r"[。！？!?；;…][”’」』》〉）)\]]*$")
_MID_WORD = re.compile(f"[{HAN}A-Za-z{DIGITS}]$")
_MARKER = re.compile(f"(?:{ITEM_MARKER})")


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    """``encoding`` is not used: a PDF's text comes from its fonts."""
    pages = _pages(data, path)
    _drop_running_lines(pages)
    items = aligned_grids([item for page in pages for item in sorted([*page.lines, *page.grids], key=lambda item: item.top)])
    _join_continued_tables(items)
    writer = _Writer(_Layout.of(pages))
    writer.write(items)
    origin = PdfOrigin(tuple(writer.starts), tuple(writer.ends), tuple(writer.labels), tuple(_overview(pages, items)),
                       tuple(page.number for page in pages if _pictures_only(page)))
    return Source(path, "\n".join(writer.lines), "utf-8", False, "\n", "pdf", origin)


@dataclass(frozen=True)
class PdfOrigin(Places):
    """Places of the text on the pages, what ``inspect`` says of each page, and
    the pages that are pictures only (scanned pages: their text was not read)."""

    pages: tuple[str, ...] = ()
    pictures_only: tuple[int, ...] = ()

    def overview(self) -> list[str]:
        return list(self.pages)

    def omissions(self) -> list[str]:
        if not self.pictures_only:
            return []
        pages = "、".join(f"第{number}页" for number in self.pictures_only)
        return [f"{pages}只有图片、没有文字层（可能是扫描页），其中的内容没有检查；"
                "报告是否缺少某部分或某张表也因此没有检查，请对照这些页人工核对"]


def _pictures_only(page: Page) -> bool:
    """A page with pictures and no text read (running headers and page numbers aside)."""
    return page.images > 0 and not page.lines and not page.grids


def _pages(data: bytes, path: str) -> list[Page]:
    if b"%PDF-" not in data[:1024]:
        raise SourceError(f"{path}: 不是 PDF 文件（开头没有 %PDF 标记）")
    # pdfminer and pdfplumber log what they repair in passing (a font without
    # its bounding box, a damaged object); the user can act on none of it, and
    # a file they cannot read is reported here, in one line.
    for library in ("pdfminer", "pdfplumber"):
        logging.getLogger(library).setLevel(logging.CRITICAL)
    import pdfplumber  # lazy: only runs that read PDF files pay for pdfminer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with _memory_ceiling(_MAX_PDF_MEMORY):
            return _read_pages(pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False), path)
    except SourceError:
        raise
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds for a broken file
        if isinstance(_cause(error), MemoryError):  # as _memory_ceiling means it
            raise SourceError(f"{path}: PDF 解压后的内容超过 {_MAX_PDF_MEMORY // 2**20} MB 的上限，不读取"
                              "（年度报告只需几十 MB；文件可能损坏或是恶意构造的）") from None
        if isinstance(_cause(error), (PDFPasswordIncorrect, PDFEncryptionError)):
            raise SourceError(f"{path}: PDF 已加密，需要密码才能打开；请提供未加密的 PDF 或 Word 原稿") from None
        raise SourceError(f"{path}: 不是有效的 PDF 文件（{type(_cause(error)).__name__}）") from None


def _read_pages(pdf, path: str) -> list[Page]:
    pages = []
    with pdf:
        try:
            page_count = len(pdf.pages)
        except Exception as error:  # noqa: BLE001 - a broken page tree
            _raise_if_out_of_memory(error)
            raise SourceError(f"{path}: 不是有效的 PDF 文件（{type(_cause(error)).__name__}）") from None
        if page_count > _MAX_PAGES:
            raise SourceError(f"{path}: PDF 有 {page_count} 页，超过 {_MAX_PAGES} 页的上限，不读取；年度报告通常只有几页到几十页")
        try:
            for number, page in enumerate(pdf.pages, 1):
                pages.append(read_page(page, number))
                page.close()  # pdfplumber keeps every object of a page read until then
        except Exception as error:  # noqa: BLE001 - a broken page is bad input, not a crash
            _raise_if_out_of_memory(error)
            raise SourceError(f"{path}: 无法读取 PDF 第{len(pages) + 1}页（{type(_cause(error)).__name__}）") from None
    if not any(page.lines or page.grids for page in pages):
        unmapped = sum(page.unmapped for page in pages)
        why = "中的文字无法提取（字体没有文字编码）" if unmapped else "没有文字层（可能是扫描件或图片）"
        raise SourceError(f"{path}: PDF {why}，reportlint 不做文字识别；请提供可选中文字的 PDF 或 Word 原稿")
    return pages


@contextmanager
def _memory_ceiling(allowed: int) -> Iterator[None]:
    """While reading, let the process take at most ``allowed`` bytes of address
    space more than it holds: beyond, an allocation raises MemoryError instead of
    the system killing the process (or every process) for its memory. Where the
    system keeps no such limit (Windows; macOS does not enforce it), where a
    tighter one is set already, or where other threads run (a program using the
    Python API: the limit is the whole process's), nothing changes."""
    import threading

    if threading.active_count() > 1:
        yield
        return
    try:
        import resource

        with open("/proc/self/statm", "rb") as statm:
            held = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError, IndexError):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = held + allowed
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _raise_if_out_of_memory(error: Exception) -> None:
    """A MemoryError (pdfplumber wraps what pdfminer raises) is the whole file's,
    not a page's: it goes on to _pages."""
    if isinstance(_cause(error), MemoryError):
        raise MemoryError from None


def _cause(error: Exception) -> Exception:
    """The error pdfminer raised, which pdfplumber wraps in one of its own."""
    return error.args[0] if error.args and isinstance(error.args[0], Exception) else error


def _drop_running_lines(pages: list[Page]) -> None:
    """Drop running headers, footers and page numbers from the edges of each page."""
    edges = [(_top_edge(page), _bottom_edge(page)) for page in pages]

    def key(line: Line) -> str:
        return _DIGIT_RUN.sub("#", "".join(line.text.split()))

    for index, page in enumerate(pages):
        for side, distance in ((0, lambda page, line: line.top), (1, lambda page, line: page.height - line.bottom)):
            for line in edges[index][side]:
                recurs = any(
                    key(other) == key(line) and abs(distance(pages[elsewhere], other) - distance(page, line)) <= _RUNNING_DRIFT
                    for elsewhere, other_edges in enumerate(edges) if elsewhere != index for other in other_edges[side]
                )
                if not (recurs or _PAGE_NUMBER.fullmatch(line.text)):
                    break
                page.lines.remove(line)


def _top_edge(page: Page) -> list[Line]:
    """The first lines of a page, above its first table, from the top."""
    limit = min((grid.top for grid in page.grids), default=float("inf"))
    return [line for line in page.lines[:_EDGE_LINES] if line.bottom <= limit]


def _bottom_edge(page: Page) -> list[Line]:
    """The last lines of a page, below its last table, from the bottom."""
    limit = max((grid.bottom for grid in page.grids), default=float("-inf"))
    return [line for line in reversed(page.lines[-_EDGE_LINES:]) if line.top >= limit]


def _join_continued_tables(items: list[Line | Grid]) -> None:
    """A ruled table that opens a page right after one that closed the page
    before, with the same left and right edges, continues it; a continued table
    (ruled, or aligned text running on) may repeat the first part's header rows."""
    first: Grid | None = None
    for previous, item in zip([None, *items], items):
        if not isinstance(item, Grid):
            continue
        if (isinstance(previous, Grid) and item.page == previous.page + 1 and previous.ruled and item.ruled
                and abs(previous.x0 - item.x0) <= _RUNNING_DRIFT and abs(previous.x1 - item.x1) <= _RUNNING_DRIFT):
            item.continued = True
        if not item.continued or first is None:
            first = item
            continue
        while (item.repeated < min(len(first.rows), len(item.rows) - 1)
               and item.rows[item.repeated].texts == first.rows[item.repeated].texts):
            item.repeated += 1


@dataclass(frozen=True)
class _Layout:
    """The text block of the document: its left and right margins, the usual
    space between two lines, and whether paragraphs open with an indent."""

    left: float
    right: float
    gap: float
    indents: bool

    @classmethod
    def of(cls, pages: list[Page]) -> _Layout:
        lines = [line for page in pages for line in page.lines if len(line.segments) == 1]
        if not lines:
            return cls(0.0, 0.0, 0.0, False)
        left = min(line.x0 for line in lines)
        gaps = sorted(below.top - above.bottom for page in pages for above, below in zip(page.lines, page.lines[1:]))
        indented = sum(1 for line in lines if 1.5 * line.size <= line.x0 - left <= 2.5 * line.size)
        return cls(left, _right_margin(lines), gaps[len(gaps) // 2] if gaps else 0.0, indented >= 2)

    def continues(self, above: Line, below: Line, same_page: bool) -> bool:
        """Whether ``below`` goes on with the paragraph of ``above`` (the line-wrap rule)."""
        if len(above.segments) > 1 or len(below.segments) > 1 or abs(above.size - below.size) > 0.1 * above.size:
            return False
        if same_page and below.top - above.bottom > self.gap + 0.5 * above.size:
            return False  # set apart by space
        ends_sentence = bool(_SENTENCE_END.search(above.text))
        if self._centred(below) and (self._full(above) or self._centred(above)):
            return not ends_sentence  # a centred title over two lines
        if not self._full(above) or below.x0 > self.left + 0.8 * below.size:
            return False  # the line above stops short, or this one is indented
        if _MARKER.match(below.text) and (ends_sentence or not _MID_WORD.search(above.text)):
            return False
        return self.indents or not ends_sentence

    def _full(self, line: Line) -> bool:
        """Whether a line runs to the right margin."""
        return line.x1 >= self.right - 1.5 * line.size

    def _centred(self, line: Line) -> bool:
        indent = line.x0 - self.left
        return indent > 0.8 * line.size and abs(indent - (self.right - line.x1)) <= line.size


def _right_margin(lines: list[Line]) -> float:
    """Where the lines that run to the margin end: the furthest right that two
    lines or more end at (within half a character); with no such place, no line
    runs to the margin and none goes on to the next."""
    ends = sorted((line.x1, line.size) for line in lines)
    for index in range(len(ends) - 1, 0, -1):
        end, size = ends[index]
        if end - ends[index - 1][0] <= 0.5 * size:
            return end
    return float("inf")


class _Writer:
    """Writes paragraphs and table rows as lines, and the place on the pages of
    each piece (a paragraph's part on one page, a table cell)."""

    def __init__(self, layout: _Layout) -> None:
        self.layout = layout
        self.lines: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.labels: list[str] = []
        self.offset = 0
        self.tables_on_page: dict[int, int] = {}

    def write(self, items: list[Line | Grid]) -> None:
        paragraph: list[tuple[int, str]] = []  # (page, text) of its lines
        above: Line | None = None
        for item in items:
            if isinstance(item, Grid):
                self._paragraph(paragraph)
                paragraph, above = [], None
                self._grid(item)
                continue
            if above is not None and self.layout.continues(above, item, above.page == item.page):
                paragraph.append((item.page, item.text))
            else:
                self._paragraph(paragraph)
                paragraph = [(item.page, item.text)]
            above = item
        self._paragraph(paragraph)

    def _paragraph(self, parts: list[tuple[int, str]]) -> None:
        if not parts:
            return
        text, places = "", []
        for page, part in parts:
            joined = join_wrapped(text, part.replace("|", "｜"))
            if places and places[-1][2] == f"第{page}页":
                places[-1] = (places[-1][0], len(joined), places[-1][2])
            else:
                places.append((len(joined) - len(part), len(joined), f"第{page}页"))
            text = joined
        self._line(text, places)

    def _grid(self, grid: Grid) -> None:
        self.tables_on_page[grid.page] = number = self.tables_on_page.get(grid.page, 0) + 1
        for row in grid.rows[grid.repeated:]:
            if not any(cell.text for cell in row.cells):
                continue
            line, places = "|", []
            for cell in row.cells:
                # A cell's place starts right after its "|", where the span of a blank cell starts.
                start = len(line)
                line += " " + cell.text.replace("|", "｜") + " |"
                places.append((start, len(line) - 2, f"第{grid.page}页第{number}个表格第{row.number}行第{cell.column}格"))
            self._line(line, places)

    def _line(self, text: str, places: list[tuple[int, int, str]]) -> None:
        """A line, and the places of its pieces as (start, end, label) within it."""
        for start, end, label in places:
            self.starts.append(self.offset + start)
            self.ends.append(self.offset + end)
            self.labels.append(label)
        self.lines.append(text)
        self.offset += len(text) + 1


def _overview(pages: list[Page], items: list[Line | Grid]) -> list[str]:
    """For `inspect`: each page, the tables read on it, and the text turned on it that was not read."""
    lines = [f"页面：共 {len(pages)} 页（页眉、页脚和页码不计）"]
    for page in pages:
        text_lines = sum(1 for item in items if isinstance(item, Line) and item.page == page.number)
        parts = [f"  第{page.number}页：文字 {text_lines} 行"]
        for number, grid in enumerate((item for item in items if isinstance(item, Grid) and item.page == page.number), 1):
            notes = [note for note, applies in (
                ("接上页", grid.continued), (f"重复的表头 {grid.repeated} 行不计", grid.repeated),
                ("无框线，按文字对齐读取", not grid.ruled)) if applies]
            parts.append(f"第{number}个表格 {len(grid.rows) - grid.repeated} 行 × {grid.columns} 列"
                         + (f"（{'，'.join(notes)}）" if notes else ""))
        if page.turned:
            parts.append(f"未读旋转的文字 {page.turned} 个（水印，或横放在页面上的内容）")
        if _pictures_only(page):
            parts.append(f"只有图片 {page.images} 张，没有文字层（可能是扫描页），未检查")
        lines.append("；".join(parts))
    return lines
