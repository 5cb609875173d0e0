"""repetition: a word or phrase written twice in a row ("工作工作", "的的").

Chinese is written without spaces, so a "word" here is any run of Han characters
repeated immediately: the unit of repetition is found by the pattern itself. A
clause pasted twice may have a comma between its copies ("规范发布流程，规范发布流程").
Legitimate reduplications (时时, 常常, 一步一步) are listed in ``allow``; legitimate
contexts of a doubled unit (的的确确, 不了了之) in ``exceptions``.

Two words that meet can look doubled: 公开 + 开展 → "公开开展", 个人 + 人事 →
"个人人事", 目的 + 的 → "目的的". With ``whole_words`` the copies must be words
(reportlint.text.words): words meet where each copy begins and ends.

Formulas chain their clauses by design: in "谁主管、谁负责，谁负责、谁落实" the
second pair starts with the word the first ended with. Copies that each close and
open a pair of their own, the pairs joined by a stronger mark than the one within
them, are such a chain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HAN
from ...text.words import at_boundaries
from ..base import TextKind, excepted
from ..options import Flag, Integer, Patterns, Strings

_HAN = f"[{HAN}]"
# A clause may hold figures ("同意部分公开1件，同意部分公开1件"); it starts with a word.
_CLAUSE_CHAR = f"[{HAN}0-9]"
# The marks that join parallel clauses, weakest first.
_STRENGTH = {"、": 1, "，": 2, "；": 3}


class Repetition(TextKind):
    """Report a unit of ``min_length``–``max_length`` Han characters written twice
    in a row (or with a comma between), unless the unit fully matches a pattern of
    ``allow`` or the repetition lies inside a match of ``exceptions``. With
    ``units``, only those units count (for doubled function words such as 的的);
    with ``whole_words``, only copies that are words count."""

    name = "repetition"
    default_scope = "prose"  # not a table written out as text (header words repeat there)
    options = {
        "min_length": Integer(default=2, minimum=1),
        "max_length": Integer(default=20, at_least="min_length"),
        "allow": Patterns(),
        "units": Strings(),
        "exceptions": Patterns(),
        "whole_words": Flag(),
    }
    message_args = frozenset({"match", "unit"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        low, high = self.min_length, self.max_length
        if self.units:
            units = "|".join(re.escape(unit) for unit in self.units)
            self.pattern = re.compile(f"(?P<unit>{units})(?P=unit)")
        else:
            # Lazy: the shortest repeated unit at each place ("工作工作", not more).
            # Copies with a comma between count only as whole clauses: in
            # "谁公开谁审查、谁审查谁负责" the 谁审查 are parts of different clauses.
            unit = f"{_HAN}{{{low},{high}}}?"
            clause = f"{_HAN}{_CLAUSE_CHAR}{{{max(low - 1, 0)},{high - 1}}}?"
            self.pattern = re.compile(
                f"(?P<unit>{unit})(?P=unit)|(?<!{_CLAUSE_CHAR})(?P<clause>{clause})[，、；](?P=clause)(?!{_CLAUSE_CHAR})"
            )

    def check(self, facts: Facts) -> Iterator[Finding]:
        for match, span in self.scan(facts, self.pattern):
            unit = match.group("unit") or match.groupdict().get("clause")
            if self.allow is not None and self.allow.fullmatch(unit):
                continue
            if excepted(facts.text, match, span, self.exceptions) or _chained(facts.text, match):
                continue
            middle = match.start() + len(unit)
            if self.whole_words and not at_boundaries(facts.text, match.start(), middle, match.end() - len(unit), match.end()):
                continue
            where = Span(*match.span())
            yield Finding(where, {"match": match.group(), "unit": unit}, (Edit(where, unit),))


def _chained(text: str, match: re.Match[str]) -> bool:
    """Whether the two copies of a clause each close and open a pair of their own,
    the pairs joined by a stronger mark than the one within them: "谁主管、谁负责，
    谁负责、谁落实", "谁主管，谁负责；谁负责，谁落实". Copies between marks of one
    kind ("，规范发布流程，规范发布流程，") are a clause pasted twice."""
    if not match.groupdict().get("clause"):
        return False
    start, end = match.span()
    if start == 0 or end >= len(text):
        return False
    before, between, after = text[start - 1], text[match.end("clause")], text[end]
    return before == after and _STRENGTH.get(before, 0) < _STRENGTH.get(between, 0)
