"""Markdown drafts.

The grammar already reads Markdown headings (``## 一、总体情况``) and pipe
tables, so the text stays as written and lines and columns are the file's. Two
things must not reach the rules: comments (``<!-- … -->``, which carry
suppression directives and are kept in ``Source.comments``) and the ``**``/``__``
of strong emphasis (``**`` is otherwise a placeholder). Both are blanked with
spaces, newlines kept, so every position still points into the file.
"""

from __future__ import annotations

import re

from ..source import Comment, Source
from .text import read as read_text

# An unclosed comment runs to the end of the file, as in a Markdown renderer.
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    source = read_text(data, path, encoding)
    text = source.text
    comments = tuple(Comment(match.group(1).strip(), match.start(), match.end()) for match in _COMMENT.finditer(text))
    pieces, last = [], 0
    for comment in comments:
        pieces += [text[last:comment.start], _blank(text[comment.start:comment.end])]
        last = comment.end
    pieces.append(text[last:])
    text = _STRONG.sub(lambda match: " " * len(match.group(1)) + match.group(2) + " " * len(match.group(1)), "".join(pieces))
    return Source(path, text, source.encoding, source.bom, source.newline, "markdown", comments=comments,
                  crlf_offsets=source.crlf_offsets)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)
