"""A draft as text, with a map back to the original file.

Every reader (reportlint/readers/, chosen by the file's extension) produces a
``Source``: normalised text in which a paragraph is a line and a table row is a
line of cells joined by " | " (so the grammar and the table model read every
format alike), and a way back to the original.

For plain text and Markdown, lines and columns of the text are the file's:
newlines are normalised to "\\n" and ``Source.crlf_offsets`` remembers which
were "\\r\\n", so a fix edits the text as written. Columns count code points,
1-based.

For Word documents, web pages and PDF, lines and columns count in the extracted
text (what ``reportlint inspect --tree`` shows), and ``Source.origin`` turns a
span into a place a person finds in the original: "第12段“…”" in Word, the line
and column of the page's HTML source for a web page, "第3页“…”" in a PDF.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .errors import ReportlintError
from .inputs import display_name

# How many characters of context a quoted excerpt shows around a span, and at most.
_EXCERPT_CONTEXT = 6
_EXCERPT_LENGTH = 30


# The most lines (paragraphs, table rows) a draft may have: time grows with them
# (about 0.1 ms each), and a 16 MB report has about 40,000.
MAX_LINES = 250_000


class SourceError(ReportlintError):
    """A file that cannot be read or decoded. The message names the file."""


class ParseError(ReportlintError):
    """The grammar could not read the text (a bug: every text should parse).
    Raised by reportlint/parser.py; here so that catching it imports no parser."""


@dataclass(frozen=True)
class Location:
    """Where a span of the extracted text is in the original, in words a person
    follows there: the place ("第12段", "第2个表格第3行第4格", "网页源码第24行第106列")
    and a short quote around the span to search for (Ctrl+F). Every output
    format shows it the same way: ``str(location)``, the place and the quote in “”."""

    place: str
    quote: str = ""

    def __str__(self) -> str:
        return f"{self.place}“{self.quote}”" if self.quote else self.place


class Origin(Protocol):
    """A reader's map from spans of the extracted text back to the original."""

    def locate(self, source: Source, start: int, end: int) -> Location:
        """Where the text from ``start`` to ``end`` is in the original."""


@runtime_checkable
class Overview(Protocol):
    """An origin that can also say what the original holds (a PDF: its pages
    and the tables read on each), for `reportlint inspect`."""

    def overview(self) -> list[str]:
        """Lines describing the original."""


@runtime_checkable
class Omissions(Protocol):
    """An origin that knows what of the original it could not read (a PDF's
    pages that are pictures only): reportlint's limit, told to the user."""

    def omissions(self) -> list[str]:
        """One sentence for each part of the original that was not read."""


@dataclass(frozen=True)
class Places:
    """An origin made of places in the original: the sorted (start, end, label)
    of each paragraph, table cell, text box or part of a paragraph on one page
    of the extracted text, as the Word and PDF readers record them. A span is in
    the place where it starts, and is quoted within that place."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    labels: tuple[str, ...]

    def locate(self, source: Source, start: int, end: int) -> Location:
        if not self.starts:
            return Location("文档中没有文字")
        index = max(0, bisect_right(self.starts, start) - 1)
        bounds = (self.starts[index], self.ends[index])
        return Location(self.labels[index], quote(source.text, start, end, bounds))


@dataclass(frozen=True)
class Comment:
    """A comment of the original, which carries suppression directives;
    ``start``/``end`` are offsets into ``Source.text``. A Markdown or HTML
    comment stands in the text (blanked out of it, so no rule reads it); an
    ``anchored`` one — a Word comment — marks the span from ``start`` to ``end``."""

    text: str
    start: int
    end: int
    anchored: bool = False


@dataclass(frozen=True)
class Source:
    """A decoded draft.

    ``text`` has "\\n" newlines only; ``encoding``, ``bom`` and ``newline`` record
    how the original bytes were written, so that a fix can write them back alike.
    ``format`` names the reader (text, markdown, docx, html); ``origin`` is None
    when lines and columns of ``text`` are those of the original file. The text
    from ``margin_start`` on (whole lines) is printed beside the body, not in its
    flow — a Word document's headers, footers and notes: the wording checks read
    it, the outline and the numbers leave it out.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    format: str = "text"
    origin: Origin | None = field(default=None, repr=False, compare=False)
    comments: tuple[Comment, ...] = ()
    margin_start: int | None = None
    # Offsets in ``text`` of the "\n"s that were "\r\n" in the file, to map
    # positions back to the text as written (fixes edit that).
    crlf_offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.text.count("\n") >= MAX_LINES:
            raise SourceError(f"{self.path}: 超过 {MAX_LINES:,} 行（段落），拒绝检查")
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        object.__setattr__(self, "line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset into ``text``."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """The character offset into ``text`` of a 1-based (line, column)."""
        return self.line_starts[line - 1] + column - 1

    def offset_in_text(self, line: int, column: int) -> int:
        """``offset``, kept inside the text: a span a kind let run past the end
        still ends at the end (for output that shows or quotes the text)."""
        return min(self.offset(line, column), len(self.text))

    def written_offset(self, offset: int) -> int:
        """An offset into ``text`` as an offset into the text as the file wrote it."""
        return offset + bisect_left(self.crlf_offsets, offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        start, end = self._line_bounds(line)
        return self.text[start:end]

    def utf16_column(self, line: int, column: int) -> int:
        """A 1-based column counted in UTF-16 code units, as editors and SARIF
        consumers count: a character beyond the BMP (𠮷) takes two."""
        before = self.line_text(line)[: column - 1]
        beyond_bmp = sum(1 for char in before if ord(char) > 0xFFFF)
        return column + beyond_bmp

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the line holding ``offset`` (without its newline)."""
        return self._line_bounds(bisect_right(self.line_starts, offset))

    def _line_bounds(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return start, end

    def location(self, start: int, end: int) -> Location | None:
        """The place of a span in the original, for formats whose lines are not
        the original's (Word, web pages); None for text files."""
        return self.origin.locate(self, start, end) if self.origin is not None else None


def quote(text: str, start: int, end: int, bounds: tuple[int, int]) -> str:
    """A short quote of ``text`` around a span, within ``bounds`` (a paragraph or
    a cell), that a person can search for in the original ("" when the span has
    no text around it)."""
    low, high = bounds
    left = max(low, start - _EXCERPT_CONTEXT)
    right = min(high, max(end, start + 1) + _EXCERPT_CONTEXT, left + _EXCERPT_LENGTH)
    return text[left:right].strip()


def from_text(text: str, path: str = "<text>") -> Source:
    """A Source for text already in memory (the Python API, rule examples); ``path``
    names it as a person reads it."""
    return normalised(display_name(path), text, "utf-8", bom=False)


# A lone surrogate is no character: text given to the API may hold one (a file name
# decoded with surrogate escapes), a file decoded strictly never does.
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalised(path: str, text: str, encoding: str, *, bom: bool, **extra) -> Source:
    """A Source of decoded text with "\\n" newlines, lone surrogates read as U+FFFD
    (one character for one, so positions stay); ``extra`` are further Source fields."""
    text = _SURROGATE.sub("\ufffd", text)
    # A NUL never occurs in a text draft; it means a binary file (a .doc, a zip,
    # an image) that happened to decode.
    if "\x00" in text:
        raise SourceError(f"{path}: 含有 NUL 字节，不是文本文件")
    if "\r" not in text:
        return Source(path, text, encoding, bom, "\n", **extra)
    crlf = []
    start = text.find("\r\n")
    while start != -1:
        crlf.append(start - len(crlf))
        start = text.find("\r\n", start + 2)
    newline = "\r\n" if crlf else "\r"
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path, normal, encoding, bom, newline, crlf_offsets=tuple(crlf), **extra)
