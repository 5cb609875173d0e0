"""Whether a string of Han characters is a word of the language.

The word list (words.txt beside this module, derived from jieba's dictionary:
see WORDS-LICENSE.txt) holds 337,000 words of two to eight characters, one a line,
sorted by their UTF-8 bytes. It is read on first use and searched by bisection
in its bytes, so a lookup costs microseconds and nothing is built in memory.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.resources import files


@cache
def _words() -> bytes:
    return files(__package__).joinpath("words.txt").read_bytes()


@lru_cache(maxsize=65536)
def is_word(text: str) -> bool:
    """Whether ``text`` is in the word list (two to eight Han characters)."""
    if not 2 <= len(text) <= 8:
        return False
    data, key = _words(), text.encode("utf-8")
    low, high = 0, len(data)
    while low < high:  # the first line that is not less than key starts in [low, high]
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        end = data.index(b"\n", start)
        if data[start:end] < key:
            low = end + 1
        else:
            high = start
    return data.startswith(key + b"\n", low)
