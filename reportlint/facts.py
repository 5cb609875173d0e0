"""What the checks see: the document, its profile, and derived views of it.

Computed once per document and shared by every rule; views are built on first
use, so a run that selects only wording rules never builds structural ones.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from .breakdowns import Breakdown, find_breakdowns
from .document import Document, Span
from .genre import GenreReading, read_genre
from .numbers import Numbers, read_numbers
from .patterns import ScopeText
from .profile import Profile, infer_profile
from .source import Source
from .tables import Tables, read_tables

# "prose" is the title, headings and paragraphs without the statistics tables
# written out as text in them (reportlint/table_regions.py): what prose checks read.
SCOPES = ("text", "prose", "title", "headings", "paragraphs", "tables", "all")
# Metadata lines that belong to the document itself, not to the web page around
# it: the issuing body under the title and a date on a line of its own. The
# scope "all" adds them to "text" (a "二○一三年一月" or an "XX局" there is a defect).
_SIGNATURE_KEYS = frozenset({"署名", "日期"})


class Facts:
    """``previous`` holds the facts of last year's report when one is given
    (``--previous``), for the checks that compare the two."""

    def __init__(self, document: Document, profile: Profile | None = None, previous: Facts | None = None) -> None:
        self.document = document
        self.profile = profile if profile is not None else infer_profile(document)
        self.previous = previous
        self._scope_texts: dict[str, ScopeText] = {}

    @property
    def source(self) -> Source:
        return self.document.source

    @property
    def text(self) -> str:
        return self.document.source.text

    @cached_property
    def genre(self) -> GenreReading:
        """What the document is: a report, an excerpt of one, or another document (see reportlint.genre)."""
        return read_genre(self.document)

    @cached_property
    def tables(self) -> Tables:
        """The statistics tables, read into the schema of the edition (see reportlint.tables)."""
        return read_tables(self.document, self.profile)

    @cached_property
    def numbers(self) -> Numbers:
        """Every figure, date and period of the narrative (see reportlint.numbers)."""
        return read_numbers(self.document)

    @cached_property
    def breakdowns(self) -> tuple[Breakdown, ...]:
        """Totals and the figures that break them down (see reportlint.breakdowns)."""
        return find_breakdowns(self.document, self.numbers)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Every sentence of every paragraph, in document order."""
        return tuple(sentence.span for paragraph in self.document.paragraphs() for sentence in paragraph.sentences)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [span.start for span in self.sentences]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence of a paragraph that holds ``offset``, if any."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def spans(self, scope: str) -> tuple[Span, ...]:
        """The spans of text a scope covers, in document order."""
        return self._scopes[scope]

    def scope_text(self, scope: str) -> ScopeText:
        """The text of a scope's spans, ready for rule patterns to scan in one call
        (built once per scope and document)."""
        if scope not in self._scope_texts:
            self._scope_texts[scope] = ScopeText(self.text, [span for span in self.spans(scope) if span.end > span.start])
        return self._scope_texts[scope]

    @cached_property
    def _scopes(self) -> dict[str, tuple[Span, ...]]:
        document = self.document
        title = (document.title.span,) if document.title else ()
        headings = tuple(heading.span for heading in document.headings())
        paragraphs = tuple(paragraph.span for paragraph in document.paragraphs())
        tables = tuple(
            cell.span for table in document.tables() for row in table.rows if not row.separator for cell in row.cells
        )
        margins = tuple(paragraph.span for paragraph in document.margins)
        text = tuple(sorted(title + headings + paragraphs + tables + margins, key=lambda span: span.start))
        signature = tuple(meta.value_span for meta in document.metadata if meta.key in _SIGNATURE_KEYS)
        everything = tuple(sorted(text + signature, key=lambda span: span.start))
        prose = _without(tuple(sorted(title + headings + paragraphs + margins, key=lambda span: span.start)),
                         document.table_regions)
        return {"text": text, "prose": prose, "title": title, "headings": headings, "paragraphs": paragraphs,
                "tables": tables, "all": everything}


def _without(spans: tuple[Span, ...], holes: tuple[Span, ...]) -> tuple[Span, ...]:
    """The parts of ``spans`` outside every one of ``holes`` (both in document order)."""
    if not holes:
        return spans
    kept = []
    first = 0  # holes wholly before the current span
    for span in spans:
        while first < len(holes) and holes[first].end <= span.start:
            first += 1
        start = span.start
        for hole in holes[first:]:
            if hole.start >= span.end:
                break
            if hole.start > start:
                kept.append(Span(start, hole.start))
            start = max(start, hole.end)
        if start < span.end:
            kept.append(Span(start, span.end))
    return tuple(kept)
