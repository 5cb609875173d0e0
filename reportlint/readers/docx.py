"""Word documents (.docx), read with python-docx.

Each non-empty paragraph of the body becomes a line, in document order
(paragraphs inside content controls included); each table row becomes a line of
cells joined by " | " (a cell's paragraphs, nested tables included, joined by
spaces); the paragraphs of text boxes follow the paragraph that anchors them.
Deleted revisions and field codes are left out; inserted revisions are read.

A Word user has no line numbers, so a diagnostic also carries a place in the
document (``Source.location``): "第12段“…”" counting non-empty paragraphs of the
body from 1, "第2个表格第3行第4格“…”" for table cells, "第1个文本框“…”", each
with a short quote to search for.
"""

from __future__ import annotations

import io
import zipfile

from ..source import PlacedText, Places, Source, SourceError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (_W + name for name in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _BR, _CR, _TXBX = (_W + name for name in ("t", "tab", "br", "cr", "txbxContent"))
_STYLE, _VAL, _BREAK_TYPE = _W + "pStyle", _W + "val", _W + "type"
# Text boxes repeat their content in a fallback for old Word versions: read one.
_NOT_TEXT = (_TXBX, _MC_FALLBACK)
# A document whose XML unpacks to more than this is refused (a zip bomb).
_MAX_XML_BYTES = 512 * 1024 * 1024
_HEADING_STYLE_NAMES = {"Title": "标题"} | {f"Heading {level}": f"标题 {level}" for level in range(1, 10)}


def refuse_binary_word(data: bytes, path: str, encoding: str | None = None) -> Source:
    raise SourceError(f"{path}: 不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx")


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    """``encoding`` is not used: a .docx names its own (UTF-8 XML)."""
    document = _open(data, path)
    extractor = _Extractor(_style_names(document))
    try:
        extractor.body(document.element.body)
    except Exception as error:  # noqa: BLE001 - a malformed document is bad input, not a crash
        raise SourceError(f"{path}: 无法读取 Word 文档内容（{type(error).__name__}）") from None
    written = extractor.written
    return Source(path, written.text, "utf-8", False, "\n", "docx", Places(*written.places()))


def _open(data: bytes, path: str):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist() if info.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise SourceError(f"{path}: 不是有效的 .docx 文件（无法作为 zip 包打开）") from None
    if unpacked > _MAX_XML_BYTES:
        raise SourceError(f"{path}: .docx 文件解压后过大（{unpacked // 2**20} MB），拒绝读取")
    import docx  # lazy: only runs that read Word documents pay for python-docx and lxml

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a broken package
        raise SourceError(f"{path}: 不是有效的 .docx 文件（{type(error).__name__}）") from None


def _style_names(document) -> dict[str, str]:
    try:
        return {style.style_id: style.name for style in document.styles}
    except Exception:  # noqa: BLE001 - a broken styles part only costs the style names
        return {}


class _Extractor:
    def __init__(self, style_names: dict[str, str]) -> None:
        self.style_names = style_names
        self.written = PlacedText()
        self.paragraphs = self.tables = self.text_boxes = 0

    def body(self, body) -> None:
        # Content controls (w:sdt) nest block content; walk them without recursion.
        pending = list(reversed(body))
        while pending:
            element = pending.pop()
            if element.tag == _P:
                self._paragraph(element)
            elif element.tag == _TBL:
                self._table(element)
            elif element.tag in (_SDT, _SDT_CONTENT):
                pending.extend(reversed(element))

    def _paragraph(self, paragraph) -> None:
        text = _paragraph_text(paragraph)
        if text.strip():
            self.paragraphs += 1
            self.written.line(text, [(0, len(text), f"第{self.paragraphs}段{self._style(paragraph)}")])
        for box in _text_boxes(paragraph):
            box_text = _joined_paragraphs(box)
            if box_text.strip():
                self.text_boxes += 1
                self.written.line(box_text, [(0, len(box_text), f"第{self.text_boxes}个文本框")])

    def _table(self, table) -> None:
        self.tables += 1
        for row_number, row in enumerate(table.iterchildren(_TR), 1):
            cells = [_joined_paragraphs(cell) for cell in row.iterchildren(_TC)]
            if not cells:
                continue
            self.written.row([(cell, f"第{self.tables}个表格第{row_number}行第{column}格") for column, cell in enumerate(cells, 1)])

    def _style(self, paragraph) -> str:
        style = paragraph.find(f"{_W}pPr/{_STYLE}")
        name = self.style_names.get(style.get(_VAL), "") if style is not None else ""
        return f"（{_HEADING_STYLE_NAMES[name]}）" if name in _HEADING_STYLE_NAMES else ""


def _paragraph_text(paragraph) -> str:
    """The text of a paragraph as one line: tabs become spaces and "|" becomes
    "｜", so that no paragraph reads as a table row; line breaks stay."""
    parts = []
    for node in paragraph.iter(_T, _TAB, _BR, _CR):
        if _within(node, paragraph, _NOT_TEXT):
            continue
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
        elif node.get(_BREAK_TYPE) not in ("page", "column"):
            parts.append("\n")
    return "".join(parts).replace("\t", " ").replace("|", "｜").strip("\n")


def _joined_paragraphs(container) -> str:
    """The paragraphs inside a table cell or text box (nested ones included) as
    one line."""
    paragraphs = (
        _paragraph_text(paragraph) for paragraph in container.iter(_P) if not _within(paragraph, container, (_MC_FALLBACK,))
    )
    return " ".join(filter(None, paragraphs)).replace("\n", " ").strip()


def _text_boxes(paragraph):
    """The outermost text boxes anchored in a paragraph (not their fallback copies)."""
    return [box for box in paragraph.iter(_TXBX) if not _within(box, paragraph, _NOT_TEXT)]


def _within(node, stop, tags: tuple[str, ...]) -> bool:
    """Whether an ancestor of ``node`` below ``stop`` has one of ``tags``."""
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
