"""What the checks of years against the report year (profile.year) share: the
dated mentions of the text (periods, then dates outside them), where the
improvement section lies, and what counts as a plan."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...diagnostic import Finding
from ...document import Section, Span
from ...facts import Facts
from ...numbers import DateMention, Period
from ...patterns import RulePattern
from ..base import Kind
from ..options import Patterns

_BRACKETS = (("《", "》"), ("〔", "〕"), ("﹝", "﹞"), ("[", "]"), ("【", "】"), ("“", "”"))
# How far back a title or a quotation that holds a year may open: the longest
# titles of documents run to a hundred characters and more.
_LONGEST_TITLE = 160
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
_LONGEST_CLAUSE = 200


@dataclass(frozen=True)
class Place:
    """Where a dated mention lies: in the improvement section, and in a part of
    it that holds only plans."""

    in_improvement: bool
    in_plans: bool


class DatedYearCheck(Kind):
    """A check of each dated mention against the report year. The improvement
    section is the sections whose headings match ``improvement_headings``; a
    plan is a year followed by one of ``plan_words`` in its clause or the next."""

    options = {
        "plan_words": Patterns(required=True),
        "improvement_headings": Patterns(required=True),
    }
    message_args = frozenset({"match", "year", "report_year", "next_year"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        report_year = facts.profile.year
        if report_year is None:
            return
        sections = [section for section in facts.document.walk_sections()
                    if self.improvement_headings.search(section.heading.text)]
        improvement = _Stretches(section.span for section in sections)
        plans = _Stretches(self.plan_parts(sections))
        outside = _Stretches(_outside_body(facts))
        for dated in _dated(facts):
            span, year = dated.span, dated.year
            if year is None or span.start in outside:
                continue
            place = Place(span.start in improvement, span.start in plans)
            if self.flagged(facts.text, dated, year, report_year, place):
                yield Finding(span, {
                    "match": facts.text[span.start:span.end],
                    "year": year,
                    "report_year": report_year,
                    "next_year": report_year + 1,
                })

    def flagged(self, text: str, dated: Period | DateMention, year: int, report_year: int, place: Place) -> bool:
        raise NotImplementedError

    def plan_parts(self, improvement: list[Section]) -> Iterable[Span]:
        """The parts of the improvement section that hold only plans (none by default)."""
        return ()

    def planned(self, text: str, span: Span) -> bool:
        return bool(self.plan_words.search(text, span.end, clause_and_next(text, span).end))


def _dated(facts: Facts) -> Iterator[Period | DateMention]:
    """Every period, then every date mention outside them: a period is judged once."""
    periods = facts.numbers.periods
    inside = {mention.span for period in periods for mention in (period.start, period.end) if mention is not None}
    yield from periods
    for mention in facts.numbers.dates:
        if mention.span not in inside:
            yield mention


class _Stretches:
    """Spans of text, merged, for asking whether an offset lies in one of them."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for span in sorted(spans, key=lambda span: span.start):
            if merged and span.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], span.end)
            else:
                merged.append([span.start, span.end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def _outside_body(facts: Facts) -> list[Span]:
    """The title and metadata: their dates are the report's own, not claims of
    the text; and the statistics tables written out as text, whose "2012年度"
    heads a column."""
    document = facts.document
    own = ([document.title.span] if document.title else []) + [meta.span for meta in document.metadata]
    return own + list(document.table_regions)


def bracketed(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside 《…》, a document number's 〔…〕 or a
    quotation “…”: the title of a document or publication, or a name."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[max(line_start, offset - _LONGEST_TITLE):offset]
    for opening, closing in _BRACKETS:
        if before.rfind(opening) > before.rfind(closing):
            return True
    return False


def found_in(words: RulePattern | None, text: str, window: Span) -> bool:
    """Whether a rule's optional ``words`` occur in ``window`` of ``text``."""
    return bool(words and words.search(text, window.start, window.end))


def clause_and_next(text: str, span: Span) -> Span:
    """The clause around ``span`` and the one after it ("2022年，我局将…")."""
    clause = clause_around(text, span)
    return Span(clause.start, clause_around(text, Span(clause.end, clause.end)).end)


def clause_around(text: str, span: Span) -> Span:
    """The clause around ``span``: from the previous clause mark to the next
    (looking back no further than a long clause reaches)."""
    floor = max(0, span.start - _LONGEST_CLAUSE)
    start = max(floor - 1, *(text.rfind(mark, floor, span.start) for mark in "，,；;：:。！？!?\n")) + 1
    found = _CLAUSE_END.search(text, span.end)
    newline = text.find("\n", span.end)
    end = min(found.end() if found else len(text), newline if newline != -1 else len(text))
    return Span(start, end)
