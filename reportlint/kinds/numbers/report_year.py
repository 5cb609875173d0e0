"""numbers.report_year: a year before the report year that nothing around it
explains — the usual leftover of last year's report ("2015年1月至12月，…未收到
申请" in a 2016 report). Explained are years next to the words of
``explained_by`` in their clause or the next one (上年, 同比, 以来, 截至, 施行 …),
years after 自/从, years written in the same clause as the report year
("2019年部门预算、2018年部门决算"), years inside 《》, quotations and document
numbers 〔2019〕, and the year before in the improvement section, which reports
how last year's problems were dealt with (the 2021 format asks for it). The year
after the report year is stale too, except in the improvement section (headings
matching ``improvement_headings``), next to ``plan_words`` or
``next_year_explained_by`` (结转至2023年), or as a date in its first quarter (the
date the report was signed or published). Later years are targets
("二〇三五年远景目标") and are left alone."""

from __future__ import annotations

import re

from ...genre import REPORTS
from ...numbers import DateMention, Period
from ..options import Patterns
from ._years import DatedYearCheck, Place, bracketed, clause_and_next, clause_around, found_in

_FROM = re.compile(r"(?:自|从)$")


class ReportYear(DatedYearCheck):
    name = "numbers.report_year"
    reads = REPORTS
    options = {**DatedYearCheck.options, "explained_by": Patterns(), "next_year_explained_by": Patterns()}

    def flagged(self, text: str, dated: Period | DateMention, year: int, report_year: int, place: Place) -> bool:
        span = dated.span
        if year == report_year or year > report_year + 1 or bracketed(text, span.start):
            return False
        clause = clause_around(text, span)
        window = clause_and_next(text, span)
        if year == report_year + 1:
            first_quarter = isinstance(dated, DateMention) and dated.month is not None and dated.month <= 3
            return not (place.in_improvement or first_quarter or self.planned(text, span)
                        or found_in(self.next_year_explained_by, text, window))
        if _FROM.search(text, max(0, span.start - 1), span.start) or (place.in_improvement and year == report_year - 1):
            return False
        if str(report_year) in text[clause.start:clause.end]:
            return False  # "2019年部门预算、2018年部门决算"
        return not found_in(self.explained_by, text, window)
