"""Wrapped lines: text extracted from a PDF by another tool breaks every
paragraph at each line end of the page.

Such text has lines of one width (in columns: a Chinese character takes two, a
figure or Latin letter one), and a paragraph goes on into the next line wherever
a line of that width stops without a sentence's final mark (a clause's ；or ：
may fall at the end of a full line). The parser joins those lines into one
paragraph, so that a sentence broken across lines ("共收到申请108件，其中自然" /
"人96件") or a preamble's list of parts ("…主动公开政府信息情况、收到和" /
"处理政府信息公开申请情况…") is read whole.
Drafts typed in an editor have no such width: their lines are paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from unicodedata import east_asian_width

from lark import Token

from .headings import SENTENCE_END

# A paragraph wraps at a line this close to the width (half-width figures make
# lines of one width differ by a few columns)…
_WRAP_SLACK = 4
# …when at least this many lines of text stop at that width in mid-sentence.
_WRAPPED_LINES = 3
_SHORTEST_WRAP = 20
_CLAUSE_END = re.compile(r"[。！？!?；;：:][”’」』》〉）)\]]*$")


def wrap_width(text: str, lines: Sequence[Sequence[Token]]) -> int | None:
    """The width at which a document's paragraphs wrap (the tokens of each of
    its text lines given), or None when they do not."""
    # Only lines of text that stop in mid-clause tell the width: a typed list's
    # items end in ；, and headings stop without a mark at every width, and
    # neither must make the lines of a typed draft look wrapped.
    widths = Counter(width for tokens in lines if tokens and tokens[0].type != "MARKER"
                     and (width := _unfinished_width(text, tokens, _CLAUSE_END)) is not None
                     and width >= _SHORTEST_WRAP)
    if not widths:
        return None
    near = {width: sum(count for other, count in widths.items() if abs(other - width) <= _WRAP_SLACK) for width in widths}
    width = max(near, key=lambda each: (near[each], each))
    return width if near[width] >= _WRAPPED_LINES else None


def wraps_at(text: str, tokens: Sequence[Token], width: int) -> bool:
    """Whether a text line stops in mid-sentence at the width of the page: a
    line that fills the page and ends a clause (…占33.9%；) goes on too."""
    found = _unfinished_width(text, tokens, SENTENCE_END)
    return found is not None and found >= width - _WRAP_SLACK


def _unfinished_width(text: str, tokens: Sequence[Token], end: re.Pattern) -> int | None:
    """The width in columns of a text line that does not stop at ``end``, else None."""
    if not tokens or tokens[-1].type != "FRAGMENT" or end.search(tokens[-1]):
        return None
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text[tokens[0].start_pos:tokens[-1].end_pos])
