"""What a supervisor reads about each report of a folder: its profile (agency,
level, year, edition, publication date and whether it met the legal deadline),
its counts by severity and its most frequent problems. The csv format gives
every diagnostic a report's columns; the html format's index is a table of
these rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..kinds.facts.publication_deadline import PublicationDeadline
from ..linter import FileResult
from ..rules import Rule

# How many of a report's most frequent problems its row names.
FREQUENT = 3


@dataclass(frozen=True)
class ReportRow:
    result: FileResult
    deadline: date | None  # the legal deadline, when the rule that knows it ran and the year is known
    counts: Counter  # diagnostics by severity
    frequent: tuple[tuple[str, int], ...]  # (rule, count), most first

    @property
    def on_time(self) -> bool | None:
        """Whether it was published by the deadline; None when either date is unknown."""
        published = self.result.profile.published
        return None if published is None or self.deadline is None else published <= self.deadline

    def profile_cells(self) -> tuple[str, ...]:
        """The report's columns (PROFILE_COLUMNS) as text, "" where unknown."""
        profile = self.result.profile
        return (
            self.result.path,
            profile.agency or "",
            profile.body.label if profile.body else "",
            profile.level.label if profile.level else "",
            str(profile.year) if profile.year else "",
            profile.edition.label,
            profile.published.isoformat() if profile.published else "",
            self.deadline.isoformat() if self.deadline else "",
            {True: "是", False: "否", None: ""}[self.on_time],
        )


PROFILE_COLUMNS = ("文件", "发布机关", "机关类型", "层级", "年度", "版式", "发布日期", "公开期限", "按期公开")


def report_rows(results: Sequence[FileResult], rules: Sequence[Rule]) -> list[ReportRow]:
    deadline_kinds = [rule.kind for rule in rules if isinstance(rule.kind, PublicationDeadline)]
    rows = []
    for result in results:
        due = next(filter(None, (kind.deadline(result.profile) for kind in deadline_kinds)), None)
        counts = Counter(d.severity for d in result.diagnostics)
        by_rule = Counter(d.rule for d in result.diagnostics)
        frequent = tuple(sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))[:FREQUENT])
        rows.append(ReportRow(result, due[0] if due else None, counts, frequent))
    return rows
