"""structure.preamble_unlisted_part: a top-level heading that the preamble's
list of parts does not name (see _preamble.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Document, Span
from ...genre import REPORTS
from ._preamble import Part, PreambleListCheck, corresponds


class PreambleUnlistedPart(PreambleListCheck):
    name = "structure.preamble_unlisted_part"
    reads = REPORTS
    message_args = frozenset({"heading", "parts"})

    def check_parts(self, document: Document, list_span: Span, parts: list[Part]) -> Iterator[Finding]:
        listed = "、".join(part.name for part in parts)
        for section in document.sections:
            heading = section.heading
            if section.level == 1 and not any(corresponds(heading.text, part.name) for part in parts):
                yield Finding(heading.span, {"heading": heading.marker.text + heading.text, "parts": listed})
