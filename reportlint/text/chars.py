"""The characters of Chinese report text, each defined once.

The grammar (its placeholders are filled from here when the parser loads it),
the parser, the table reader, the number layer and the breakdown finder all
read these definitions, so a wider Han range or a new marker form reaches every
layer at once. Character classes are given as the inside of a class, to be
written ``f"[{HAN}]"`` or combined: ``f"[{HAN}、]"``.
"""

from __future__ import annotations

import re

# Han characters: the CJK Unified Ideographs with Extension A (U+3400–U+9FFF)
# and the CJK Compatibility Ideographs (U+F900–U+FAFF).
HAN = "\u3400-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")  # one of them
HAN_RUN = re.compile(f"[{HAN}]+")  # a run of them

# Digits as reports write them: ASCII and full-width.
DIGITS = "0-9０-９"

# Full-width digits, percent sign and point as their ASCII forms. Each maps one
# character to one, so offsets into the translated text are offsets into the original.
HALF_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")

# The Chinese numerals that number headings and table rows (一 … 九十九).
ORDINAL_CHARS = "一二三四五六七八九十"


def _heading_marker(group) -> str:
    """The numbering marker of a heading or a table row, its parts named by ``group``:
    一、 | （一） (一) | （1） (1) | 1. 1． 1、 — a point followed by a digit is a
    decimal point, no marker."""
    ordinal = f"[{ORDINAL_CHARS}]{{1,3}}"
    number = f"[{DIGITS}]{{1,2}}"
    return (
        f"{group('l1', ordinal)}、"
        f"|{group('l2open', '[（(]')}{group('l2', ordinal)}[）)]"
        f"|{group('l4open', '[（(]')}{group('l4', number)}[）)]"
        f"|{group('l3', number)}{group('l3mark', f'[.．](?![{DIGITS}])|、')}"
    )


# The marker as a plain pattern (the grammar's MARKER terminal, label normalising)…
HEADING_MARKER = _heading_marker(lambda name, body: f"(?:{body})")
# …and with its parts named, for reading a marker's level, ordinal and style.
HEADING_MARKER_PARTS = re.compile(_heading_marker(lambda name, body: f"(?P<{name}>{body})"))
# A list item may also be numbered with a closing bracket alone, 1） 1): a table
# row's label may carry such a number, though no heading does.
ITEM_MARKER = rf"{HEADING_MARKER}|[{DIGITS}]{{1,2}}[）)]"
