"""structure.enumeration_sequence: 一是, 二是, 三是 … without gaps or repeats.

Lists nest and run on the way reports write them: an item of an outer list may
hold a list of its own (一是…（一是…二是…）…二是…), and its numbered points
(1. 2. 3.) may open subsections of the outline before the outer list goes on;
a new list may start again from 一是. So each 一是 opens a list, an item goes to
the innermost open list it continues (closing the lists inside that one), and
the lists of a section stay open in its subsections but close when the section
does. An item that continues none is reported once: the list then accepts both
what it expected next and what follows the item reported, so 一是、三是、三是 is
one finding, not two.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...diagnostic import Finding
from ...document import Block, EnumerationItem, Paragraph, Section
from ...facts import Facts
from ...genre import REPORTS
from ...text.numerals import chinese_ordinal
from ..base import Kind


@dataclass
class _List:
    owner: object  # the section (or the preamble) the list was opened in
    expected: int  # the ordinal of its next item
    also: int | None = None  # after an item was reported: the ordinal after that one

    def continues(self, ordinal: int) -> bool:
        return ordinal in (self.expected, self.also)


class EnumerationSequence(Kind):
    name = "structure.enumeration_sequence"
    reads = REPORTS
    message_args = frozenset({"marker", "expected", "problem"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        document = facts.document
        yield from _Lists().blocks(document.preamble, document.preamble, ())
        for section in document.sections:
            yield from _Lists().section(section, ())


class _Lists:
    """The lists open while a top-level section (or the preamble) is read, innermost last."""

    def __init__(self) -> None:
        self.open: list[_List] = []

    def section(self, section: Section, ancestors: tuple[Section, ...]) -> Iterator[Finding]:
        yield from self.blocks(section.blocks, section, ancestors)
        for subsection in section.subsections:
            yield from self.section(subsection, (*ancestors, section))

    def blocks(self, blocks: tuple[Block, ...], owner: object, ancestors: tuple[Section, ...]) -> Iterator[Finding]:
        # The lists of sections this one is not inside are closed.
        self.open = [each for each in self.open if each.owner is owner or any(each.owner is a for a in ancestors)]
        for block in blocks:
            if isinstance(block, Paragraph):
                for item in block.enumeration:
                    yield from self.item(item, owner)

    def item(self, item: EnumerationItem, owner: object) -> Iterator[Finding]:
        ordinal = item.ordinal
        if ordinal == 1:
            self.open.append(_List(owner, 2))
            return
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth].continues(ordinal):
                del self.open[depth + 1:]
                self.open[depth].expected, self.open[depth].also = ordinal + 1, None
                return
        innermost = self.open[-1] if self.open and self.open[-1].owner is owner else None
        if innermost is None:
            yield _finding(item, 1, "前面没有“一是”")
            self.open.append(_List(owner, ordinal + 1))
            return
        expected = innermost.expected
        yield _finding(item, expected, "跳号" if ordinal > expected else "重复")
        innermost.expected, innermost.also = expected + 1, ordinal + 1


def _finding(item: EnumerationItem, expected: int, problem: str) -> Finding:
    return Finding(item.span, {"marker": item.marker, "expected": chinese_ordinal(expected) + "是", "problem": problem})
