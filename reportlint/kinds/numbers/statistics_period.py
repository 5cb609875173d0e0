"""numbers.statistics_period: periods that should cover the whole report year but stop short.

Two sorts of period are checked against 1 January – 31 December of the report
year (profile.year):

- the statistics period the report states ("本报告所列数据的统计期限自…至…"),
  any period in a sentence matching ``stated``;
- a period a count is given for, when it looks like the year cut short: it
  starts at the beginning of the year (or has no start: 截至…) and ends in
  month ``from_month`` or later, but before 31 December ("2016年1月至11月，…
  发布信息183条", "截至12月14日，…累计收件9898件"). A quarter ("1至3月") or a
  half year is a period of its own and is left alone.

Periods of another year are numbers.report_year's concern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ..base import Kind
from ..options import Integer, Patterns

_YEAR = re.compile(r"(?<![0-9])([0-9]{4})年")


class StatisticsPeriod(Kind):
    name = "numbers.statistics_period"
    reads = REPORTS
    options = {
        "stated": Patterns(required=True),
        "from_month": Integer(default=10, minimum=1),
        "founded": Patterns(),
    }
    message_args = frozenset({"match", "year", "problem"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        year = facts.profile.year
        if year is None:
            return
        counted = {quantity.sentence for quantity in facts.numbers.quantities if quantity.unit and not quantity.percent}
        year_start, year_end = date(year, 1, 1), date(year, 12, 31)
        for period in facts.numbers.periods:
            if period.year not in (None, year):
                continue
            first, last = period.first_day(year), period.last_day(year)
            sentence = facts.sentence_at(period.span.start)
            if last is None or (first in (None, year_start) and last == year_end) or sentence is None:
                continue  # the whole year, or a period that runs to its end (统计期限截至12月31日)
            if self.stated.search(facts.text, sentence.start, sentence.end):
                short = True  # the report's own statistics period: nothing but the whole year will do
            else:
                cut_short = first in (None, year_start) and self.from_month <= last.month and last < year_end
                short = cut_short and sentence in counted
            late_start = first is not None and first != year_start
            if short and late_start and self._founded_that_year(facts.text, year):
                continue  # a body formed during the year reports from its start
            if short:
                problem = f"从{first.month}月{first.day}日才开始" if late_start else f"只到{last.month}月{last.day}日"
                yield Finding(period.span, {"match": period.text, "year": year, "problem": problem})

    def _founded_that_year(self, text: str, year: int) -> bool:
        """Whether the text says the body was formed during ``year`` (one of
        ``founded`` — "成立4个月以来", "于2019年8月组建" — naming no other year)."""
        if self.founded is None:
            return False
        for match in self.founded.finditer(text):
            years = {int(found) for found in _YEAR.findall(match.group())}
            if years <= {year}:
                return True
        return False
