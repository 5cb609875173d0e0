"""The real wording and punctuation defects that ../shared/corpus/SOURCES.md lists
are found, on their spans, at warning or error (tests/corpus/verdicts/ reviews every finding)."""

import pytest
from conftest import SHARED, require_shared

from reportlint import lint_file

# (file, rule, text of the span): SOURCES.md "Real defects observed in these texts".
KNOWN = [
    ("05_pingtan-2011", "wording.law-title", "《中华人民共和国政府信息公开工作条例》"),
    ("06_pingtan-2012", "wording.law-title", "《中华人民共和国政府信息公开工作条例》"),
    ("06_pingtan-2012", "wording.truncated-term", "建立健安"),
    ("12_pingtan-2018", "punctuation.book-title-nesting", "《《"),
    ("12_pingtan-2018", "punctuation.unpaired", "（"),
    ("12_pingtan-2018", "wording.draft-time", "截至目前"),
    ("12_pingtan-2018", "wording.draft-time", "截至发文之日"),
    ("15_pingtan-2021", "wording.repeated-word", "审核审核"),
    ("16_pingtan-2022", "wording.doubled-function-word", "的的"),
    ("16_pingtan-2022", "wording.misspelling", "行政法复议"),
    ("18_pingtan-2024", "wording.truncated-term", "仍在不足"),
]


def spans(stem):
    (path,) = [path for path in require_shared("corpus") if path.stem == stem]
    lines = path.read_text(encoding="utf-8").split("\n")
    return {(d.rule, lines[d.line - 1][d.column - 1:d.end_column - 1], d.severity.value) for d in lint_file(path)}


@pytest.mark.parametrize(("stem", "rule", "text"), KNOWN, ids=[f"{stem[:2]}-{rule}" for stem, rule, _ in KNOWN])
def test_known_defect_is_found(stem, rule, text):
    found = {severity for r, t, severity in spans(stem) if (r, t) == (rule, text)}
    assert found, f"{rule} misses “{text}” in {SHARED / 'corpus' / stem}.txt"
    assert found <= {"warning", "error"}
