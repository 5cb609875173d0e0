"""numbers.full_width_digits: Arabic figures written in their full-width forms
("１０５件", "２０２２年"), which GB/T 15835-2011 asks to write half-width. A run
of figures is one finding, with the half-width run as its fix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HALF_WIDTH
from ..base import TextKind

# Full-width figures, with the point and per cent sign written between or after them.
_FULL_WIDTH_FIGURES = re.compile("[０-９]+(?:[．.][０-９0-9]+)?％?")


class FullWidthDigits(TextKind):
    name = "numbers.full_width_digits"
    message_args = frozenset({"match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        for match, _ in self.scan(facts, _FULL_WIDTH_FIGURES):
            where = Span(*match.span())
            suggestion = match.group().translate(HALF_WIDTH)
            yield Finding(where, {"match": match.group(), "suggestion": suggestion}, (Edit(where, suggestion),))
