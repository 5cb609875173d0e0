"""Where each character of the extracted text is in the XML, and cutting runs
there.

A run (w:r) carries its formatting (w:rPr) for all of its text. To put a comment
or a tracked change on exactly a span, the runs at the span's two ends are cut
in two, each half keeping a copy of the formatting, so that the span is a
sequence of whole runs. The map follows every cut, so spans are found again
after others were cut.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from copy import deepcopy
from dataclasses import dataclass

from docx.oxml import OxmlElement

from .package import W

_T, _RPR = W + "t", W + "rPr"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Piece:
    """Characters ``start`` to ``start + length`` of the extracted text. They come
    from ``node`` (a w:t, from its character ``offset``; or a w:tab, w:br or w:cr,
    one character), or, where ``node`` is None, the reader wrote them: a list
    number, the " | " between cells. ``paragraph`` is the w:p they show in."""

    start: int
    length: int
    node: object | None
    offset: int
    paragraph: object

    @property
    def end(self) -> int:
        return self.start + self.length


class TextMap:
    """The pieces of one extracted text, in order."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = sorted(pieces, key=_start)

    def covered(self, start: int, end: int) -> bool:
        """Whether every character from ``start`` to ``end`` is the document's own
        (so an edit can replace it), and an empty span lies beside such a character."""
        pieces = self._overlapping(max(start - 1, 0) if start == end else start, max(end, start + 1))
        if start == end:
            return any(piece.node is not None for piece in pieces)
        at = start
        for piece in pieces:
            if piece.node is None or piece.start > at:
                return False
            at = piece.end
        return at >= end

    def runs(self, start: int, end: int) -> list:
        """The runs holding exactly the document's own characters from ``start``
        to ``end``, in order, after cutting the runs at both ends (none when the
        span holds none)."""
        if start >= end or not any(piece.node is not None for piece in self._overlapping(start, end)):
            return []
        self._cut(start)
        self._cut(end)
        return _unique(piece.node.getparent() for piece in self._overlapping(start, end) if piece.node is not None)

    def paragraph_runs(self, start: int, end: int) -> tuple[object | None, list]:
        """For a span that holds no character of the document (a list number, a
        blank cell, a point): the paragraph it shows in and that paragraph's runs."""
        pieces = self._overlapping(max(start - 1, 0), max(end, start + 1))
        inside = [piece for piece in pieces if piece.start < max(end, start + 1) and piece.end > start]
        chosen = (inside or pieces)[:1]
        if not chosen:
            return None, []
        paragraph = chosen[0].paragraph
        runs = _unique(piece.node.getparent() for piece in self.pieces if piece.paragraph is paragraph and piece.node is not None)
        return paragraph, runs

    def insertion_point(self, at: int) -> tuple[object, bool]:
        """Where text inserted at ``at`` goes: (the run before it, True), or, at
        the start of a line, (the run after it, False). ``covered(at, at)`` holds."""
        self._cut(at)
        before = [piece for piece in self._overlapping(max(at - 1, 0), at) if piece.node is not None and piece.end == at]
        if before:
            return before[0].node.getparent(), True
        after = next(piece for piece in self._overlapping(at, at + 1) if piece.node is not None)
        return after.node.getparent(), False

    def _overlapping(self, start: int, end: int) -> list[Piece]:
        index = max(0, bisect_right(self.pieces, start, key=_start) - 1)
        found = []
        while index < len(self.pieces) and self.pieces[index].start < end:
            piece = self.pieces[index]
            if piece.end > start:
                found.append(piece)
            index += 1
        return found

    def _cut(self, at: int) -> None:
        """Make ``at`` a run boundary: cut the run that holds characters on both sides of it."""
        pieces = [piece for piece in self._overlapping(max(at - 1, 0), at + 1) if piece.node is not None]
        inside = next((piece for piece in pieces if piece.start <= at < piece.end), None)
        piece = inside or next((piece for piece in pieces if piece.end == at), None)
        if piece is None:
            return
        position = piece.offset + at - piece.start
        moved_text = _cut_run(piece.node, position)
        if moved_text is not None and inside is not None and at > piece.start:
            # The w:t was cut: the characters from ``at`` on are in the new one.
            self.pieces.remove(piece)
            insort(self.pieces, Piece(piece.start, at - piece.start, piece.node, piece.offset, piece.paragraph), key=_start)
            insort(self.pieces, Piece(at, piece.end - at, moved_text, 0, piece.paragraph), key=_start)


def _start(piece: Piece) -> int:
    return piece.start


def _cut_run(node, position: int):
    """Cut ``node``'s run before character ``position`` of ``node`` (a w:t's
    text, or 0/1 for a one-character node), unless that is already an end of
    the run. Returns the new w:t holding the rest of a cut w:t, or None."""
    run = node.getparent()
    content = [child for child in run if child.tag != _RPR]
    index = content.index(node)
    text = (node.text or "") if node.tag == _T else "x"
    moved_text = None
    if position <= 0:
        moving = content[index:]
    elif position >= len(text):
        moving = content[index + 1:]
    else:
        moved_text = OxmlElement("w:t")
        moved_text.text = text[position:]
        node.text = text[:position]
        for element in (node, moved_text):
            element.set(_SPACE, "preserve")
        moving = [moved_text, *content[index + 1:]]
    if not moving or moving == content:
        return None
    second = OxmlElement("w:r", attrs=dict(run.attrib))
    formatting = run.find(_RPR)
    if formatting is not None:
        second.append(deepcopy(formatting))
    for element in moving:
        second.append(element)
    run.addnext(second)
    return moved_text


def _unique(elements) -> list:
    seen, ordered = set(), []
    for element in elements:
        if id(element) not in seen:
            seen.add(id(element))
            ordered.append(element)
    return ordered
