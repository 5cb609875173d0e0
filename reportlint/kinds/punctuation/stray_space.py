"""punctuation.stray_space: a space between two Han characters ("政府 信息").
Not on a line that holds several headings: that is a web page flattened into
one line, where spaces stand for the line breaks the extraction lost."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HAN
from ..base import TextKind

# A Han character and the spaces after it, when another Han character follows.
_STRAY_SPACE = re.compile(f"[{HAN}][ \u3000]+(?=[{HAN}])")


class StraySpace(TextKind):
    name = "punctuation.stray_space"
    message_args = frozenset({"match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        line_of = facts.source.position
        headings_per_line = Counter(line_of(heading.span.start)[0] for heading in facts.document.headings())
        for match, _ in self.scan(facts, _STRAY_SPACE):
            if headings_per_line[line_of(match.start())[0]] > 1:
                continue
            where = Span(match.start(), match.end() + 1)
            suggestion = text[match.start()] + text[match.end()]
            args = {"match": text[where.start:where.end], "suggestion": suggestion}
            yield Finding(where, args, (Edit(where, suggestion),))
