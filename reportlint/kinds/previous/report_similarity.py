"""previous.report_similarity: the whole report's similarity to last year's,
with each top-level section's (sections too short to compare left out), as one
finding on the title (see _similarity.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...text.numerals import chinese_ordinal
from ..base import Kind
from ._similarity import SHORTEST_SECTION, LastYear, passage, percent, sections


class ReportSimilarity(Kind):
    name = "previous.report_similarity"
    reads = REPORTS
    message_args = frozenset({"percent", "sections", "previous_year"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        if facts.previous is None:
            return
        last_year = LastYear(facts.previous)
        document = facts.document
        whole = passage(document.text, list(document.paragraphs()))
        if not whole.masked:
            return
        figures = "、".join(
            f"{chinese_ordinal(section.heading.marker.ordinal)} {percent(last_year.share(text))}%"
            for section, text in sections(document) if len(text.masked) >= SHORTEST_SECTION
        )
        where = document.title.span if document.title else whole.span
        yield Finding(where, {
            "percent": percent(last_year.share(whole)),
            "sections": f"（各部分：{figures}）" if figures else "",
            "previous_year": last_year.year,
        })
