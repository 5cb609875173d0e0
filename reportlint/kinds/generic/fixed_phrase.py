"""fixed_phrase: a fixed phrase or idiom written with one character wrong
("进一部" for 进一步, "迫在眉捷" for 迫在眉睫, "图标图解" for 图表图解).

Every phrase of the rule's list is matched at one character's distance — the
same length, one Han character different — in one pass over the text: of two
disjoint pairs of characters of a phrase, a copy with one character wrong keeps
one, so the text's character pairs are looked up in an index of the phrases'
rarest pairs, and only the places they point to are compared with the phrase. A
list of hundreds of phrases costs one lookup per character. (A phrase of three
written with its middle character wrong keeps no pair and is not found.)

What is written is reported only when no phrase of the list is written
correctly across it (放管结合 holds 放管结); when it is not the phrase's own
words beside another (常态下 for 常态化, 局申请公开 for 依申请公开); when it is no
word itself; and when words begin and end where it does in the text around it
(reportlint.text.words: "推进一些" holds 进一些 but is cut 推进 | 一些).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count
from operator import add, ne

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...text.chars import HAN, HAN_CHAR
from ...text.words import at_boundaries, is_word
from ..base import TextKind, excepted_span
from ..options import InvalidValue, Option, Patterns, string_list

_HAN_ONLY = re.compile(f"[{HAN}]{{3,20}}")


class Phrases(Option):
    """The fixed phrases: three to twenty Han characters each."""

    type_name = "固定说法列表"

    def parse(self, value, parsed):
        phrases = string_list(value)
        for phrase in phrases:
            if not _HAN_ONLY.fullmatch(phrase):
                raise InvalidValue(f"“{phrase}”：固定说法应为3到20个汉字")
        return tuple(dict.fromkeys(phrases))


class FixedPhrase(TextKind):
    name = "fixed_phrase"
    options = {
        "phrases": Phrases(required=True),
        "exceptions": Patterns(),
    }
    message_args = frozenset({"match", "suggestion"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.listed = frozenset(self.phrases)
        self.lengths = frozenset(len(phrase) for phrase in self.phrases)

    @cached_property
    def anchored(self) -> dict[str, list[tuple[str, int]]]:
        """A pair of characters → the phrases it anchors, and where it starts in
        each (built on first use: choosing anchors reads the word list)."""
        anchored: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for phrase in self.phrases:
            for pair, offset in _anchors(phrase):
                anchored[pair].append((phrase, offset))
        return anchored

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for span, start, phrase, index in self._near_misses(facts):
            end = start + len(phrase)
            written = text[start:end]
            if (_beside_own_word(phrase, index) or written in self.listed
                    or self._overlaps_listed(text, span, start, end)
                    or excepted_span(text, start, end, span, self.exceptions)
                    or is_word(written) or not at_boundaries(text, start, end)):
                continue
            yield Finding(Span(start, end), {"match": written, "suggestion": phrase})

    def _near_misses(self, facts: Facts) -> Iterator[tuple[Span, int, str, int]]:
        """Where a phrase is written with exactly one Han character different:
        (the span of text it is in, start, phrase, index of the character).

        The scope's text, its spans joined by newlines, is paired character by
        character and looked up in the anchors by ``map`` and ``compress``, so that
        only the places an anchor points to reach Python code."""
        spans = facts.spans(self.scope)
        text = facts.text
        joined = "\n".join(text[span.start:span.end] for span in spans)
        starts = list(accumulate((span.end - span.start + 1 for span in spans[:-1]), initial=0))
        anchored = self.anchored
        found = set()
        for position in compress(count(), map(anchored.__contains__, map(add, joined, joined[1:]))):
            found.update((position - offset, phrase) for phrase, offset in anchored[joined[position:position + 2]])
        for start, phrase in sorted(found):
            if start < 0 or joined.startswith(phrase, start):
                continue
            index = _only_difference(joined, start, phrase)
            if index is not None:
                span_index = bisect_right(starts, start) - 1
                span = spans[span_index]
                yield span, span.start + start - starts[span_index], phrase, index

    def _overlaps_listed(self, text: str, within: Span, start: int, end: int) -> bool:
        """Whether a phrase of the list is written correctly across the match: 放管结
        in 放管结合 is no 放管服 miswritten."""
        return any(text[first:first + length] in self.listed
                   for length in self.lengths
                   for first in range(max(within.start, start - length + 1), min(end, within.end - length + 1)))


def _anchors(phrase: str) -> list[tuple[str, int]]:
    """Pairs of characters of ``phrase`` of which a copy with one character wrong
    that may be reported keeps one intact, as (pair, where it starts in the
    phrase). Of a longer phrase, two disjoint pairs, the rarest — pairs that are
    no word of their own, such as 依申 and 请公 of 依申请公开 rather than 公开. Of a
    phrase of three, its first pair and its last, each only when the character it
    leaves out may be reported (信息化 written 信息公 is 信息 | 公: no anchor 信息);
    its middle character keeps neither, and is not looked for."""
    if len(phrase) == 3:
        return [(pair, offset) for pair, offset, index in ((phrase[:2], 0, 2), (phrase[1:], 1, 0))
                if not _beside_own_word(phrase, index)]
    pairs = range(len(phrase) - 1)
    first, second = min(((i, j) for i in pairs for j in pairs if j >= i + 2),
                        key=lambda ij: (is_word(phrase[ij[0]:ij[0] + 2]) + is_word(phrase[ij[1]:ij[1] + 2]), ij))
    return [(phrase[first:first + 2], first), (phrase[second:second + 2], second)]


def _only_difference(text: str, start: int, phrase: str) -> int | None:
    """The index of the one character where ``text`` at ``start`` differs from
    ``phrase``, when there is exactly one and it is a Han character."""
    window = text[start:start + len(phrase)]
    if len(window) < len(phrase) or sum(map(ne, window, phrase)) != 1:
        return None
    index = next(index for index, (written, char) in enumerate(zip(window, phrase)) if written != char)
    return index if HAN_CHAR.match(window, index) else None


@lru_cache(maxsize=4096)
def _beside_own_word(phrase: str, index: int) -> bool:
    """Whether the character changed is at an end of the phrase and the rest of it
    is words: 常态下 is 常态 followed by 下, not 常态化 miswritten; 局申请公开 is
    局 followed by 申请 | 公开. (A word and a character are not enough: 一丝不拘.)"""
    rest = phrase[1:] if index == 0 else phrase[:-1] if index == len(phrase) - 1 else ""
    return bool(rest) and _reads_as_words(rest)


def _reads_as_words(text: str) -> bool:
    """Whether ``text`` splits into words of two characters or more of the word list."""
    return not text or any(is_word(text[:length]) and _reads_as_words(text[length:])
                           for length in range(min(len(text), 8), 1, -1))
