"""punctuation: marks that GB/T 15834-2011 (标点符号用法) does not allow.

One kind, several aspects (the rule's ``check``), because all of them walk the
same marks:

- ``doubled``: two marks in a row where one belongs ("、、", "，，", "，。");
- ``unpaired``: brackets, quotes and book-title marks that do not close, or
  close what was never opened, within one paragraph — or across a paragraph
  break in mid-sentence ("…政务信息“看" / "得懂、用得上”", a paragraph that OCR
  or a copy split). Marks left open where the text itself stops in
  mid-sentence (an excerpt cut short) are not reported;
- ``book_title``: «» or <<>> used for 《》;
- ``book_title_nesting``: a doubled 《《, or 《》 inside 《》 where the inner pair
  should be 〈〉;
- ``half_width``: half-width , : ; ( ) ? ! . in Chinese text, grouped into one
  finding per line so that they do not bury the real defects;
- ``ordinal``: the mark after a heading's number (附录 B.3): "1." not "1、",
  nothing after "（一）" or "（1）";
- ``stray_space``: a space between two Han characters ("政府 信息"). Not on a line
  that holds several headings: that is a web page flattened into one line, where
  spaces stand for the line breaks the extraction lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..diagnostic import QUOTE_LIMIT, Edit, Finding, bounded
from ..document import Span
from ..facts import Facts
from .base import Option, TextKind

_DOUBLED = re.compile(r"[，、。；：]{2,}|[，、。；：][！？]|[！？][，、。；：]")
# "。。。" is an ellipsis written with full stops: the ellipsis rule's business.
_ELLIPSIS_OF_STOPS = re.compile(r"。{3,}")
_BOOK_TITLE = re.compile(r"«([^«»\n]{0,80})»|<<([^<>\n]{0,80})>>|[«»]")

_OPENERS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "〈": "〉", "【": "】", "[": "]", "「": "」", "『": "』"}
_CLOSERS = {closer: opener for opener, closer in _OPENERS.items()}
# Half- and full-width parentheses pair with each other here; that they are
# mixed is the half_width check's business.
_FAMILY = {"(": "（", ")": "）", "[": "【", "]": "】"}
# "1）", "a)" and "一）" at the start of an item are list markers, not closers.
_LIST_MARKER_CLOSER = re.compile(r"(?:^|[\s。；;：:，,])[0-9A-Za-z一二三四五六七八九十]{1,2}$")

_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}
# The characters each aspect looks at, found by one regex rather than a loop over
# every character of the text.
_HALF_WIDTH_MARKS = re.compile("[" + re.escape("".join(_FULL_WIDTH)) + "]")
_PAIRED_MARKS = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_CLOSERS)) + "]")
_BOOK_TITLE_MARKS = re.compile("[《》]")

_HAN = "\u3400-\u9fff\uf900-\ufaff"
# A Han character and the spaces after it, when another Han character follows.
_STRAY_SPACE = re.compile(f"[{_HAN}][ \u3000]+(?=[{_HAN}])")

# Marks wrongly written after a numbering marker: "1、" for "1.", "（一）、" for "（一）".
_AFTER_BRACKETED_MARKER = frozenset("、，,.．")


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
    options = {
        "check": Option(
            (str,),
            required=True,
            choices=("doubled", "unpaired", "book_title", "book_title_nesting", "half_width", "ordinal", "stray_space"),
        )
    }
    message_args = frozenset({"match", "suggestion", "expected", "count", "marks", "problem"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]

    def check(self, facts: Facts) -> Iterator[Finding]:
        # Each aspect is the method of its name: _doubled, _unpaired, …
        return getattr(self, f"_{self.aspect}")(facts)

    def _doubled(self, facts: Facts) -> Iterator[Finding]:
        for match, _ in self.scan(facts, _DOUBLED):
            marks = match.group()
            if _ELLIPSIS_OF_STOPS.fullmatch(marks):
                continue
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
        stack: list[tuple[str, int]] = []
        for span in facts.spans(self.scope):
            for mark in _PAIRED_MARKS.finditer(text, span.start, span.end):
                position, char = mark.start(), mark.group()
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
            if _ends_mid_sentence(text, span):
                # Open marks may close after the break; after the last span, the
                # text itself was cut short.
                continue
            for unclosed, at in stack:
                if unclosed == "《" and text.startswith("《", at + 1):
                    continue  # a doubled "《《": the book-title nesting rule reports it
                yield Finding(Span(at, at + 1), {"match": unclosed, "expected": _OPENERS[unclosed]})
            stack = []

    def _book_title_nesting(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for span in facts.spans(self.scope):
            open_at: list[int] = []
            close_of: dict[int, int] = {}
            nested: list[tuple[int, int]] = []  # (the enclosing 《, the inner 《)
            for mark in _BOOK_TITLE_MARKS.finditer(text, span.start, span.end):
                position, char = mark.start(), mark.group()
                if char == "《":
                    open_at.append(position)
                elif char == "》" and open_at:
                    start = open_at.pop()
                    close_of[start] = position
                    if open_at:
                        nested.append((open_at[-1], start))
            for outer, inner in nested:
                close = close_of[inner]
                if outer + 1 == inner and close_of.get(outer) in (None, close + 1):
                    # "《《A》" or "《《A》》": the mark typed twice. The fix drops the
                    # outer pair's marks, so that nesting 5,000 deep costs 5,000
                    # small findings, not 5,000 copies of the title.
                    if outer in close_of:
                        where = Span(outer, close + 2)
                        edits = (Edit(Span(outer, outer + 1), ""), Edit(Span(close + 1, close + 2), ""))
                        suggestion = _title_quote(text, inner, close + 1)
                    else:
                        where = Span(outer, inner + 1)
                        suggestion = "《"
                        edits = (Edit(where, suggestion),)
                    args = {"match": _title_quote(text, where.start, where.end), "suggestion": suggestion,
                            "problem": "重复"}
                    yield Finding(where, args, edits, suggestion)
                elif outer in close_of:
                    where = Span(inner, close + 1)
                    suggestion = "〈" + _title_quote(text, inner + 1, close) + "〉"
                    args = {"match": _title_quote(text, inner, close + 1), "suggestion": suggestion,
                            "problem": "套用时内层应改用单书名号"}
                    edits = (Edit(Span(inner, inner + 1), "〈"), Edit(Span(close, close + 1), "〉"))
                    yield Finding(where, args, edits, suggestion)

    def _ordinal(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for heading in facts.document.headings():
            marker = heading.marker
            if marker.style == "1、":
                suggestion = marker.text[:-1] + "."
                where = marker.span
            elif marker.level in (2, 4) and text[marker.span.end:marker.span.end + 1] in _AFTER_BRACKETED_MARKER:
                suggestion = marker.text
                where = Span(marker.span.start, marker.span.end + 1)
            else:
                continue
            args = {"match": text[where.start:where.end], "suggestion": suggestion}
            yield Finding(where, args, (Edit(where, suggestion),))

    def _stray_space(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        line_of = facts.source.position
        headings_per_line = Counter(line_of(heading.span.start)[0] for heading in facts.document.headings())
        for match, _ in self.scan(facts, _STRAY_SPACE):
            if headings_per_line[line_of(match.start())[0]] > 1:
                continue
            where = Span(match.start(), match.end() + 1)
            suggestion = text[match.start()] + text[match.end()]
            args = {"match": text[where.start:where.end], "suggestion": suggestion}
            yield Finding(where, args, (Edit(where, suggestion),))

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


def _title_quote(text: str, start: int, end: int) -> str:
    """text[start:end], bounded without copying a long title whole."""
    if end - start <= QUOTE_LIMIT:
        return text[start:end]
    return bounded(text[start:start + QUOTE_LIMIT] + text[end - QUOTE_LIMIT:end])


def _ends_mid_sentence(text: str, span: Span) -> bool:
    """Whether a span stops in the middle of a sentence: on a character or an
    opening mark rather than on punctuation that ends or closes something."""
    last = text[span.end - 1] if span.end > span.start else ""
    return last.isalnum() or last in _OPENERS


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
