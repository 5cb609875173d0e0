"""Reading a draft: bytes to text, with a map back to the original file.

Decoding order: a byte-order mark (UTF-8, UTF-16 LE/BE), then strict UTF-8, then
GB18030 (a superset of GBK and GB2312, in which many government files still
arrive). Newlines (CRLF, CR, LF) are normalised to "\\n" for parsing; because
every kind of newline counts as one line break, line and column numbers computed
on the normalised text are the same as in the original file. Columns count code
points, 1-based.
"""

from __future__ import annotations

import codecs
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

STDIN_NAME = "-"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceError(Exception):
    """A file that cannot be read or decoded. The message names the file."""


@dataclass(frozen=True)
class Source:
    """A decoded draft.

    ``text`` has "\\n" newlines only; ``encoding``, ``bom`` and ``newline`` record
    how the original bytes were written, so that a fix can write them back alike.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
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
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]


def decode(data: bytes, path: str) -> Source:
    """Decode bytes into a Source, or raise SourceError naming ``path``."""
    text, encoding, bom = decode_text(data, path)
    return from_decoded(path, text, encoding, bom=bom)


def decode_text(data: bytes, path: str) -> tuple[str, str, bool]:
    """(text as written, encoding, whether a BOM preceded it) — newlines untouched."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            encoding = encoding.replace("-sig", "")
            try:
                return data[len(bom):].decode(encoding), encoding, True
            except UnicodeDecodeError as error:
                raise SourceError(
                    f"{path}: 无法按 {encoding.upper()}（文件开头有字节顺序标记）解码，"
                    f"第 {error.start} 字节处有非法字节"
                ) from None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding, False
        except UnicodeDecodeError:
            continue
    raise SourceError(f"{path}: 无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK），请另存为 UTF-8 文本")


def encode_text(text: str, encoding: str, bom: bool) -> bytes:
    """The inverse of decode_text: bytes as the file was written."""
    prefix = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    return (prefix[encoding] if bom else b"") + text.encode(encoding)


def _check_text(path: str, text: str) -> None:
    # A NUL never occurs in a text draft; it means a binary file (a .doc, a zip,
    # an image) that happened to decode.
    if "\x00" in text:
        raise SourceError(f"{path}: 含有 NUL 字节，不是文本文件")


def read_source(path: str | Path) -> Source:
    """Read a file (or standard input for "-") into a Source."""
    name = str(path)
    try:
        data = sys.stdin.buffer.read() if name == STDIN_NAME else Path(path).read_bytes()
    except IsADirectoryError:
        raise SourceError(f"{name}: 是目录，不是文件") from None
    except FileNotFoundError:
        raise SourceError(f"{name}: 文件不存在") from None
    except OSError as error:
        raise SourceError(f"{name}: 无法读取（{error.strerror}）") from None
    return decode(data, name)


def from_text(text: str, path: str = "<text>") -> Source:
    """A Source for text already in memory (the Python API, rule examples)."""
    return from_decoded(path, text, "utf-8", bom=False)


def from_decoded(path: str, text: str, encoding: str, *, bom: bool) -> Source:
    """A Source for decoded text as written, newlines not yet normalised."""
    _check_text(path, text)
    if "\r" not in text:
        return Source(path, text, encoding, bom, "\n")
    crlf = []
    start = text.find("\r\n")
    while start != -1:
        crlf.append(start - len(crlf))
        start = text.find("\r\n", start + 2)
    newline = "\r\n" if crlf else "\r"
    return Source(path, text.replace("\r\n", "\n").replace("\r", "\n"), encoding, bom, newline, tuple(crlf))
