"""`--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

Rules carry their descriptions and examples as help text; results carry
physical locations (paths relative to the working directory, 1-based lines and
columns in code points, as `columnKind` says) and the diagnostic's fingerprint
as a partial fingerprint, so code scanning follows a finding across edits. For
a Word document or a web page the message names the place in the original and
the region's snippet is the quote to search for there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from .._version import __version__
from ..diagnostic import Diagnostic
from ..linter import FileResult
from ..rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    used = sorted({d.rule for result in results for d in result.diagnostics})
    known = {rule.id: rule for rule in rules}
    descriptors = [_descriptor(rule_id, known.get(rule_id)) for rule_id in used]
    index = {rule_id: position for position, rule_id in enumerate(used)}
    sarif_results = [
        {
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": LEVELS[d.severity.value],
            "message": {"text": d.located_message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.path)},
                        "region": _region(d),
                    }
                }
            ],
            "partialFingerprints": {"reportlint/v1": d.fingerprint},
        }
        for result in results
        for d in result.diagnostics
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reportlint",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _region(d: Diagnostic) -> dict:
    """Lines and columns of the text reportlint read; where that text was
    extracted from markup (Word, a web page), the quote to search for in the
    original as the region's snippet."""
    region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
    if d.location is not None and d.location.quote:
        region["snippet"] = {"text": d.location.quote}
    return region


def _descriptor(rule_id: str, rule: Rule | None) -> dict:
    if rule is None:  # internal-error, unused-suppression: reportlint's own
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    good = "\n".join(f"- {example.strip()}" for example in rule.examples.good)
    bad = "\n".join(f"- {example.text.strip()}" for example in rule.examples.bad)
    help_text = f"{rule.description}\n\n正确示例：\n{good}\n\n错误示例：\n{bad}"
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"tags": [rule.group]},
    }


def _uri(path: str) -> str:
    """A relative URI when the file is under the working directory (what code
    scanning wants), the path as given otherwise."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return Path(os.path.normpath(candidate)).as_posix()
