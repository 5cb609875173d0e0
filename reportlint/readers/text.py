"""Plain-text drafts (.txt, standard input, unknown extensions): bytes to text.

The text *is* the original: decoding order is a byte-order mark (UTF-8, UTF-16
LE/BE), then strict UTF-8, then GB18030 (a superset of GBK and GB2312, in which
many government files still arrive), unless the user names the encoding.
Newlines (CRLF, CR, LF) are normalised to "\\n" (``source.normalised``); because
every kind of newline counts as one line break, line and column numbers computed
on the normalised text are the same as in the original file. Columns count code
points, 1-based.

The Markdown and web-page readers decode with ``decode_text`` too, and a fix
writes text back with ``encode_text``.
"""

from __future__ import annotations

import codecs

from ..diagnostic import bounded
from ..source import Source, SourceError, normalised

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {name: mark for mark, name in _BOMS}
# The codecs Python documents as "Python Specific Encodings": not character sets
# a file is written in (undefined refuses every byte, punycode reads domain names).
_PYTHON_SPECIFIC = frozenset(
    {"idna", "mbcs", "oem", "palmos", "punycode", "raw-unicode-escape", "undefined", "unicode-escape"})


def text_encoding(name: str) -> str:
    """The canonical name of ``name`` when it is a character set a text file can be
    written in; ValueError, saying why, for unknown names, for transforms between
    bytes (hex, base64, zlib, uu, bz2, quopri) or between texts (rot13), and for
    Python's own pseudo-encodings (punycode, undefined, …)."""
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):
        raise ValueError(f"未知的编码“{bounded(name, 40)}”（可用 utf-8、gb18030、utf-16 等）") from None
    try:
        b"a".decode(codec)  # a transform is refused here: it is "not a text encoding"
    except UnicodeError:  # a wide encoding needs more than one byte: still a text encoding
        pass
    except LookupError:
        codec = ""
    if not codec or codec in _PYTHON_SPECIFIC:
        raise ValueError(f"“{bounded(name, 40)}”不是文本的编码（可用 utf-8、gb18030、utf-16 等）")
    return codec


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode bytes into a Source, or raise SourceError naming ``path``."""
    text, encoding, bom = decode_text(data, path, encoding)
    return normalised(path, text, encoding, bom=bom)


def decode_text(
    data: bytes, path: str, encoding: str | None = None, declared: str | None = None
) -> tuple[str, str, bool]:
    """(text, encoding, bom) of bytes, or SourceError naming ``path``. ``encoding``
    (the user's choice) is used as it is; without it: a BOM, then the encoding
    the file declares (a web page's charset) if the bytes fit it, then strict
    UTF-8, then GB18030."""
    if encoding:
        try:
            text_encoding(encoding)
        except ValueError as error:
            raise SourceError(f"{path}: {error}") from None
        text = _strict(data, path, encoding, "按指定编码")
        return (text[1:], encoding, True) if text.startswith("\ufeff") else (text, encoding, False)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], path, bom_encoding, "文件开头有字节顺序标记，按"), bom_encoding, True
    for candidate in (declared, "utf-8", "gb18030") if declared else ("utf-8", "gb18030"):
        try:
            return data.decode(candidate), candidate, False
        except UnicodeError:
            continue
    raise SourceError(f"{path}: 无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK），请另存为 UTF-8 文本，或用 --encoding 指定编码")


def encode_text(text: str, encoding: str, bom: bool) -> bytes:
    """The inverse of decode_text: bytes as the file was written."""
    return (_BOM_OF.get(encoding.lower(), b"") if bom else b"") + text.encode(encoding)


def _strict(data: bytes, path: str, encoding: str, how: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: {how} {encoding.upper()} 解码失败，第 {error.start} 字节处有非法字节") from None
    except UnicodeError:
        raise SourceError(f"{path}: {how} {encoding.upper()} 解码失败") from None
