"""wording.short_title: a short title (《条例》, 《办法》, 《意见》) used before the
sentence that says what it stands for ("（以下简称《条例》）"), or without one.

A short title is a book title that holds only the kind of document (条例, 办法,
规定 …): the reader learns which document it is from its definition, which must
come first. Definitions are read in their common forms: 以下简称《条例》, 下称“《条例》”,
简称“条例”, (以下简称条例).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ..base import TextKind
from ..options import Strings

_DEFINITION = re.compile(r"(?:以下简称|以下称|下称|简称)[：:]?[“\"]?《?(?P<name>[^《》“”\"（）()，,。；、\s]{1,12})》?[”\"]?")


class ShortTitle(TextKind):
    name = "wording.short_title"
    options = {"titles": Strings(default=("条例", "办法", "规定", "意见", "细则", "决定", "通知", "纲要", "规划"))}
    message_args = frozenset({"match", "problem"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.uses = re.compile("《(" + "|".join(map(re.escape, self.titles)) + ")》")

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        spans = facts.spans(self.scope)
        defined: dict[str, int] = {}  # a name → where it is first defined
        for span in spans:
            for definition in _DEFINITION.finditer(text, span.start, span.end):
                defined.setdefault(definition.group("name"), definition.start())
        reported: set[str] = set()
        for match, _ in self.scan(facts, self.uses):
            name = match.group(1)
            if name in reported or _defines(text, match.start(), defined.get(name)):
                continue
            reported.add(name)
            problem = "前文没有说明它是哪个文件的简称" if name not in defined else "在说明它是哪个文件的简称之前就用了"
            yield Finding(Span(*match.span()), {"match": match.group(), "problem": problem})


def _defines(text: str, use: int, definition: int | None) -> bool:
    """Whether the short title at ``use`` is defined before it, or is the
    definition itself (以下简称《条例》)."""
    return definition is not None and definition <= use
