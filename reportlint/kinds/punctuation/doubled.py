"""punctuation.doubled: two marks in a row where one belongs ("、、", "，，", "，。")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ..base import TextKind

_DOUBLED = re.compile(r"[，、。；：]{2,}|[，、。；：][！？]|[！？][，、。；：]")
# "。。。" is an ellipsis written with full stops: the ellipsis rule's business.
_ELLIPSIS_OF_STOPS = re.compile(r"。{3,}")


class Doubled(TextKind):
    name = "punctuation.doubled"
    message_args = frozenset({"match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        for match, _ in self.scan(facts, _DOUBLED):
            marks = match.group()
            if _ELLIPSIS_OF_STOPS.fullmatch(marks):
                continue
            where = Span(*match.span())
            if len(set(marks)) == 1:
                yield Finding(where, {"match": marks, "suggestion": marks[0]}, (Edit(where, marks[0]),))
            else:
                yield Finding(where, {"match": marks, "suggestion": "只保留一个"})
