"""A cell's text read as its column allows: a number, blank, not applicable or invalid."""

from __future__ import annotations

import re
from decimal import Decimal

from ..document import Span
from ..text.chars import HALF_WIDTH
from .model import AMOUNT, BLANK, CHANGE, COUNT, INVALID, NOT_APPLICABLE, NUMBER, TableCell

_NOT_APPLICABLE = re.compile(r"[/／\\]|[-－—–~～]+|无")
_INTEGER = re.compile(r"[0-9][0-9,，]*|[0-9]{1,3}(?: [0-9]{3})+")
_SIGNED = re.compile(r"(?P<sign>[-－+＋])?\s*(?P<digits>[0-9]+)")
_AMOUNT = re.compile(r"(?P<number>[0-9][0-9,，]*(?:\.[0-9]+)?)\s*(?P<unit>万元|元)?")
_VALUE_LIKE = re.compile(r"[-－+＋]?\s*[0-9][0-9,，. ]*\s*(?:万元|元|件|条|个|项|%|％)?|[/／\\]|[-－—–~～]+|无")


def read_cell(text: str, span: Span, holds: str = COUNT) -> TableCell:
    """A cell's state and value, as its column allows."""
    written = text.strip().translate(HALF_WIDTH)
    if not written:
        return TableCell(text, span, BLANK, None)
    if _NOT_APPLICABLE.fullmatch(written):
        return TableCell(text, span, NOT_APPLICABLE, None)
    value: Decimal | None = None
    if holds == AMOUNT:
        match = _AMOUNT.fullmatch(written)
        if match:  # a unit written in the cell ("251000元") is the draft's to state
            value = Decimal(match["number"].replace(",", "").replace("，", ""))
    elif holds == CHANGE:
        match = _SIGNED.fullmatch(written)
        if match:
            value = Decimal(match["digits"]) * (-1 if match["sign"] in ("-", "－") else 1)
    elif _INTEGER.fullmatch(written):
        value = Decimal(re.sub(r"[,， ]", "", written))
    if value is None:
        return TableCell(text, span, INVALID, None)
    return TableCell(text, span, NUMBER, value)


def is_value_text(text: str) -> bool:
    """Whether a grid cell holds a value (or is blank) rather than a label."""
    written = text.strip().translate(HALF_WIDTH)
    return not written or bool(_VALUE_LIKE.fullmatch(written))
