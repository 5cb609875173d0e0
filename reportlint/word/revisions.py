"""Fixes as tracked changes (修订) by reportlint, for the editor to accept or
reject one by one in Word or WPS.

A deletion wraps the runs that hold exactly the deleted characters (cut out of
their neighbours, formatting kept) in w:del, their w:t becoming w:delText; an
insertion is a new run in w:ins, formatted as the text it replaces (or, where
nothing is replaced, as the text before it). Comments and tracked changes
already in the draft stay as they are: text inside another author's insertion
is deleted inside it, as Word does.
"""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime, timezone
from itertools import count

from docx.oxml import OxmlElement

from ..readers.docx import read_document
from ..source import Source
from .package import W, margins, saved

AUTHOR = "reportlint"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_DELETED_TAGS = {W + "t": W + "delText", W + "instrText": W + "delInstrText"}


class WordDraft:
    """A Word draft for --fix (reportlint/fixes.py): its Source as the reader
    reads it, and its document, which ``edited`` changes (a draft is edited once)."""

    # The edits wait for the editor: until accepted, the document prints as before.
    done = "已修正 {applied} 处，均以修订方式写入，请在 Word 或 WPS 中审阅并接受修订。"

    def __init__(self, data: bytes, path: str) -> None:
        self.source, self._document, self._map = read_document(data, path)
        self.text = self.source.text
        self.path = path
        self._data = data

    def editable(self, start: int, end: int) -> bool:
        return self._map.covered(start, end)

    def edited(self, edits: list[tuple[int, int, str]]) -> WordDraft:
        ids = count(_next_id(self._document))
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        # From the end, so that each edit's own runs are cut last.
        for start, end, replacement in reversed(edits):
            runs = self._map.runs(start, end)
            if runs:
                model, place = runs[0], _delete(runs, ids, stamp)
            else:
                model, after = self._map.insertion_point(start)
                place = model.addnext if after else model.addprevious
            if replacement:
                place(_insertion(model, replacement, next(ids), stamp))
        return WordDraft(saved(self._document), self.path)

    def data(self) -> bytes:
        return self._data


def word_draft(data: bytes, source: Source, encoding: str | None) -> WordDraft:
    """The draft of a .docx (the registry's fixer for Word documents)."""
    return WordDraft(data, source.path)


def _delete(runs: list, ids, stamp: str):
    """Wrap ``runs`` in w:del, a w:del per group of adjacent runs; returns how to
    put something right after the last."""
    groups: list[list] = []
    for run in runs:
        if groups and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    deletion = None
    for group in groups:
        deletion = _revision("w:del", next(ids), stamp)
        group[0].addprevious(deletion)
        for run in group:
            deletion.append(run)
            for node in run.iter(*_DELETED_TAGS):
                node.tag = _DELETED_TAGS[node.tag]
    return deletion.addnext


def _insertion(model, text: str, revision_id: int, stamp: str):
    """A w:ins holding ``text`` in a run formatted as ``model``."""
    run = OxmlElement("w:r")
    formatting = model.find(W + "rPr")
    if formatting is not None:
        run.append(deepcopy(formatting))
    node = OxmlElement("w:t", attrs={_SPACE: "preserve"})
    node.text = text
    run.append(node)
    insertion = _revision("w:ins", revision_id, stamp)
    insertion.append(run)
    return insertion


def _revision(tag: str, revision_id: int, stamp: str):
    return OxmlElement(tag, attrs={W + "id": str(revision_id), W + "author": AUTHOR, W + "date": stamp})


def _next_id(document) -> int:
    """An id above every annotation id in the document's stories, so that new
    revisions never share one with a comment, bookmark or revision."""
    roots = [document.element, *(margin.element for margin in margins(document))]
    values = (element.get(W + "id") for root in roots for element in root.iter())
    return max((int(value) for value in values if value and value.lstrip("-").isdigit()), default=0) + 1
