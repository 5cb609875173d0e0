"""punctuation: marks that GB/T 15834-2011 (标点符号用法) does not allow.

One kind, four aspects (the rule's ``check``), because all four walk the same
marks:

- ``doubled``: two marks in a row where one belongs ("、、", "，，", "，。");
- ``unpaired``: brackets, quotes and book-title marks that do not close, or
  close what was never opened, within one paragraph;
- ``book_title``: «» or <<>> used for 《》;
- ``half_width``: half-width , : ; ( ) ? ! . in Chinese text, grouped into one
  finding per line so that they do not bury the real defects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostic import Edit, Finding
from ..document import Span
from ..facts import Facts
from .base import Option, TextKind

_DOUBLED = re.compile(r"[，、。；：]{2,}|[，、。；：][！？]|[！？][，、。；：]")
_BOOK_TITLE = re.compile(r"«([^«»\n]{0,80})»|<<([^<>\n]{0,80})>>|[«»]")

_OPENERS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "〈": "〉", "【": "】", "[": "]", "「": "」", "『": "』"}
_CLOSERS = {closer: opener for opener, closer in _OPENERS.items()}
# Half- and full-width parentheses pair with each other here; that they are
# mixed is the half_width check's business.
_FAMILY = {"(": "（", ")": "）", "[": "【", "]": "】"}
# "1）", "a)" and "一）" at the start of an item are list markers, not closers.
_LIST_MARKER_CLOSER = re.compile(r"(?:^|[\s。；;：:，,])[0-9A-Za-z一二三四五六七八九十]{1,2}$")

_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}


def _is_chinese(char: str | None) -> bool:
    if not char:
        return False
    code = ord(char)
    return (
        0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x3000 <= code <= 0x303F  # CJK punctuation: 、。〈〉《》【】〔〕
        or 0xFF01 <= code <= 0xFF0F  # full-width ！（）＊，
        or 0xFF1A <= code <= 0xFF1F  # full-width ：；？
        or char in "“”‘’…—"
    )


class Punctuation(TextKind):
    name = "punctuation"
    options = {"check": Option((str,), required=True, choices=("doubled", "unpaired", "book_title", "half_width"))}
    message_args = frozenset({"match", "suggestion", "expected", "count", "marks"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]

    def check(self, facts: Facts) -> Iterator[Finding]:
        if self.aspect == "doubled":
            return self._doubled(facts)
        if self.aspect == "unpaired":
            return self._unpaired(facts)
        if self.aspect == "book_title":
            return self._book_title(facts)
        return self._half_width(facts)

    def _doubled(self, facts: Facts) -> Iterator[Finding]:
        for match, _ in self.scan(facts, _DOUBLED):
            marks = match.group()
            where = Span(*match.span())
            if len(set(marks)) == 1:
                yield Finding(where, {"match": marks, "suggestion": marks[0]}, (Edit(where, marks[0]),))
            else:
                yield Finding(where, {"match": marks, "suggestion": "只保留一个"})

    def _book_title(self, facts: Facts) -> Iterator[Finding]:
        for match, _ in self.scan(facts, _BOOK_TITLE):
            where = Span(*match.span())
            inner = match.group(1) if match.group(1) is not None else match.group(2)
            if inner is None:  # a lone « or »
                yield Finding(where, {"match": match.group(), "suggestion": "《》"})
                continue
            suggestion = f"《{inner}》"
            yield Finding(where, {"match": match.group(), "suggestion": suggestion}, (Edit(where, suggestion),))

    def _unpaired(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for span in facts.spans(self.scope):
            stack: list[tuple[str, int]] = []
            for position in range(span.start, span.end):
                char = text[position]
                if char in _OPENERS:
                    stack.append((char, position))
                elif char in _CLOSERS:
                    if char == "’" and position > span.start and text[position - 1].isascii() and text[position - 1].isalpha():
                        continue  # an apostrophe: "China’s"
                    opener = _CLOSERS[char]
                    family = _FAMILY.get(opener, opener)
                    match_at = next(
                        (index for index in range(len(stack) - 1, -1, -1) if _FAMILY.get(stack[index][0], stack[index][0]) == family),
                        None,
                    )
                    if match_at is None:
                        if _LIST_MARKER_CLOSER.search(text, span.start, position):
                            continue
                        yield Finding(Span(position, position + 1), {"match": char, "expected": opener})
                        continue
                    for unclosed, at in stack[match_at + 1:]:
                        yield Finding(Span(at, at + 1), {"match": unclosed, "expected": _OPENERS[unclosed]})
                    del stack[match_at:]
            for unclosed, at in stack:
                yield Finding(Span(at, at + 1), {"match": unclosed, "expected": _OPENERS[unclosed]})

    def _half_width(self, facts: Facts) -> Iterator[Finding]:
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
    parens: list[int] = []
    pairs: dict[int, int] = {}
    for position in range(span.start, span.end):
        char = text[position]
        if char == "(":
            parens.append(position)
        elif char == ")" and parens:
            pairs[parens.pop()] = position
    paired = set(pairs) | set(pairs.values())
    for position in range(span.start, span.end):
        char = text[position]
        if char not in _FULL_WIDTH:
            continue
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
