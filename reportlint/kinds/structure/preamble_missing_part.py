"""structure.preamble_missing_part: parts the preamble lists that have no
heading (see _preamble.py), reported once. A listed statistics table or
appendix counts as present when one appears anywhere after the preamble (it is
often attached without a number). An excerpt is not checked (reportlint/genre.py):
the parts it lacks may simply not have been reached."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Document, Span
from ...genre import WHOLE_REPORTS
from ._preamble import Part, PreambleListCheck, present


class PreambleMissingPart(PreambleListCheck):
    name = "structure.preamble_missing_part"
    reads = WHOLE_REPORTS
    message_args = frozenset({"parts", "count"})

    def check_parts(self, document: Document, list_span: Span, parts: list[Part]) -> Iterator[Finding]:
        headings = [section.heading for section in document.sections if section.level == 1]
        after_preamble = document.text[list_span.end:]
        shown = [present(part, headings, after_preamble) for part in parts]
        missing = [part for part, found in zip(parts, shown) if not found]
        if missing:
            names = "”“".join(part.name for part in missing)
            yield Finding(missing[0].span, {"parts": f"“{names}”", "count": len(missing)})
