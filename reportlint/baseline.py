"""Baselines: accepted findings recorded in a file, for drafts that cannot carry
suppression comments (plain text) or for adopting reportlint on a backlog.

`reportlint --write-baseline FILE PATH...` records the current diagnostics;
`reportlint --baseline FILE PATH...` then reports only new ones. An entry names
the draft (relative to the baseline file), the rule and the diagnostic's
fingerprint — the rule plus the text around the finding, not its line — so an
entry survives lines inserted above it and edits elsewhere in the draft. Equal
fingerprints are counted, so a second identical finding is still new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostic import Diagnostic, bounded
from .errors import ReportlintError, shown
from .inputs import display_name, read_input, real_path
from .output import write_file
from .suppressions import unused_diagnostic

VERSION = 1
# The most times one finding may be recorded (a count is a number of findings in one draft).
MAX_COUNT = 1_000_000


class BaselineError(ReportlintError):
    """A baseline file that cannot be read; the message names it."""


@dataclass
class Baseline:
    path: Path
    entries: Counter = field(default_factory=Counter)  # (path, rule, fingerprint) → count
    messages: dict = field(default_factory=dict)  # the same key → a message, for people reading the file

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """A baseline file, checked entry by entry (BaselineError naming the file and entry)."""
        name = display_name(path)
        if not os.path.lexists(path):
            raise BaselineError(f"{name}: 基线文件不存在（先用 --write-baseline 生成）")
        try:
            data = json.loads(read_input(path, BaselineError).decode("utf-8"), parse_constant=_no_constant)
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            # ValueError: bad JSON, NaN or Infinity, a number of thousands of digits.
            raise BaselineError(f"{name}: 无法读取基线文件（{bounded(str(error) or type(error).__name__, 80)}）") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
            raise BaselineError(f"{name}: 不是第 {VERSION} 版的 reportlint 基线文件")
        baseline = cls(path)
        for index, entry in enumerate(data["entries"]):
            key, count, message = _entry(entry)
            if key is None:
                raise BaselineError(f"{name}: entries[{index}] 应含文字的 path、rule、fingerprint，"
                                    f"count 为 1 到 {MAX_COUNT} 的整数（此处为 {shown(entry)}）")
            baseline.entries[key] += count
            baseline.messages[key] = message
        return baseline

    def key(self, diagnostic: Diagnostic) -> tuple[str, str, str]:
        return (self.relative(diagnostic.path), diagnostic.rule, diagnostic.fingerprint)

    def relative(self, path: str) -> str:
        """A draft's path as entries name it: relative to the baseline file."""
        try:
            return Path(os.path.relpath(real_path(path), real_path(self.path).parent)).as_posix()
        except ValueError:  # another drive
            return Path(path).as_posix()

    def filter(self, diagnostics: Iterable[Diagnostic], remaining: Counter) -> list[Diagnostic]:
        """Drop baselined diagnostics, spending ``remaining`` (a copy of the entries)."""
        kept = []
        for diagnostic in diagnostics:
            key = self.key(diagnostic)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(diagnostic)
        return kept

    def stale(self, remaining: Counter, linted: dict[str, str]) -> list[Diagnostic]:
        """Entries for drafts linted in this run (``linted`` maps an entry path to
        the path as given) that matched nothing: the finding is gone."""
        return [
            unused_diagnostic(linted[entry_path], 1, 1, 1,
                              f"基线 {self.path.name} 中 [{rule}] 的条目已失效（“{self.messages.get((entry_path, rule, mark), '')}”"
                              "已不再出现），可重新生成基线。")
            for (entry_path, rule, mark), count in sorted(remaining.items())
            if count > 0 and entry_path in linted
        ]


def _entry(entry: Any) -> tuple[tuple[str, str, str] | None, int, str]:
    """(key, count, message) of one entry, or (None, 0, "") when it is not of that shape."""
    if not isinstance(entry, dict):
        return None, 0, ""
    key = (entry.get("path"), entry.get("rule"), entry.get("fingerprint"))
    count = entry.get("count", 1)
    message = entry.get("message", "")
    if not all(isinstance(part, str) for part in key) or not isinstance(message, str):
        return None, 0, ""
    if type(count) is not int or not 1 <= count <= MAX_COUNT:
        return None, 0, ""
    return key, count, bounded(message)


def _no_constant(name: str) -> None:
    raise ValueError(name)


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    """Record diagnostics as accepted; returns how many were recorded."""
    baseline = Baseline(path)
    for diagnostic in diagnostics:
        key = baseline.key(diagnostic)
        baseline.entries[key] += 1
        baseline.messages[key] = diagnostic.message
    entries = [
        {"path": key[0], "rule": key[1], "fingerprint": key[2], "count": count, "message": baseline.messages[key]}
        for key, count in sorted(baseline.entries.items())
    ]
    write_file(path, json.dumps({"version": VERSION, "entries": entries}, ensure_ascii=False, indent=2) + "\n")
    return sum(baseline.entries.values())
