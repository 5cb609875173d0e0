"""report_year: years in the text against the report year (profile.year).

Two aspects (the rule's ``check``):

- ``stale``: a year before the report year that nothing around it explains —
  the usual leftover of last year's report ("2015年1月至12月，…未收到申请" in a
  2016 report). Explained are years next to the words of ``explained_by`` in
  their clause or the next one (上年, 同比, 以来, 截至, 施行 …), years after
  自/从, years written in the same clause as the report year ("2019年部门预算、
  2018年部门决算"), years inside 《》 and document numbers 〔2019〕. The year
  after the report year is stale too, except in the improvement section
  (headings matching ``improvement_headings``), next to ``plan_words``, or as a
  date in its first quarter (the date the report was signed or published).
  Later years are targets ("二〇三五年远景目标") and are left alone.
- ``plan``: in the improvement section, plans dated with the report year itself
  ("2016年，我局将…" in a 2016 report): they belong to the next year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostic import Finding
from ..document import Span
from ..facts import Facts
from ..numbers import DateMention, Period
from .base import Kind, Option, compile_option, strings

_BRACKETS = (("《", "》"), ("〔", "〕"), ("﹝", "﹞"), ("[", "]"), ("【", "】"))
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
_FROM = re.compile(r"(?:自|从)$")
_LONGEST_CLAUSE = 200


class ReportYear(Kind):
    name = "report_year"
    options = {
        "check": Option((str,), required=True, choices=("stale", "plan")),
        "explained_by": strings(),
        "plan_words": strings(required=True),
        "improvement_headings": strings(required=True),
    }
    message_args = frozenset({"match", "year", "report_year", "next_year"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]
        self.explained = compile_option("explained_by", options["explained_by"])
        self.plans = compile_option("plan_words", options["plan_words"])
        self.improvement = compile_option("improvement_headings", options["improvement_headings"])

    def check(self, facts: Facts) -> Iterator[Finding]:
        report_year = facts.profile.year
        if report_year is None:
            return
        improvement = [
            section.span for section in facts.document.walk_sections()
            if self.improvement.search(section.heading.text)
        ]
        outside = _outside_body(facts)
        for dated in _dated(facts):
            span, year = dated.span, dated.year
            if year is None or any(block.start <= span.start < block.end for block in outside):
                continue
            in_improvement = any(section.start <= span.start < section.end for section in improvement)
            if self.aspect == "stale":
                stale = self._stale(facts.text, dated, year, report_year, in_improvement)
            else:
                stale = year == report_year and in_improvement and self._planned(facts.text, span)
            if stale:
                yield Finding(span, {
                    "match": facts.text[span.start:span.end],
                    "year": year,
                    "report_year": report_year,
                    "next_year": report_year + 1,
                })

    def _stale(self, text: str, dated: Period | DateMention, year: int, report_year: int, in_improvement: bool) -> bool:
        span = dated.span
        if year == report_year or year > report_year + 1 or _bracketed(text, span.start):
            return False
        if year == report_year + 1:
            first_quarter = isinstance(dated, DateMention) and dated.month is not None and dated.month <= 3
            return not (in_improvement or first_quarter or self._planned(text, span))
        if _FROM.search(text, max(0, span.start - 1), span.start):
            return False
        clause = _clause(text, span)
        if str(report_year) in text[clause.start:clause.end]:
            return False  # "2019年部门预算、2018年部门决算"
        window = Span(clause.start, _clause(text, Span(clause.end, clause.end)).end)
        return not (self.explained and self.explained.search(text, window.start, window.end))

    def _planned(self, text: str, span: Span) -> bool:
        clause = _clause(text, span)
        after = _clause(text, Span(clause.end, clause.end))
        return bool(self.plans.search(text, span.end, after.end))


def _dated(facts: Facts) -> Iterator[Period | DateMention]:
    """Every period, then every date mention outside them: a period is judged once."""
    periods = facts.numbers.periods
    inside = {mention.span for period in periods for mention in (period.start, period.end) if mention is not None}
    yield from periods
    for mention in facts.numbers.dates:
        if mention.span not in inside:
            yield mention


def _outside_body(facts: Facts) -> list[Span]:
    """The title and metadata: their dates are the report's own, not claims of the text."""
    document = facts.document
    return ([document.title.span] if document.title else []) + [meta.span for meta in document.metadata]


def _bracketed(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside 《…》 or a document number's 〔…〕."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[max(line_start, offset - 60):offset]
    for opening, closing in _BRACKETS:
        if before.rfind(opening) > before.rfind(closing):
            return True
    return False


def _clause(text: str, span: Span) -> Span:
    """The clause around ``span``: from the previous clause mark to the next
    (looking back no further than a long clause reaches)."""
    floor = max(0, span.start - _LONGEST_CLAUSE)
    start = max(floor - 1, *(text.rfind(mark, floor, span.start) for mark in "，,；;：:。！？!?\n")) + 1
    found = _CLAUSE_END.search(text, span.end)
    newline = text.find("\n", span.end)
    end = min(found.end() if found else len(text), newline if newline != -1 else len(text))
    return Span(start, end)
