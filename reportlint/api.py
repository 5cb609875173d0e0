"""The Python API: lint text or a file with the built-in rules (or your own)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .diagnostic import Diagnostic
from .linter import Linter, select_rules
from .rules import Rule, load_rules
from .readers import read_source
from .source import from_text


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_rules())


def _linter(select: Sequence[str], ignore: Sequence[str], rules: Sequence[Rule] | None) -> Linter:
    return Linter(select_rules(rules if rules is not None else _builtin_rules(), select, ignore))


def lint_text(
    text: str,
    path: str | None = None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    rules: Sequence[Rule] | None = None,
    previous_text: str | None = None,
) -> list[Diagnostic]:
    """Lint a draft given as text. ``path`` only names it in the diagnostics;
    ``previous_text`` is last year's report, for the checks that compare the two."""
    previous = from_text(previous_text, "<previous>") if previous_text is not None else None
    return list(_linter(select, ignore, rules).lint(from_text(text, path or "<text>"), previous).diagnostics)


def lint_file(
    path: str | Path,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    rules: Sequence[Rule] | None = None,
    encoding: str | None = None,
    previous: str | Path | None = None,
) -> list[Diagnostic]:
    """Lint a draft file (.txt, .md, .docx, .html), read as `reportlint` reads it;
    ``encoding`` overrides the detection for text formats; ``previous`` is last
    year's report, for the checks that compare the two."""
    last_year = read_source(previous, encoding=encoding) if previous is not None else None
    return list(_linter(select, ignore, rules).lint(read_source(path, encoding=encoding), last_year).diagnostics)
