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

from .chrome import find_chrome, is_link, opens_link_list
from .document import (
    Block,
    Chrome,
    Document,
    EnumerationItem,
    Heading,
    MetaLine,
    Paragraph,
    Section,
    Sentence,
    Span,
    Table,
    TableRow,
    Title,
)
from .headings import SENTENCE_END, fragment, heading, is_heading, marker_shape, split_glued_known, title_tokens
from .source import ParseError, Source
from .table_regions import TableRegions
from .table_rows import aligned_rows, stripped_span, table_row
from .text import chars
from .text.numerals import chinese_numeral_value
from .wrapping import wrap_width, wraps_at

_SENTENCE_MARK = re.compile(r"[。！？!?]")
_PIPE_MASK = "｜"
_NOT_FIRST = "。\n"
_TITLE_AFTER_CHROME = re.compile(r"[^。，,：:；;\s]{4,78}(?:报告|年报)")
_ENUMERATION = re.compile(rf"([{chars.ORDINAL_CHARS}]{{1,3}})是")
_ENUMERATION_BOUNDARY = frozenset("。；;，,、：:！？!? \t\u3000")
# A quotation is words quoted, not items of the paragraph's lists: a slogan
# “一是抓学习、二是抓落实” has its own 一是 and 二是.
_QUOTATION = re.compile("“[^“”]*”|「[^「」]*」")


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
        self.chrome: list[Chrome] = []
        self.carried: list[Token] = []  # a paragraph wrapped onto the next line
        self.in_link_list = False  # in the page's list of links to other pages
        self.wrap_width: int | None = None  # the width of a PDF's lines, once measured
        self.table_regions = TableRegions(source.text)
        self.last_end = 0

    # -- the outline -----------------------------------------------------------

    def build(self, lines: list[_Line]) -> Document:
        lines = _prose_with_pipes(self.text, lines)
        aligned = aligned_rows(self.text, lines)
        for index, line in enumerate(lines):
            if line.kind != "text" or index in aligned:
                self._flush_paragraph(self.carried)
                self.carried = []
            if line.kind == "table":
                self.table_rows.append(table_row(self.text, line.tokens[0]))
                continue
            if index in aligned:
                self.table_rows.append(aligned[index])
                continue
            self._flush_table()
            if line.kind == "title":
                token = line.tokens[0]
                self.title = Title(token.strip().lstrip("#").strip(), stripped_span(token))
                self._text_line(line.tokens[1:])
            elif line.kind == "meta":
                self.metadata.append(self._meta_line(line.tokens))
            elif self._is_title_after_chrome(line.tokens):
                token = line.tokens[0]
                self.title = Title(str(token), stripped_span(token))
            elif (wrapped := self._wraps(lines, index, aligned)) or self.carried or not self._is_signature(line.tokens):
                self._text_line(line.tokens, wrapped)
            else:
                token = line.tokens[0]
                span = stripped_span(token)
                self.metadata.append(MetaLine("署名", str(token), span, span))
        self._flush_paragraph(self.carried)
        self._flush_table()
        self.table_regions.close(self.last_end)
        while self.stack:
            self._close_innermost()
        return Document(self.source, self.title, tuple(self.metadata), tuple(self.preamble), tuple(self.sections),
                        chrome=tuple(self.chrome), table_regions=tuple(self.table_regions.regions))

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

    def _is_title_after_chrome(self, tokens: tuple[Token, ...]) -> bool:
        """A report's title on the first line after the page chrome or the lines of
        metadata (发布时间, 来源) a copy of a web page opens with (the grammar knows
        a title only on the first line)."""
        if self.title is not None or self.preamble or self.stack or not (self.chrome or self.metadata) or len(tokens) != 1:
            return False
        return tokens[0].type == "FRAGMENT" and bool(_TITLE_AFTER_CHROME.fullmatch(tokens[0].strip()))

    def _is_signature(self, tokens: tuple[Token, ...]) -> bool:
        """A short unpunctuated line right under the title: the issuing body."""
        if self.title is None or self.preamble or self.stack or len(tokens) != 1:
            return False
        token = tokens[0]
        return token.type == "FRAGMENT" and len(token) <= 40 and not re.search(r"[。，,；;：:、]", token)

    # -- lines -----------------------------------------------------------------

    def _meta_line(self, tokens: tuple[Token, ...]) -> MetaLine:
        first = tokens[0]
        if first.type == "DATE_LINE":
            span = stripped_span(first)
            return MetaLine("日期", self.text[span.start:span.end], span, span)
        key = first.strip().rstrip(":：").strip()
        if len(tokens) > 1:
            value_span = stripped_span(tokens[1])
        else:
            value_span = Span(first.end_pos, first.end_pos)
        key_span = stripped_span(first)
        return MetaLine(key, self.text[value_span.start:value_span.end], Span(key_span.start, value_span.end), value_span)

    def _flush_table(self) -> None:
        if self.table_rows:
            rows = tuple(self.table_rows)
            self._add_block(Table(rows, Span(rows[0].span.start, rows[-1].span.end)))
            self.table_rows = []

    def _wraps(self, lines: list[_Line], index: int, aligned: dict[int, TableRow]) -> bool:
        """Whether a text line's last paragraph runs on into the next line (see
        reportlint/wrapping.py): the next line is text that starts with no marker."""
        if self.wrap_width is None:
            self.wrap_width = wrap_width(self.text, [line.tokens for line in lines if line.kind == "text"]) or 0
        following = lines[index + 1] if index + 1 < len(lines) else None
        if not self.wrap_width or following is None or following.kind != "text" or index + 1 in aligned:
            return False
        return (wraps_at(self.text, lines[index].tokens, self.wrap_width)
                and bool(following.tokens) and following.tokens[0].type == "FRAGMENT")

    def _text_line(self, tokens: tuple[Token, ...], wrapped: bool = False) -> None:
        """Cut a line into headings and paragraphs, with its page chrome set
        apart; the last paragraph of a ``wrapped`` line goes on in the next."""
        words = split_glued_known(self.text, [token for token in tokens if token.type != "HASHES"])
        if self.in_link_list and words and is_link(self.text[words[0].start_pos:words[-1].end_pos]):
            span = Span(words[0].start_pos, words[-1].end_pos)
            self.chrome.append(Chrome(self.text[span.start:span.end], span))
            return
        segments = self._without_chrome(words)
        self.in_link_list = not segments and bool(self.chrome) and opens_link_list(self.chrome[-1].text)
        for number, segment in enumerate(segments, 1):
            self._text_segment(segment, wrapped and number == len(segments))

    def _text_segment(self, tokens: list[Token], wrapped: bool = False) -> None:
        """Cut a run of a line's tokens (no chrome among them) into headings and paragraphs."""
        pending: list[Token] = self.carried  # fragments of the current paragraph
        self.carried = []
        previous: Token | None = None  # the token before the current one on this line
        after_heading = False
        index = 0
        while index < len(tokens):
            token = tokens[index]
            self.table_regions.see(token)
            if token.type == "MARKER":
                title = title_tokens(tokens, index + 1)
                if self._starts_heading(token, title, previous, after_heading):
                    self._flush_paragraph(pending)
                    opened, rest = heading(self.text, token, title, previous is None)
                    self._open_section(opened)
                    for piece in rest:  # a table may start right after the heading's words
                        self.table_regions.see(piece)
                    pending = list(rest)
                    index += 1 + len(title)
                    previous = title[-1] if title else token
                    after_heading = not rest
                    continue
            pending.append(token)
            previous = token
            after_heading = False
            index += 1
        if wrapped:
            self.carried = pending
        else:
            self._flush_paragraph(pending)

    def _starts_heading(self, marker: Token, title: list[Token], previous: Token | None, after_heading: bool) -> bool:
        """Whether a marker starts a heading (see reportlint/headings.py). In a
        table written out as text, items (1. 2.) never do; a heading of a
        higher level that is no row label ends the table."""
        level = marker_shape(marker)[0]
        if self.table_regions.open and level > 2:
            return False
        if not is_heading(self.text, marker, title, previous, after_heading):
            return False
        self.table_regions.close(marker.start_pos)
        return True

    def _without_chrome(self, tokens: list[Token]) -> list[list[Token]]:
        """The runs of a line's tokens between its pieces of page chrome (see
        reportlint/chrome.py), which are kept apart: the page's source and time
        as metadata."""
        if not tokens:
            return []
        pieces = find_chrome(self.text, tokens[0].start_pos, tokens[-1].end_pos)
        if not pieces:
            return [tokens]
        for piece in pieces:
            self.chrome.append(Chrome(self.text[piece.span.start:piece.span.end], piece.span))
            if piece.meta is not None:
                key, value, value_span = piece.meta
                self.metadata.append(MetaLine(key, value, piece.span, value_span))
        runs: list[list[Token]] = [[]]
        passed = 0  # pieces wholly before the current token (both are in text order)
        for token in tokens:
            while passed < len(pieces) and pieces[passed].span.end <= token.start_pos:
                passed += 1
                runs.append([])
            for start, end in _outside(token, pieces, passed):
                while passed < len(pieces) and pieces[passed].span.end <= start:
                    passed += 1
                    runs.append([])
                runs[-1].append(token if (start, end) == (token.start_pos, token.end_pos) else fragment(self.text, start, end))
        return [run for run in runs if run]

    # -- paragraphs ------------------------------------------------------------

    def _flush_paragraph(self, fragments: list[Token]) -> None:
        if not fragments:
            return
        start, end = fragments[0].start_pos, fragments[-1].end_pos
        sentences: list[Sentence] = []
        sentence_start = start
        for position, piece in enumerate(fragments):
            if SENTENCE_END.search(piece):
                sentences.append(Sentence(self.text[sentence_start:piece.end_pos], Span(sentence_start, piece.end_pos)))
                following = position + 1
                sentence_start = fragments[following].start_pos if following < len(fragments) else end
        if sentence_start < end:
            sentences.append(Sentence(self.text[sentence_start:end], Span(sentence_start, end)))
        span = Span(start, end)
        self._add_block(Paragraph(self.text[start:end], span, tuple(sentences), self._enumeration(span)))

    def _enumeration(self, span: Span) -> tuple[EnumerationItem, ...]:
        items = []
        quoted = None  # the paragraph's quotations, found once it has a marker
        for match in _ENUMERATION.finditer(self.text, span.start, span.end):
            at = match.start()
            if at != span.start and self.text[at - 1] not in _ENUMERATION_BOUNDARY:
                continue  # "统一是", "唯一是"
            if quoted is None:
                quoted = [quotation.span() for quotation in _QUOTATION.finditer(self.text, span.start, span.end)]
            if any(start < at < end for start, end in quoted):
                continue
            items.append(EnumerationItem(chinese_numeral_value(match.group(1)), match.group(), Span(at, match.end())))
        return tuple(items)


def _outside(token: Token, pieces, first: int) -> list[tuple[int, int]]:
    """The stretches of a token that no piece of chrome covers (the pieces
    from ``first`` on may overlap it)."""
    stretches = []
    position = token.start_pos
    for piece in pieces[first:]:
        if piece.span.start >= token.end_pos:
            break
        if piece.span.end <= position:
            continue
        if piece.span.start > position:
            stretches.append((position, piece.span.start))
        position = max(position, piece.span.end)
    if position < token.end_pos:
        stretches.append((position, token.end_pos))
    return stretches


def _prose_with_pipes(text: str, lines: list[_Line]) -> list[_Line]:
    """The lines, with a lone "table row" that is prose read as text again: a
    "|" in running text (a title such as 《为民办实事|农产品抽检》) makes the
    grammar type the line as a table row, and a flattened page's whole body is
    one line. A table needs rows that look like rows: a line of cells among
    others, not one line of sentences."""
    result = list(lines)
    for index, line in enumerate(lines):
        if line.kind != "table" or "\t" in line.tokens[0]:
            continue
        neighbours = (lines[index - 1] if index else None, lines[index + 1] if index + 1 < len(lines) else None)
        if any(other is not None and other.kind == "table" for other in neighbours):
            continue
        token = line.tokens[0]
        if _SENTENCE_MARK.search(token):
            result[index] = _relexed(text, token)
    return result


def _relexed(text: str, token: Token) -> _Line:
    """A line the grammar typed as a table row, read as text: lexed with its
    pipes masked by a character no terminal treats apart, then given back its
    own text and positions."""
    masked = _NOT_FIRST + str(token).replace("|", _PIPE_MASK)  # a title is only read on the first line
    tokens = []
    for piece in _lark().parse(masked)[1].tokens:
        start = token.start_pos + piece.start_pos - len(_NOT_FIRST)
        end = token.start_pos + piece.end_pos - len(_NOT_FIRST)
        tokens.append(Token(piece.type, text[start:end], start_pos=start, end_pos=end))
    return _Line("text", tuple(tokens))
