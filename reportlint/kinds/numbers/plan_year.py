"""numbers.plan_year: in the improvement section, plans dated with the report
year itself ("2016年，我局将…" in a 2016 report): they belong to the next year.

A plan is a year followed by one of ``plan_words`` in its clause or the next,
or any year in a subsection of the improvement section whose heading names
plans (``plan_headings``: "（二）改进措施", "（三）2023年工作打算") — unless its
clause or the next tells what the year brought (``account_words``: 了, 已, 存在, 不足 …):
"2022年，我局加大公开力度" under 改进措施 is a plan without 将; "2022年工作中
存在的不足" is not."""

from __future__ import annotations

from collections.abc import Iterable

from ...document import Section, Span
from ...genre import REPORTS
from ...numbers import DateMention, Period
from ..options import Patterns
from ._years import DatedYearCheck, Place, clause_and_next, found_in


class PlanYear(DatedYearCheck):
    name = "numbers.plan_year"
    options = {
        **DatedYearCheck.options,
        "plan_headings": Patterns(),
        "account_words": Patterns(),
    }
    reads = REPORTS

    def flagged(self, text: str, dated: Period | DateMention, year: int, report_year: int, place: Place) -> bool:
        if year != report_year or not place.in_improvement:
            return False
        if self.planned(text, dated.span):
            return True
        if not place.in_plans:
            return False
        return not found_in(self.account_words, text, clause_and_next(text, dated.span))

    def plan_parts(self, improvement: list[Section]) -> Iterable[Span]:
        if self.plan_headings is None:
            return ()
        return [subsection.span for section in improvement for subsection in section.subsections
                if self.plan_headings.search(subsection.heading.text)]
