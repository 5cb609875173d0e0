"""Dates and periods as written: 2015年, 2017-01-19, 二〇一三年一月二十日, 11月;
2016年1月至11月, 自…起至…止, 1至3月, 截至12月14日."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..document import Span
from ..text.numerals import CHINESE_DIGITS, chinese_numeral_value

_DATE = re.compile(
    r"(?<![0-9])(?P<iy>[12][0-9]{3})(?P<sep>[-/.])(?P<im>[0-9]{1,2})(?P=sep)(?P<id>[0-9]{1,2})(?![0-9])"
    r"|(?<![0-9])(?P<y>[12][0-9]{3}) ?年度?"
    r"(?:(?P<yend>底|末)| ?(?P<m>[0-9]{1,2}) ?月份?(?: ?(?P<d>[0-9]{1,2}) ?日|(?P<mend>底|末))?)?"
    rf"|(?P<cy>[{CHINESE_DIGITS}]{{4}})年(?:(?P<cm>[一二三四五六七八九十]{{1,2}})月(?:(?P<cd>[一二三四五六七八九十]{{1,3}})日)?)?"
    r"|(?<![0-9个])(?P<om>[0-9]{1,2}) ?月份?(?: ?(?P<od>[0-9]{1,2}) ?日|(?P<omend>底|末))?"
)
# "1至3月", "2016年1-11月": one 月 for both months.
_MONTH_RANGE = re.compile(
    r"(?<![0-9])(?:(?P<y>[12][0-9]{3}) ?年)?(?P<m1>[0-9]{1,2})(?:至|到|[-—–~～])(?P<m2>[0-9]{1,2})月份?"
)
_RANGE_LINK = re.compile(r" ?起? ?(?:至|到|—{1,2}|[-–~～]) ?")
_OPEN_START = re.compile(r"(?:截至|截止到|截止至|截止)$")
_FROM = re.compile(r"(?:自|从)$")
_UNTIL = "止"


@dataclass(frozen=True)
class DateMention:
    """A date as written; parts not written are None."""

    year: int | None
    month: int | None
    day: int | None
    text: str
    span: Span

    def first_day(self, year: int | None = None) -> date | None:
        """The first day the mention covers (2016年 → 1 January 2016)."""
        year = self.year if self.year is not None else year
        if year is None:
            return None
        return date(year, self.month or 1, self.day or 1)

    def last_day(self, year: int | None = None) -> date | None:
        """The last day the mention covers (2016年11月 → 30 November 2016)."""
        year = self.year if self.year is not None else year
        if year is None:
            return None
        month = self.month or 12
        return date(year, month, self.day or calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    """A stretch of time: 2016年1月至11月, 自…起至…止, 1至3月, 截至12月14日 (no start)."""

    start: DateMention | None
    end: DateMention
    text: str
    span: Span

    @property
    def year(self) -> int | None:
        """The year written for the period (the start's, else the end's)."""
        if self.start is not None and self.start.year is not None:
            return self.start.year
        return self.end.year

    def first_day(self, year: int | None = None) -> date | None:
        if self.start is None:
            return None
        return self.start.first_day(self.year if self.year is not None else year)

    def last_day(self, year: int | None = None) -> date | None:
        return self.end.last_day(self.year if self.year is not None else year)



def dates_and_periods(text: str, scan: str, start: int, end: int) -> tuple[list[Period], list[DateMention]]:
    """The periods and date mentions of scan[start:end], in document order."""
    periods: list[Period] = []
    mentions: list[DateMention] = []
    for match in _MONTH_RANGE.finditer(scan, start, end):
        year = int(match["y"]) if match["y"] else None
        first, last = int(match["m1"]), int(match["m2"])
        if not 1 <= first <= last <= 12:
            continue
        span = Span(*match.span())
        opening = DateMention(year, first, None, text[span.start:match.end("m1")], Span(span.start, match.end("m1")))
        closing = DateMention(None, last, None, text[match.start("m2"):span.end], Span(match.start("m2"), span.end))
        mentions.extend((opening, closing))
        periods.append(Period(opening, closing, text[span.start:span.end], span))
    single = []
    for match in _DATE.finditer(scan, start, end):
        mention = _mention(match, text)
        if mention is not None and not _inside(mention.span, periods):
            single.append(mention)
    periods.extend(_join_periods(text, single, start))
    mentions.extend(single)
    mentions.sort(key=lambda mention: mention.span.start)
    periods.sort(key=lambda period: period.span.start)
    return periods, mentions


def _mention(match: re.Match[str], text: str) -> DateMention | None:
    span = Span(*match.span())
    if match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    elif match["y"]:
        year = int(match["y"])
        month = int(match["m"]) if match["m"] else (12 if match["yend"] else None)
        day = int(match["d"]) if match["d"] else None
    elif match["cy"]:
        year = chinese_numeral_value(match["cy"])
        month = chinese_numeral_value(match["cm"]) if match["cm"] else None
        day = chinese_numeral_value(match["cd"]) if match["cd"] else None
    else:
        year, month, day = None, int(match["om"]), int(match["od"]) if match["od"] else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            date(year or 2000, month or 1, day)  # 2000 is a leap year: 2月29日 stays valid
        except ValueError:
            return None
    return DateMention(year, month, day, text[span.start:span.end], span)


def _join_periods(text: str, mentions: list[DateMention], floor: int) -> list[Period]:
    """Periods written as two mentions joined by 至/到/—, or one after 截至."""
    periods = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and _RANGE_LINK.fullmatch(text, mention.span.end, following.span.start):
            start = mention.span.start
            before = _FROM.search(text, max(floor, start - 1), start)
            if before:
                start = before.start()
            end = following.span.end
            if text.startswith(_UNTIL, end):
                end += 1
            periods.append(Period(mention, following, text[start:end], Span(start, end)))
            index += 2
            continue
        opener = _OPEN_START.search(text, max(floor, mention.span.start - 4), mention.span.start)
        if opener:
            span = Span(opener.start(), mention.span.end)
            periods.append(Period(None, mention, text[span.start:span.end], span))
        index += 1
    return periods


def _inside(span: Span, periods: Iterable[Period]) -> bool:
    return any(period.span.start <= span.start and span.end <= period.span.end for period in periods)
