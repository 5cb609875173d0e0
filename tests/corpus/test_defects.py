"""The real defects of the corpus that reportlint catches stay caught (recall).

The defect files (tests/corpus/defects/, format in defects.py) list what a careful
editor marks in each real report and which rule reports it at warning or error.
A defect whose rule no longer reports it fails here; so does a miss that a warning
or error now covers (record the rule, so the recall in docs/accuracy.md stays true).
"""

from __future__ import annotations

from functools import cache

import pytest
from defects import ROOT, Recall, corpus_reports, defect_file, recall, recall_table

from reportlint.session import LintSession, SessionOptions

REPORTS = corpus_reports()
pytestmark = pytest.mark.skipif(not REPORTS, reason="../shared/corpus is absent (real reports are not part of the project)")


@cache
def _session() -> LintSession:
    return LintSession(SessionOptions(discover=False))


@cache
def _recall(index: int) -> Recall:
    return recall(REPORTS[index], _session())


@pytest.mark.parametrize("index", range(len(REPORTS)), ids=[report.name for report in REPORTS])
def test_caught_defects_stay_caught(index):
    result = _recall(index)
    lines = [f"{defect_file(result.report).relative_to(ROOT)} is out of date:", *result.problems]
    lines += [f"  {defect.describe()} is no longer reported by {defect.caught_by} at warning or error" for defect in result.lost]
    lines += [f"  {defect.describe()} is now reported by {rules}: replace its `missed` by `caught_by`"
              for defect, rules in result.newly_caught]
    if len(lines) > 1:
        pytest.fail("\n".join(lines), pytrace=False)


def test_recall_is_reported(capsys):
    table = recall_table([_recall(index) for index in range(len(REPORTS))])
    with capsys.disabled():
        print("\n" + table)
