"""punctuation.unpaired: brackets, quotes and book-title marks that do not
close, or close what was never opened, within one paragraph — or across a
paragraph break in mid-sentence ("…政务信息“看" / "得懂、用得上”", a paragraph that
OCR or a copy split). Marks left open where the text itself stops in
mid-sentence (an excerpt cut short) are not reported."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import ORDINAL_CHARS
from ..base import TextKind

_OPENERS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "〈": "〉", "【": "】", "[": "]", "「": "」", "『": "』"}
_CLOSERS = {closer: opener for opener, closer in _OPENERS.items()}
# Half- and full-width parentheses pair with each other here; that they are
# mixed is the half-width rule's business.
_FAMILY = {"(": "（", ")": "）", "[": "【", "]": "】"}
# "1）", "a)" and "一）" at the start of an item are list markers, not closers.
_LIST_MARKER_CLOSER = re.compile(rf"(?:^|[\s。；;：:，,])[0-9A-Za-z{ORDINAL_CHARS}]{{1,2}}$")
_PAIRED_MARKS = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_CLOSERS)) + "]")


class Unpaired(TextKind):
    name = "punctuation.unpaired"
    default_scope = "prose"  # not a table written out as text (a label's bracket closes lines later)
    message_args = frozenset({"match", "expected"})

    def check(self, facts: Facts) -> Iterator[Finding]:
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


def _ends_mid_sentence(text: str, span: Span) -> bool:
    """Whether a span stops in the middle of a sentence: on a character or an
    opening mark rather than on punctuation that ends or closes something."""
    last = text[span.end - 1] if span.end > span.start else ""
    return last.isalnum() or last in _OPENERS
