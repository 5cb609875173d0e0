"""`--format json`: one JSON document, schema version 1 (docs/formats.md)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from ..linter import FileResult
from ..rules import Rule

SCHEMA_VERSION = 1


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    counts = Counter(d.severity.value for result in results for d in result.diagnostics)
    document = {
        "version": SCHEMA_VERSION,
        "files": [
            {
                "path": result.path,
                "profile": result.profile.to_dict(),
                "diagnostics": [diagnostic.to_dict() for diagnostic in result.diagnostics],
            }
            for result in results
        ],
        "summary": {
            "files": len(results),
            "diagnostics": sum(counts.values()),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
