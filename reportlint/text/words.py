"""Where words meet in a run of Han characters.

Chinese is written without spaces, so a check that asks "is this a word written
twice?" or "does this term start here, or inside a longer word?" needs to know
where words begin and end. "公开开展" holds 开开 only because 公开 meets 开展; in
"稳妥推进财政信息公开" the 政信息公开 belongs to 财政 + 信息公开, not to a
政府信息公开 with a character missing.

The text around the place in question is cut into words as jieba cuts it: the
division whose words are, taken together, the most frequent (a word list with
frequencies from jieba's dictionary, words.txt; its header gives the licence).
A word made of shorter words (门户网站 = 门户 + 网站) also has a boundary between
them, so that "门户网站网站" still shows 网站 written twice.

The word list is read on first use only: most documents never ask.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from itertools import repeat

from .chars import HAN_CHAR

_LONGEST_WORD = 8
# How far around the place in question the text is cut into words: far enough
# that the words there are cut as in the whole sentence.
_REACH = 12


@cache
def _lexicon() -> tuple[dict[str, float], float]:
    """Each word's log frequency, and the log of all the words' frequencies together
    (a word's weight is the difference: the log of its probability)."""
    weights: dict[str, float] = {}
    total = 0.0
    text = resources.files(__package__).joinpath("words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        weight, _, rest = line.partition(" ")
        value = float(weight)
        words = rest.split(" ")
        # Each word goes into the dictionary once (no dictionary per line to copy
        # from): loading the 84,000 words takes half the time.
        weights.update(zip(words, repeat(value)))
        total += math.exp(value) * len(words)
    return weights, math.log(total)


def segment(run: str) -> list[str]:
    """The words of a run of Han characters, the most probable division."""
    weights, log_total = _lexicon()
    size = len(run)
    best: list[tuple[float, int]] = [(0.0, size)] * (size + 1)
    for start in range(size - 1, -1, -1):
        options = []
        for end in range(start + 1, min(size, start + _LONGEST_WORD) + 1):
            weight = weights.get(run[start:end])
            if weight is None and end > start + 1:
                continue
            # A character that no word has counts as a word seen once.
            options.append(((weight or 0.0) - log_total + best[end][0], end))
        best[start] = max(options)
    words, start = [], 0
    while start < size:
        end = best[start][1]
        words.append(run[start:end])
        start = end
    return words


def is_word(text: str) -> bool:
    """Whether ``text`` is one word of the word list: it is cut as itself. Most
    texts asked about are listed as no word at all, and are answered without
    cutting them (a word that is not listed is never cut as itself)."""
    return len(text) > 1 and text in _lexicon()[0] and segment(text) == [text]


def _parts(word: str) -> list[int]:
    """Where a word made of words of two characters or more divides ("门户网站" at
    2), as offsets into it; none for a word that does not divide so."""
    if len(word) < 4:
        return []
    weights, log_total = _lexicon()
    size = len(word)
    # best[start]: (weight, end of the first part) of the best division of word[start:]
    best: list[tuple[float, int] | None] = [None] * (size + 1)
    best[size] = (0.0, size)
    for start in range(size - 2, -1, -1):
        options = [
            (weights[word[start:end]] - log_total + best[end][0], end)
            for end in range(start + 2, min(size, start + _LONGEST_WORD) + 1)
            if best[end] is not None and word[start:end] in weights and (start, end) != (0, size)
        ]
        best[start] = max(options) if options else None
    if best[0] is None:
        return []
    cuts, start = [], 0
    while True:
        start = best[start][1]
        if start == size:
            return cuts
        cuts.append(start)


def boundaries(text: str, start: int, end: int) -> frozenset[int]:
    """The offsets between ``start`` and ``end`` (both included) where words meet
    in ``text``. Any character that is not Han is a boundary on both sides."""
    low = max(0, start - _REACH)
    high = min(len(text), end + _REACH)
    found = set()
    offset = low
    while offset < high:
        if not _is_han(text[offset]):
            found.update((offset, offset + 1))
            offset += 1
            continue
        run_end = offset
        while run_end < high and _is_han(text[run_end]):
            run_end += 1
        position = offset
        found.add(position)
        for word in segment(text[offset:run_end]):
            found.update(position + cut for cut in _parts(word))
            position += len(word)
            found.add(position)
        offset = run_end
    return frozenset(position for position in found if start <= position <= end)


def at_boundaries(text: str, *offsets: int) -> bool:
    """Whether words meet at every one of ``offsets`` in ``text``."""
    found = boundaries(text, min(offsets), max(offsets))
    return all(offset in found for offset in offsets)


def _is_han(char: str) -> bool:
    return HAN_CHAR.match(char) is not None
