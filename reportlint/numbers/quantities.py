"""Quantities: a figure with what it counts (183条, 931余件, 8.05%, 一百八十三人次, 1,200元)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from ..document import Span
from ..text.numerals import CHINESE_NUMERAL_CHARS, chinese_count_value

# Markers that make a figure approximate, by the direction they allow.
AT_LEAST = ("余", "多", "超过", "逾", "超", "以上")
AT_MOST = ("近", "将近", "接近")
ABOUT = ("约", "大约", "左右", "上下")


# Measure words, longest first so 人次 wins over 人 and 万元 over 元. 大项 and 小项
# (事项 of a list at two levels) count different things: each is its own unit.
_UNITS = (
    "人(次)", "人（次）", "个工作日", "个大项", "个小项", "个子项",
    "大项", "小项", "子项", "工作日", "个月", "小时", "分钟", "人次", "万元", "亿元",
    "元", "条", "件", "篇", "次", "个", "项", "名", "期", "人", "位", "份", "则", "起", "宗",
    "例", "场", "家", "所", "户", "本", "册", "张", "套", "台", "批", "轮", "天", "周", "类", "种",
)
_UNIT_NAMES = {
    "人(次)": "人次", "人（次）": "人次", "万元": "元", "亿元": "元", "工作日": "个工作日",
    "个大项": "大项", "个小项": "小项", "个子项": "子项",
}
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



def _overlaps(taken: list[Span], starts: list[int], start: int, end: int) -> bool:
    # Date spans are short and sorted by start: only the last few that start
    # before ``end`` can reach into [start, end).
    index = bisect_right(starts, end - 1)
    return any(span.end > start for span in taken[max(0, index - 8):index])


def sentence_quantities(text: str, scan: str, sentence: Span, taken: list[Span]) -> list[Quantity]:
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
