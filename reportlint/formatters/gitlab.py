"""`--format gitlab`: GitLab code quality report, a JSON array of issues with
the fields GitLab documents (description, check_name, fingerprint, severity,
location.path relative to the repository, location.lines)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from ..linter import FileResult
from ..rules import Rule
from .paths import relative_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    seen: Counter = Counter()
    issues = []
    for result in results:
        for d in result.diagnostics:
            # GitLab wants a fingerprint unique within the report: repeated
            # identical findings are told apart by their order.
            key = (d.path, d.rule, d.fingerprint)
            seen[key] += 1
            unique = hashlib.sha256(f"{d.path}\0{d.fingerprint}\0{seen[key]}".encode()).hexdigest()[:32]
            issues.append({
                "description": d.located_message,
                "check_name": d.rule,
                "fingerprint": unique,
                "severity": SEVERITIES[d.severity.value],
                "location": {"path": relative_path(d.path), "lines": {"begin": d.line, "end": d.end_line}},
            })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
