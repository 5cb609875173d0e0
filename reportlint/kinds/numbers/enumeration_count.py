"""numbers.enumeration_count: "以下三个方面", "5种方式", "共六个部分" against the items listed.

An announcement is a count followed by one of the rule's ``nouns`` (方面, 部分,
方式 …); a count with a quantity's marker ("至少三种渠道", "三个方面以上") says
how many, it announces nothing. The items it announces are looked for, in this order:

- a 一是、二是 … run starting right after it, counted to the end of the paragraph
  ("重点做好三个方面工作：一是…。二是…。三是…。", the seed's "以5种方式和途径公开。一是…五是…");
- a list after a colon in the same clause: "共分6个部分：总体情况、…、其他需要报告的事项",
  its items also read one a sentence to the end of the paragraph
  ("主要有以下三个方面：公开不够及时。解读形式单一。互动回应不足。");
- a list just before it: "本报告由概述、…、政府信息公开情况统计表共五个部分组成";
- the subheadings that follow when it ends its section's text: "从以下三个方面作进一步的改进： （一）…（二）…（三）…".

Counting a list is ambiguous when items may contain 、 or 和 themselves
("政府信息公开行政复议、行政诉讼情况"), so a list is reported only when it
cannot be read as the announced number of items.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Paragraph, Section, Span
from ...facts import Facts
from ...patterns import RuleMatch, compile_pattern
from ...text.chars import DIGITS, ORDINAL_CHARS
from ...text.numerals import chinese_count_value
from ..base import Kind
from ..options import Patterns

_COUNT = rf"(?P<count>[{DIGITS}]{{1,2}}|[{ORDINAL_CHARS}两]{{1,3}})\s*(?:个|种|项|类|条|点)?\s*"
_LIST_BEFORE = re.compile(r"(?:由|包括|包含|分为|分成|：|:)(?P<items>[^：:。；;]*?)(?:等|共|合计)*\s*$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_BRACKETED = re.compile(r"《[^》]*》|（[^）]*）|\([^)]*\)|〔[^〕]*〕")
_JOINED = re.compile(r"和|及|与|以及")
# A count that says how many rather than announcing a list.
_QUANTITY_BEFORE = re.compile(r"(?:至少|最少|不少于|不低于|超过|多达|近|约|逾)\s*$")
_QUANTITY_AFTER = re.compile(r"\s*(?:以上|之多|左右)")
_COLON_IN_CLAUSE = re.compile(r"[^，,；;。！？]*?[：:]")


class EnumerationCount(Kind):
    name = "numbers.enumeration_count"
    options = {"nouns": Patterns(required=True)}
    message_args = frozenset({"match", "announced", "listed"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.announcement = compile_pattern(_COUNT + f"(?:{self.nouns.pattern})")

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for section, blocks in _sections(facts):
            paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
            for position, paragraph in enumerate(paragraphs):
                last_in_section = position == len(paragraphs) - 1 and paragraph is blocks[-1]
                for match in self.announcement.finditer(text, paragraph.span.start, paragraph.span.end):
                    count = match.group("count")
                    try:
                        announced = int(count) if count[0].isdigit() else chinese_count_value(count)
                    except ValueError:
                        continue
                    if not 2 <= announced <= 20 or _a_quantity(text, match):
                        continue
                    fits = self._listed(text, paragraph, match, announced, section if last_in_section else None)
                    if fits is not None and not fits[0]:
                        yield Finding(Span(*match.span()), {"match": match.group(), "announced": announced, "listed": fits[1]})

    def _listed(self, text: str, paragraph: Paragraph, match: RuleMatch, announced: int, section: Section | None):
        """(whether the items fit the announced count, how many were found), or None
        when no list, enumeration or subheadings follow the announcement."""
        sentence = next((s for s in paragraph.sentences if s.span.start <= match.start() < s.span.end), None)
        if sentence is None:
            return None
        run = _enumeration_run(paragraph, match.end(), sentence.span)
        if run:
            return run == announced, str(run)
        after = text[match.end():sentence.span.end]
        colon = _COLON_IN_CLAUSE.match(after)
        if colon and after[colon.end():].strip("。 \n"):
            fits, listed = _list_fits(after[colon.end():], announced)
            to_paragraph_end = text[match.end() + colon.end():paragraph.span.end]
            return fits or _sentence_count(to_paragraph_end) == announced, listed
        before = _LIST_BEFORE.search(text, sentence.span.start, match.start())
        if before and re.search(r"[、，,]|”“", before["items"]):
            return _list_fits(before["items"], announced)
        if section is not None and sentence is paragraph.sentences[-1] and after.rstrip().endswith(("：", ":")):
            subsections = [sub for sub in section.subsections if sub.span.start >= paragraph.span.end]
            if subsections:
                count = len(subsections)
                return count == announced, str(count)
        return None


def _sections(facts: Facts) -> Iterator[tuple[Section | None, tuple]]:
    yield None, facts.document.preamble
    for section in facts.document.walk_sections():
        yield section, section.blocks


def _enumeration_run(paragraph: Paragraph, start: int, sentence: Span) -> int:
    """The length of the 一是、二是 … run that starts after ``start`` within the
    sentence or the next one, counted to the end of the paragraph."""
    next_sentences = [s.span for s in paragraph.sentences if s.span.start >= sentence.start]
    reach = next_sentences[1].end if len(next_sentences) > 1 else sentence.end
    items = [item for item in paragraph.enumeration if item.span.start >= start]
    if not items or items[0].ordinal != 1 or items[0].span.start >= reach:
        return 0
    run = 0
    for item in items:
        if item.ordinal != run + 1:
            break
        run += 1
    return run


def _a_quantity(text: str, match: RuleMatch) -> bool:
    """Whether a count says how many ("至少三种渠道") rather than announcing a list."""
    return bool(_QUANTITY_BEFORE.search(text, max(0, match.start() - 4), match.start())
                or _QUANTITY_AFTER.match(text, match.end()))


def _sentence_count(text: str) -> int:
    """The sentences of a text, each an item of a list written one a sentence."""
    return len([part for part in re.split(r"[。！？]", text) if part.strip()])


def _list_fits(items_text: str, announced: int) -> tuple[bool, str]:
    """Whether a written list can be read as ``announced`` items, and how many it has."""
    quoted = _QUOTED.findall(items_text)
    plain = _BRACKETED.sub("□", _QUOTED.sub("□", items_text)).strip("。；;，, \n")
    plain = re.sub(r"等$", "", plain)
    if re.search(r"[，,；;]", plain):
        items = [item for item in re.split(r"[，,；;]", plain) if item.strip()]
        strict = True
    else:
        items = [item for item in plain.split("、") if item.strip()]
        strict = False
    if len(items) == 1 and len(quoted) >= 2:
        return len(quoted) == announced, str(len(quoted))
    most = len(items) + sum(len(_JOINED.findall(item)) for item in items)
    fits = announced <= most and (announced >= len(items) or not strict)
    return fits, str(len(items))
