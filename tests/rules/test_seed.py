"""The seed report's known defects (the core issue's list), each at warning or
error with its span on the defect, and nothing else above info."""

from collections import Counter

import pytest
from conftest import SEED

from reportlint import lint_file
from reportlint.readers import read_source

DIAGNOSTICS = lint_file(SEED)
LINES = read_source(SEED).text.split("\n")

EXPECTED = [
    ("wording.placeholder", 17, "xx"),
    ("punctuation.doubled", 16, "、、"),
    ("wording.stray-conjunction", 13, "和等"),
    ("wording.confusable-words", 13, "各界人事"),
    ("wording.truncated-term", 20, "等府信息公开"),
    ("wording.repeated-word", 19, "工作工作"),
    ("punctuation.book-title-marks", 14, "«楚雄科技»"),
    ("wording.formulation", 14, "一学两做"),
    ("wording.law-title", 20, "政务公开条例"),
    ("wording.draft-time", 6, "今年以来"),
    ("wording.draft-time", 18, "今年"),
    ("wording.misplaced-le", 16, "及时了更"),
    ("wording.openness-principle", 17, "以公开为原则,不公开为例外"),
    ("wording.double-approximation", 23, "超过1200多"),
    ("structure.heading-enumeration-mix", 8, "(三)是"),
    ("structure.heading-enumeration-mix", 16, "1.是"),
    ("structure.heading-enumeration-mix", 17, "2.是"),
    ("structure.heading-enumeration-mix", 18, "3.是"),
]


def spanned(diagnostic):
    assert diagnostic.line == diagnostic.end_line
    return LINES[diagnostic.line - 1][diagnostic.column - 1:diagnostic.end_column - 1]


@pytest.mark.parametrize(("rule", "line", "text"), EXPECTED, ids=[f"{r}@{n}" for r, n, _ in EXPECTED])
def test_defect_is_reported_on_its_span(rule, line, text):
    found = [d for d in DIAGNOSTICS if d.rule == rule and d.line == line and spanned(d) == text]
    assert found, f"{rule} not reported on “{text}” at line {line}"
    assert all(d.severity.value in ("warning", "error") for d in found)


def test_both_wrong_book_title_marks_are_reported():
    assert len([d for d in DIAGNOSTICS if d.rule == "punctuation.book-title-marks" and spanned(d) == "«楚雄科技»"]) == 2


def test_missing_problems_and_improvements_section():
    (missing,) = [d for d in DIAGNOSTICS if d.rule == "structure.required-sections"]
    assert missing.severity.value == "warning"  # the headings show it, not the text alone
    assert "存在的主要问题及改进情况" in missing.message


def test_nothing_else_above_info():
    # The numbers and facts rules have their own seed test (test_seed_numbers.py).
    reported = {
        (d.rule, d.line, spanned(d)) for d in DIAGNOSTICS
        if d.severity.value != "info" and not d.rule.startswith(("numbers.", "facts."))
    }
    expected = set(EXPECTED) | {(d.rule, d.line, spanned(d)) for d in DIAGNOSTICS if d.rule == "structure.required-sections"}
    assert reported == expected


def test_half_width_punctuation_is_info_and_grouped_per_line():
    half = [d for d in DIAGNOSTICS if d.rule == "punctuation.half-width"]
    assert half and all(d.severity.value == "info" for d in half)
    per_line = Counter(d.line for d in half)
    assert max(per_line.values()) == 1
    # Line 3 has 13 half-width marks, all in one diagnostic with all the fixes.
    (line3,) = [d for d in half if d.line == 3]
    assert len(line3.fix) == 13
    assert "13处" in line3.message
