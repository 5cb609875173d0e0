"""Web pages (.html, .htm): a report as published on a government site.

The page is tokenized (reportlint/readers/html_tokens.py, linear in the page
whatever its markup) into a light tree (malformed markup is the rule on these
sites: unclosed ``<p>``, ``<td>``, ``<li>``), then the report is taken out of its
chrome:

- the head, scripts, styles, forms, ``<nav>``, ``<aside>`` and page-level
  ``<header>``/``<footer>`` are dropped, and so are hidden elements and elements
  whose class or id says navigation (nav, menu, breadcrumb, footer, share,
  copyright, dqwz for 当前位置 …);
- blocks that are mostly links (menus, "相关链接", friend-site lists) are dropped;
- when the page marks its main content (``<main>``, ``<article>``,
  ``role="main"``), only that is read.

Block elements become lines and table rows lines of cells joined by " | ";
runs of white space collapse to one space, and a line break between two Chinese
characters disappears (as browsers render it). The encoding comes from a BOM,
``--encoding``, the page's ``<meta charset>`` (gb2312 and gbk read as GB18030, their
superset), then UTF-8 or GB18030. ``Source.location`` gives the line and column
of the page's HTML source, with a quote.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from ..source import Comment, Location, Source, SourceError, normalised, quote
from .html_tokens import CommentToken, EndTag, StartTag, tokens
from .text import decode_text, text_encoding

_SKIPPED_TAGS = frozenset(
    "head script style noscript template nav aside form select button iframe svg object canvas audio video map".split()
)
# Dropped unless inside the main content (where they hold the report's title).
_PAGE_LEVEL_TAGS = frozenset({"header", "footer"})
_MAIN_TAGS = frozenset({"main", "article"})
_BLOCK_TAGS = frozenset(
    "address article blockquote body caption center dd div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 "
    "header footer hr html li main ol p pre section table tbody thead tfoot tr ul".split()
)
_BLOCK_TAGS_BUT_P = _BLOCK_TAGS - {"p"}
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_CELL_TAGS = frozenset({"td", "th"})
# Class or id words (or their first part: "nav-top") of page chrome; dqwz is 当前位置.
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs crumb crumbs bread dqwz position location footer foot "
    "header head topbar toolbar sidebar share copyright banner login search skip".split()
)
_WORD_SEPARATOR = re.compile(r"[-_]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
_SPACE = " \t\n\r\f\v\xa0\u3000"
_CHUNKS = re.compile(f"[{_SPACE}]+|[^{_SPACE}]+")


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    text, used, bom = decode_text(data, path, encoding, declared=_declared_charset(data))
    page = normalised(path, text, used, bom=bom)  # the HTML itself, with "\n" newlines
    emitter = _Emitter()
    emitter.walk(_main_content(_tree(page.text, path)))
    origin = HtmlOrigin(tuple(emitter.run_starts), tuple(emitter.run_sources), bytes(emitter.run_steps), page.line_starts)
    return Source(path, emitter.text(), used, bom, page.newline, "html", origin, tuple(emitter.comments))


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        text_encoding(name)
    except ValueError:  # a charset that is no character set (hex, base64, undefined) is not believed
        return None
    return name


@dataclass(frozen=True)
class HtmlOrigin:
    """Runs of extracted text and where each starts in the page: a run of text
    copied from the page advances with it (step 1); one written by the reader
    (" | ", an entity's character) stays on one place (step 0)."""

    run_starts: tuple[int, ...]
    run_sources: tuple[int, ...]
    run_steps: bytes
    page_line_starts: tuple[int, ...]

    def locate(self, source: Source, start: int, end: int) -> Location:
        index = max(0, bisect_right(self.run_starts, start) - 1)
        if self.run_starts:
            page_offset = self.run_sources[index] + self.run_steps[index] * (start - self.run_starts[index])
        else:
            page_offset = 0
        line = bisect_right(self.page_line_starts, page_offset)
        column = page_offset - self.page_line_starts[line - 1] + 1
        return Location(f"网页源码第{line}行第{column}列", quote(source.text, start, end, source.line_bounds(start)))


class _Element:
    __slots__ = ("tag", "attrs", "children", "parent", "source", "text_length", "link_length", "links")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Element | None, source: int) -> None:
        self.tag = tag
        self.attrs = attrs
        # Elements and text: (text, page offset, 1 if copied from the page, 0 if decoded from an entity).
        self.children: list[_Element | tuple[str, int, int]] = []
        self.parent = parent
        self.source = source
        self.text_length = self.link_length = self.links = 0


@dataclass(frozen=True)
class _CommentNode:
    text: str


# The most elements, runs of text and comments a page may hold: each takes a few
# hundred bytes in the tree (a real report's page holds a few thousand).
_MAX_NODES = 500_000


def _tree(text: str, path: str) -> _Element:
    """The page's elements, text and comments as a tree, closing what browsers close."""
    root = _Element("#document", {}, None, 0)
    open_elements = _OpenElements(root)
    for count, token in enumerate(tokens(text)):
        if count == _MAX_NODES:
            raise SourceError(f"{path}: 网页的标签和文字片段超过 {_MAX_NODES:,} 个，拒绝读取")
        if isinstance(token, StartTag):
            _start(open_elements, token)
        elif isinstance(token, EndTag):
            if token.tag == "br":  # "</br>" is read as "<br>" by browsers
                _start(open_elements, StartTag("br", {}, True, token.offset))
            else:
                open_elements.close_nearest({token.tag}, ())
        elif isinstance(token, CommentToken):
            # Comments carry suppression directives (reportlint/suppressions.py).
            open_elements.top.children.append(_CommentNode(token.text.strip()))
        else:
            open_elements.top.children.append((token.text, token.offset, int(token.copied)))
    return root


def _start(open_elements: _OpenElements, token: StartTag) -> None:
    """Open an element, first closing what its start implies: a cell by the next
    cell, a row by the next row, a list item by the next, a paragraph by a block."""
    tag = token.tag
    if tag in _CELL_TAGS:
        open_elements.close_nearest(_CELL_TAGS, ("table", "tr"))
    elif tag == "tr":
        open_elements.close_nearest(("tr",), ("table",))
    elif tag == "li":
        open_elements.close_nearest(("li",), ("ul", "ol"))
    if tag in _BLOCK_TAGS:
        open_elements.close_nearest(("p",), _BLOCK_TAGS_BUT_P)
    element = _Element(tag, token.attrs, open_elements.top, token.offset)
    open_elements.top.children.append(element)
    if tag not in _VOID_TAGS and not token.self_closing:
        open_elements.push(element)


class _OpenElements:
    """The elements open at a point of the page, innermost last, with the depths
    at which each tag is open, so that finding the nearest open element of some
    tags takes time in the number of tags, not in the depth of the page."""

    def __init__(self, root: _Element) -> None:
        self.stack = [root]
        self.depths: dict[str, list[int]] = {}

    @property
    def top(self) -> _Element:
        return self.stack[-1]

    def push(self, element: _Element) -> None:
        self.depths.setdefault(element.tag, []).append(len(self.stack))
        self.stack.append(element)

    def close_nearest(self, targets, boundaries) -> None:
        """Close the innermost open element of ``targets`` and what it holds,
        unless an element of ``boundaries`` is nearer."""
        target = self._nearest(targets)
        if target and target > self._nearest(boundaries):
            for element in self.stack[target:]:
                depths = self.depths[element.tag]
                depths.pop()
                if not depths:
                    del self.depths[element.tag]
            del self.stack[target:]

    def _nearest(self, tags) -> int:
        """The depth of the innermost open element of ``tags`` (0: none), looking
        at the fewer of ``tags`` and the tags open."""
        if len(self.depths) < len(tags):
            return max((depths[-1] for tag, depths in self.depths.items() if tag in tags), default=0)
        return max((self.depths[tag][-1] for tag in tags if tag in self.depths), default=0)


def _elements(root: _Element) -> list[_Element]:
    """Every element under ``root`` in document order, without recursion."""
    found, pending = [], [root]
    while pending:
        element = pending.pop()
        found.append(element)
        pending.extend(child for child in reversed(element.children) if isinstance(child, _Element))
    return found


def _main_content(root: _Element) -> _Element:
    """The element to read: the largest main/article of the page, or the page;
    chrome below it is marked by setting its tag to "#chrome"."""
    elements = _elements(root)
    for element in reversed(elements):  # children before parents: sum up text and links
        if element.tag in _SKIPPED_TAGS:
            continue
        for child in element.children:
            if isinstance(child, tuple):
                visible = len(child[0]) - sum(child[0].count(space) for space in _SPACE)
                element.text_length += visible
        if element.tag == "a":
            element.links += 1
        parent = element.parent
        if parent is not None:
            parent.text_length += element.text_length
            parent.link_length += element.link_length if element.tag != "a" else element.text_length
            parent.links += element.links
    mains = [element for element in elements if element.tag in _MAIN_TAGS or element.attrs.get("role") == "main"]
    main = max(mains, key=lambda element: element.text_length) if mains else root
    for element in _elements(main):
        if element is not main and _is_chrome(element, main is not root):
            element.tag = "#chrome"
            element.children = []
    return main


def _is_chrome(element: _Element, inside_main: bool) -> bool:
    tag, attrs = element.tag, element.attrs
    if tag in _SKIPPED_TAGS or (tag in _PAGE_LEVEL_TAGS and not inside_main):
        return True
    if "hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    for word in (attrs.get("class", "") + " " + attrs.get("id", "")).lower().split():
        if word in _CHROME_WORDS or _WORD_SEPARATOR.split(word)[0] in _CHROME_WORDS:
            return True
    # Menus and lists of links: most of the text is in links.
    return tag != "a" and element.links >= 2 and element.link_length * 2 > element.text_length


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


class _Emitter:
    """Writes the text of a tree: lines for blocks, " | " between cells, and for
    every run of text where it came from in the page."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.run_starts: list[int] = []
        self.run_sources: list[int] = []
        self.run_steps = bytearray()
        self.pending_space: tuple[int, bool] | None = None  # page offset, whether it held a line break
        self.last_char = "\n"
        self.table_depth = 0
        self.cells_in_row: int | None = None  # None: no row open in the outermost table
        self.comments: list[Comment] = []

    def text(self) -> str:
        return "".join(self.parts).rstrip()

    def walk(self, root: _Element) -> None:
        # (element, True) opens, (element, False) closes; text is (text, offset, step).
        pending: list = [(root, True)]
        while pending:
            item, opening = pending.pop()
            if isinstance(item, tuple):
                self._data(*item)
            elif isinstance(item, _CommentNode):
                # A comment takes no room in the text: it sits where the next text goes.
                self.comments.append(Comment(item.text, self.length, self.length))
            elif item.tag == "#chrome":
                continue
            elif opening:
                self._open(item)
                pending.append((item, False))
                pending.extend((child, True) for child in reversed(item.children))
            else:
                self._close(item)

    def _open(self, element: _Element) -> None:
        tag = element.tag
        if tag == "table":
            self.table_depth += 1
            if self.table_depth == 1:
                self._break()
        elif self.table_depth == 1 and tag == "tr":
            self._end_row(element.source)
            self.cells_in_row = 0
        elif self.table_depth == 1 and tag in _CELL_TAGS:
            if self.cells_in_row is None:
                self._break()
                self.cells_in_row = 0
            self._literal("| " if self.cells_in_row == 0 else " | ", element.source)
            self.cells_in_row += 1
        elif tag in _BLOCK_TAGS or tag in _CELL_TAGS or tag == "br":
            self._break(element.source)

    def _close(self, element: _Element) -> None:
        tag = element.tag
        if tag == "table":
            if self.table_depth == 1:
                self._end_row(element.source)
            self.table_depth -= 1
        elif self.table_depth == 1 and tag == "tr":
            self._end_row(element.source)
        elif tag in _BLOCK_TAGS:
            self._break(element.source)

    def _end_row(self, source: int) -> None:
        ended, self.cells_in_row = self.cells_in_row, None
        if ended:
            self._literal(" |", source)
            self._break()

    def _break(self, source: int | None = None) -> None:
        """End the line, or inside a table cell put a space."""
        if self.cells_in_row:
            if source is not None:
                self.pending_space = (source, False)
            return
        self.pending_space = None
        if self.last_char != "\n":
            self._literal("\n", source or 0)

    def _data(self, data: str, source: int, step: int) -> None:
        for chunk in _CHUNKS.finditer(data):
            value = chunk.group()
            if value[0] in _SPACE:
                if self.pending_space is None:
                    self.pending_space = (source + chunk.start(), "\n" in value)
                elif "\n" in value:
                    self.pending_space = (self.pending_space[0], True)
                continue
            if self.pending_space is not None:
                space_at, line_break = self.pending_space
                self.pending_space = None
                if self.last_char not in "\n| " and not (line_break and _wide(self.last_char) and _wide(value[0])):
                    self._literal(" ", space_at)
            self._append(value.replace("|", "｜"), source + chunk.start() * step, step)

    def _literal(self, text: str, source: int) -> None:
        if text != "\n":
            self.pending_space = None
        self._append(text, source, 0)

    def _append(self, text: str, source: int, step: int) -> None:
        self.run_starts.append(self.length)
        self.run_sources.append(source)
        self.run_steps.append(step)
        self.parts.append(text)
        self.length += len(text)
        self.last_char = text[-1]
