"""`--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it (the test
suite validates it against the official schema, tests/schemas/).

Rules carry a readable name, their descriptions and examples as help text and
their rule file as `helpUri`; results carry physical locations: a URI
relative to the `%SRCROOT%` base (the working directory, where CI runs the
linter), percent-encoded so that "草稿 #1.txt" stays one path, and regions in
1-based lines and UTF-16 code units (`columnKind` utf16CodeUnits), as editors
and code scanning count them; and the diagnostic's fingerprint as a partial
fingerprint, so code scanning follows a finding across edits. For
a Word document or a web page the message names the place in the original and
the region's snippet is the quote to search for there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from .._version import __version__
from ..diagnostic import Diagnostic
from ..linter import INTERNAL_ERROR, FileResult
from ..rules import Rule
from ..suppressions import UNUSED
from .paths import relative_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SOURCE_ROOT = "%SRCROOT%"
# reportlint's own diagnostics, which no rule file describes.
OWN_RULES = {
    INTERNAL_ERROR: "规则运行出错：其余规则照常检查，请报告此问题",
    UNUSED: "抑制注释或基线条目没有抑制任何问题，可以删除",
}


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
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(d.path), "region": _region(result, d)}}],
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
                "tool": {"driver": {"name": "reportlint", "version": __version__, "rules": descriptors}},
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
                "columnKind": "utf16CodeUnits",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _region(result: FileResult, d: Diagnostic) -> dict:
    """Lines, and columns in UTF-16 code units, of the text reportlint read;
    where that text was extracted from markup (Word, a web page), the quote to
    search for in the original as the region's snippet."""
    source = result.source
    region = {
        "startLine": d.line,
        "startColumn": source.utf16_column(d.line, d.column),
        "endLine": d.end_line,
        "endColumn": source.utf16_column(d.end_line, d.end_column),
    }
    if d.location is not None and d.location.quote:
        region["snippet"] = {"text": d.location.quote}
    return region


def _artifact(path: str) -> dict:
    """A URI relative to the source root, or a file URI for a file outside it;
    percent-encoded either way ("#", "%", spaces and Chinese)."""
    relative = relative_path(path)
    if Path(relative).is_absolute():
        return {"uri": Path(relative).as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": SOURCE_ROOT}


def _descriptor(rule_id: str, rule: Rule | None) -> dict:
    name = "".join(word.capitalize() for word in rule_id.replace(".", "-").split("-"))
    if rule is None:
        summary = OWN_RULES.get(rule_id, rule_id)
        return {"id": rule_id, "name": name, "shortDescription": {"text": summary}}
    good = "\n".join(f"- {example.strip()}" for example in rule.examples.good)
    bad = "\n".join(f"- {example.text.strip()}" for example in rule.examples.bad)
    help_text = f"{rule.description}\n\n正确示例：\n{good}\n\n错误示例：\n{bad}"
    return {
        "id": rule.id,
        "name": name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "helpUri": rule.path.resolve().as_uri(),
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"tags": [rule.group]},
    }
