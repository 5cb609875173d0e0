"""The default output: one line per diagnostic, like compilers and ruff print
them, with the source line and the span underlined for errors and warnings
(info-level notes stay on one line so they do not bury the rest), then a summary.
For Word documents and web pages each line ends with the place in the original
("（位置：第12段“…”）"); the excerpt shows the extracted text that lines and
columns count in. What comes from a draft or a file name reaches the terminal
only through ``visible``: an escape sequence in a draft shows as "␛[31m" and
does nothing.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from ..diagnostic import MOST_SERIOUS_FIRST, Diagnostic, Severity
from ..errors import visible
from ..linter import FileResult
from ..rules import Rule

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# Long lines (a flattened web page is one line) are shown as a window this wide
# (in characters) on each side of the span.
_CONTEXT = 30
# A longer span is shown by its first characters, so that the output stays in
# proportion to the number of diagnostics, not to the lengths of their spans.
_LONGEST_SHOWN_SPAN = 120


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    return render_findings(results, color=color) + summary(results) + "\n"


def render_findings(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    """The diagnostics without the summary (`--quiet`)."""
    paint = _painter(color)
    out: list[str] = []
    for result in results:
        source = result.source
        for diagnostic in result.diagnostics:
            where = paint("1", visible(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"))
            severity = paint(_COLOURS[diagnostic.severity], diagnostic.severity.value)
            out.append(f"{where} {severity} [{diagnostic.rule}] {visible(diagnostic.located_message)}")
            if diagnostic.severity is not Severity.INFO and diagnostic.rule != "internal-error":
                out.extend(_excerpt(diagnostic, source.line_text(diagnostic.line), paint))
    return "".join(line + "\n" for line in out)


def _excerpt(diagnostic: Diagnostic, line: str, paint) -> list[str]:
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line)
    end = max(end, start + 1)
    cut = end - start > _LONGEST_SHOWN_SPAN
    if cut:
        end = start + _LONGEST_SHOWN_SPAN
    left = max(0, start - _CONTEXT)
    right = end if cut else min(len(line), end + _CONTEXT)
    shown = ("…" if left else "") + visible(line[left:right]) + ("…" if right < len(line) else "")
    offset = (1 if left else 0) + start - left
    pad = _width(shown[:offset])
    carets = "^" * max(1, _width(line[start:end]))
    gutter = f"{diagnostic.line:>5} | "
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + " " * pad + paint(_COLOURS[diagnostic.severity], carets)]


def _width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def summary(results: list[FileResult]) -> str:
    """The closing sentence: counts by severity and files checked (the HTML page opens with it)."""
    counts = Counter(d.severity for result in results for d in result.diagnostics)
    files = len(results)
    total = sum(counts.values())
    if not total:
        return f"未发现问题（检查了 {files} 个文件）。"
    return (
        f"共发现 {total} 个问题：{'，'.join(f'{severity.label} {counts[severity]}' for severity in MOST_SERIOUS_FIRST)}"
        f"（检查了 {files} 个文件）。"
    )


def _painter(color: bool):
    if not color:
        return lambda code, text: text
    return lambda code, text: f"\x1b[{code}m{text}\x1b[0m"
