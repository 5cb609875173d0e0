"""wording.openness_principle: the principle of openness in the form of its year.

The 2019 条例 (第五条) writes 以公开为常态、不公开为例外; reports before it wrote
that or the older 以公开为原则、不公开为例外. Reports write the principle in many
other ways — 公开为常态，不公开为例外 (以 dropped, a comma), 公开是原则，不公开是例外,
以公开为原则、以不公开为例外, “以公开为常态”、“不公开为例外” — and each is
reported with the form of the report's year, words and punctuation fixed together.
A report of 2019 or later is never advised to write the superseded 原则.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ..base import TextKind

# 以? 公开 为|是 常态|原则, a separator (punctuation, a space from a flattened
# page, closing and opening quotes around it), 以? 不公开 为|是 例外.
_PRINCIPLE = re.compile(
    r"(?P<lead>以)?公开[为是](?P<noun>常态|原则)"
    r"[\s\u3000]*[”’\"']?[\s\u3000]*[，,、；;]?[\s\u3000]*[“‘\"']?[\s\u3000]*"
    r"以?不公开[为是]例外"
)
# The year of the 条例 that made 以公开为常态 the statutory form.
_STATUTE_YEAR = 2019


class OpennessPrinciple(TextKind):
    name = "wording.openness_principle"
    message_args = frozenset({"match", "suggestion", "basis"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        year = facts.profile.year
        statutory = year is not None and year >= _STATUTE_YEAR
        for match, _ in self.scan(facts, _PRINCIPLE):
            noun = "常态" if statutory else match.group("noun")
            suggestion = f"以公开为{noun}、不公开为例外"
            if match.group() == suggestion:
                continue
            basis = ("2019年修订的《条例》第五条" if statutory
                     else "本报告年度的通行表述" if year is not None else "规范表述")
            where = Span(*match.span())
            yield Finding(where, {"match": match.group(), "suggestion": suggestion, "basis": basis},
                          (Edit(where, suggestion),))
