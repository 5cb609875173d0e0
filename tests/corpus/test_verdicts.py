"""Every warning and error on every real report has a reviewed verdict.

The verdict files (tests/corpus/verdicts/, format in verdicts.py) say, for each
finding, whether the office that wrote the report would agree (TP) or not (FP).
A finding without a verdict, or a TP verdict whose finding is gone, fails here
with the entry to add or remove. An FP verdict whose finding is still reported
is a false alarm nobody has fixed yet: it is listed as an expected failure until
it is (docs/accuracy.md).
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from verdicts import ROOT, SHARED, Review, real_reports, review, verdict_file

from reportlint.session import LintSession, SessionOptions

REPORTS = real_reports()
pytestmark = pytest.mark.skipif(not REPORTS, reason=f"{SHARED} is absent (real reports are not part of the project)")


@cache
def _session() -> LintSession:
    return LintSession(SessionOptions(discover=False))


@cache
def _review(index: int) -> Review:
    return review(REPORTS[index], _session())


def _ids() -> list[str]:
    return [str(report.relative_to(SHARED)) for report in REPORTS]


@pytest.mark.parametrize("index", range(len(REPORTS)), ids=_ids())
def test_every_finding_is_reviewed(index):
    result = _review(index)
    if not (result.unreviewed or result.lost):
        return
    lines = [f"{verdict_file(result.report).relative_to(ROOT)} is out of date:"]
    for finding in result.unreviewed:
        moved = result.moved(finding)
        lines.append(f"  moved or resized: make the key of {moved.line()}\n    at: \"{finding.key.at}\", text: "
                     f"{json.dumps(finding.key.text, ensure_ascii=False)} (if the verdict still holds)" if moved
                     else f"  add (choose TP or FP, give the reason): {finding.entry()}")
    moved_away = {result.moved(finding) for finding in result.unreviewed}
    lines += [f"  remove (its finding is no longer reported at warning or error): {verdict.line()}"
              for verdict in result.lost if verdict not in moved_away]
    pytest.fail("\n".join(lines), pytrace=False)


@pytest.mark.parametrize("index", range(len(REPORTS)), ids=_ids())
def test_no_reviewed_false_alarm_is_reported(index):
    """Every false alarm the review found is fixed: its FP verdict stays as the
    record, and a finding it still matches fails."""
    result = _review(index)
    if result.false_alarms:
        pytest.fail(f"{len(result.false_alarms)} false alarm(s) reported again: "
                    + "; ".join(f"{v.key.rule} “{v.key.text}” at {v.key.at}" for v in result.false_alarms),
                    pytrace=False)
