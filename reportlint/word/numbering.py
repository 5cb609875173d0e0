"""The numbers Word's automatic list numbering shows before a paragraph.

A heading numbered by Word ("多级列表", or a numbered heading style) holds no
"一、" in its text: the number lives in numbering.xml. To read the outline as a
person sees it, the reader puts the number in front of the paragraph's text.

A paragraph is numbered by its own w:numPr or its style's (styles inherit
through w:basedOn); numId 0 switches numbering off. A w:num instance points at an
abstract definition whose levels give the start, the number format and the
level text ("%1、", "（%2）"). Counters belong to the abstract definition, so
instances that share one continue each other's numbering, as in Word, unless an
instance overrides a level's start; a level restarts after any shallower level.
Bullets are glyphs, not numbers, and are left out.
"""

from __future__ import annotations

import re
import string
import unicodedata

from docx.opc.constants import RELATIONSHIP_TYPE

from ..text.numerals import chinese_ordinal
from .package import W, related_part

_LEVELS = 9
_LEVEL_REFERENCE = re.compile(r"%([1-9])")
_ENCLOSED_CIRCLE = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ENCLOSED_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_ENCLOSED_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_DIGITS = str.maketrans("一二三四五六七八九十百千万", "壹贰叁肆伍陆柒捌玖拾佰仟万")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_NO_NUMBER = {"bullet", "none"}
# Word draws a gap after the number (w:suff: a tab by default, or a space); the
# reader writes a space only where the number would otherwise run into the text:
# after a letter or a digit ("2.1 细目"), not after "、", "）" or "①".
_RUNS_ON = {"Lu", "Ll", "Lo", "Nd"}


def _cycled(symbols: str):
    return lambda value: symbols[(value - 1) % len(symbols)] if value > 0 else str(value)


def _enclosed(symbols: str):
    return lambda value: symbols[value - 1] if 0 < value <= len(symbols) else str(value)


def _letters(value: int) -> str:
    """a … z, aa … zz, aaa …: Word repeats the letter."""
    if value <= 0:
        return str(value)
    return string.ascii_lowercase[(value - 1) % 26] * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    written = ""
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        written += letters * count
    return written or str(value)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": _enclosed(_ENCLOSED_CIRCLE),
    "decimalEnclosedCircleChinese": _enclosed(_ENCLOSED_CIRCLE),
    "decimalEnclosedParen": _enclosed(_ENCLOSED_PAREN),
    "decimalEnclosedFullstop": _enclosed(_ENCLOSED_FULLSTOP),
    "chineseCounting": chinese_ordinal,
    "chineseCountingThousand": chinese_ordinal,
    "japaneseCounting": chinese_ordinal,
    "taiwaneseCounting": chinese_ordinal,
    "taiwaneseCountingThousand": chinese_ordinal,
    "chineseLegalSimplified": lambda value: chinese_ordinal(value).translate(_LEGAL_DIGITS),
    "ideographDigital": lambda value: "".join("〇一二三四五六七八九"[int(digit)] for digit in str(value)),
    "ideographTraditional": _cycled(_HEAVENLY_STEMS),
    "ideographZodiac": _cycled(_EARTHLY_BRANCHES),
    "lowerLetter": _letters,
    "upperLetter": lambda value: _letters(value).upper(),
    "lowerRoman": lambda value: _roman(value).lower(),
    "upperRoman": _roman,
}
_FORMATS["decimalFullWidth2"] = _FORMATS["decimalFullWidth"]


class _Level:
    def __init__(self, element) -> None:
        self.start = _int(element.find(f"{W}start"), 0)
        self.format = _val(element.find(f"{W}numFmt")) or "decimal"
        text = element.find(f"{W}lvlText")
        self.text = _val(text) if text is not None else None
        self.legal = element.find(f"{W}isLgl") is not None
        self.style = _val(element.find(f"{W}pStyle"))

    def written(self, value: int, legal: bool) -> str:
        return str(value) if legal else _FORMATS.get(self.format, str)(value)


class _Definition:
    """An abstract numbering definition: its levels by ilvl."""

    def __init__(self, element) -> None:
        self.levels = {_int(lvl, 0, "ilvl"): _Level(lvl) for lvl in element.iterchildren(f"{W}lvl")}


class Numbering:
    """Labels for the paragraphs of one document, asked for in document order
    (each call advances the counters as Word does)."""

    def __init__(self, document) -> None:
        part = related_part(document, RELATIONSHIP_TYPE.NUMBERING)
        root = part.element if part is not None else None
        definitions = {}
        self.instances: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        if root is not None:
            definitions = {element.get(f"{W}abstractNumId"): _Definition(element)
                           for element in root.iterchildren(f"{W}abstractNum")}
            for num in root.iterchildren(f"{W}num"):
                abstract = _val(num.find(f"{W}abstractNumId"))
                starts, levels = {}, {}
                for override in num.iterchildren(f"{W}lvlOverride"):
                    level = _int(override, 0, "ilvl")
                    start = override.find(f"{W}startOverride")
                    if start is not None:
                        starts[level] = _int(start, 0)
                    replaced = override.find(f"{W}lvl")
                    if replaced is not None:
                        levels[level] = _Level(replaced)
                self.instances[num.get(f"{W}numId")] = (abstract, starts, levels)
        self.definitions: dict[str, _Definition] = definitions
        self.styles = _style_numbering(document)
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` ("一、", "（二）", "1.1"), or ""."""
        if not self.definitions:
            return ""
        style = _val(paragraph.find(f"{W}pPr/{W}pStyle"))
        own = paragraph.find(f"{W}pPr/{W}numPr")
        num_id, level = self.styles.get(style, (None, None))
        if own is not None:
            num_id = _val(own.find(f"{W}numId")) or num_id
            level = _int(own.find(f"{W}ilvl"), level)
        instance = self.instances.get(num_id) if num_id not in (None, "0") else None
        definition = self.definitions.get(instance[0]) if instance else None
        if definition is None:
            return ""
        abstract, starts, overrides = instance
        if level is None:  # a level linked to the paragraph's style, else the first
            level = next((ilvl for ilvl, lvl in definition.levels.items() if style and lvl.style == style), 0)
        levels = definition.levels | overrides
        if level not in levels or levels[level].format in _NO_NUMBER or levels[level].text is None:
            return ""
        counters = self.counters.setdefault(abstract, [None] * _LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden in starts:
                counters[overridden] = None
        start = starts.get(level, levels[level].start)
        counters[level] = start if counters[level] is None else counters[level] + 1
        counters[level + 1:] = [None] * (_LEVELS - level - 1)

        def number(match: re.Match[str]) -> str:
            referenced = int(match[1]) - 1
            shown = levels.get(referenced)
            if shown is None:
                return ""
            value = counters[referenced] if counters[referenced] is not None else starts.get(referenced, shown.start)
            return shown.written(value, levels[level].legal)

        label = _LEVEL_REFERENCE.sub(number, levels[level].text)
        return label + " " if label and unicodedata.category(label[-1]) in _RUNS_ON else label


def _style_numbering(document) -> dict[str | None, tuple[str | None, int | None]]:
    """The numbering each paragraph style gives its paragraphs (numId, ilvl),
    inherited through w:basedOn."""
    try:
        root = document.styles.element
    except Exception:  # noqa: BLE001 - a broken styles part only costs style numbering
        return {}
    own, based_on = {}, {}
    for style in root.iterchildren(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        numbering = style.find(f"{W}pPr/{W}numPr")
        if numbering is not None:
            own[style_id] = (_val(numbering.find(f"{W}numId")), _int(numbering.find(f"{W}ilvl"), None))
        based_on[style_id] = _val(style.find(f"{W}basedOn"))
    resolved = {}
    for style_id in based_on:
        seen, current = set(), style_id
        while current is not None and current not in own and current not in seen:
            seen.add(current)
            current = based_on.get(current)
        if current in own:
            resolved[style_id] = own[current]
    return resolved


def _val(element) -> str | None:
    return element.get(f"{W}val") if element is not None else None


def _int(element, default, attribute: str = "val"):
    if element is None:
        return default
    try:
        return int(element.get(f"{W}{attribute}"))
    except (TypeError, ValueError):
        return default
