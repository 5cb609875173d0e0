"""Table regions: stretches of text that are a statistics table written out as
text rather than laid out as one.

A web page flattened into one paragraph runs a table's labels and figures
together ("第二十条第（一）项信息内容本年制发件数…规章000"); a PDF extracted by
another tool puts each cell on a line of its own, splits labels ("（三）不予\n公开")
and stacks header cells ("结果\n维持\n结果\n纠正"). Such text is no prose: its row
labels are no headings, its repeated header words no doubled words, and a bracket
of a label closed three lines later no unpaired bracket. The parser marks these
regions (``Document.table_regions``) while it reads the lines; ``Facts`` leaves
them out of the prose that prose checks read (scope ``prose``), and the table
reader still reads their figures.

A region opens at words that only a table's header holds — the 第二十条 block
names of 表二, 表三's note on its identity, 表三's applicant columns, 表四's
result columns, the 统计表's column heads — and closes at the next section
heading of the first level or the next full sentence (tables have none).
"""

from __future__ import annotations

import re

from lark import Token

from .document import Span
from .headings import SENTENCE_END

_ANCHOR = re.compile(
    r"第二十条第[（(][一五六八九][）)]项"
    r"|[（(]?本[列行]数据的?[勾钩]稽关系"
    r"|申请人情况\s*自然人"
    r"|信息内容\s*(?:本年|上一年|采购)"
    r"|(?:行政复议\s*行政诉讼\s*)?结果\s*维持\s*结果\s*纠正"
    r"|指标名称\s*计量\s*单位"
)
# How far past a fragment's end its anchor may reach (the anchor spans tokens:
# "第二十条第" "（一）" "项").
_REACH = 24


class TableRegions:
    """The regions found so far, and the one open while the parser reads on."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start: int | None = None
        self.regions: list[Span] = []

    @property
    def open(self) -> bool:
        return self.start is not None

    def see(self, token: Token) -> None:
        """Open a region at a table's header words, close it at a sentence."""
        if token.type != "FRAGMENT":
            return
        if self.start is None:
            anchor = _ANCHOR.search(self.text, token.start_pos, token.end_pos + _REACH)
            if anchor is not None and anchor.start() < token.end_pos:
                self.start = anchor.start()
        elif SENTENCE_END.search(token):
            self.close(token.start_pos)

    def close(self, at: int) -> None:
        if self.start is not None and at > self.start:
            self.regions.append(Span(self.start, self._trimmed(at)))
        self.start = None

    def _trimmed(self, at: int) -> int:
        while at > 0 and self.text[at - 1].isspace():
            at -= 1
        return at
