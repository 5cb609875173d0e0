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
_CLAUSE = re.compile(r"[^，,；;。！？!?：:]+")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
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
        verbs, nouns = self.verbs.pattern, self.nouns.pattern
        self.total_then_verb = compile_pattern(f"(?:{self.totals.pattern})(?:主动|新)?(?:{verbs})")
        self.unit_without_number = compile_pattern(
            f"(?:{verbs})[^，,；;。]{{0,12}}?(?:{nouns})(?:{self.units.pattern})$")
        self.change_without_start = compile_pattern(f"由(?:{self.changes.pattern})(?:为|到|至)")
        # The noun and measure word that end a clause (found after unit_without_number matched).
        self.noun_and_unit = compile_pattern(f"(?:{nouns})(?:{self.units.pattern})$")
        opening = f"{_LEAD}(?:{verbs})的?|(?:{verbs})的|(?:{self.bare_verbs.pattern})"
        self.bare_statement = compile_pattern(f"^(?:{opening})[^，,；;。]{{0,10}}?(?:{nouns})$")

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for sentence in _sentences(text, facts.spans(self.scope)):
            body = text[sentence.start:sentence.end].rstrip("。；;！？!? \n")
            found = self._missing(text, sentence.start, body)
            if found is None:
                continue
            match, span = found
            if not excepted(text, match, sentence, self.exceptions):
                yield Finding(span, {"match": text[span.start:span.end]})

    def _missing(self, text: str, start: int, body: str) -> tuple[RuleMatch, Span] | None:
        """The match that gives a missing count away in a sentence, and the span to report."""
        if not _FIGURE.search(body):
            whole = self.bare_statement.search(text, start, start + len(body))
            if whole is not None:
                return whole, Span(*whole.span())
        change = self.change_without_start.search(text, start, start + len(body))
        if change is not None:
            return change, Span(*change.span())
        for clause in _CLAUSE.finditer(body):
            words = clause.group().removesuffix("其中")
            if _FIGURE.search(words) or self.vague.search(words):
                continue
            begin, end = start + clause.start(), start + clause.start() + len(words)
            total = self.total_then_verb.search(text, begin, end)
            if total is not None:
                return total, Span(*total.span())
            unit = self.unit_without_number.search(text, begin, end)
            if unit is not None:
                noun = self.noun_and_unit.search(text, unit.start(), end)
                return unit, Span(*noun.span())
        return None


def _sentences(text: str, spans) -> Iterator[Span]:
    for span in spans:
        for sentence in _SENTENCE.finditer(text, span.start, span.end):
            yield Span(*sentence.span())
