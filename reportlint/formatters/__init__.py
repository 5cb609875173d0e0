"""Output formats: pure functions from lint results to text, or to a document
per draft.

OUTPUT_FORMATS is the one list of them: `--format` offers its names
(tests/test_registries.py keeps the README and docs/formats.md in step).
Each module exports ``render(results, *, color=False, rules=()) -> str``; `rules`
are the rules that ran (SARIF describes them). A document format
(DOCUMENT_FORMATS) exports instead ``render_document(result) -> bytes``: one
document per draft, which the command line writes to --output-file (a folder
for several drafts). A formatter never re-parses anything: what it needs is in
the FileResult.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

OUTPUT_FORMATS: dict[str, str] = {
    "text": "reportlint.formatters.text",
    "json": "reportlint.formatters.json",
    "sarif": "reportlint.formatters.sarif",
    "github": "reportlint.formatters.github",
    "junit": "reportlint.formatters.junit",
    "gitlab": "reportlint.formatters.gitlab",
    "html": "reportlint.formatters.html",
    "docx": "reportlint.formatters.docx",
    "csv": "reportlint.formatters.csv",
}
DOCUMENT_FORMATS = frozenset({"docx"})


def renderer(name: str) -> Callable:
    return import_module(OUTPUT_FORMATS[name]).render


def document_renderer(name: str) -> Callable:
    return import_module(OUTPUT_FORMATS[name]).render_document
