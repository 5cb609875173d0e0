"""Diagnostics as Word comments (批注) by reportlint, each on exactly its span,
in a copy of the draft or in a new document of a draft's text."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run

from .runs import Piece, TextMap

AUTHOR = "reportlint"
INITIALS = "RL"


def add_comment(document, text_map: TextMap, start: int, end: int, text: str) -> None:
    """Comment on the characters ``start`` to ``end`` of the extracted text. A
    span that holds none of the document's own characters — a list number, a
    blank cell, a point — is commented on the paragraph it shows in (the whole
    paragraph, or a point at its end when it has no text)."""
    runs = text_map.runs(start, end)
    if not runs:
        paragraph, runs = text_map.paragraph_runs(start, end)
        if not runs:
            runs = [_empty_run(paragraph if paragraph is not None else _last_paragraph(document))]
    first, last = Run(runs[0], None), Run(runs[-1], None)
    document.add_comment([first, last], text=text, author=AUTHOR, initials=INITIALS)


def _empty_run(paragraph):
    """A run without text at the end of ``paragraph``, to anchor a point comment on."""
    run = OxmlElement("w:r")
    paragraph.append(run)
    return run


def _last_paragraph(document):
    paragraphs = document.paragraphs
    return (paragraphs[-1] if paragraphs else document.add_paragraph())._p


def document_of_text(text: str):
    """A new document of ``text``, one paragraph per line, in 宋体 for Chinese,
    and the map of its characters."""
    document = docx.Document()
    fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "宋体")
    pieces, offset = [], 0
    for line in text.split("\n"):
        paragraph = document.add_paragraph()._p
        if line:
            run = OxmlElement("w:r")
            node = OxmlElement("w:t", attrs={"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            node.text = line.translate(_NOT_XML)
            run.append(node)
            paragraph.append(run)
            pieces.append(Piece(offset, len(line), node, 0, paragraph))
        offset += len(line) + 1
    return document, TextMap(pieces)


# Characters XML cannot hold, each shown as U+FFFD (one for one, so the map stays true).
_NOT_XML = {code: "\ufffd" for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}
