"""Output formats: pure functions from lint results to text.

Each module exports ``render(results, *, color=False) -> str``. A formatter
never re-parses anything: what it needs is in the FileResult.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

FORMATS: dict[str, str] = {
    "text": "reportlint.formatters.text",
    "json": "reportlint.formatters.json",
}


def renderer(name: str) -> Callable:
    return import_module(FORMATS[name]).render
