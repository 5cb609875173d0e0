"""The Python API: lint text or a file as the command line does.

Each call makes a LintSession (reportlint/session.py); to lint many drafts with
the same rules and configuration, make one session and call its ``check`` or
``check_path``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .diagnostic import Diagnostic
from .rules import Rule
from .session import LintSession, SessionOptions
from .source import from_text


def lint_text(
    text: str,
    path: str | None = None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    rules: Sequence[Rule] | None = None,
    previous_text: str | None = None,
    config: str | Path | None = None,
    discover: bool = False,
) -> list[Diagnostic]:
    """Lint a draft given as text. ``path`` only names it in the diagnostics;
    ``previous_text`` is last year's report, for the checks that compare the two.
    No configuration applies unless asked for: ``config`` names a file
    (.reportlint.yaml or pyproject.toml), ``discover`` finds the nearest one
    above ``path`` (or the current folder) as the command line does.
    ``rules`` replace the built-in rules; ``select`` and ``ignore`` choose among
    them by id prefix, as on the command line."""
    session = LintSession(
        SessionOptions(config=_path(config), discover=discover, select=tuple(select), ignore=tuple(ignore)),
        rules=rules,
    )
    previous = from_text(previous_text, "<previous>") if previous_text is not None else None
    return list(session.check(from_text(text, path or "<text>"), previous).diagnostics)


def lint_file(
    path: str | Path,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    rules: Sequence[Rule] | None = None,
    encoding: str | None = None,
    previous: str | Path | None = None,
    config: str | Path | None = None,
) -> list[Diagnostic]:
    """Lint a draft file (.txt, .md, .docx, .html) exactly as `reportlint` does:
    with the configuration found above it (or ``config``), its suppression
    comments, the configured `allow` phrases and baseline. ``encoding``
    overrides the detection for text formats; ``previous`` is last year's
    report, for the checks that compare the two. Raises SourceError for a file
    that cannot be read, ConfigError or RuleError for a broken configuration or
    rule pack."""
    session = LintSession(
        SessionOptions(config=_path(config), select=tuple(select), ignore=tuple(ignore), encoding=encoding,
                       previous=str(previous) if previous is not None else None),
        rules=rules,
    )
    return list(session.check_path(str(path)).diagnostics)


def _path(value: str | Path | None) -> Path | None:
    return Path(value) if value is not None else None
