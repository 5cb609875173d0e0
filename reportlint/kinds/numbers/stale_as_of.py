"""numbers.stale_as_of: "截至2022年2月28日" early in the report year, in a report
published the year after — the as-of date of last year's report, drafted in the
first months of the report year, kept when its sentence was copied.

A figure given as of a date (a period with no start: 截至…, 截止到…) in the
report year, up to month ``until_month``, is reported when the report was
published after the report year, or its publication date is unknown: annual
reports are published in the first months of the next year, so a count as of
the start of the report year describes the year before."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ..base import Kind
from ..options import Integer


class StaleAsOf(Kind):
    name = "numbers.stale_as_of"
    reads = REPORTS
    options = {"until_month": Integer(default=3, minimum=1)}
    message_args = frozenset({"match", "year", "month"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        year, published = facts.profile.year, facts.profile.published
        if year is None or (published is not None and published.year <= year):
            return
        for period in facts.numbers.periods:
            end = period.end
            if period.start is not None or end.year != year or end.month is None or end.month > self.until_month:
                continue
            yield Finding(period.span, {"match": period.text, "year": year, "month": end.month})
