"""tables.text_outcome_claim: claims of outcome in the narrative (``claims``,
each ``{pattern, columns}``: "均获维持" excludes 结果纠正, 其他结果 and 尚未审结)
against 表四, in the blocks the sentence names (复议, 诉讼, or both). A claim
about the rest ("其余均获维持", "除1件外…") is not checked: the text has already
excepted some cases."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import REPORTS
from ...tables import NUMBER, SCHEMA_KEYS, StatTable
from ..base import Kind
from ..options import Pattern, Records, Strings, Text

# An outcome claim about the rest ("其余均获维持", "除1件外均已审结") excepts some cases.
_EXCEPT_SOME = re.compile(r"其余|其他|余下|除")
_EXCEPT_REACH = 12


class TextOutcomeClaim(Kind):
    name = "tables.text_outcome_claim"
    reads = REPORTS
    options = {
        "table": Text(required=True, choices=SCHEMA_KEYS),
        "claims": Records({"pattern": Pattern(required=True), "columns": Strings(required=True)}, required=True),
    }
    message_args = frozenset({"text", "table", "row", "column", "value"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        table = facts.tables.get(self.table)
        if table is None:
            return
        text = facts.text
        for paragraph in facts.document.paragraphs():
            for sentence in paragraph.sentences:
                for claim in self.claims:
                    match = claim["pattern"].search(text, sentence.span.start, sentence.span.end)
                    if match is None:
                        continue
                    before = text[sentence.span.start:match.start()]
                    if _EXCEPT_SOME.search(before[-_EXCEPT_REACH:]):
                        continue  # "其中1件尚未审结，其余均获维持"
                    blocks = _blocks_named(before)
                    for row in blocks:
                        found = _contradiction(table, row, claim)
                        if found:
                            column, cell = found
                            yield Finding(Span(*match.span()), {
                                "text": match.group(),
                                "table": self.table,
                                "row": table.schema.row(row).name,
                                "column": column,
                                "value": cell.text.strip(),
                            })
                            break


def _blocks_named(text: str) -> tuple[str, ...]:
    """The 表四 blocks a sentence speaks of: 复议, 诉讼 or both."""
    review, litigation = "复议" in text, "诉讼" in text
    blocks: tuple[str, ...] = ()
    if review or not litigation:
        blocks += ("行政复议",)
    if litigation or not review:
        blocks += ("直接起诉", "复议后起诉")
    return blocks


def _contradiction(table: StatTable, row: str, claim: dict):
    for column in claim["columns"]:
        cell = table.cell(row, column)
        if cell is not None and cell.state == NUMBER and cell.value:
            return column, cell
    return None
