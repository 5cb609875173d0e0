"""punctuation.half_width: half-width , : ; ( ) ? ! . in Chinese text, grouped
into one finding per line so that they do not bury the real defects."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HAN
from ..base import TextKind

_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}
_HALF_WIDTH_MARKS = re.compile("[" + re.escape("".join(_FULL_WIDTH)) + "]")


# Han characters and the marks of Chinese text: CJK punctuation (、。〈〉《》【】〔〕),
# full-width ！（）＊，and ：；？, quotes, the ellipsis and the dash.
_CHINESE = re.compile(f"[{HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f“”‘’…—]")


def _is_chinese(char: str | None) -> bool:
    return bool(char) and _CHINESE.fullmatch(char) is not None


class HalfWidth(TextKind):
    name = "punctuation.half_width"
    message_args = frozenset({"count", "marks", "match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        by_line: dict[int, list[Edit]] = {}
        for span in facts.spans(self.scope):
            edits = list(_half_width_edits(text, span))
            if edits:
                line = facts.source.position(span.start)[0]
                by_line.setdefault(line, []).extend(edits)
        for edits in by_line.values():
            edits.sort(key=lambda edit: edit.span.start)
            marks = " ".join(dict.fromkeys(text[edit.span.start] for edit in edits))
            args = {"count": len(edits), "marks": marks, "match": text[edits[0].span.start],
                    "suggestion": edits[0].text}
            yield Finding(edits[0].span, args, tuple(edits))


def _half_width_edits(text: str, span: Span) -> Iterator[Edit]:
    """Edits turning the half-width marks of a span that sit in Chinese text into
    their full-width forms."""
    marks = [(mark.start(), mark.group()) for mark in _HALF_WIDTH_MARKS.finditer(text, span.start, span.end)]
    if not marks:
        return
    parens: list[int] = []
    pairs: dict[int, int] = {}
    for position, char in marks:
        if char == "(":
            parens.append(position)
        elif char == ")" and parens:
            pairs[parens.pop()] = position
    paired = set(pairs) | set(pairs.values())
    for position, char in marks:
        before = _neighbour(text, position, -1, span)
        after = _neighbour(text, position, 1, span)
        if char == "(" and position in pairs:
            close = pairs[position]
            chinese = _is_chinese(before) or _is_chinese(_neighbour(text, close, 1, span)) or any(
                _is_chinese(inner) for inner in text[position + 1:close]
            )
            if chinese:
                yield Edit(Span(position, position + 1), "（")
                yield Edit(Span(close, close + 1), "）")
            continue
        if char in "()":
            if position in paired:
                continue  # decided with its partner
            chinese = _is_chinese(before) or _is_chinese(after)
        elif char in ",:":
            chinese = (_is_chinese(before) or _is_chinese(after)) and not (
                before is not None and after is not None and before.isdigit() and after.isdigit()
            )
            if char == ":" and text.startswith("//", position + 1):
                chinese = False
        elif char == ";":
            chinese = _is_chinese(before) or _is_chinese(after)
        elif char == ".":
            chinese = _is_chinese(before) and (after is None or _is_chinese(after))
        else:  # ? !
            chinese = _is_chinese(before)
        if chinese:
            yield Edit(Span(position, position + 1), _FULL_WIDTH[char])


def _neighbour(text: str, position: int, step: int, span: Span) -> str | None:
    """The nearest character before (step -1) or after (step 1), skipping spaces."""
    position += step
    while span.start <= position < span.end:
        if text[position] not in " \t\u3000":
            return text[position]
        position += step
    return None
