"""punctuation.ordinal_marker: the mark after a heading's number (GB/T 15834
附录 B.3): "1." not "1、", nothing after "（一）" or "（1）"."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Edit, Finding
from ...document import Span
from ...facts import Facts
from ..base import Kind

# Marks wrongly written after a numbering marker: "1、" for "1.", "（一）、" for "（一）".
_AFTER_BRACKETED_MARKER = frozenset("、，,.．")


class OrdinalMarker(Kind):
    name = "punctuation.ordinal_marker"
    message_args = frozenset({"match", "suggestion"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        text = facts.text
        for heading in facts.document.headings():
            marker = heading.marker
            if marker.style == "1、":
                suggestion = marker.text[:-1] + "."
                where = marker.span
            elif marker.level in (2, 4) and text[marker.span.end:marker.span.end + 1] in _AFTER_BRACKETED_MARKER:
                suggestion = marker.text
                where = Span(marker.span.start, marker.span.end + 1)
            else:
                continue
            args = {"match": text[where.start:where.end], "suggestion": suggestion}
            yield Finding(where, args, (Edit(where, suggestion),))
