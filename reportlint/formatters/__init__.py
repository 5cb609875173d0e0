"""Output formats: pure functions from lint results to text.

OUTPUT_FORMATS is the one list of them: `--format` offers its names
(tests/test_registries.py keeps the README and docs/formats.md in step).
Each module exports ``render(results, *, color=False, rules=()) -> str``; `rules`
are the rules that ran (SARIF describes them). A formatter never re-parses
anything: what it needs is in the FileResult.
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
    "csv": "reportlint.formatters.csv",
}


def renderer(name: str) -> Callable:
    return import_module(OUTPUT_FORMATS[name]).render
