"""Compiling the regular expressions that rule files supply.

Every pattern from a rule file goes through here, so the engine that runs them
is chosen in one place.
"""

from __future__ import annotations

import re


class PatternError(ValueError):
    """A pattern that does not compile; the message says why, in Chinese."""


def compile_pattern(pattern: str, *, ignorecase: bool = False) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise PatternError("应为非空字符串")
    try:
        return re.compile(pattern, re.IGNORECASE if ignorecase else 0)
    except re.error as error:
        raise PatternError(f"正则表达式无效（{error}）") from None


def compile_alternatives(patterns: list[str], *, ignorecase: bool = False) -> re.Pattern[str]:
    """One pattern matching any of ``patterns``: text is scanned once, not once per
    pattern. Each alternative is checked alone first so an error names it."""
    for index, pattern in enumerate(patterns):
        try:
            compile_pattern(pattern, ignorecase=ignorecase)
        except PatternError as error:
            raise PatternError(f"第 {index + 1} 个：{error}") from None
    return compile_pattern("|".join(f"(?:{pattern})" for pattern in patterns), ignorecase=ignorecase)
