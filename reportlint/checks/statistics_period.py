"""statistics_period: periods that should cover the whole report year but stop short.

Two sorts of period are checked against 1 January – 31 December of the report
year (profile.year):

- the statistics period the report states ("本报告所列数据的统计期限自…至…"),
  any period in a sentence matching ``stated``;
- a period a count is given for, when it looks like the year cut short: it
  starts at the beginning of the year (or has no start: 截至…) and ends in
  month ``from_month`` or later, but before 31 December ("2016年1月至11月，…
  发布信息183条", "截至12月14日，…累计收件9898件"). A quarter ("1至3月") or a
  half year is a period of its own and is left alone.

Periods of another year are the report_year kind's concern.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..diagnostic import Finding
from ..facts import Facts
from .base import Kind, Option, compile_option, strings


class StatisticsPeriod(Kind):
    name = "statistics_period"
    options = {
        "stated": strings(required=True),
        "from_month": Option((int,), default=10),
    }
    message_args = frozenset({"match", "year", "last_day"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.stated = compile_option("stated", options["stated"])
        self.from_month = options["from_month"]

    def check(self, facts: Facts) -> Iterator[Finding]:
        year = facts.profile.year
        if year is None:
            return
        counted = {quantity.sentence for quantity in facts.numbers.quantities if quantity.unit and not quantity.percent}
        for period in facts.numbers.periods:
            if period.year not in (None, year):
                continue
            first, last = period.first_day(year), period.last_day(year)
            if last is None or last == date(year, 12, 31) or first not in (None, date(year, 1, 1)):
                continue
            sentence = facts.sentence_at(period.span.start)
            if sentence is None:
                continue
            stated = self.stated.search(facts.text, sentence.start, sentence.end)
            if stated or (last.month >= self.from_month and sentence in counted):
                yield Finding(period.span, {"match": period.text, "year": year, "last_day": f"{last.month}月{last.day}日"})
