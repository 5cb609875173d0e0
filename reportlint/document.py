"""The document model: what the grammar and parser make of a draft.

Frozen dataclasses only; no Lark type leaks out of reportlint.parser. Every node
has an exact ``span``: character offsets into ``Source.text`` (end exclusive),
which Source.position turns into 1-based lines and columns of the original file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .source import Source


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Title:
    text: str
    span: Span


@dataclass(frozen=True)
class MetaLine:
    """A metadata line: 来源/发布日期/发布机构 …, or a line holding only a date."""

    key: str
    value: str
    span: Span
    value_span: Span


@dataclass(frozen=True)
class Chrome:
    """A piece of a web page around the report that a copy of its text kept: a
    breadcrumb, share buttons, a visitor counter (see reportlint/chrome.py)."""

    text: str
    span: Span


@dataclass(frozen=True)
class Sentence:
    text: str
    span: Span


@dataclass(frozen=True)
class EnumerationItem:
    """One item of an inline enumeration: the 一是 of "一是…二是…"."""

    ordinal: int
    marker: str
    span: Span


@dataclass(frozen=True)
class Paragraph:
    text: str
    span: Span
    sentences: tuple[Sentence, ...]
    enumeration: tuple[EnumerationItem, ...]


@dataclass(frozen=True)
class Cell:
    text: str
    span: Span


@dataclass(frozen=True)
class TableRow:
    cells: tuple[Cell, ...]
    span: Span
    separator: bool = False  # a Markdown "|---|---|" line


@dataclass(frozen=True)
class Table:
    rows: tuple[TableRow, ...]
    span: Span


Block = Paragraph | Table


@dataclass(frozen=True)
class Marker:
    """A numbering marker such as 一、 (一) （一） 1. 1、 (1).

    ``level`` is 1 for 一、, 2 for (一), 3 for 1., 4 for (1). ``style`` tells the
    written variants of one level apart ("（一）" and "(一)" are both level 2).
    """

    text: str
    level: int
    ordinal: int
    style: str
    span: Span


@dataclass(frozen=True)
class Heading:
    marker: Marker
    text: str
    span: Span  # the marker and the heading text


@dataclass(frozen=True)
class Section:
    heading: Heading
    blocks: tuple[Block, ...]
    subsections: tuple[Section, ...]
    span: Span  # from the heading to the end of its last descendant

    @property
    def level(self) -> int:
        return self.heading.marker.level


@dataclass(frozen=True)
class Document:
    """``margins``: the paragraphs printed beside the body (a Word document's
    headers, footers and notes), outside the outline; the wording checks read them."""

    source: Source
    title: Title | None
    metadata: tuple[MetaLine, ...]
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]
    margins: tuple[Paragraph, ...] = ()
    chrome: tuple[Chrome, ...] = ()
    # Statistics tables written out as text (see reportlint/table_regions.py).
    table_regions: tuple[Span, ...] = ()

    @property
    def text(self) -> str:
        return self.source.text

    def walk_sections(self) -> Iterator[Section]:
        """Every section, in document order (pre-order)."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.subsections))

    def headings(self) -> Iterator[Heading]:
        for section in self.walk_sections():
            yield section.heading

    def blocks(self) -> Iterator[Block]:
        """Every paragraph and table, in document order."""
        yield from self.preamble
        for section in self.walk_sections():
            yield from section.blocks

    def paragraphs(self) -> Iterator[Paragraph]:
        for block in self.blocks():
            if isinstance(block, Paragraph):
                yield block

    def front_paragraphs(self) -> list[Paragraph]:
        """The paragraphs of the preamble, or for drafts without one, the first
        paragraph of the body: where a report names itself and its parts."""
        paragraphs = [block for block in self.preamble if isinstance(block, Paragraph)]
        return paragraphs or list(self.paragraphs())[:1]

    def tables(self) -> Iterator[Table]:
        for block in self.blocks():
            if isinstance(block, Table):
                yield block
