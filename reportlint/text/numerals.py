"""Chinese numerals: 一 … 九十九, 两, 〇/零, and the larger units 百/千/万/亿."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}

# Character classes for regular expressions that find numerals in text.
CHINESE_DIGITS = "".join(_DIGITS)
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "".join(_SMALL_UNITS) + "".join(_LARGE_UNITS)


def chinese_numeral_value(text: str) -> int:
    """The value of a Chinese numeral: 十二 → 12, 一百八十三 → 183, 两千零五 → 2005.

    A run of bare digits is read digit by digit, as in years: 二〇一六 → 2016.
    Raises ValueError for text that is not a numeral.
    """
    if not text:
        raise ValueError("empty numeral")
    if all(char in _DIGITS for char in text):
        if len(text) == 1:
            return _DIGITS[text]
        return int("".join(str(_DIGITS[char]) for char in text))
    total = section = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[char]
            digit = 0
        elif char in _LARGE_UNITS:
            total = (total + section + digit) * _LARGE_UNITS[char]
            section = digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + digit


def chinese_count_value(text: str) -> int:
    """The value of a Chinese numeral written as a count (一百八十三, 十二, 五).

    Unlike chinese_numeral_value, a run of two or more bare digits is refused:
    "三四天" is an approximate range and "二〇一六" a year, not counts.
    """
    if len(text) > 1 and all(char in _DIGITS for char in text):
        raise ValueError(f"not a count: {text!r}")
    return chinese_numeral_value(text)


def chinese_ordinal(value: int) -> str:
    """A count written in Chinese numerals, as headings and Word's list numbering
    write them: 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五, 1010 → 一千零一十."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    if value < 20:
        return "十" + (digits[value - 10] if value > 10 else "")
    if value >= 10_000:
        high, low = divmod(value, 10_000)
        return chinese_ordinal(high) + "万" + ("零" if 0 < low < 1000 else "") + (_under_ten_thousand(low) if low else "")
    return _under_ten_thousand(value)


def _under_ten_thousand(value: int) -> str:
    digits = "零一二三四五六七八九"
    written, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            written += ("零" if zero and written else "") + digits[digit] + name
            zero = False
        else:
            zero = True
    return written
