"""A tokenizer for web pages whose time is linear in the page, whatever the markup.

Python's html.parser searches the rest of the page again for every construct it
cannot close, so a megabyte of "</" or of "<!--x>" takes minutes. Here, as in a
browser's tokenizer, the position only moves forward: every construct is read
once, up to its end or to the end of the page (an unclosed comment runs to the
end; an unclosed tag is dropped with the rest of the page), and each search for
an end starts where the construct starts and is not repeated.

``tokens(text)`` yields, in order and each with its offset in ``text``:

- ``StartTag(tag, attrs, self_closing, offset)`` — names lower-cased, attribute
  values with their character references decoded;
- ``EndTag(tag, offset)``;
- ``Text(text, offset, copied)`` — ``copied`` is False for the character a
  reference (``&nbsp;``, ``&#12345;``) stands for;
- ``CommentToken(text, offset)``.

Doctypes, processing instructions and ``<![…]>`` sections are skipped. The text of
``<script>`` and ``<style>`` is raw: it ends only at its end tag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import NamedTuple

# A run of text: up to the next markup or character reference (a "<" or "&" that
# starts neither is text, and a run of them is read at once).
_TEXT = re.compile(r"(?:[^<&]|<(?![a-zA-Z/!?])|&(?!#[0-9]|#[xX][0-9a-fA-F]|[a-zA-Z]))+")
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;?)")
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_BETWEEN_ATTRIBUTES = re.compile(r"(?:\s|/(?!>))*")
_ATTRIBUTE_NAME = re.compile(r"[^\s/>][^\s/=>]*")
_VALUE_START = re.compile(r"\s*=\s*")
_UNQUOTED_VALUE = re.compile(r"[^\s>]*")
_COMMENT_END = re.compile(r"--!?\s*>")
# Where the raw text of <script> and <style> ends: their end tag, in any case.
_RAW_TEXT_END = {tag: re.compile(rf"</{tag}(?=[\s/>]|\Z)[^>]*>?", re.IGNORECASE) for tag in ("script", "style")}


class StartTag(NamedTuple):
    tag: str
    attrs: dict[str, str]
    self_closing: bool
    offset: int


class EndTag(NamedTuple):
    tag: str
    offset: int


class Text(NamedTuple):
    text: str
    offset: int
    copied: bool


class CommentToken(NamedTuple):
    text: str
    offset: int


def tokens(text: str) -> Iterator[StartTag | EndTag | Text | CommentToken]:
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char == "&":
            reference = _REFERENCE.match(text, position)
            if reference:
                yield Text(html.unescape(reference.group()), position, False)
                position = reference.end()
                continue
        run = _TEXT.match(text, position)
        if run:
            yield Text(run.group(), position, True)
            position = run.end()
        else:
            token, position = _markup(text, position)
            if token is None:
                continue
            yield token
            if isinstance(token, StartTag) and token.tag in _RAW_TEXT_END and not token.self_closing:
                close = _RAW_TEXT_END[token.tag].search(text, position)
                end = close.start() if close else length
                if end > position:
                    yield Text(text[position:end], position, True)
                if close:
                    yield EndTag(token.tag, end)
                position = close.end() if close else length


def _markup(text: str, start: int) -> tuple[StartTag | EndTag | CommentToken | None, int]:
    """The token that starts with "<" at ``start`` (None for what is skipped), and where it ends."""
    following = text[start + 1:start + 2]
    if following.isascii() and following.isalpha():
        return _start_tag(text, start)
    if following == "/":
        name = _TAG_NAME.match(text, start + 2)
        return (EndTag(name.group().lower(), start) if name else None), _after(text, ">", start + 2)
    if text.startswith("<!--", start):
        close = _COMMENT_END.search(text, start + 4)
        if close is None:  # an unclosed comment runs to the end of the page
            return CommentToken(text[start + 4:], start), len(text)
        return CommentToken(text[start + 4:close.start()], start), close.end()
    # A doctype, a processing instruction, <![if …]>.
    return None, _after(text, ">", start + 2)


def _start_tag(text: str, start: int) -> tuple[StartTag | None, int]:
    name = _TAG_NAME.match(text, start + 1)
    tag = name.group().lower()
    position, length = name.end(), len(text)
    attrs: dict[str, str] = {}
    while True:
        position = _BETWEEN_ATTRIBUTES.match(text, position).end()
        if position >= length:
            return None, length  # a tag cut off by the end of the page is dropped
        if text[position] == ">":
            return StartTag(tag, attrs, False, start), position + 1
        if text.startswith("/>", position):
            return StartTag(tag, attrs, True, start), position + 2
        attribute = _ATTRIBUTE_NAME.match(text, position)
        position = attribute.end()
        value = ""
        equals = _VALUE_START.match(text, position)
        if equals:
            position = equals.end()
            quote = text[position:position + 1]
            if quote in ("'", '"'):
                close = text.find(quote, position + 1)
                if close == -1:
                    return None, length
                value, position = text[position + 1:close], close + 1
            else:
                unquoted = _UNQUOTED_VALUE.match(text, position)
                value, position = unquoted.group(), unquoted.end()
        attrs.setdefault(attribute.group().lower(), html.unescape(value) if "&" in value else value)


def _after(text: str, char: str, start: int) -> int:
    """The offset after the next ``char`` from ``start``, or the end of the text."""
    found = text.find(char, start)
    return len(text) if found == -1 else found + 1
