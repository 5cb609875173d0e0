"""structure.enumeration_sequence: within a section, 一是, 二是, 三是 … without
gaps or repeats."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...diagnostic import Finding
from ...document import Block, Paragraph, Section
from ...facts import Facts
from ...genre import REPORTS
from ...text.numerals import chinese_ordinal
from ..base import Kind


class EnumerationSequence(Kind):
    name = "structure.enumeration_sequence"
    reads = REPORTS
    message_args = frozenset({"marker", "expected", "problem"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        document = facts.document
        return self._enumerations(document.preamble, document.walk_sections())

    def _enumerations(self, preamble: tuple[Block, ...], sections: Iterable[Section]) -> Iterator[Finding]:
        for blocks in [preamble, *(section.blocks for section in sections)]:
            expected = 1
            for block in blocks:
                if not isinstance(block, Paragraph):
                    continue
                for item in block.enumeration:
                    if item.ordinal == 1:
                        expected = 2
                        continue
                    if item.ordinal != expected:
                        if expected == 1:
                            problem = "前面没有“一是”"
                        elif item.ordinal > expected:
                            problem = "跳号"
                        else:
                            problem = "重复"
                        yield Finding(item.span, {
                            "marker": item.marker,
                            "expected": chinese_ordinal(expected) + "是",
                            "problem": problem,
                        })
                    expected = item.ordinal + 1
