"""numbers.garbled_period: a statement of the statistics period ("统计期限为…")
whose dates cannot be read: nothing between the words ("数据统计时限为至。"),
dates whose figures were lost ("自2020年月日至2020年月日"), or digits whose 年 or
月 went missing ("统计期限为201711日至20171231日", "自2018月1日起至…").

The period is the run of date material (digits, numerals, 年月日, 至/到/起/止
and dashes) that follows a ``stated`` keyword, past a linking word (为, 是, 自,
从, a colon). It reads when every figure and every 年/月/日 in it belongs to a
date the number layer reads, and a 至 or dash joins two dates into a period;
a whole year ("2019年度") reads too. A keyword followed by no date material at
all ("统计期间内", "统计时间节点") states no period and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import REPORTS
from ...numbers import find_date_mentions, find_periods
from ...text.chars import DIGITS
from ..base import TextKind
from ..options import Patterns

_NUMERALS = "〇○零一二三四五六七八九十"
_LINK = r"至|到|—|–|-|~|～"
# The date material after the keyword, past a linking word: at most 60 characters.
_RUN = re.compile(rf"\s*(?:[为是：:]|从|自|由)?\s*(?P<run>(?:[{DIGITS}{_NUMERALS}年月日号起止自从度底末份 \n./．]|{_LINK}){{1,60}})")
_LINKED = re.compile(_LINK)
_WRAPPED = re.compile(rf"(?:[{DIGITS}{_NUMERALS}年月日号起止度底末份 ./．]|{_LINK}){{1,30}}")
# Chinese month and day without a year ("至十二月三十一日"): the number layer reads only Arabic ones.
_CHINESE_MONTH_DAY = re.compile(r"[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?")
_DATE_MATERIAL = re.compile(rf"[{DIGITS}{_NUMERALS}年月日]")
# What a readable date never leaves outside itself: Arabic figures and the words 年, 月, 日.
_LOSABLE = re.compile(rf"[{DIGITS}年月日]")
_ARABIC = re.compile(f"[{DIGITS}]")
_DAY_OR_MONTH = re.compile("[月日]")


class GarbledPeriod(TextKind):
    name = "numbers.garbled_period"
    reads = REPORTS
    default_scope = "all"
    options = {"stated": Patterns(required=True)}
    message_args = frozenset({"match", "problem", "expected"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        year = facts.profile.year
        written = str(year) if year is not None else "XXXX"
        expected = f"{written}年1月1日至{written}年12月31日"
        for match, span in self.scan(facts, self.stated):
            found = _RUN.match(text, match.end(), span.end)
            if found is None:
                continue
            end = found.end("run")
            if end == span.end and text.startswith("\n", end):
                # A line broken inside the date (a PDF extraction): the date goes on below.
                wrapped = _WRAPPED.match(text, end + 1)
                end = wrapped.end() if wrapped else end
            run = text[found.start("run"):end].rstrip(" \n./．")
            problem = _problem(run.replace("\n", ""))
            if problem is None:
                continue
            start = found.start("run")
            yield Finding(Span(match.start(), start + len(run)), {
                "match": text[match.start():start + len(run)].replace("\n", ""),
                "problem": problem,
                "expected": expected,
            })


def _problem(run: str) -> str | None:
    """What is wrong with the dates of a period as written, or None when they read."""
    mentions = find_date_mentions(run)
    chinese = list(_CHINESE_MONTH_DAY.finditer(run))
    if not mentions and not chinese and not _ARABIC.search(run):
        if _DAY_OR_MONTH.search(run) or _LINKED.search(run):
            return "没有写起止日期"
        return None  # no date stated here ("统计时间为一年")
    covered = [False] * len(run)
    for start, end in [(mention.span.start, mention.span.end) for mention in mentions] + [extra.span() for extra in chinese]:
        covered[start:end] = [True] * (end - start)
    lost = [index for index, char in enumerate(run) if _LOSABLE.match(char) and not covered[index]]
    if lost:
        return f"中的日期残缺（“{_stretch(run, lost)}”）"
    links = [link for link in _LINKED.finditer(run) if not covered[link.start()]]
    if links and not find_periods(run) and not chinese:
        return "只写了一端的日期"
    return None


def _stretch(run: str, lost: list[int]) -> str:
    """The garbled stretch: from the first unread character to the last, widened
    to the date material around them."""
    start, end = lost[0], lost[-1] + 1
    while start > 0 and _DATE_MATERIAL.match(run[start - 1]):
        start -= 1
    while end < len(run) and _DATE_MATERIAL.match(run[end]):
        end += 1
    return run[start:end]
