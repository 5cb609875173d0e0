"""consistency: two variants of one term in the same document (其他/其它)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostic import Edit, Finding
from ..document import Span
from ..facts import Facts
from .base import Option, OptionError, TextKind


class Consistency(TextKind):
    """For each group of variants, when more than one is used in a document,
    report the uses of the less common ones, pointing at the most common one
    (the first listed wins a tie)."""

    name = "consistency"
    options = {"variants": Option((list,), required=True, items=list)}
    message_args = frozenset({"match", "preferred", "preferred_line", "count"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.groups: list[list[str]] = []
        for group in options["variants"]:
            if len(group) < 2 or not all(isinstance(variant, str) and variant for variant in group):
                raise OptionError("variants", "每组应列出至少两个非空的写法")
            self.groups.append(group)

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        spans = facts.spans(self.scope)
        for group in self.groups:
            uses: dict[str, list[int]] = {variant: [] for variant in group}
            for span in spans:
                for variant in group:
                    start = text.find(variant, span.start, span.end)
                    while start != -1:
                        uses[variant].append(start)
                        start = text.find(variant, start + len(variant), span.end)
            used = [variant for variant in group if uses[variant]]
            if len(used) < 2:
                continue
            preferred = max(used, key=lambda variant: (len(uses[variant]), -group.index(variant)))
            preferred_line = facts.source.position(uses[preferred][0])[0]
            for variant in used:
                if variant == preferred:
                    continue
                for start in uses[variant]:
                    where = Span(start, start + len(variant))
                    args = {"match": variant, "preferred": preferred, "preferred_line": preferred_line,
                            "count": len(uses[preferred])}
                    yield Finding(where, args, (Edit(where, preferred),))
