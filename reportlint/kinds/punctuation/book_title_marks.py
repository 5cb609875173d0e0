"""punctuation.book_title_marks: «», <<>> or <> used for 《》, and <> for the
inner 〈〉 of a title inside a title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HAN
from ..base import TextKind

# «…», <<…>>, a title between angle brackets (<…>, ‹…›, ＜…＞: Han inside, no
# space at its edges, so that "a < b", an e-mail or URL in <…> and HTML tags are
# not titles), or a lone « or ».
_BOOK_TITLE = re.compile(
    r"«(?P<guillemets>[^«»\n]{0,80})»|<<(?P<doubled>[^<>\n]{0,80})>>"
    rf"|[<‹＜](?P<angled>(?=[^<>‹›＜＞\n]*[{HAN}])[^<>‹›＜＞\s][^<>‹›＜＞\n]{{0,78}}[^<>‹›＜＞\s]|[{HAN}])[>›＞]"
    r"|[«»]"
)
_WESTERN_QUOTES = "«»是西文引号"
_LESS_THAN = "“<>”是小于号和大于号"


class BookTitleMarks(TextKind):
    name = "punctuation.book_title_marks"
    message_args = frozenset({"match", "suggestion", "reason"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for match, span in self.scan(facts, _BOOK_TITLE):
            where = Span(*match.span())
            guillemets, doubled, angled = match.group("guillemets", "doubled", "angled")
            if guillemets is None and doubled is None and angled is None:  # a lone « or »
                yield Finding(where, {"match": match.group(), "suggestion": "《》", "reason": _WESTERN_QUOTES})
                continue
            if angled is not None and _inside_title(text, span, where):
                suggestion, reason = f"〈{angled}〉", "书名号里的书名用单书名号〈〉"
            else:
                inner = next(part for part in (guillemets, doubled, angled) if part is not None)
                suggestion, reason = f"《{inner}》", _WESTERN_QUOTES if guillemets is not None else _LESS_THAN
            yield Finding(where, {"match": match.group(), "suggestion": suggestion, "reason": reason},
                          (Edit(where, suggestion),))


def _inside_title(text: str, within: Span, where: Span) -> bool:
    """Whether ``where`` lies between a 《 and its 》 in the same piece of text."""
    before = text[within.start:where.start]
    return before.count("《") > before.count("》") and "》" in text[where.end:within.end]
