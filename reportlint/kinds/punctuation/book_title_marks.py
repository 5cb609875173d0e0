"""punctuation.book_title_marks: «» or <<>> used for 《》."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ..base import TextKind

_BOOK_TITLE = re.compile(r"«([^«»\n]{0,80})»|<<([^<>\n]{0,80})>>|[«»]")


class BookTitleMarks(TextKind):
    name = "punctuation.book_title_marks"
    message_args = frozenset({"match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        for match, _ in self.scan(facts, _BOOK_TITLE):
            where = Span(*match.span())
            inner = match.group(1) if match.group(1) is not None else match.group(2)
            if inner is None:  # a lone « or »
                yield Finding(where, {"match": match.group(), "suggestion": "《》"})
                continue
            suggestion = f"《{inner}》"
            yield Finding(where, {"match": match.group(), "suggestion": suggestion}, (Edit(where, suggestion),))
