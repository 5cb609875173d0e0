"""The contract between the rule engine and a kind.

A kind is Python code that knows how to check one sort of thing; a rule (a YAML
file) instantiates it with data. A kind declares the options its rules may set
and the names its findings supply to their messages; the engine validates rule
files against these declarations, so a kind's code only ever sees valid options.
A kind never knows its rule's id, severity or message: the linter stamps those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from ..diagnostic import Finding
from ..document import Span
from ..facts import SCOPES, Facts
from ..patterns import PatternError, RuleMatch, RulePattern, compile_alternatives


class OptionError(ValueError):
    """A bad option value; ``key`` names the option in the rule file."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Option:
    types: tuple[type, ...]
    required: bool = False
    default: Any = None
    items: type | None = None  # the type of each element of a list
    choices: tuple[Any, ...] | None = None


def strings(default: Any = None, *, required: bool = False) -> Option:
    return Option((list,), required, default if default is not None else [], items=str)


_TYPE_NAMES = {str: "字符串", int: "整数", float: "数字", bool: "true 或 false", list: "列表", dict: "映射"}


class Kind:
    name: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    message_args: ClassVar[frozenset[str]] = frozenset()
    scoped: ClassVar[bool] = False  # whether rules may set the common key `scope`
    default_scope: ClassVar[str] = "text"

    def __init__(self, options: dict[str, Any], scope: str | None = None) -> None:
        self.scope = scope or self.default_scope

    def check(self, facts: Facts) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def validate(cls, raw: dict[str, Any]) -> dict[str, Any]:
        """Check a rule's kind-specific keys; return them with defaults filled in."""
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in cls.options:
                known = "、".join(cls.options) or "无"
                raise OptionError(key, f"未知的键（{cls.name} 类规则可用的键：{known}）")
            option = cls.options[key]
            if isinstance(value, bool) and bool not in option.types:
                raise OptionError(key, f"应为{_TYPE_NAMES[option.types[0]]}")
            if not isinstance(value, option.types):
                raise OptionError(key, f"应为{_TYPE_NAMES[option.types[0]]}")
            if option.items is not None and not all(isinstance(item, option.items) for item in value):
                raise OptionError(key, f"每一项都应为{_TYPE_NAMES[option.items]}")
            if option.choices is not None and value not in option.choices:
                raise OptionError(key, f"应为以下之一：{'、'.join(map(str, option.choices))}")
            values[key] = value
        for key, option in cls.options.items():
            if key not in values:
                if option.required:
                    raise OptionError(key, "缺少必需的键")
                values[key] = option.default
        return values


class TextKind(Kind):
    """A kind that scans the text of a scope (title, headings, paragraphs, tables)."""

    scoped = True

    def scan(self, facts: Facts, pattern: RulePattern | re.Pattern[str]) -> Iterator[tuple[RuleMatch | re.Match[str], Span]]:
        """Every match of ``pattern`` (a rule's, or a kind's own ``re`` pattern) in
        the scope, with the span it lies in."""
        if isinstance(pattern, RulePattern):
            # One RE2 call over the whole scope (see reportlint/patterns.py).
            scope = facts.scope_text(self.scope)
            for match in pattern.scan(scope):
                yield match, scope.spans[match.index]
            return
        text = facts.text
        for span in facts.spans(self.scope):
            for match in pattern.finditer(text, span.start, span.end):
                yield match, span


def compile_option(key: str, patterns: list[str], *, ignorecase: bool = False) -> RulePattern | None:
    """Compile a list-of-patterns option into one pattern (None for an empty list)."""
    if not patterns:
        return None
    try:
        return compile_alternatives(patterns, ignorecase=ignorecase)
    except PatternError as error:
        raise OptionError(key, str(error)) from None


def excepted(text: str, match: RuleMatch, within: Span, exceptions: RulePattern | None) -> bool:
    """Whether an exception pattern matches around ``match``, covering it.

    "人事" is excepted in "人事管理" when an exception is "人事管理": the exception
    is searched near the match and must contain it entirely.
    """
    if exceptions is None:
        return False
    start, end = match.span()
    window_start = max(within.start, start - _EXCEPTION_WINDOW)
    window_end = min(within.end, end + _EXCEPTION_WINDOW)
    for candidate in exceptions.finditer(text, window_start, window_end):
        if candidate.start() <= start and candidate.end() >= end:
            return True
        if candidate.start() > start:
            break
    return False


# How far around a match an exception may reach: exceptions are phrases.
_EXCEPTION_WINDOW = 40


def scope_option_error(scope: Any) -> str | None:
    if scope is None or scope in SCOPES:
        return None
    return f"应为以下之一：{'、'.join(SCOPES)}"
