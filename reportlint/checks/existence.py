"""existence: text that should not be there at all (placeholders, stray words)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostic import Finding
from ..document import Span
from ..facts import Facts
from ..profile import Edition
from .base import Option, OptionError, TextKind, compile_option, excepted, strings


class Existence(TextKind):
    """Report every match of ``patterns`` not covered by one of ``exceptions``;
    with ``editions``, only in reports of those editions of the format."""

    name = "existence"
    options = {
        "patterns": strings(required=True),
        "exceptions": strings(),
        "ignorecase": Option((bool,), default=False),
        "editions": strings(),
    }
    message_args = frozenset({"match"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.pattern = compile_option("patterns", options["patterns"], ignorecase=options["ignorecase"])
        self.exceptions = compile_option("exceptions", options["exceptions"], ignorecase=options["ignorecase"])
        unknown = [edition for edition in options["editions"] if Edition.parse(edition) is None]
        if unknown:
            raise OptionError("editions", f"未知的版式“{unknown[0]}”，应为：{'、'.join(Edition)}")
        self.editions = set(options["editions"])

    def check(self, facts: Facts) -> Iterator[Finding]:
        if self.editions and facts.profile.edition not in self.editions:
            return
        text = facts.text
        for match, span in self.scan(facts, self.pattern):
            if match.end() > match.start() and not excepted(text, match, span, self.exceptions):
                yield Finding(Span(*match.span()), {"match": match.group()})
