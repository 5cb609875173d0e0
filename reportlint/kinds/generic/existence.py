"""existence: text that should not be there at all (placeholders, stray words)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...readers import INPUT_FORMATS
from ..base import TextKind, excepted
from ..options import Editions, Flag, Patterns, Strings


class Existence(TextKind):
    """Report every match of ``patterns`` not covered by one of ``exceptions``;
    with ``editions``, only in reports of those editions of the format; with
    ``formats``, only in drafts read as those (text, markdown, docx, html)."""

    name = "existence"
    options = {
        "ignorecase": Flag(),
        "patterns": Patterns(required=True, ignorecase="ignorecase"),
        "exceptions": Patterns(ignorecase="ignorecase"),
        "editions": Editions(default=frozenset()),
        "formats": Strings(choices=tuple(input_format.name for input_format in INPUT_FORMATS)),
    }
    message_args = frozenset({"match"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        if self.editions and facts.profile.edition not in self.editions:
            return
        if self.formats and facts.source.format not in self.formats:
            return
        text = facts.text
        for match, span in self.scan(facts, self.patterns):
            if match.end() > match.start() and not excepted(text, match, span, self.exceptions):
                yield Finding(Span(*match.span()), {"match": match.group()})
