"""numbers.missing_count: a count left out where the sentence needs one —
"全年共发布信息，其中…", "核准企业资质条。", "本年度制发的规范性文件。",
"由降低为1.35万元".

Four shapes give the missing figure away, in a clause (or for the third, a
sentence) that holds no figure and no vague amount (``vague``: 多, 若干, 各类 …):

- a word of ``totals`` (共, 累计, 合计 …) right before one of ``verbs``
  (发布, 受理, 制发 …): "共" wants a number ("全年共受理申请，均已办结");
- one of ``nouns`` followed by one of ``units`` where the clause ends, after
  one of ``verbs``: the measure word is there and its number is not
  ("发布政府信息条，", "核准企业资质条。");
- 由 right before one of ``changes`` and 为/到/至 ("起付线由降低为1.35万元"): the
  figure it changed from is missing, whatever figures the clause holds;
- a sentence that is nothing but a time, a subject or 共, one of ``verbs``,
  an optional 的 and an object ending with one of ``nouns`` ("本年度制发的规范性
  文件。"), or a verb and 的 without them, or one of ``bare_verbs`` alone
  ("核发许可证件。"): a statement of how many with the how-many lost. A bare
  "发布政策解读。" is a task, not a count, and is left alone.

A clause with a figure of its own is not checked. A match inside a match of ``exceptions`` (共同, 公共, 中共 …) is not reported."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...patterns import RuleMatch, compile_pattern
from ...text.chars import DIGITS
from ..base import TextKind, excepted
from ..options import Patterns

# A figure of any kind: digits, or a Chinese numeral before a measure word.
_FIGURE = re.compile(rf"[{DIGITS}]|[一二两三四五六七八九十百千万]+(?:个|条|件|篇|次|项|场|期|人|份|名|家|所|户|类|种|批|天|年)")
_CLAUSE_MARKS = "，,；;。！？!?：:"
# What may open a statement of how many: a time, a subject, 共 — at least one of them.
_TIME = r"(?:本年度|本年|全年|年内|今年|[0-9]{4}年度?)[，,]?"
_SUBJECT = r"(?:[我本全][局委办厅县区市镇乡]|本机关|本单位)"
_LEAD = rf"(?:{_TIME}{_SUBJECT}?共?|{_SUBJECT}共?|共)"


class MissingCount(TextKind):
    name = "numbers.missing_count"
    default_scope = "prose"  # not a statistics table written out as text
    options = {
        "totals": Patterns(required=True),
        "verbs": Patterns(required=True),
        "bare_verbs": Patterns(required=True),
        "nouns": Patterns(required=True),
        "units": Patterns(required=True),
        "vague": Patterns(required=True),
        "changes": Patterns(required=True),
        "exceptions": Patterns(),
    }
    message_args = frozenset({"match"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        verbs, nouns, units = self.verbs.pattern, self.nouns.pattern, self.units.pattern
        opening = f"{_LEAD}(?:{verbs})的?|(?:{verbs})的|(?:{self.bare_verbs.pattern})"
        # The four shapes in one pattern, so that a scope is scanned once.
        self.shapes = compile_pattern("|".join((
            f"(?P<bare>(?:^|[。！？!?])(?:{opening})[^，,；;。！？!?]*?(?:{nouns})(?:[。；;！？!?]|$))",
            f"(?P<change>由(?:{self.changes.pattern})(?:为|到|至))",
            f"(?P<total>(?:{self.totals.pattern})(?:主动|新)?(?:{verbs}))",
            f"(?P<unit>(?:{verbs})[^，,；;。！？!?：:]*?(?:{nouns})(?:{units})(?:其中)?(?:[，,；;。！？!?：:]|$))",
        )))
        self.noun_and_unit = compile_pattern(f"(?:{nouns})(?:{units})")
        # The scan leaves the words between verb and noun unbounded (bounded repeats of
        # large alternatives cost RE2 its fast matcher); these bound them, on the match alone.
        self.bare_words = compile_pattern(f"[。！？!?]?(?:{opening})[^，,；;。！？!?]{{0,10}}?(?:{nouns})[。；;！？!?]?")
        self.unit_words = compile_pattern(
            f"(?:{verbs})[^，,；;。！？!?：:]{{0,12}}?(?:{nouns})(?:{units})(?:其中)?[，,；;。！？!?：:]?")

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        reported_until = -1  # one finding a clause
        for match, span in self.scan(facts, self.shapes):
            if match.start() < reported_until:
                continue
            found = self._missing(text, match, span)
            if found is not None and not excepted(text, match, span, self.exceptions):
                reported_until = _clause(text, found.end - 1, span).end
                yield Finding(found, {"match": text[found.start:found.end]})

    def _missing(self, text: str, match: RuleMatch, span: Span) -> Span | None:
        """Where a shape's match shows a count missing, or None when its clause or
        sentence has a figure (or a vague amount) after all."""
        start, end = match.span()
        if match.group("change") is not None:
            return Span(start, end)  # the figure after 由…为 is the new one: the old one is missing
        if match.group("bare") is not None:
            if self.bare_words.fullmatch(match.group()) is None:
                return None
            start += text[start] in "。！？!?"
            end -= text[end - 1] in "。；;！？!?"
            return None if _FIGURE.search(text, start, end) else Span(start, end)
        clause = _clause(text, start, span)
        words = text[clause.start:clause.end].removesuffix("其中")
        if _FIGURE.search(words) or self.vague.search(words):
            return None
        if match.group("total") is not None:
            return Span(start, end)
        if self.unit_words.fullmatch(match.group()) is None:
            return None
        nouns = list(self.noun_and_unit.finditer(text, start, end))
        return Span(*nouns[-1].span()) if nouns else None


def _clause(text: str, offset: int, span: Span) -> Span:
    """The clause around ``offset``, within ``span``."""
    start = max(text.rfind(mark, span.start, offset) for mark in _CLAUSE_MARKS) + 1
    ends = [found for mark in _CLAUSE_MARKS if (found := text.find(mark, offset, span.end)) != -1]
    return Span(max(start, span.start), min(ends, default=span.end))
