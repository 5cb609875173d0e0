"""numbers.plan_year: in the improvement section, plans dated with the report
year itself ("2016年，我局将…" in a 2016 report): they belong to the next year."""

from __future__ import annotations

from ...genre import REPORTS
from ...numbers import DateMention, Period
from ._years import DatedYearCheck


class PlanYear(DatedYearCheck):
    name = "numbers.plan_year"
    reads = REPORTS

    def flagged(self, text: str, dated: Period | DateMention, year: int, report_year: int, in_improvement: bool) -> bool:
        return year == report_year and in_improvement and self.planned(text, dated.span)
