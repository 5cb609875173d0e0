"""The contract between the rule engine and a kind.

A kind is Python code that knows how to check one sort of thing; a rule (a YAML
file) instantiates it with data. A kind declares the options its rules may set
(typed, see reportlint/kinds/options.py) and the names its findings supply to
their messages; the engine validates rule files against these declarations, so
a kind's code only ever sees valid, parsed options — as attributes of the same
name. A kind never knows its rule's id, severity or message: the linter stamps
those.

Generic kinds (existence, substitution, …) are data-driven and live in
kinds/generic/; a built-in check is one class in kinds/<area>/<check>.py, named
``<area>.<check>`` in rule files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from ..diagnostic import Finding
from ..document import Span
from ..facts import SCOPES, Facts
from ..genre import ALL_DOCUMENTS, Genre
from ..patterns import RuleMatch, RulePattern, compile_pattern
from .options import Option, parse_options


class Kind:
    name: ClassVar[str]
    options: ClassVar[Mapping[str, Option]] = {}
    # Every finding supplies exactly these names to its rule's message.
    message_args: ClassVar[frozenset[str]] = frozenset()
    scoped: ClassVar[bool] = False  # whether rules may set the common key `scope`
    # The documents the check reads (reportlint/genre.py): a check of a report's
    # structure, tables or dates reads REPORTS (not a letter filed among them),
    # a check of what a whole report contains WHOLE_REPORTS (not an excerpt).
    reads: ClassVar[frozenset[Genre]] = ALL_DOCUMENTS
    default_scope: ClassVar[str] = "text"

    def __init__(self, options: Mapping[str, Any], scope: str | None = None) -> None:
        """``options`` are parsed (see ``from_rule``); each becomes an attribute."""
        self.scope = scope or self.default_scope
        for key, value in options.items():
            setattr(self, key, value)

    @classmethod
    def from_rule(cls, raw: Mapping[str, Any], scope: str | None = None) -> Kind:
        """The kind as a rule file configures it (OptionError for a bad option)."""
        return cls(parse_options(cls.options, raw), scope)

    def check(self, facts: Facts) -> Iterable[Finding]:
        raise NotImplementedError


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


class RecordPatterns:
    """The patterns of a rule's records (``terms``, ``texts`` …) as one pattern,
    so that a scope is scanned once; a match says whose pattern it is."""

    def __init__(self, records: Iterable[Mapping[str, Any]]) -> None:
        self.records = tuple(records)
        self.pattern = compile_pattern("|".join(f"(?P<record{index}>{record['pattern'].pattern})"
                                                for index, record in enumerate(self.records)))

    def record_of(self, match: RuleMatch) -> Mapping[str, Any]:
        return next(record for index, record in enumerate(self.records) if match.group(f"record{index}") is not None)


def excepted(text: str, match: RuleMatch, within: Span, exceptions: RulePattern | None) -> bool:
    """Whether an exception pattern matches around ``match``, covering it.

    "人事" is excepted in "人事管理" when an exception is "人事管理": the exception
    is searched near the match and must contain it entirely.
    """
    return excepted_span(text, *match.span(), within, exceptions)


def excepted_span(text: str, start: int, end: int, within: Span, exceptions: RulePattern | None) -> bool:
    """``excepted`` for the stretch ``text[start:end]``."""
    if exceptions is None:
        return False
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

