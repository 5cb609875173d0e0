"""Opening a .docx with python-docx, and the parts of it that hold text.

python-docx reads footnotes and endnotes as opaque parts; registering them as
XML parts lets the reader see their paragraphs and the writers edit them
(python-docx serialises an XmlPart's element when it saves).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.part import PartFactory, XmlPart

from ..errors import shown
from ..source import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What a .docx may unpack to: a zip bomb is a few hundred kilobytes that unpack to
# gigabytes, and XML takes about ten times its size in memory once parsed. Every
# part counts, whatever its name, by the bytes it really unpacks to (not the size
# its header claims). A long report's document.xml is a few megabytes.
_MAX_PART_BYTES = 32 * 2**20
_MAX_UNPACKED_BYTES = 128 * 2**20
_HEADERS_AND_FOOTERS = (
    ("header", "页眉"), ("first_page_header", "首页页眉"), ("even_page_header", "偶数页页眉"),
    ("footer", "页脚"), ("first_page_footer", "首页页脚"), ("even_page_footer", "偶数页页脚"),
)
_NOTES = ((RELATIONSHIP_TYPE.FOOTNOTES, W + "footnote", "脚注"), (RELATIONSHIP_TYPE.ENDNOTES, W + "endnote", "尾注"))
# Notes of these types are the separator lines Word draws above the notes, not notes.
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}

for _content_type in (CONTENT_TYPE.WML_FOOTNOTES, CONTENT_TYPE.WML_ENDNOTES):
    PartFactory.part_type_for.setdefault(_content_type, XmlPart)


def open_document(data: bytes, path: str):
    """The python-docx Document of a .docx file's bytes (SourceError, naming the
    file, for anything that is not one)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_unpacked_sizes(archive, path)
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        # zlib.error: a damaged part; RuntimeError: an encrypted part; NotImplementedError: an unknown compression.
        raise SourceError(f"{path}: 不是有效的 .docx 文件（无法作为 zip 包打开）") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a broken package
        raise SourceError(f"{path}: 不是有效的 .docx 文件（{type(error).__name__}）") from None


def _check_unpacked_sizes(archive: zipfile.ZipFile, path: str) -> None:
    """Unpack every part once, counting, and refuse the document at the first cap passed."""
    total = 0
    for info in archive.infolist():
        with archive.open(info) as part:
            size = 0
            while chunk := part.read(2**20):
                size += len(chunk)
                total += len(chunk)
                if size > _MAX_PART_BYTES:
                    raise SourceError(f"{path}: .docx 中的 {shown(info.filename)} 解压后超过 {_MAX_PART_BYTES // 2**20} MB，拒绝读取")
                if total > _MAX_UNPACKED_BYTES:
                    raise SourceError(f"{path}: .docx 解压后超过 {_MAX_UNPACKED_BYTES // 2**20} MB，拒绝读取")


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Margin:
    """Text printed beside the body: a header, footer, footnote or endnote
    (``element`` holds its paragraphs), named for a person looking for it."""

    element: object
    label: str


def margins(document) -> Iterator[Margin]:
    """The headers and footers each section defines (a part shared by sections
    once), then the footnotes and endnotes, in order."""
    seen = set()
    for section in document.sections:
        for attribute, label in _HEADERS_AND_FOOTERS:
            header_or_footer = getattr(section, attribute)
            if header_or_footer.is_linked_to_previous:
                continue
            element = header_or_footer.part.element
            if id(element) not in seen:
                seen.add(id(element))
                yield Margin(element, label)
    for relationship, tag, label in _NOTES:
        part = related_part(document, relationship)
        if part is None:
            continue
        notes = [note for note in part.element.iterchildren(tag) if note.get(W + "type") not in _NOTE_SEPARATORS]
        for number, note in enumerate(notes, 1):
            yield Margin(note, f"第{number}个{label}")


def related_part(document, relationship: str):
    """The document's part of a relationship type (numbering, comments, footnotes), or None."""
    try:
        return document.part.part_related_by(relationship)
    except KeyError:
        return None


def comment_texts(document) -> dict[str, str]:
    """The text of each Word comment in the document, by id, without surrounding space."""
    part = related_part(document, RELATIONSHIP_TYPE.COMMENTS)
    if part is None:
        return {}
    return {str(comment.comment_id): comment.text.strip() for comment in part.comments}
