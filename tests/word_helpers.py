"""Reading back what reportlint writes into Word documents, with python-docx and
plain XML walks independent of reportlint's own reader: comments and the text
they are anchored on, the formatting of every character, and accepting or
rejecting every tracked change as Word's 接受/拒绝所有修订 does."""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from lxml import etree

FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass(frozen=True)
class WordComment:
    author: str
    text: str
    anchored: str  # the text between its range markers
    story: str  # "body", "header", "footer" or "footnotes": the part it is anchored in
    container: str  # the innermost of "tc" (a table cell), "txbxContent" (a text box), "p"


def stories(document) -> list[tuple[str, object]]:
    """The parts that hold text, with their root elements: body, headers and footers, notes."""
    parts = [("body", document.element.body)]
    for relationship in document.part.rels.values():
        name = relationship.reltype.rsplit("/", 1)[-1]
        if name in ("header", "footer", "footnotes", "endnotes"):
            part = relationship.target_part
            element = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
            parts.append((name, element))
    return parts


def comments(data: bytes) -> list[WordComment]:
    """Every comment of a .docx, in the order its range starts in the document."""
    document = docx.Document(io.BytesIO(data))
    by_id = {str(comment.comment_id): comment for comment in document.comments}
    found: list[WordComment] = []
    for story, root in stories(document):
        open_ranges: dict[str, list[str]] = {}
        containers: dict[str, str] = {}
        for element in root.iter():
            if any(ancestor.tag == FALLBACK for ancestor in element.iterancestors()):
                continue
            if element.tag == qn("w:commentRangeStart"):
                open_ranges[element.get(qn("w:id"))] = []
                containers[element.get(qn("w:id"))] = _container(element)
            elif element.tag == qn("w:commentRangeEnd"):
                comment_id = element.get(qn("w:id"))
                comment = by_id[comment_id]
                found.append(WordComment(comment.author, comment.text, "".join(open_ranges.pop(comment_id)), story,
                                         containers[comment_id]))
            elif element.tag in (qn("w:t"), qn("w:tab")):
                for pieces in open_ranges.values():
                    pieces.append(element.text or "" if element.tag == qn("w:t") else " ")
    return found


def _container(element) -> str:
    for ancestor in element.iterancestors():
        name = etree.QName(ancestor).localname
        if name in ("tc", "txbxContent"):
            return name
    return "p"


def formatted_characters(data: bytes) -> list[tuple[str, bytes]]:
    """Every character of every story, each with the formatting of its run, in
    document order: what must not change when comments or revisions are added."""
    document = docx.Document(io.BytesIO(data))
    characters = []
    for _, root in stories(document):
        for node in root.iter(qn("w:t"), qn("w:delText")):
            run = node.getparent()
            formatting = run.find(qn("w:rPr"))
            shown = etree.tostring(formatting, method="c14n", exclusive=True) if formatting is not None else b""
            characters += [(char, shown) for char in node.text or ""]
    return characters


def _settled(data: bytes, *, accept: bool, author: str | None) -> bytes:
    document = docx.Document(io.BytesIO(data))
    kept, dropped = (qn("w:ins"), qn("w:del")) if accept else (qn("w:del"), qn("w:ins"))
    for _, root in stories(document):
        changes = [element for element in root.iter(kept, dropped)
                   if element.getparent().tag != qn("w:rPr") and author in (None, element.get(qn("w:author")))]
        for element in changes:
            if element.tag == dropped:
                element.getparent().remove(element)
                continue
            for child in list(element):
                element.addprevious(child)
                for deleted in child.iter(qn("w:delText")):
                    if next(deleted.iterancestors(qn("w:del")), None) is None:  # no longer deleted
                        deleted.tag = qn("w:t")
            element.getparent().remove(element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def accept_all(data: bytes, author: str | None = None) -> bytes:
    """The document with every tracked change (by ``author``, if given) accepted."""
    return _settled(data, accept=True, author=author)


def reject_all(data: bytes, author: str | None = None) -> bytes:
    """The document with every tracked change (by ``author``, if given) rejected."""
    return _settled(data, accept=False, author=author)


def _revision_of(node):
    """The innermost w:ins or w:del around ``node``, or None."""
    return next(node.iterancestors(qn("w:ins"), qn("w:del")), None)


def revisions(data: bytes) -> list[tuple[str, str, str]]:
    """(kind, author, text) of every w:ins and w:del, in document order."""
    document = docx.Document(io.BytesIO(data))
    found = []
    for _, root in stories(document):
        for element in root.iter(qn("w:ins"), qn("w:del")):
            if element.getparent().tag == qn("w:rPr"):
                continue
            text = "".join(node.text or "" for node in element.iter(qn("w:t"), qn("w:delText"))
                           if _revision_of(node) is element)
            found.append((etree.QName(element).localname, element.get(qn("w:author")), text))
    return found

