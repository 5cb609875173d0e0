"""The number layer: every figure, date and period of a document, read once.

Checks never parse numbers themselves; they read ``Facts.numbers`` (built by
`read_numbers` on first use and shared by every rule)::

    numbers = facts.numbers
    for quantity in numbers.quantities:   # 183条  931余件  8.05%  一百八十三人次  1,200元
        quantity.value, quantity.unit, quantity.approximation, quantity.span
    for period in numbers.periods:        # 2016年1月至11月  自2016年1月1日起至2016年12月31日止  截至12月14日
        period.first_day(), period.last_day()
    for mention in numbers.dates:         # 2015年  2017-01-19  二〇一三年一月二十日  11月
        mention.year, mention.month, mention.day

**Quantity** (a figure with what it counts):

- ``value``: a Decimal with 万/亿 applied (1.5万 → 15000); for a percentage, the
  percent figure (8.05% → 8.05).
- ``unit``: the measure word, normalised (人(次) → 人次, 万元 → 元 with the value
  in 元), or "%" for percentages; None when no measure word follows (a postcode,
  a bare table figure). Only quantities with a unit are counts a check can compare.
- ``approximation``: the markers as written, in order — ("超过", "多") for
  超过1200多次. They stay a property of the quantity; `bounds` turns them into
  the range the figure allows.
- ``decimals``: digits written after the decimal point, the stated precision.
- ``span`` covers markers, number and unit ("500余人(次)"); ``number_span`` the
  number alone; ``clause`` and ``sentence`` the stretches of text it belongs to
  (a clause ends at ，；：, a sentence at 。！？).

**DateMention** keeps what was written: year, month and day, each None when
absent ("11月" in "2016年1月至11月"; "2015年"). A "年底"/"月底" is read as the
last day. **Period** joins a start and an end mention (no start for 截至…) and
resolves them into dates, the end borrowing the start's year when it has none.

Arabic digits may be ASCII or full-width, grouped as 1,200 or 1 200, with
decimals; Chinese numerals count (一百八十三, 两千零五, 十二) when a measure word
follows. Ordinals (第三次), document numbers (〔2019〕60号), telephone numbers,
e-mail addresses and times are not quantities.

`find_quantities`, `find_date_mentions` and `find_periods` read any other text
(a table cell, a metadata value); offsets are then into that text.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .document import Document, Span
from .numerals import CHINESE_DIGITS, CHINESE_NUMERAL_CHARS, chinese_count_value, chinese_numeral_value

# Markers that make a figure approximate, by the direction they allow.
AT_LEAST = ("余", "多", "超过", "逾", "超", "以上")
AT_MOST = ("近", "将近", "接近")
ABOUT = ("约", "大约", "左右", "上下")

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")

# -- dates and periods -----------------------------------------------------------

_DATE = re.compile(
    r"(?<![0-9])(?P<iy>[12][0-9]{3})(?P<sep>[-/.])(?P<im>[0-9]{1,2})(?P=sep)(?P<id>[0-9]{1,2})(?![0-9])"
    r"|(?<![0-9])(?P<y>[12][0-9]{3}) ?年度?"
    r"(?:(?P<yend>底|末)| ?(?P<m>[0-9]{1,2}) ?月份?(?: ?(?P<d>[0-9]{1,2}) ?日|(?P<mend>底|末))?)?"
    rf"|(?P<cy>[{CHINESE_DIGITS}]{{4}})年(?:(?P<cm>[一二三四五六七八九十]{{1,2}})月(?:(?P<cd>[一二三四五六七八九十]{{1,3}})日)?)?"
    r"|(?<![0-9个])(?P<om>[0-9]{1,2})月份?(?:(?P<od>[0-9]{1,2})日|(?P<omend>底|末))?"
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


# -- quantities -----------------------------------------------------------------

# Measure words, longest first so 人次 wins over 人 and 万元 over 元.
_UNITS = (
    "人(次)", "人（次）", "个工作日", "工作日", "个月", "小时", "分钟", "人次", "万元", "亿元",
    "元", "条", "件", "篇", "次", "个", "项", "名", "期", "人", "位", "份", "则", "起", "宗",
    "例", "场", "家", "所", "户", "本", "册", "张", "套", "台", "批", "轮", "天", "周", "类", "种",
)
_UNIT_NAMES = {"人(次)": "人次", "人（次）": "人次", "万元": "元", "亿元": "元", "工作日": "个工作日"}
_UNIT_MULTIPLIERS = {"万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
# A measure word followed by these is part of a word, not a unit: 人民, 一次性.
_NOT_A_UNIT = re.compile(r"人民|人员|次性|名称|期间|所以|起来|天然|本年|本级|本机关")

_UNIT_PATTERN = "|".join(re.escape(unit) for unit in _UNITS)
# Markers written before the number (the others follow it), longest first.
_PREFIX = "大约|将近|接近|超过|约|近|逾|超"
_ARABIC_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])|[0-9]+"
_QUANTITY = re.compile(
    rf"(?P<pre>{_PREFIX})?"
    rf"(?:(?P<num>{_ARABIC_NUMBER})(?:\.(?P<frac>[0-9]+))? ?(?P<mult>万|亿)?"
    rf"|(?P<cn>[一二两三四五六七八九十][{CHINESE_NUMERAL_CHARS}]*))"
    rf"(?P<mid>余|多)? ?(?:(?P<pct>%)|(?P<unit>{_UNIT_PATTERN}))?(?P<post>左右|上下|以上)?"
)
_PERCENT_WORDS = re.compile(
    rf"(?P<pre>{_PREFIX})?百分之(?:(?P<num>[0-9]+)(?:\.(?P<frac>[0-9]+))?|(?P<cn>[{CHINESE_NUMERAL_CHARS}]+))(?P<post>左右|上下|以上)?"
)
# Characters next to digits that make them part of something else: an e-mail
# address, a web address, a telephone number, a time, a code.
_CODE_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@_#+-〔[﹝【第")
_CODE_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@_-〕]﹞】")
# Between two ASCII letters or digits these join a code: 10:50, www.163.com, a/b.
_JOINERS = frozenset(":./")


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str | None
    approximation: tuple[str, ...]
    decimals: int
    text: str
    span: Span
    number_span: Span
    clause: Span
    sentence: Span

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def approximate(self) -> bool:
        return bool(self.approximation)

    @property
    def step(self) -> Decimal:
        """The place of the last significant digit: 1200 → 100, 931 → 1, 8.05 → 0.01, 1.5万 → 1000."""
        if self.value != self.value.to_integral_value():
            return Decimal(1).scaleb(-self.decimals)
        value = int(self.value)
        if value == 0:
            return Decimal(1)
        place = 1
        while value % (place * 10) == 0:
            place *= 10
        return Decimal(place)

    def bounds(self) -> tuple[Decimal, Decimal]:
        """The smallest and largest value the figure allows: the value itself when
        exact; otherwise one step of its last significant digit in the direction its
        markers say (500余 → 500–600, 3000多 → 3000–4000), no more than a tenth of
        the value below or around it (近1000 → 900–1000, 约4900 → 4800–5000)."""
        if not self.approximation:
            return self.value, self.value
        low = high = self.value
        near = min(self.step, self.value / 10)
        for marker in self.approximation:
            if marker in AT_LEAST:
                high = self.value + self.step
            elif marker in AT_MOST:
                low = self.value - near
            else:
                low, high = self.value - near, self.value + near
        return low, high


@dataclass(frozen=True)
class Numbers:
    """Every quantity, date mention and period of a document, in document order."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    periods: tuple[Period, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(quantity.span.start for quantity in self.quantities))

    def quantities_in(self, span: Span) -> tuple[Quantity, ...]:
        """The quantities lying inside ``span``."""
        first = bisect_right(self._starts, span.start - 1)
        found = []
        for quantity in self.quantities[first:]:
            if quantity.span.start >= span.end:
                break
            if quantity.span.end <= span.end:
                found.append(quantity)
        return tuple(found)


def plain(value: Decimal) -> str:
    """A value as a report writes it: 1700, 8.05, 15000 (never 1.5E+4)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


# -- reading ----------------------------------------------------------------------


def read_numbers(document: Document) -> Numbers:
    """The number layer of a document: dates and periods of everything but tables,
    quantities of the headings and paragraphs (tables are read by their own checks)."""
    text = document.text
    scan = _scannable(text)
    quantities: list[Quantity] = []
    dates: list[DateMention] = []
    periods: list[Period] = []
    # (block, its sentences, whether it holds quantities worth reading)
    blocks: list[tuple[Span, tuple[Span, ...], bool]] = []
    if document.title:
        blocks.append((document.title.span, (), False))
    blocks.extend((meta.value_span, (), False) for meta in document.metadata)
    blocks.extend((heading.span, (heading.span,), True) for heading in document.headings())
    for paragraph in document.paragraphs():
        sentences = tuple(sentence.span for sentence in paragraph.sentences) or (paragraph.span,)
        blocks.append((paragraph.span, sentences, True))
    blocks.sort(key=lambda block: block[0].start)
    for block, sentences, counted in blocks:
        block_periods, block_dates = _dates_and_periods(text, scan, block.start, block.end)
        periods.extend(block_periods)
        dates.extend(block_dates)
        if counted:
            taken = _taken(block_periods, block_dates)
            for sentence in sentences:
                quantities.extend(_quantities(text, scan, sentence, taken))
    return Numbers(tuple(quantities), tuple(dates), tuple(periods))


def find_quantities(text: str) -> list[Quantity]:
    """The quantities of a text (a table cell, a metadata value), taken as one sentence."""
    scan = _scannable(text)
    return _quantities(text, scan, Span(0, len(text)), _taken(*_dates_and_periods(text, scan, 0, len(text))))


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date mention of a text, those inside periods included."""
    return _dates_and_periods(text, _scannable(text), 0, len(text))[1]


def find_periods(text: str) -> list[Period]:
    return _dates_and_periods(text, _scannable(text), 0, len(text))[0]


def first_full_date(text: str) -> date | None:
    """The first date written with year, month and day: 2017-01-19, 2020年1月31日, 二〇一三年一月二十日."""
    for mention in find_date_mentions(text):
        if mention.year is not None and mention.month is not None and mention.day is not None:
            return mention.first_day()
    return None


def _scannable(text: str) -> str:
    """The text with full-width digits, ％ and ． made ASCII: same length, same offsets."""
    return text.translate(_FULL_WIDTH)


def _dates_and_periods(text: str, scan: str, start: int, end: int) -> tuple[list[Period], list[DateMention]]:
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


def _taken(periods: list[Period], mentions: list[DateMention]) -> list[Span]:
    """The stretches of text that dates occupy, sorted: no digit there is a quantity."""
    return sorted([period.span for period in periods] + [mention.span for mention in mentions], key=lambda span: span.start)


def _overlaps(taken: list[Span], starts: list[int], start: int, end: int) -> bool:
    # Date spans are short and sorted by start: only the last few that start
    # before ``end`` can reach into [start, end).
    index = bisect_right(starts, end - 1)
    return any(span.end > start for span in taken[max(0, index - 8):index])


def _quantities(text: str, scan: str, sentence: Span, taken: list[Span]) -> list[Quantity]:
    matches = sorted(
        [*_PERCENT_WORDS.finditer(scan, sentence.start, sentence.end), *_QUANTITY.finditer(scan, sentence.start, sentence.end)],
        key=lambda match: match.start(),
    )
    if not matches:
        return []  # most sentences: no need for their clauses
    clauses = _clauses(text, sentence)
    starts = [span.start for span in taken]
    found = []
    taken_until = sentence.start
    for match in matches:
        if match.start() < taken_until or _overlaps(taken, starts, match.start(), match.end()):
            continue
        quantity = _quantity(match, text, scan, clauses, sentence)
        if quantity is not None:
            found.append(quantity)
            taken_until = match.end()
    return found


def _in_code(scan: str, start: int, end: int) -> bool:
    """Whether the digits of scan[start:end] belong to an address, a telephone
    number, a time or a code rather than a figure."""
    before = scan[start - 1] if start > 0 else ""
    after = scan[end] if end < len(scan) else ""
    if before in _CODE_BEFORE or after in _CODE_AFTER or before.isdigit():
        return True
    if before in _JOINERS and start > 1 and scan[start - 2].isascii() and scan[start - 2].isalnum():
        return True
    return after in _JOINERS and end + 1 < len(scan) and scan[end + 1].isascii() and scan[end + 1].isalnum()


def _quantity(match: re.Match[str], text: str, scan: str, clauses: list[Span], sentence: Span) -> Quantity | None:
    groups = match.groupdict()
    arabic = match["num"] is not None
    number_start = match.start("num") if arabic else match.start("cn")
    number_end = match.end("frac") if groups.get("frac") else (match.end("num") if arabic else match.end("cn"))
    percent_words = "pct" not in groups
    unit = "%" if percent_words or groups.get("pct") else groups.get("unit")
    if unit not in (None, "%") and _NOT_A_UNIT.match(text, match.start("unit")):
        unit = None
    if arabic:
        if _in_code(scan, number_start, number_end):
            return None
        after = scan[number_end] if number_end < len(scan) else ""
        if unit is None and after in ".、":
            return None  # a list marker: 1. 1、
        value = Decimal(match["num"].replace(",", "").replace(" ", "") + ("." + match["frac"] if match["frac"] else ""))
        decimals = len(match["frac"] or "")
    else:
        before = scan[number_start - 1] if number_start > 0 else ""
        if before in CHINESE_NUMERAL_CHARS or before == "第" or unit is None:
            return None  # an ordinal, part of a longer numeral, or a word (一步, 三公)
        try:
            value = Decimal(chinese_count_value(match["cn"]))
        except ValueError:
            return None
        decimals = 0
    value *= _MULTIPLIERS.get(groups.get("mult") or "", Decimal(1))
    value *= _UNIT_MULTIPLIERS.get(groups.get("unit") or "", Decimal(1))
    if value == value.to_integral_value():
        value = Decimal(int(value))  # 1.5万 is 15000, not 15000.0
    if unit is None:
        # Without a measure word the figure ends with its number (and 万/亿).
        span_end = match.end("mult") if groups.get("mult") else number_end
        approximation = (match["pre"],) if match["pre"] else ()
    else:
        span_end = match.end()
        approximation = tuple(marker for marker in (match["pre"], groups.get("mid"), match["post"]) if marker)
    return Quantity(
        value=value,
        unit=_UNIT_NAMES.get(unit, unit) if unit else None,
        approximation=approximation,
        decimals=decimals,
        text=text[match.start():span_end],
        span=Span(match.start(), span_end),
        number_span=Span(number_start, number_end),
        clause=_containing(clauses, number_start),
        sentence=sentence,
    )


_CLAUSE_END = re.compile(r"[，；：;:]|,(?![0-9]{3})")


def _clauses(text: str, sentence: Span) -> list[Span]:
    clauses = []
    start = sentence.start
    for match in _CLAUSE_END.finditer(text, sentence.start, sentence.end):
        clauses.append(Span(start, match.end()))
        start = match.end()
    if start < sentence.end:
        clauses.append(Span(start, sentence.end))
    return clauses


def _containing(spans: list[Span], offset: int) -> Span:
    index = bisect_right([span.start for span in spans], offset) - 1
    return spans[max(index, 0)]
