"""The text of a Word document as a person sees it in Word, and where each of
its characters is in the XML.

Each non-empty paragraph of the body becomes a line, in document order
(paragraphs inside content controls included), with the number Word's list
numbering shows before it; each table row becomes a line of cells joined by
" | " (a cell's paragraphs, nested tables included, joined by spaces); the
paragraphs of a text box follow the paragraph that anchors it, as one line.
After the body come the headers, footers, footnotes and endnotes, one line
each: the margin (``margin_start``), which the wording checks read and the
outline leaves out. Deleted revisions and field codes are left out; inserted
revisions are read. Tabs read as spaces and "|" as "｜", so that no paragraph
reads as a table row.

Besides the text: the place of every paragraph, cell, text box and margin
("第12段", "第2个表格第3行第4格", "页眉"), the ``TextMap`` from characters to XML
nodes, and the span each Word comment is anchored on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .numbering import Numbering
from .package import W, margins
from .runs import Piece, TextMap

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (W + name for name in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _BR, _CR, _TXBX = (W + name for name in ("t", "tab", "br", "cr", "txbxContent"))
_COMMENT_START, _COMMENT_END = W + "commentRangeStart", W + "commentRangeEnd"
_STYLE, _VAL, _BREAK_TYPE, _ID = W + "pStyle", W + "val", W + "type", W + "id"
# Text boxes repeat their content in a fallback for old Word versions: read one.
_NOT_TEXT = (_TXBX, _MC_FALLBACK)
_ONE_LINE = str.maketrans({"\t": " ", "|": "｜"})
_HEADING_STYLE_NAMES = {"Title": "标题"} | {f"Heading {level}": f"标题 {level}" for level in range(1, 10)}


@dataclass
class Extraction:
    lines: list[str] = field(default_factory=list)
    # The place of each paragraph, cell, text box and margin: (start, end, label), in order.
    places: list[tuple[int, int, str]] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    # Word comments by id: the offsets their ranges start and end at.
    comment_ranges: dict[str, list[int | None]] = field(default_factory=dict)
    margin_start: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def text_map(self) -> TextMap:
        return TextMap(self.pieces)


def extract(document) -> Extraction:
    """The text of a python-docx Document and its map (see the module's docstring)."""
    return _Extractor(document).run()


class _Traced:
    """Text put together from pieces of a document, each remembering where it
    came from, with the comment range marks met on the way."""

    __slots__ = ("parts", "pieces", "marks", "length")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.marks: list[tuple[int, str, bool]] = []  # (offset, comment id, whether it ends the range)
        self.length = 0

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str, paragraph, node=None, offset: int = 0) -> None:
        if text:
            self.pieces.append(Piece(self.length, len(text), node, offset, paragraph))
            self.parts.append(text)
            self.length += len(text)

    def mark(self, comment_id: str, ends: bool) -> None:
        self.marks.append((self.length, comment_id, ends))

    def extend(self, other: _Traced) -> None:
        self.pieces += [Piece(p.start + self.length, p.length, p.node, p.offset, p.paragraph) for p in other.pieces]
        self.marks += [(offset + self.length, comment_id, ends) for offset, comment_id, ends in other.marks]
        self.parts += other.parts
        self.length += other.length

    def stripped(self, chars: str | None = None) -> _Traced:
        """The text without leading and trailing ``chars`` (whitespace by default)."""
        text = self.text
        start = len(text) - len(text.lstrip(chars))
        end = max(start, len(text.rstrip(chars)))
        if (start, end) == (0, len(text)):
            return self
        cut = _Traced()
        for piece in self.pieces:
            low, high = max(piece.start, start), min(piece.end, end)
            if low < high:
                cut.pieces.append(Piece(low - start, high - low, piece.node, piece.offset + low - piece.start, piece.paragraph))
        cut.marks = [(min(max(offset, start), end) - start, comment_id, ends) for offset, comment_id, ends in self.marks]
        cut.parts = [text[start:end]]
        cut.length = end - start
        return cut

    def replaced(self, old: str, new: str) -> _Traced:
        """``old`` characters read as ``new`` (one for one: the map stays true)."""
        self.parts = [part.replace(old, new) for part in self.parts]
        return self


class _Extractor:
    def __init__(self, document) -> None:
        self.document = document
        self.style_names = _style_names(document)
        self.numbering = Numbering(document)
        self.result = Extraction()
        self.offset = 0
        self.paragraphs = self.tables = self.text_boxes = 0

    def run(self) -> Extraction:
        self._body(self.document.element.body)
        for margin in margins(self.document):
            text = self._joined(margin.element)
            if text.text.strip():
                if self.result.margin_start is None:
                    self.result.margin_start = self.offset
                self._line(text, [(0, text.length, margin.label)])
        return self.result

    def _body(self, body) -> None:
        # Content controls (w:sdt) nest block content; walk them without recursion.
        pending = list(reversed(body))
        while pending:
            element = pending.pop()
            if element.tag == _P:
                self._body_paragraph(element)
            elif element.tag == _TBL:
                self._table(element)
            elif element.tag in (_SDT, _SDT_CONTENT):
                pending.extend(reversed(element))

    def _body_paragraph(self, paragraph) -> None:
        text = self._paragraph(paragraph)
        if text.text.strip():
            self.paragraphs += 1
            self._line(text, [(0, text.length, f"第{self.paragraphs}段{self._style(paragraph)}")])
        else:  # a comment on an empty paragraph marks where the next line starts
            self._marks(text, self.offset, 0)
        for box in _text_boxes(paragraph):
            box_text = self._joined(box)
            if box_text.text.strip():
                self.text_boxes += 1
                self._line(box_text, [(0, box_text.length, f"第{self.text_boxes}个文本框")])

    def _table(self, table) -> None:
        self.tables += 1
        for row_number, row in enumerate(table.iterchildren(_TR), 1):
            cells = list(row.iterchildren(_TC))
            if not cells:
                continue
            line, places = _Traced(), []
            line.add("|", _anchor(cells[0]))
            for column, cell in enumerate(cells, 1):
                anchor = _anchor(cell)
                # A cell's place starts right after its "|", where the span of a blank cell starts.
                start = line.length
                line.add(" ", anchor)
                content = self._joined(cell)
                places.append((start, line.length + content.length, f"第{self.tables}个表格第{row_number}行第{column}格"))
                line.extend(content)
                line.add(" |", anchor)
            self._line(line, places)

    def _joined(self, container) -> _Traced:
        """The paragraphs inside a table cell, text box or margin (nested ones
        included) as one line."""
        joined = _Traced()
        previous = None
        for paragraph in container.iter(_P):
            if _within(paragraph, container, (_MC_FALLBACK,)):
                continue
            text = self._paragraph(paragraph)
            if text.length and previous is not None:
                joined.add(" ", previous)
            joined.extend(text)
            previous = paragraph if text.length else previous
        return joined.replaced("\n", " ").stripped()

    def _paragraph(self, paragraph) -> _Traced:
        """A paragraph as one line, its list number first; line breaks stay."""
        body = _Traced()
        for node in paragraph.iter(_T, _TAB, _BR, _CR, _COMMENT_START, _COMMENT_END):
            if _within(node, paragraph, _NOT_TEXT):
                continue
            if node.tag == _T:
                body.add((node.text or "").translate(_ONE_LINE), paragraph, node)
            elif node.tag == _TAB:
                body.add(" ", paragraph, node)
            elif node.tag in (_BR, _CR):
                if node.get(_BREAK_TYPE) not in ("page", "column"):
                    body.add("\n", paragraph, node)
            else:
                body.mark(node.get(_ID), node.tag == _COMMENT_END)
        text = _Traced()
        text.add(self.numbering.label(paragraph), paragraph)
        text.extend(body.stripped("\n"))
        return text

    def _line(self, text: _Traced, places: list[tuple[int, int, str]]) -> None:
        result = self.result
        result.places += [(self.offset + start, self.offset + end, label) for start, end, label in places]
        result.pieces += [Piece(p.start + self.offset, p.length, p.node, p.offset, p.paragraph) for p in text.pieces]
        self._marks(text, self.offset, text.length)
        result.lines.append(text.text)
        self.offset += text.length + 1

    def _marks(self, text: _Traced, at: int, length: int) -> None:
        for offset, comment_id, ends in text.marks:
            self.result.comment_ranges.setdefault(comment_id, [None, None])[ends] = at + min(offset, length)

    def _style(self, paragraph) -> str:
        style = paragraph.find(f"{W}pPr/{_STYLE}")
        name = self.style_names.get(style.get(_VAL), "") if style is not None else ""
        return f"（{_HEADING_STYLE_NAMES[name]}）" if name in _HEADING_STYLE_NAMES else ""


def _style_names(document) -> dict[str, str]:
    try:
        return {style.style_id: style.name for style in document.styles}
    except Exception:  # noqa: BLE001 - a broken styles part only costs the style names
        return {}


def _anchor(cell):
    """Where the " | " around a cell shows: its first paragraph (a blank cell's comment goes there)."""
    paragraph = cell.find(_P)
    return paragraph if paragraph is not None else cell


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
