"""From text to Document: the Lark grammar reads lines and segments, Python builds
the outline.

The grammar (grammar/report.lark) only types lines (title, metadata, table row,
text) and cuts text lines into numbering markers and text fragments. This module
decides which markers start headings, where a heading's text ends, how fragments
join into sentences and paragraphs, and how sections nest — the decisions that
need context a grammar does not have ("一、二级单位" is no heading; in a flattened
web page "…办理0000000四、政府信息公开行政复议…" starts section 四, while
"…数量640020470二、上年结转…" is a statistics-table row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from .document import (
    Block,
    Cell,
    Document,
    EnumerationItem,
    Heading,
    Marker,
    MetaLine,
    Paragraph,
    Section,
    Sentence,
    Span,
    Table,
    TableRow,
    Title,
)
from .source import Source
from .tables import table_label_pattern
from .text import chars
from .text.numerals import chinese_numeral_value, chinese_ordinal

# Text of statistics-table rows that start with a numbering marker. In flattened
# web pages these look like headings ("二、上年结转政府信息公开申请数量"); they are
# table labels, never section headings.
_TABLE_LABELS = table_label_pattern()
_SENTENCE_END = re.compile(r"[。！？!?][”’」』》〉）)\]]*$")
_COLON_END = re.compile(r"[：:]$")
_TITLE_TRAILER = re.compile(r"[。！？!?：:；;，,]+$")
_YEAR = re.compile(r"[0-9]{4}年")
_COMMA = re.compile(r"[，,]")
# Longer than this, the text after a mid-line marker is a heading run into its
# first sentence, not a heading.
_LONG_HEADING = 30
_ENUMERATION = re.compile(rf"([{chars.ORDINAL_CHARS}]{{1,3}})是")
_ENUMERATION_BOUNDARY = frozenset("。；;，,：:！？!? \t\u3000")
_SEPARATOR_CELL = re.compile(r":?-{3,}:?")
# Cells of a row aligned with spaces (a table typed or pasted as plain text) are
# separated by two or more spaces; a sentence or a long run of text is no cell.
_ALIGNED_GAP = re.compile(r"[ \t\u3000]{2,}")
_LONGEST_ALIGNED_CELL = 60


class ParseError(Exception):
    """The grammar could not read the text (a bug: every text should parse)."""


class _Line(NamedTuple):
    kind: str  # "title", "table", "meta", "text"
    tokens: tuple[Token, ...]


class _LineTransformer(Transformer):
    """Turns each line of the parse into a _Line, inline while parsing."""

    def start(self, lines):
        return lines

    def titled_line(self, tokens):
        return _Line("title", tuple(tokens))

    def table_row(self, tokens):
        return _Line("table", tuple(tokens))

    def meta_line(self, tokens):
        return _Line("meta", tuple(tokens))

    def date_line(self, tokens):
        return _Line("meta", tuple(tokens))

    def text_line(self, tokens):
        return _Line("text", tuple(tokens))


# The grammar's placeholders ({{HAN}} …) and the shared text vocabulary that fills them.
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_VOCABULARY = {
    "HAN": chars.HAN,
    "DIGITS": chars.DIGITS,
    "ORDINAL_CHARS": chars.ORDINAL_CHARS,
    "HEADING_MARKER": chars.HEADING_MARKER,
}


def _filled(grammar: str) -> str:
    """The grammar with its placeholders filled (a KeyError names an unknown one)."""
    return _PLACEHOLDER.sub(lambda match: _VOCABULARY[match[1]], grammar)


@lru_cache(maxsize=1)
def _lark() -> Lark:
    grammar = resources.files("reportlint.grammar").joinpath("report.lark").read_text(encoding="utf-8")
    return Lark(
        _filled(grammar),
        parser="lalr",
        lexer="contextual",
        transformer=_LineTransformer(),
        maybe_placeholders=False,
        # Analysing the grammar takes ~50 ms, loading the analysis ~1 ms: Lark
        # keeps it in a temporary file named by a hash of the grammar, its
        # options and the Python version, and rebuilds when it cannot read it.
        cache=True,
    )


def parse(source: Source) -> Document:
    """Parse a Source into a Document: the body into the outline, each line of
    the margin (headers, footers, notes) into a paragraph of its own."""
    body_end = len(source.text) if source.margin_start is None else source.margin_start
    try:
        lines = _lark().parse(source.text[:body_end])
    except LarkError as error:  # pragma: no cover - the grammar accepts any text
        raise ParseError(f"{source.path}: 无法解析：{error}") from None
    document = _Builder(source).build(lines)
    return replace(document, margins=tuple(_margin_paragraphs(source.text, body_end)))


def _margin_paragraphs(text: str, start: int) -> list[Paragraph]:
    paragraphs = []
    for line in re.finditer(r"[^\n]+", text[start:]):
        value = line.group().strip()
        if value:
            at = start + line.start() + len(line.group()) - len(line.group().lstrip())
            span = Span(at, at + len(value))
            paragraphs.append(Paragraph(value, span, (Sentence(value, span),), ()))
    return paragraphs


@dataclass
class _OpenSection:
    heading: Heading
    blocks: list[Block]
    subsections: list[Section]

    def close(self, end: int) -> Section:
        return Section(self.heading, tuple(self.blocks), tuple(self.subsections), Span(self.heading.span.start, end))


class _Builder:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = source.text
        self.title: Title | None = None
        self.metadata: list[MetaLine] = []
        self.preamble: list[Block] = []
        self.sections: list[Section] = []
        self.stack: list[_OpenSection] = []
        self.table_rows: list[TableRow] = []
        self.last_end = 0

    # -- the outline -----------------------------------------------------------

    def build(self, lines: list[_Line]) -> Document:
        aligned = self._aligned_rows(lines)
        for index, line in enumerate(lines):
            if line.kind == "table":
                self.table_rows.append(self._table_row(line.tokens[0]))
                continue
            if index in aligned:
                self.table_rows.append(aligned[index])
                continue
            self._flush_table()
            if line.kind == "title":
                token = line.tokens[0]
                self.title = Title(token.strip().lstrip("#").strip(), self._stripped_span(token))
                self._text_line(line.tokens[1:])
            elif line.kind == "meta":
                self.metadata.append(self._meta_line(line.tokens))
            elif self._is_signature(line.tokens):
                token = line.tokens[0]
                span = self._stripped_span(token)
                self.metadata.append(MetaLine("署名", str(token), span, span))
            else:
                self._text_line(line.tokens)
        self._flush_table()
        while self.stack:
            self._close_innermost()
        return Document(self.source, self.title, tuple(self.metadata), tuple(self.preamble), tuple(self.sections))

    def _add_block(self, block: Block) -> None:
        (self.stack[-1].blocks if self.stack else self.preamble).append(block)
        self.last_end = block.span.end

    def _open_section(self, heading: Heading) -> None:
        level = heading.marker.level
        while self.stack and self.stack[-1].heading.marker.level >= level:
            self._close_innermost()
        self.stack.append(_OpenSection(heading, [], []))
        self.last_end = heading.span.end

    def _close_innermost(self) -> None:
        section = self.stack.pop().close(max(self.last_end, 0))
        (self.stack[-1].subsections if self.stack else self.sections).append(section)

    def _is_signature(self, tokens: tuple[Token, ...]) -> bool:
        """A short unpunctuated line right under the title: the issuing body."""
        if self.title is None or self.preamble or self.stack or len(tokens) != 1:
            return False
        token = tokens[0]
        return token.type == "FRAGMENT" and len(token) <= 40 and not re.search(r"[。，,；;：:、]", token)

    # -- lines -----------------------------------------------------------------

    def _stripped_span(self, token: Token) -> Span:
        value = str(token)
        start = token.start_pos + (len(value) - len(value.lstrip()))
        return Span(start, token.start_pos + len(value.rstrip()))

    def _meta_line(self, tokens: tuple[Token, ...]) -> MetaLine:
        first = tokens[0]
        if first.type == "DATE_LINE":
            span = self._stripped_span(first)
            return MetaLine("日期", self.text[span.start:span.end], span, span)
        key = first.strip().rstrip(":：").strip()
        if len(tokens) > 1:
            value_span = self._stripped_span(tokens[1])
        else:
            value_span = Span(first.end_pos, first.end_pos)
        key_span = self._stripped_span(first)
        return MetaLine(key, self.text[value_span.start:value_span.end], Span(key_span.start, value_span.end), value_span)

    def _table_row(self, token: Token) -> TableRow:
        value = str(token)
        start = token.start_pos
        separator = "|" if "|" in value else "\t"
        pieces = value.split(separator)
        if separator == "|" and value.strip().startswith("|"):
            pieces_start = value.index("|") + 1
            pieces = value[pieces_start:].split("|")
            start += pieces_start
            if value.rstrip().endswith("|"):
                pieces = pieces[:-1]
        cells = []
        offset = start
        for piece in pieces:
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                cells.append(Cell(stripped, Span(offset + lead, offset + lead + len(stripped))))
            else:  # an empty cell is the space between its separators
                cells.append(Cell("", Span(offset, offset + len(piece))))
            offset += len(piece) + 1
        is_separator = bool(cells) and all(_SEPARATOR_CELL.fullmatch(cell.text) for cell in cells)
        return TableRow(tuple(cells), self._stripped_span(token), is_separator)

    def _aligned_rows(self, lines: list[_Line]) -> dict[int, TableRow]:
        """Rows of tables aligned with spaces, by line index: runs of at least two
        consecutive text lines of two or more cells, with a figure after the
        first cell somewhere in the run."""
        rows: dict[int, TableRow] = {}
        run: dict[int, TableRow] = {}
        for index, line in enumerate([*lines, _Line("text", ())]):
            row = self._aligned_row(line) if line.kind == "text" else None
            if row is not None:
                run[index] = row
                continue
            has_figure = any(char.isdigit() for candidate in run.values() for cell in candidate.cells[1:] for char in cell.text)
            if len(run) >= 2 and has_figure:
                rows.update(run)
            run = {}
        return rows

    def _aligned_row(self, line: _Line) -> TableRow | None:
        tokens = line.tokens
        if not tokens or tokens[0].type == "HASHES":
            return None
        start, end = tokens[0].start_pos, tokens[-1].end_pos
        text = self.text[start:end]
        if "。" in text:
            return None
        cells = []
        offset = 0
        for gap in [*_ALIGNED_GAP.finditer(text), None]:
            cell_end = gap.start() if gap else len(text)
            cells.append(Cell(text[offset:cell_end], Span(start + offset, start + cell_end)))
            offset = gap.end() if gap else offset
        if len(cells) < 2 or any(len(cell.text) > _LONGEST_ALIGNED_CELL for cell in cells):
            return None
        return TableRow(tuple(cells), Span(start, end))

    def _flush_table(self) -> None:
        if self.table_rows:
            rows = tuple(self.table_rows)
            self._add_block(Table(rows, Span(rows[0].span.start, rows[-1].span.end)))
            self.table_rows = []

    def _text_line(self, tokens: tuple[Token, ...]) -> None:
        """Cut a line into headings and paragraphs."""
        pending: list[Token] = []  # fragments of the current paragraph
        previous: Token | None = None  # the token before the current one on this line
        after_heading = False
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "HASHES":
                index += 1
                continue
            if token.type == "MARKER":
                at_line_start = previous is None
                title_tokens = self._title_tokens(tokens, index + 1)
                if self._is_heading(token, title_tokens, previous, at_line_start, after_heading):
                    self._flush_paragraph(pending)
                    pending = []
                    heading, rest = self._heading(token, title_tokens, at_line_start)
                    self._open_section(heading)
                    pending.extend(rest)
                    index += 1 + len(title_tokens)
                    previous = title_tokens[-1] if title_tokens else token
                    after_heading = not rest
                    continue
            pending.append(token)
            previous = token
            after_heading = False
            index += 1
        self._flush_paragraph(pending)

    # -- headings --------------------------------------------------------------

    def _title_tokens(self, tokens: tuple[Token, ...], index: int) -> list[Token]:
        """The fragments after a marker that make up its heading text: adjacent
        ones, up to the first that ends a sentence or a colon."""
        title: list[Token] = []
        while index < len(tokens) and tokens[index].type == "FRAGMENT":
            token = tokens[index]
            if title and token.start_pos != title[-1].end_pos:
                break  # a space ends the heading text ("一、 概述 推进…")
            title.append(token)
            if _SENTENCE_END.search(token):
                break
            if _COLON_END.search(token) and _balanced("".join(title)):
                break  # but not inside "（本列数据的勾稽关系为：…）"
            index += 1
        return title

    def _is_heading(
        self,
        marker: Token,
        title_tokens: list[Token],
        previous: Token | None,
        at_line_start: bool,
        after_heading: bool,
    ) -> bool:
        level, ordinal, _ = _marker_shape(marker)
        title = "".join(title_tokens)
        if level in (1, 2) and 0 < ordinal < 10 and title[:1] == chinese_ordinal(ordinal + 1):
            return False  # "一、二级单位"
        if title[:1] in ("项", "条", "款", "目"):
            return False  # "第二十条第（一）项"
        if _TABLE_LABELS.match(title):
            return False
        if at_line_start or after_heading:
            return True
        previous_text = str(previous)
        if _SENTENCE_END.search(previous_text):
            return True
        if level <= 2 and (_COLON_END.search(previous_text) or previous.end_pos < marker.start_pos):
            return True  # "…如下:（一）加强…", "…公安局等 （三）主动公开…"
        # A flattened web page glues section headings to what precedes them:
        # "…@163.com一、概述", "…继续办理0000000四、政府信息…".
        return level == 1 and previous.type == "FRAGMENT" and previous_text[-1:].isascii()

    def _heading(self, marker_token: Token, title_tokens: list[Token], at_line_start: bool) -> tuple[Heading, list[Token]]:
        level, ordinal, style = _marker_shape(marker_token)
        marker_span = Span(marker_token.start_pos, marker_token.end_pos)
        marker = Marker(str(marker_token), level, ordinal, style, marker_span)
        if not title_tokens:
            return Heading(marker, "", marker_span), []
        start, end = title_tokens[0].start_pos, title_tokens[-1].end_pos
        rest: list[Token] = []
        if not at_line_start:
            # In a flattened page the heading runs into its first sentence. That
            # sentence usually starts with the year ("一、概述2017年，在…"); failing
            # that, a long heading text is cut at its first comma.
            cut = _YEAR.search(self.text, start + 2, end)
            if cut is None and end - start > _LONG_HEADING:
                cut = next(
                    (comma for comma in _COMMA.finditer(self.text, start, end)
                     if _balanced(self.text[start:comma.start()])),
                    None,
                )
            if cut:
                rest = [_fragment(self.text, cut.start(), end)]
                end = cut.start()
        text = self.text[start:end]
        text = _TITLE_TRAILER.sub("", text)
        return Heading(marker, text, Span(marker_span.start, end)), rest

    # -- paragraphs ------------------------------------------------------------

    def _flush_paragraph(self, fragments: list[Token]) -> None:
        if not fragments:
            return
        start, end = fragments[0].start_pos, fragments[-1].end_pos
        sentences: list[Sentence] = []
        sentence_start = start
        for position, fragment in enumerate(fragments):
            if _SENTENCE_END.search(fragment):
                sentences.append(Sentence(self.text[sentence_start:fragment.end_pos], Span(sentence_start, fragment.end_pos)))
                following = position + 1
                sentence_start = fragments[following].start_pos if following < len(fragments) else end
        if sentence_start < end:
            sentences.append(Sentence(self.text[sentence_start:end], Span(sentence_start, end)))
        span = Span(start, end)
        self._add_block(Paragraph(self.text[start:end], span, tuple(sentences), self._enumeration(span)))

    def _enumeration(self, span: Span) -> tuple[EnumerationItem, ...]:
        items = []
        for match in _ENUMERATION.finditer(self.text, span.start, span.end):
            at = match.start()
            if at != span.start and self.text[at - 1] not in _ENUMERATION_BOUNDARY:
                continue  # "统一是", "唯一是"
            items.append(EnumerationItem(chinese_numeral_value(match.group(1)), match.group(), Span(at, match.end())))
        return tuple(items)


def _balanced(text: str) -> bool:
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")


def _fragment(text: str, start: int, end: int) -> Token:
    token = Token("FRAGMENT", text[start:end])
    token.start_pos, token.end_pos = start, end
    return token


def _marker_shape(marker: str) -> tuple[int, int, str]:
    """(level, ordinal, style) of a marker token."""
    match = chars.HEADING_MARKER_PARTS.fullmatch(marker)
    assert match, marker
    if match["l1"]:
        return 1, chinese_numeral_value(match["l1"]), "一、"
    if match["l2"]:
        return 2, chinese_numeral_value(match["l2"]), "（一）" if match["l2open"] == "（" else "(一)"
    if match["l4"]:
        return 4, int(match["l4"]), "（1）" if match["l4open"] == "（" else "(1)"
    return 3, int(match["l3"]), "1" + match["l3mark"]
