"""Findings (what a kind yields) and diagnostics (what the linter reports)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from .document import Span
from .errors import shown
from .source import Location


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The severity in Chinese: 错误, 警告, 提示."""
        return _LABELS[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value)
        except ValueError:
            named = f"“{bounded(value, 40)}”" if isinstance(value, str) else f" {shown(value)}"
            raise ValueError(f"未知的严重级别{named}，应为 error、warning 或 info") from None


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_LABELS = {Severity.INFO: "提示", Severity.WARNING: "警告", Severity.ERROR: "错误"}
# The order of counts, columns and filters in output.
MOST_SERIOUS_FIRST = (Severity.ERROR, Severity.WARNING, Severity.INFO)


# The longest quote a message or suggestion carries: findings stay small however
# long the text they point at ("《" nested 5,000 deep must not put the whole
# title into each of 5,000 findings).
QUOTE_LIMIT = 200


def bounded(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text``, or its beginning and end around "…" when it is longer than ``limit``."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[len(text) - half:]


@dataclass(frozen=True)
class Edit:
    """Replace the text of ``span`` with ``text``."""

    span: Span
    text: str


@dataclass(frozen=True)
class Finding:
    """What a kind yields: where, the values its rule's message refers to, and
    the edits that would fix it (empty when no safe fix is known)."""

    span: Span
    args: dict[str, Any]
    edits: tuple[Edit, ...] = ()
    # The replacement to show when it is not the text of a single edit (a fix
    # made of several small edits); None: a single edit's text, if any.
    suggestion: str | None = None
    # False when the finding rests on a reading of the text that may be wrong
    # (cells split out of the run-together digits of a flattened table): an error
    # is what the text alone proves, so the linter reports it as a warning at most.
    proven: bool = True


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class Diagnostic:
    """A finding stamped with its rule, severity, file and rendered message.

    Lines and columns are 1-based; columns count characters (code points); the
    end is exclusive. ``suggestion`` is the replacement text when there is one.
    ``location`` says where the span is in the original when lines and columns
    count in text extracted from it (a Word document, a web page): there, the
    line of the extracted text means nothing to a person, so every format that
    shows the message shows ``located_message``.
    """

    rule: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    suggestion: str | None = None
    fix: tuple[tuple[Position, Position, str], ...] = ()  # safe edits only (the rule is fixable)
    fingerprint: str = ""
    location: Location | None = None

    @property
    def located_message(self) -> str:
        """The message, followed by the place in the original when there is one."""
        return f"{self.message}（位置：{self.location}）" if self.location is not None else self.message

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
        }
        if self.fix:
            data["fix"] = [
                {"line": start.line, "column": start.column, "end_line": end.line, "end_column": end.column, "text": text}
                for start, end, text in self.fix
            ]
        if self.location is not None:
            data["location"] = str(self.location)
        return data
