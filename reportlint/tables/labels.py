"""Row labels: their numbering set aside, and the schema row they name."""

from __future__ import annotations

import re

from ..text.chars import ITEM_MARKER
from .model import GroupHeading, RowSpec, TableSchema

_MARKER = re.compile(f"(?:{ITEM_MARKER})")
_LEADING_MARKER = re.compile(rf"^(?:其中[：:]?)?\s*(?:{ITEM_MARKER})")
_LABEL_NOISE = re.compile(r"[\s“”\"'‘’]")


def split_markers(text: str) -> tuple[list[str], str]:
    """The numbering markers a text opens with, and the text after them:
    "（三）1.属于国家秘密" → (["（三）", "1."], "属于国家秘密")."""
    markers = []
    while match := _MARKER.match(text):
        markers.append(match.group())
        text = text[match.end():]
    return markers, text


def normalise_label(text: str) -> str:
    """A label without numbering, quotes and spaces: "（三）1. 属于国家秘密" → "属于国家秘密"."""
    label = _LABEL_NOISE.sub("", text)
    while True:
        stripped = _LEADING_MARKER.sub("", label, count=1)
        if stripped == label:
            return label
        label = stripped


def match_row(schema: TableSchema, label: str, group: str | None) -> RowSpec | None:
    """The schema row a label names; rows of the current group win, and a row
    whose label is a common word ("3.其他") needs that group."""
    normalised = normalise_label(label)
    if not normalised:
        return None
    candidates = [row for row in schema.rows if row.pattern.search(normalised)]
    if group is not None:
        in_group = [row for row in candidates if row.group == group]
        if in_group:
            return in_group[0]
    outside = [row for row in candidates if not row.common_word]
    return outside[0] if outside else None


def group_of(headings: tuple[GroupHeading, ...], label: str) -> str | None:
    """The group a label heads, if it is a group heading."""
    normalised = normalise_label(label)
    return next((heading.group for heading in headings if heading.pattern and heading.pattern.search(normalised)), None)
