"""substitution: a wrong form with its right one (formulations, titles, typos)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.words import at_boundaries
from ..base import TextKind, excepted
from ..options import Flag, Patterns, Swap


class Substitution(TextKind):
    """Report each match of a key of ``swap`` and suggest its value.

    Keys are patterns; values may refer to the key's groups (``\\1``). All keys
    are scanned together in one pass. With ``word_start``, a match must begin
    where a word begins: "政信息公开" is no 政府信息公开 with a character missing in
    "财政信息公开", where 政 ends the word 财政 (reportlint.text.words).
    """

    name = "substitution"
    options = {
        "ignorecase": Flag(),
        "swap": Swap(required=True, ignorecase="ignorecase"),
        "exceptions": Patterns(ignorecase="ignorecase"),
        "word_start": Flag(),
    }
    message_args = frozenset({"match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for match, span in self.scan(facts, self.swap.pattern):
            if match.end() == match.start() or excepted(text, match, span, self.exceptions):
                continue
            if self.word_start and not at_boundaries(text, match.start()):
                continue
            suggestion = self.swap.replacement(text, match, span)
            if suggestion == match.group():
                continue
            where = Span(*match.span())
            yield Finding(where, {"match": match.group(), "suggestion": suggestion}, (Edit(where, suggestion),))
