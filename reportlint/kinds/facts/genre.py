"""facts.genre: a document that is not a whole annual report — a letter or a
notice filed among the reports, or an excerpt — noted once, with what was
therefore not checked (reportlint/genre.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import Genre
from ..base import Kind

# What the linter leaves out for each genre (the checks whose ``reads`` exclude it).
_NOT_CHECKED = {
    Genre.OTHER: "未检查年度报告的结构、统计表、年份和发布期限",
    Genre.EXCERPT: "未检查缺少的组成部分",
}


class DocumentGenre(Kind):
    name = "facts.genre"
    message_args = frozenset({"genre", "evidence", "not_checked"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        reading = facts.genre
        if reading.genre in _NOT_CHECKED:
            yield Finding(reading.span, {"genre": reading.genre.label, "evidence": reading.evidence,
                                         "not_checked": _NOT_CHECKED[reading.genre]})
