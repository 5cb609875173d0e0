"""previous.copied_section: each top-level section whose similarity to last
year's narrative is at or above ``threshold`` (see _similarity.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ..base import Kind
from ..options import Ratio
from ._similarity import SHORTEST_SECTION, LastYear, detail, percent, sections


class CopiedSection(Kind):
    name = "previous.copied_section"
    reads = REPORTS
    options = {"threshold": Ratio(default=0.8)}
    message_args = frozenset({"where", "percent", "detail", "previous_year"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        if facts.previous is None:
            return
        last_year = LastYear(facts.previous)
        for section, text in sections(facts.document):
            share = last_year.share(text)
            if len(text.masked) >= SHORTEST_SECTION and share >= self.threshold:
                yield Finding(section.heading.span, {
                    "where": section.heading.marker.text + section.heading.text,
                    "percent": percent(share),
                    "detail": detail(text, last_year.sections.get(text.masked)),
                    "previous_year": last_year.year,
                })
