"""facts.out_of_period: words of a period the report year lies outside — the
pandemic-control measures of 2020–2022 in a report for 2023, 党的十九大 as the
latest congress in 2023, 党的二十大 in a report for 2021 (it met in October
2022). Such words are text kept from an older report, or the report's year is
wrong.

Each of ``terms`` gives a pattern, the first and last report years it belongs
to (either may be absent) and a ``note`` naming the period for the message. A
match inside a match of ``exceptions`` (a document's title in 《》, "疫情防控
平稳转段") is not reported."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import REPORTS
from ..base import RecordPatterns, TextKind, excepted
from ..options import Integer, Pattern, Patterns, Records, Text


class OutOfPeriod(TextKind):
    name = "facts.out_of_period"
    reads = REPORTS
    default_scope = "prose"
    options = {
        "terms": Records({
            "pattern": Pattern(required=True),
            "first": Integer(),
            "last": Integer(),
            "note": Text(required=True),
        }, required=True),
        "exceptions": Patterns(),
    }
    message_args = frozenset({"match", "note", "year"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.any_term = RecordPatterns(self.terms)

    def check(self, facts: Facts) -> Iterator[Finding]:
        year = facts.profile.year
        if year is None:
            return
        text = facts.text
        for match, span in self.scan(facts, self.any_term.pattern):
            term = self.any_term.record_of(match)
            inside = (term["first"] is None or term["first"] <= year) and (term["last"] is None or year <= term["last"])
            if inside or excepted(text, match, span, self.exceptions):
                continue
            yield Finding(Span(*match.span()), {"match": match.group(), "note": term["note"], "year": year})
