"""punctuation.book_title_nesting: a doubled 《《, or 《》 inside 《》 where the
inner pair should be 〈〉."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import QUOTE_LIMIT, Edit, Finding, bounded
from ...document import Span
from ...facts import Facts
from ..base import TextKind

_BOOK_TITLE_MARKS = re.compile("[《》]")


class BookTitleNesting(TextKind):
    name = "punctuation.book_title_nesting"
    message_args = frozenset({"match", "suggestion", "problem"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for span in facts.spans(self.scope):
            open_at: list[int] = []
            close_of: dict[int, int] = {}
            nested: list[tuple[int, int]] = []  # (the enclosing 《, the inner 《)
            for mark in _BOOK_TITLE_MARKS.finditer(text, span.start, span.end):
                position, char = mark.start(), mark.group()
                if char == "《":
                    open_at.append(position)
                elif char == "》" and open_at:
                    start = open_at.pop()
                    close_of[start] = position
                    if open_at:
                        nested.append((open_at[-1], start))
            for outer, inner in nested:
                close = close_of[inner]
                if outer + 1 == inner and close_of.get(outer) in (None, close + 1):
                    # "《《A》" or "《《A》》": the mark typed twice. The fix drops the
                    # outer pair's marks, so that nesting 5,000 deep costs 5,000
                    # small findings, not 5,000 copies of the title.
                    if outer in close_of:
                        where = Span(outer, close + 2)
                        edits = (Edit(Span(outer, outer + 1), ""), Edit(Span(close + 1, close + 2), ""))
                        suggestion = _title_quote(text, inner, close + 1)
                    else:
                        where = Span(outer, inner + 1)
                        suggestion = "《"
                        edits = (Edit(where, suggestion),)
                    args = {"match": _title_quote(text, where.start, where.end), "suggestion": suggestion,
                            "problem": "重复"}
                    yield Finding(where, args, edits, suggestion)
                elif outer in close_of:
                    where = Span(inner, close + 1)
                    suggestion = "〈" + _title_quote(text, inner + 1, close) + "〉"
                    args = {"match": _title_quote(text, inner, close + 1), "suggestion": suggestion,
                            "problem": "套用时内层应改用单书名号"}
                    edits = (Edit(Span(inner, inner + 1), "〈"), Edit(Span(close, close + 1), "〉"))
                    yield Finding(where, args, edits, suggestion)


def _title_quote(text: str, start: int, end: int) -> str:
    """text[start:end], bounded without copying a long title whole."""
    if end - start <= QUOTE_LIMIT:
        return text[start:end]
    return bounded(text[start:start + QUOTE_LIMIT] + text[end - QUOTE_LIMIT:end])
