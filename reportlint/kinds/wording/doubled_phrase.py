"""wording.doubled_phrase: a phrase of six characters or more that holds more
than Han characters — quotation or title marks, figures, Latin letters — written
twice in a row ("“放管服”改革“放管服”改革", "2021年度报告2021年度报告").

A doubled run of Han characters alone is the repetition kind's (rule
wording.repeated-word); this check takes the phrases it cannot see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HAN_CHAR
from ..base import TextKind
from ..options import Integer


class DoubledPhrase(TextKind):
    name = "wording.doubled_phrase"
    options = {
        "min_length": Integer(default=6, minimum=2),
        "max_length": Integer(default=40, at_least="min_length"),
    }
    message_args = frozenset({"match", "unit"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        # The shortest unit at each place; a unit never holds a space or a mark that
        # ends a clause ("117件，办结117件，办结率" repeats by design).
        self.pattern = re.compile(f"(?P<unit>[^\\s。；！？，,、：:;]{{{self.min_length},{self.max_length}}}?)(?P=unit)")

    def check(self, facts: Facts) -> Iterator[Finding]:
        for match, _ in self.scan(facts, self.pattern):
            unit = match.group("unit")
            han = len(HAN_CHAR.findall(unit))
            if han < 2 or han == len(unit):
                continue  # figures alone (a table's cells), or Han alone (wording.repeated-word)
            where = Span(*match.span())
            yield Finding(where, {"match": match.group(), "unit": unit}, (Edit(where, unit),))
