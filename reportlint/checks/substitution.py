"""substitution: a wrong form with its right one (formulations, titles, typos)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostic import Edit, Finding
from ..document import Span
from ..facts import Facts
from ..patterns import RulePattern
from .base import Option, OptionError, TextKind, compile_option, excepted, strings


class Substitution(TextKind):
    """Report each match of a key of ``swap`` and suggest its value.

    Keys are patterns; values may refer to the key's groups (``\\1``). All keys
    are scanned together in one pass.
    """

    name = "substitution"
    options = {
        "swap": Option((dict,), required=True),
        "exceptions": strings(),
        "ignorecase": Option((bool,), default=False),
    }
    message_args = frozenset({"match", "suggestion"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        swap = options["swap"]
        if not swap:
            raise OptionError("swap", "不能为空")
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str):
                raise OptionError("swap", f"“{wrong}”：错误写法和正确写法都应为字符串")
        self.ignorecase = options["ignorecase"]
        self.wrongs = list(swap)
        self.rights = list(swap.values())
        # One combined pattern; each alternative is a named group, so the
        # alternative that matched is match.lastgroup.
        combined = "|".join(f"(?P<s{index}>{wrong})" for index, wrong in enumerate(swap))
        try:
            self.pattern = compile_option("swap", [combined], ignorecase=self.ignorecase)
        except OptionError:
            for wrong in swap:  # name the key at fault
                compile_option("swap", [wrong], ignorecase=self.ignorecase)
            raise
        self.alone: dict[int, RulePattern] = {}  # single keys, compiled when one matches
        self.exceptions = compile_option("exceptions", options["exceptions"], ignorecase=options["ignorecase"])

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for match, span in self.scan(facts, self.pattern):
            if match.end() == match.start() or excepted(text, match, span, self.exceptions):
                continue
            index = int(match.lastgroup[1:])
            # The same alternative alone, to expand \1 with its own groups.
            if index not in self.alone:
                self.alone[index] = compile_option("swap", [self.wrongs[index]], ignorecase=self.ignorecase)
            alone = self.alone[index].match(text, match.start(), span.end)
            suggestion = alone.expand(self.rights[index]) if alone else self.rights[index]
            if suggestion == match.group():
                continue
            where = Span(*match.span())
            yield Finding(where, {"match": match.group(), "suggestion": suggestion}, (Edit(where, suggestion),))
