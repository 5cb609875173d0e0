"""Compiling and running the regular expressions that rule files supply.

Every pattern from a rule file goes through here, so the engine that runs them
is chosen in one place: RE2 (google-re2), whose matching time is linear in the
length of the text whatever the pattern. A rule pack is data anyone can write;
with a backtracking engine one careless pattern such as ``(a+)+$`` can hang the
linter (and a CI gate) on a long line. RE2 has no look-arounds and no
back-references; a pattern that needs them is an error that says so.

Patterns use RE2 syntax, which for everything rules need is Python's; Python's
``\\uXXXX``/``\\UXXXXXXXX`` escapes and ``\\Z`` are accepted and translated.

The RE2 binding encodes its text to UTF-8 on every call. Scanning a document
therefore goes through ``ScopeText``: the text of all the spans a rule reads (its
paragraphs, headings, cells), encoded once per document and joined by newlines,
which rule patterns never match (RE2's ``never_nl``) — so one call scans a whole
scope and no match runs from one span into the next. Positions are turned back
into positions in the document only for the matches found. Other calls
(``finditer``, ``match`` with ``pos``/``endpos``) run on the slice
``text[pos:endpos]``. Either way ``^`` and ``$`` match at the start and end of a
span (a paragraph, heading or table cell), not only at line ends.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

import re2

# What RE2 names in its error for a construct it lacks, and the rule author's name for it.
_UNSUPPORTED = (
    ("(?=", "先行断言“(?=…)”"),
    ("(?!", "否定先行断言“(?!…)”"),
    ("(?<", "后行断言“(?<=…)”或“(?<!…)”"),
    ("(?>", "原子组“(?>…)”"),
    ("(?P", "命名反向引用“(?P=…)”"),
    (re.compile(r"\\[1-9]"), "反向引用（如“\\1”）"),
)
# Python escapes RE2 spells differently, preceded by an even number of backslashes.
_PYTHON_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(Z))")
# \1 … \99, \g<name> or an escaped backslash in a replacement template.
_TEMPLATE_REFERENCE = re.compile(r"\\(?:([1-9][0-9]?)|g<(\w+)>|\\)")


class PatternError(ValueError):
    """A pattern that does not compile; the message says why, in Chinese."""


class _Match:
    """What kinds use of a match: positions (translated by ``_position``) and
    groups (by ``group``), as with ``re.Match``."""

    __slots__ = ("_match",)

    def start(self, group: int | str = 0) -> int:
        return self._position(self._match.start(group))

    def end(self, group: int | str = 0) -> int:
        return self._position(self._match.end(group))

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, *groups: int | str):
        return self._match.group(*groups)

    @property
    def lastgroup(self) -> str | None:
        return self._match.lastgroup

    def expand(self, template: str) -> str:
        return _expand(template, self.group)

    def _position(self, position: int) -> int:
        raise NotImplementedError


class RuleMatch(_Match):
    """A match of a RulePattern on a slice of the text, with positions in the whole text."""

    __slots__ = ("_offset",)

    def __init__(self, match, offset: int) -> None:
        self._match = match
        self._offset = offset

    def _position(self, position: int) -> int:
        return position if position < 0 else position + self._offset


class ScopeText:
    """The spans of a document a rule reads, for scanning them in one call: their
    text in UTF-8, joined by newlines, and where each span starts there."""

    __slots__ = ("data", "byte_starts", "spans")

    def __init__(self, text: str, spans: Sequence) -> None:
        pieces = [text[span.start:span.end].encode("utf-8") for span in spans]
        starts, position = [], 0
        for piece in pieces:
            starts.append(position)
            position += len(piece) + 1
        self.data = b"\n".join(pieces)
        self.byte_starts = starts
        self.spans = tuple(spans)


class ScopeMatch(_Match):
    """A match found by scanning a ScopeText: byte positions and groups turned
    into the document's when asked (most matches are read once or twice)."""

    __slots__ = ("_scope", "index")

    def __init__(self, match, scope: ScopeText, index: int) -> None:
        self._match = match
        self._scope = scope
        self.index = index  # of the span the match lies in

    def group(self, *groups: int | str):
        found = self._match.group(*groups)
        if isinstance(found, tuple):
            return tuple(None if part is None else part.decode("utf-8") for part in found)
        return None if found is None else found.decode("utf-8")

    def _position(self, byte: int) -> int:
        if byte < 0:
            return byte
        scope, index = self._scope, self.index
        return scope.spans[index].start + len(scope.data[scope.byte_starts[index]:byte].decode("utf-8"))


def _expand(template: str, group: Callable) -> str:
    """``template`` with ``\\1`` … ``\\99`` and ``\\g<name>`` replaced by the groups.
    (The binding's own expand garbles non-ASCII templates.)"""

    def replace(reference: re.Match[str]) -> str:
        number, name = reference.groups()
        if number is None and name is None:
            return "\\"
        key = int(number) if number else int(name) if name.isdigit() else name
        return group(key) or ""

    return _TEMPLATE_REFERENCE.sub(replace, template)


class RulePattern:
    """A compiled rule pattern with the part of ``re.Pattern``'s interface the
    kinds use; ``pos`` and ``endpos`` bound the text that is scanned."""

    __slots__ = ("pattern", "_regexp")

    def __init__(self, pattern: str, regexp) -> None:
        self.pattern = pattern
        self._regexp = regexp

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[RuleMatch]:
        endpos = len(text) if endpos is None else endpos
        for match in self._regexp.finditer(text[pos:endpos]):
            yield RuleMatch(match, pos)

    def scan(self, scope: ScopeText) -> Iterator[ScopeMatch]:
        """Every non-empty match in the spans of ``scope``, in one call."""
        starts = scope.byte_starts
        for match in self._regexp.finditer(scope.data):
            start, end = match.span()
            if end > start:
                yield ScopeMatch(match, scope, bisect_right(starts, start) - 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> RuleMatch | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> RuleMatch | None:
        endpos = len(text) if endpos is None else endpos
        found = self._regexp.match(text[pos:endpos])
        return RuleMatch(found, pos) if found else None

    def fullmatch(self, text: str) -> RuleMatch | None:
        found = self._regexp.fullmatch(text)
        return RuleMatch(found, 0) if found else None


def _options(ignorecase: bool):
    options = re2.Options()
    options.log_errors = False  # errors are reported to the rule author, not logged
    options.case_sensitive = not ignorecase
    options.never_nl = True  # a match never runs from one line, paragraph or cell into the next
    return options


def _translated(pattern: str) -> str:
    def replace(match: re.Match[str]) -> str:
        backslashes, short, long, end_of_text = match.groups()
        if end_of_text:
            return backslashes + r"\z"
        return backslashes + r"\x{" + (short or long) + "}"

    return _PYTHON_ESCAPE.sub(replace, pattern)


def compile_pattern(pattern: str, *, ignorecase: bool = False) -> RulePattern:
    if not isinstance(pattern, str) or not pattern:
        raise PatternError("应为非空字符串")
    try:
        # (?m): ^ and $ match at each span's start and end, also when a scope's
        # spans are scanned joined by newlines in one call.
        return RulePattern(pattern, re2.compile("(?m)" + _translated(pattern), _options(ignorecase)))
    except re2.error as error:
        raise PatternError(_explain(error)) from None


def _explain(error: Exception) -> str:
    detail = error.args[0] if error.args else ""
    detail = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
    # "invalid perl operator: (?=", "invalid escape sequence: \1"
    construct = detail.rpartition(": ")[2]
    for known, name in _UNSUPPORTED:
        if construct.startswith(known) if isinstance(known, str) else known.fullmatch(construct):
            return f"用了 RE2 正则引擎不支持的{name}；请改写，或把不该报告的情形写进 exceptions"
    return f"正则表达式无效（{detail}）"


def compile_alternatives(patterns: list[str], *, ignorecase: bool = False) -> RulePattern:
    """One pattern matching any of ``patterns``: text is scanned once, not once per
    pattern. When it does not compile, each alternative is compiled alone so that
    the error names the one at fault."""
    try:
        return compile_pattern("|".join(f"(?:{pattern})" for pattern in patterns), ignorecase=ignorecase)
    except PatternError as combined:
        for index, pattern in enumerate(patterns):
            try:
                compile_pattern(pattern, ignorecase=ignorecase)
            except PatternError as error:
                raise PatternError(f"第 {index + 1} 个：{error}") from None
        raise combined from None
