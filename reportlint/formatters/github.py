"""`--format github`: GitHub Actions workflow commands, shown as annotations on
the pull request (`::error file=…,line=…::message`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..linter import FileResult
from ..rules import Rule
from .paths import relative_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            properties = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", relative_path(d.path)), ("line", d.line), ("col", d.column),
                    ("endLine", d.end_line), ("endColumn", d.end_column), ("title", f"reportlint ({d.rule})"),
                )
            )
            lines.append(f"::{COMMANDS[d.severity.value]} {properties}::{_escape_data(d.located_message)}")
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
