"""previous.copied_paragraph: each paragraph of at least ``min_length``
characters whose similarity to last year's narrative is at or above
``threshold``, outside sections already at or above ``section_threshold``
(those are reported whole) and outside the preamble (a template by design);
see _similarity.py."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ..base import Kind
from ..options import Integer, Ratio
from ._similarity import LastYear, detail, paragraphs, passage, percent, sections


class CopiedParagraph(Kind):
    name = "previous.copied_paragraph"
    reads = REPORTS
    options = {
        "threshold": Ratio(default=0.8),
        "section_threshold": Ratio(default=0.8),
        "min_length": Integer(default=50, minimum=1),
    }
    message_args = frozenset({"where", "percent", "detail", "previous_year"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        if facts.previous is None:
            return
        last_year = LastYear(facts.previous)
        document = facts.document
        for section, whole in sections(document):
            if last_year.share(whole) >= self.section_threshold:
                continue
            for paragraph in paragraphs(section):
                text = passage(document.text, [paragraph])
                if len(text.masked) < self.min_length:
                    continue
                share = last_year.share(text)
                if share >= self.threshold:
                    yield Finding(paragraph.span, {
                        "where": section.heading.marker.text + section.heading.text,
                        "percent": percent(share),
                        "detail": detail(text, last_year.paragraphs.get(text.masked)),
                        "previous_year": last_year.year,
                    })
