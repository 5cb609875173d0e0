"""Reading a draft: bytes to text, with a map back to the original file.

Every reader (reportlint/readers/, chosen by the file's extension) produces a
``Source``: normalised text in which a paragraph is a line and a table row is a
line of cells joined by " | " (so the grammar and the table model read every
format alike), and a way back to the original.

For plain text, the text *is* the original: decoding order is a byte-order mark
(UTF-8, UTF-16 LE/BE), then strict UTF-8, then GB18030 (a superset of GBK and
GB2312, in which many government files still arrive), unless the user names the
encoding. Newlines (CRLF, CR, LF) are normalised to "\\n"; because every kind of
newline counts as one line break, line and column numbers computed on the
normalised text are the same as in the original file. Columns count code
points, 1-based.

For Word documents and web pages, lines and columns count in the extracted text
(what ``reportlint inspect --tree`` shows), and ``Source.origin`` turns a span
into a place a person finds in the original: "第12段“…”" in Word, the line and
column of the page's HTML source for a web page.
"""

from __future__ import annotations

import codecs
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .readers import reader_for

STDIN_NAME = "-"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# How many characters of context a quoted excerpt shows around a span, and at most.
_EXCERPT_CONTEXT = 6
_EXCERPT_LENGTH = 30


class SourceError(Exception):
    """A file that cannot be read or decoded. The message names the file."""


class Origin(Protocol):
    """A reader's map from spans of the extracted text back to the original."""

    def locate(self, source: Source, start: int, end: int) -> str:
        """Where the text from ``start`` to ``end`` is in the original, in words."""


@dataclass(frozen=True)
class Comment:
    """A comment of the original (Markdown ``<!-- … -->``), blanked out of the
    text so no rule reads it; ``start``/``end`` are offsets into ``Source.text``.
    Comments carry suppression directives."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """A decoded draft.

    ``text`` has "\\n" newlines only; ``encoding``, ``bom`` and ``newline`` record
    how the original bytes were written, so that a fix can write them back alike.
    ``format`` names the reader (text, markdown, docx, html); ``origin`` is None
    when lines and columns of ``text`` are those of the original file.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    format: str = "text"
    origin: Origin | None = field(default=None, repr=False, compare=False)
    comments: tuple[Comment, ...] = ()
    # Offsets in ``text`` of the "\n"s that were "\r\n" in the file, to map
    # positions back to the text as written (fixes edit that).
    crlf_offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
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

    def written_offset(self, offset: int) -> int:
        """An offset into ``text`` as an offset into the text as the file wrote it."""
        return offset + bisect_left(self.crlf_offsets, offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        start, end = self._line_bounds(line)
        return self.text[start:end]

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the line holding ``offset`` (without its newline)."""
        return self._line_bounds(bisect_right(self.line_starts, offset))

    def _line_bounds(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return start, end

    def location(self, start: int, end: int) -> str | None:
        """The place of a span in the original, for formats whose lines are not
        the original's (Word, web pages); None for text files."""
        return self.origin.locate(self, start, end) if self.origin is not None else None


def quote(text: str, start: int, end: int, bounds: tuple[int, int]) -> str:
    """A short quote of ``text`` around a span, within ``bounds`` (a paragraph or
    a cell), in “”, that a person can search for in the original ("" when the
    span has no text around it)."""
    low, high = bounds
    left = max(low, start - _EXCERPT_CONTEXT)
    right = min(high, max(end, start + 1) + _EXCERPT_CONTEXT, left + _EXCERPT_LENGTH)
    excerpt = text[left:right].strip()
    return f"“{excerpt}”" if excerpt else ""


def decode_text(
    data: bytes, path: str, encoding: str | None = None, declared: str | None = None
) -> tuple[str, str, bool]:
    """(text, encoding, bom) of bytes, or SourceError naming ``path``. ``encoding``
    (the user's choice) is used as it is; without it: a BOM, then the encoding
    the file declares (a web page's charset) if the bytes fit it, then strict
    UTF-8, then GB18030."""
    if encoding:
        text = _strict(data, path, encoding, "按指定编码")
        return (text[1:], encoding, True) if text.startswith("\ufeff") else (text, encoding, False)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], path, bom_encoding, "文件开头有字节顺序标记，按"), bom_encoding, True
    for candidate in (declared, "utf-8", "gb18030") if declared else ("utf-8", "gb18030"):
        try:
            return data.decode(candidate), candidate, False
        except UnicodeDecodeError:
            continue
    raise SourceError(f"{path}: 无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK），请另存为 UTF-8 文本，或用 --encoding 指定编码")


def encode_text(text: str, encoding: str, bom: bool) -> bytes:
    """The inverse of decode_text: bytes as the file was written."""
    prefix = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    return (prefix.get(encoding.lower(), b"") if bom else b"") + text.encode(encoding)


def _strict(data: bytes, path: str, encoding: str, how: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: {how} {encoding.upper()} 解码失败，第 {error.start} 字节处有非法字节") from None
    except LookupError:
        raise SourceError(f"{path}: 未知的编码“{encoding}”") from None


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """The text reader: decode bytes into a Source, or raise SourceError naming ``path``."""
    text, encoding, bom = decode_text(data, path, encoding)
    return normalised(path, text, encoding, bom=bom)


def read_source(path: str | Path, *, encoding: str | None = None, name: str | None = None) -> Source:
    """Read a file (or standard input for "-") into a Source with the reader its
    extension calls for. ``name`` stands for the file in diagnostics and chooses
    the reader (``--stdin-filename``); ``encoding`` overrides detection."""
    path = str(path)
    name = name or path
    try:
        data = sys.stdin.buffer.read() if path == STDIN_NAME else Path(path).read_bytes()
    except IsADirectoryError:
        raise SourceError(f"{path}: 是目录，不是文件") from None
    except FileNotFoundError:
        raise SourceError(f"{path}: 文件不存在") from None
    except OSError as error:
        raise SourceError(f"{path}: 无法读取（{error.strerror}）") from None
    return reader_for(name)(data, name, encoding)


def from_text(text: str, path: str = "<text>") -> Source:
    """A Source for text already in memory (the Python API, rule examples)."""
    return normalised(path, text, "utf-8", bom=False)


def normalised(path: str, text: str, encoding: str, *, bom: bool, **extra) -> Source:
    """A Source of decoded text with "\\n" newlines; ``extra`` are further Source fields."""
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
