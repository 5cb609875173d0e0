"""punctuation.comma_in_list: a ， among the 、 of one list of parallel words
("规范化，标准化、便民化", "知情权，参与权、表达权和监督权").

Whether words are parallel is read from their form: short words (two to four
characters) that end in the same character (化, 性, 权, 率 …), on both sides of
the comma and on the far side of the 、 next to it. A comma between longer
stretches ("推进标准化，实现规范化、便民化") separates clauses and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HAN, HAN_RUN
from ..base import TextKind

_COMMA = re.compile("[，,]")
_RUN_BEFORE = re.compile(f"[{HAN}]+$")
# What may follow the last word of a list inside its run of Han characters.
_LIST_END = "和及与或等"
_SHORTEST, _LONGEST = 2, 4
_LOOK_BACK = 8


class CommaInList(TextKind):
    name = "punctuation.comma_in_list"
    message_args = frozenset({"match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for span in facts.spans(self.scope):
            for comma in _COMMA.finditer(text, span.start, span.end):
                found = _list_around(text, span, comma.start())
                if found is None:
                    continue
                start, end = found
                where = Span(comma.start(), comma.end())
                suggestion = text[start:comma.start()] + "、" + text[comma.end():end]
                yield Finding(Span(start, end), {"match": text[start:end], "suggestion": suggestion},
                              (Edit(where, "、"),), suggestion)


def _list_around(text: str, span: Span, comma: int) -> tuple[int, int] | None:
    """The stretch of a list of parallel words with the comma at ``comma`` among its
    、: "甲X，乙X、丙X" or "甲X、乙X，丙X"; None when the comma is no such slip."""
    # (The run before the comma is looked for in the few characters before it: a
    # longer run is too long for a word of a list anyway.)
    before = _RUN_BEFORE.search(text, max(span.start, comma - _LOOK_BACK), comma)
    after = HAN_RUN.match(text, comma + 1, span.end)
    if before is None or after is None:
        return None
    suffix = text[comma - 1]
    # 甲X，乙X、丙X: the word after the comma is a whole run, and a 、 follows it.
    if _is_word(after.group(), suffix) and after.end() < span.end and text[after.end()] == "、":
        third = HAN_RUN.match(text, after.end() + 1, span.end)
        head = _head_word(third.group(), suffix) if third else None
        if head:
            return max(before.start(), comma - len(after.group())), third.start() + head
    # 甲X、乙X，丙X: the word before the comma is a whole run after a 、.
    if _is_word(before.group(), suffix) and before.start() > span.start and text[before.start() - 1] == "、":
        first = _RUN_BEFORE.search(text, max(span.start, before.start() - 1 - _LOOK_BACK), before.start() - 1)
        head = _head_word(after.group(), suffix)
        if first and head and text[before.start() - 2] == suffix:
            return max(first.start(), before.start() - 1 - len(before.group())), after.start() + head
    return None


def _is_word(run: str, suffix: str) -> bool:
    return _SHORTEST <= len(run) <= _LONGEST and run[-1] == suffix


def _head_word(run: str, suffix: str) -> int | None:
    """The length of the word ending in ``suffix`` that starts ``run`` and ends the
    list there (the run ends, or 和/及/等 … follows), if any."""
    for length in range(_SHORTEST, min(_LONGEST, len(run)) + 1):
        if run[length - 1] == suffix and (length == len(run) or run[length] in _LIST_END):
            return length
    return None
