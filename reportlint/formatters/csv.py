"""`--format csv`: one row per diagnostic with its report's profile columns
(agency, level, year, edition, publication date, deadline and whether it was
met), for a supervisor who sorts and filters a province's reports in Excel. A
report without diagnostics has one row with its profile only, so every
report is in the table. UTF-8 with a BOM, so that Excel opens the Chinese
correctly; CRLF line ends, as RFC 4180 writes them."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..linter import FileResult
from ..rules import Rule
from .reports import PROFILE_COLUMNS, report_rows

DIAGNOSTIC_COLUMNS = ("级别", "规则", "行", "列", "问题", "位置", "建议")


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*PROFILE_COLUMNS, *DIAGNOSTIC_COLUMNS])
    for row in report_rows(results, rules):
        profile = row.profile_cells()
        for d in row.result.diagnostics:
            writer.writerow([*profile, d.severity.label, d.rule, d.line, d.column, d.message, str(d.location) if d.location else "",
                             d.suggestion or ""])
        if not row.result.diagnostics:
            writer.writerow([*profile, *("" for _ in DIAGNOSTIC_COLUMNS)])
    return "\ufeff" + buffer.getvalue()
