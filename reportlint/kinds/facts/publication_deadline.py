"""facts.publication_deadline: the publication date of the metadata
(profile.published) after the legal deadline of the edition, read from the
rule's ``deadlines``: edition → {government: MM-DD, department: MM-DD} of the
year after the report year (2008 条例: 31 March for everyone; 2019 条例: 31
January for departments, 31 March for governments' reports)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import REPORTS
from ...numbers import first_full_date
from ...profile import Body, Profile
from ..base import Kind
from ..options import Editions, MonthDay, Record


class PublicationDeadline(Kind):
    name = "facts.publication_deadline"
    reads = REPORTS
    options = {
        "deadlines": Editions(Record({"government": MonthDay(required=True), "department": MonthDay(required=True)}),
                              required=True),
    }
    message_args = frozenset({"match", "date", "deadline", "body"})

    def deadline(self, profile: Profile) -> tuple[date, str] | None:
        """The legal deadline for publishing the report ``profile`` describes,
        and whose deadline it is ("政府部门的年度报告"); None when the report year
        or the edition's deadlines are unknown. A supervisor's summary of many
        reports (formatters/reports.py) shows it too."""
        deadlines = self.deadlines.get(profile.edition)
        if profile.year is None or not deadlines:
            return None
        if profile.body in deadlines:
            (month, day), body = deadlines[profile.body], f"{Body(profile.body).label}的年度报告"
        else:
            (month, day), body = max(deadlines.values()), "年度报告"  # body unknown: the later deadline
        return date(profile.year + 1, month, day), body

    def check(self, facts: Facts) -> Iterator[Finding]:
        profile = facts.profile
        due = self.deadline(profile)
        if profile.published is None or due is None or profile.published <= due[0]:
            return
        deadline, body = due
        # The date's line, or, for a date given in configuration, the title.
        meta = next((meta for meta in facts.document.metadata if first_full_date(meta.value) == profile.published), None)
        document = facts.document
        where = meta.value_span if meta else document.title.span if document.title else Span(0, 0)
        yield Finding(where, {
            "match": meta.value if meta else profile.published.isoformat(),
            "date": profile.published.isoformat(),
            "deadline": deadline.isoformat(),
            "body": body,
        })
