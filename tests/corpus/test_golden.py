"""Every diagnostic on every real report, pinned in a reviewed golden file.

A change that adds a false alarm, or loses a real defect, changes a golden file
and fails here. Regenerate with REPORTLINT_UPDATE_GOLDEN=1 and review the diff:
each new line must be a real defect of that report (see SOURCES.md of the corpus).
"""

import pytest
from conftest import GOLDEN, check_golden, shared_files

from reportlint import lint_file

CORPUS = shared_files("corpus") + shared_files("seeds")


def render(path) -> str:
    lines = []
    for d in lint_file(path):
        lines.append(f"{d.line}:{d.column}-{d.end_line}:{d.end_column} {d.severity.value} [{d.rule}] {d.message}")
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is absent (real reports are not part of the project)")
@pytest.mark.parametrize("path", CORPUS, ids=[path.stem for path in CORPUS])
def test_corpus_diagnostics_are_pinned(path):
    check_golden(GOLDEN / "corpus" / f"{path.stem}.txt", render(path))
