"""facts.date_before_period_end: a published or signed date earlier than the
end of the statistics period (profile.period, or 31 December of the report
year) — a report cannot be signed before the year it reports on is over.
Signed dates are date lines under the title or at the end, and full dates
standing alone in the text ("…日常化。 二○一二年二月二十日 附件1：…")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import REPORTS
from ...numbers import first_full_date
from ..base import Kind

_ALONE_BEFORE = " \t\u3000\n（("
_ALONE_AFTER = " \t\u3000\n）)"


class DateBeforePeriodEnd(Kind):
    name = "facts.date_before_period_end"
    reads = REPORTS
    message_args = frozenset({"match", "date", "period_end"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        profile = facts.profile
        if profile.year is None:
            return
        period_end = profile.period[1] if profile.period else date(profile.year, 12, 31)
        for span, day in _own_dates(facts):
            if day < period_end:
                yield Finding(span, {
                    "match": facts.text[span.start:span.end],
                    "date": day.isoformat(),
                    "period_end": period_end.isoformat(),
                })


def _own_dates(facts: Facts) -> Iterator[tuple[Span, date]]:
    """The report's own dates: those of the metadata, and full dates standing alone in the text."""
    for meta in facts.document.metadata:
        day = first_full_date(meta.value)
        if day is not None:
            yield meta.value_span, day
    text = facts.text
    for mention in facts.numbers.dates:
        if mention.year is None or mention.month is None or mention.day is None:
            continue
        start, end = mention.span.start, mention.span.end
        if facts.sentence_at(start) is None:
            continue  # the title or a heading
        alone_before = start == 0 or text[start - 1] in _ALONE_BEFORE
        alone_after = end == len(text) or text[end] in _ALONE_AFTER
        if alone_before and alone_after:
            yield mention.span, mention.first_day()
