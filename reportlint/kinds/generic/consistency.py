"""consistency: two variants of one term in the same document (其他/其它)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ..base import TextKind
from ..options import Flag, Groups


class Consistency(TextKind):
    """For each group of variants, when more than one is used in a document,
    report the uses of the less common ones, pointing at the most common one
    (the first listed wins a tie). With ``standard_first`` the first variant of
    a group is the standard form: the others are reported however often they
    are used, since the office is to write the standard one throughout."""

    name = "consistency"
    options = {"variants": Groups(required=True, example="[政务公开, 政务信息公开]"), "standard_first": Flag()}
    message_args = frozenset({"match", "preferred", "preferred_line", "count"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        spans = facts.spans(self.scope)
        for group in self.variants:
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
            if self.standard_first and uses[group[0]]:
                preferred = group[0]
            else:
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
