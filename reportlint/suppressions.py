"""Suppressions: what an office has decided not to hear about again.

Three forms, applied after linting, in this order:

- comment directives in Markdown drafts and web pages (the readers hand their
  comments over; plain text cannot carry comments that stay out of the
  published report):
      <!-- reportlint-disable-next-line wording.placeholder -->
      <!-- reportlint-disable-line -->                (the line the comment is on)
      <!-- reportlint-disable punctuation -->  …  <!-- reportlint-enable punctuation -->
      <!-- reportlint-disable-file structure.heading-style -->
  Rules are named by id prefix, separated by commas or spaces; none means all.
  A Word comment (批注) is anchored on a span, so the same directive there
  covers that span: "reportlint-disable wording.placeholder" on "xx" silences
  the placeholder findings that start within it (-line, -next-line and -file
  as above, for the paragraphs the span is on).
- `allow` phrases from the configuration: nothing inside an accepted phrase is
  reported (an office's own names and terms);
- a baseline file (reportlint/baseline.py), for accepted findings in any draft.

Each form records what it suppressed, so that `--report-unused` can name the
directives and phrases that suppressed nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .diagnostic import Diagnostic, Severity
from .rules import matches_prefix
from .source import Location, Source

UNUSED = "unused-suppression"

_DIRECTIVE = re.compile(r"reportlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rules>.*)", re.S)


@dataclass
class Directive:
    verb: str
    rules: tuple[str, ...]  # empty: every rule
    line: int
    column: int
    end_column: int
    location: Location | None = None
    used: bool = False

    def covers(self, rule_id: str) -> bool:
        return not self.rules or matches_prefix(rule_id, self.rules)


@dataclass
class _Range:
    """What a directive covers: the diagnostics that start from ``start`` (a
    line and column) up to ``end``, exclusive (or exactly at ``start``)."""

    directive: Directive
    start: tuple[int, int]
    end: tuple[int, int]

    @classmethod
    def lines(cls, directive: Directive, first: int, last: int) -> _Range:
        """Whole lines, ``last`` included; a range left open runs to the end of the file."""
        return cls(directive, (first, 0), (last + 1, 0))

    def covers(self, diagnostic: Diagnostic) -> bool:
        position = (diagnostic.line, diagnostic.column)
        return (self.start <= position < self.end or position == self.start) and self.directive.covers(diagnostic.rule)


@dataclass
class Directives:
    """The directives of one file, resolved to the lines they cover."""

    directives: list[Directive] = field(default_factory=list)
    ranges: list[_Range] = field(default_factory=list)

    @classmethod
    def parse(cls, source: Source) -> Directives:
        """The directives in the comments a reader handed over (Markdown and web
        pages have comments; plain text and Word documents none)."""
        found = cls()
        open_ranges: list[tuple[Directive, int]] = []
        last_line = len(source.line_starts)
        for comment in source.comments:
            match = _DIRECTIVE.fullmatch(comment.text)
            if not match:
                continue
            line, column = source.position(comment.start)
            end_line, end_column = source.position(comment.end)
            rules = tuple(rule for rule in re.split(r"[,\s]+", match["rules"]) if rule)
            directive = Directive(match["verb"], rules, line, column, end_column if end_line == line else column + 1,
                                  source.location(comment.start, comment.end))
            found.directives.append(directive)
            if directive.verb == "disable-next-line":
                # A comment that takes no room in the text (a web page's) sits
                # where the next text goes: at a line start, that line is next.
                at_line_start = comment.start == comment.end and column == 1 and not comment.anchored
                target = line if at_line_start else end_line + 1
                found.ranges.append(_Range.lines(directive, target, target))
            elif directive.verb == "disable-line":
                found.ranges.append(_Range.lines(directive, line, end_line))
            elif directive.verb == "disable-file":
                found.ranges.append(_Range.lines(directive, 1, last_line))
            elif directive.verb == "disable" and comment.anchored:
                found.ranges.append(_Range(directive, (line, column), (end_line, end_column)))
            elif directive.verb == "disable":
                open_ranges.append((directive, line))
            else:  # enable: closes the matching disables
                still_open = []
                for opened, first in open_ranges:
                    if not rules or not opened.rules or set(opened.rules) <= set(rules):
                        found.ranges.append(_Range.lines(opened, first, line))
                        directive.used = True  # an enable is used when it closes something
                    else:
                        still_open.append((opened, first))
                open_ranges = still_open
        found.ranges.extend(_Range.lines(opened, first, last_line) for opened, first in open_ranges)
        return found

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        for span in self.ranges:
            if span.covers(diagnostic):
                span.directive.used = True
                return True
        return False

    def unused(self, path: str) -> list[Diagnostic]:
        return [
            unused_diagnostic(path, directive.line, directive.column, directive.end_column,
                    f"抑制注释“reportlint-{directive.verb}{' ' + ','.join(directive.rules) if directive.rules else ''}”"
                    "没有抑制任何问题，可以删除。", directive.location)
            for directive in self.directives
            if not directive.used
        ]


class AllowedPhrases:
    """Accepted phrases: a diagnostic whose span lies inside one is dropped."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(phrases)
        self.used: set[str] = set()

    def filter(self, source: Source, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        diagnostics = list(diagnostics)
        if not self.phrases or not diagnostics:
            return diagnostics
        spans: list[tuple[int, int, str]] = []
        for phrase in self.phrases:
            start = source.text.find(phrase)
            while start != -1:
                spans.append((start, start + len(phrase), phrase))
                start = source.text.find(phrase, start + 1)
        if not spans:
            return diagnostics
        kept = []
        for diagnostic in diagnostics:
            start = source.offset(diagnostic.line, diagnostic.column)
            end = source.offset(diagnostic.end_line, diagnostic.end_column)
            phrase = next((p for s, e, p in spans if s <= start and end <= e and end > start), None)
            if phrase is None:
                kept.append(diagnostic)
            else:
                self.used.add(phrase)
        return kept

    def unused(self, config_path: str) -> list[Diagnostic]:
        return [
            unused_diagnostic(config_path, 1, 1, 1, f"配置 allow 中的“{phrase}”没有抑制任何问题，可以删除。")
            for phrase in self.phrases
            if phrase not in self.used
        ]


def unused_diagnostic(path: str, line: int, column: int, end_column: int, message: str,
                      location: Location | None = None) -> Diagnostic:
    return Diagnostic(UNUSED, Severity.WARNING, message, path, line, column, line, end_column, location=location)
