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

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..document import Document, Span
from ..text.chars import HALF_WIDTH
from .dates import DateMention, Period, dates_and_periods
from .quantities import Quantity, sentence_quantities

__all__ = [
    "DateMention", "Numbers", "Period", "Quantity", "find_date_mentions", "find_periods", "find_quantities",
    "first_full_date", "plain", "read_numbers",
]


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
        block_periods, block_dates = dates_and_periods(text, scan, block.start, block.end)
        periods.extend(block_periods)
        dates.extend(block_dates)
        if counted:
            taken = _taken(block_periods, block_dates)
            for sentence in sentences:
                quantities.extend(sentence_quantities(text, scan, sentence, taken))
    return Numbers(tuple(quantities), tuple(dates), tuple(periods))


def find_quantities(text: str) -> list[Quantity]:
    """The quantities of a text (a table cell, a metadata value), taken as one sentence."""
    scan = _scannable(text)
    return sentence_quantities(text, scan, Span(0, len(text)), _taken(*dates_and_periods(text, scan, 0, len(text))))


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date mention of a text, those inside periods included."""
    return dates_and_periods(text, _scannable(text), 0, len(text))[1]


def find_periods(text: str) -> list[Period]:
    return dates_and_periods(text, _scannable(text), 0, len(text))[0]


def first_full_date(text: str) -> date | None:
    """The first date written with year, month and day: 2017-01-19, 2020年1月31日, 二〇一三年一月二十日."""
    for mention in find_date_mentions(text):
        if mention.year is not None and mention.month is not None and mention.day is not None:
            return mention.first_day()
    return None


def _scannable(text: str) -> str:
    """The text with full-width digits, ％ and ． made ASCII: same length, same offsets."""
    return text.translate(HALF_WIDTH)


def _taken(periods: list[Period], mentions: list[DateMention]) -> list[Span]:
    """The stretches of text that dates occupy, sorted: no digit there is a quantity."""
    return sorted([period.span for period in periods] + [mention.span for mention in mentions], key=lambda span: span.start)
