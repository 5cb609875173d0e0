"""Build reportlint/text/words.txt, the word list that tells where words meet,
from the dictionary of jieba (MIT licence; its dict.txt, "word frequency tag"
per line).

    pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz
    python tools/build_word_list.py jieba-0.42.1/jieba/dict.txt

Kept: single Han characters, and words of two to eight Han characters that occur
at least MIN_FREQUENCY times (rarer entries are mostly names and set phrases that
never decide a boundary in these reports). Words are grouped by their frequency
rounded to a tenth of its natural logarithm, one group a line ("8.3 工作 发展 …"),
so that the list loads in a few milliseconds.
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from pathlib import Path

MIN_FREQUENCY = 20
OUTPUT = Path(__file__).resolve().parent.parent / "reportlint" / "text" / "words.txt"
HAN_WORD = re.compile(r"[\u3400-\u9fff]{1,8}")
HEADER = """\
# Words of Chinese and how often they occur: "log(frequency) word word …" a line.
# Built by tools/build_word_list.py from the dictionary (dict.txt) of jieba 0.42.1,
# https://github.com/fxsjy/jieba, used under its licence:
#
# The MIT License (MIT)
#
# Copyright (c) 2013 Sun Junyi
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main(dictionary: str) -> None:
    groups: dict[float, list[str]] = defaultdict(list)
    with open(dictionary, encoding="utf-8") as lines:
        for line in lines:
            word, frequency = line.split()[:2]
            count = int(frequency)
            if HAN_WORD.fullmatch(word) and (len(word) == 1 or count >= MIN_FREQUENCY):
                groups[round(math.log(count), 1)].append(word)
    body = "".join(f"{weight} {' '.join(sorted(words))}\n" for weight, words in sorted(groups.items(), reverse=True))
    OUTPUT.write_text(HEADER + body, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
