"""The seed report's numeric, date and agency defects (issue 4's list), each on
its figure with its severity, and nothing else from the numbers and facts rules."""

import pytest
from conftest import SEED

from reportlint import lint_file
from reportlint.readers import read_source

DIAGNOSTICS = [d for d in lint_file(SEED) if d.rule.startswith(("numbers.", "facts."))]
LINES = read_source(SEED).text.split("\n")

EXPECTED = [
    ("numbers.report-year", 23, "2015年1月至12月", "warning"),
    ("numbers.statistics-period", 11, "2016年1月至11月", "warning"),
    ("numbers.repeated-count", 11, "183条", "info"),
    ("numbers.subset-exceeds-total", 11, "78条", "warning"),
    ("numbers.parts-exceed-total", 23, "931余件", "warning"),
    ("numbers.approximate-precise", 23, "931余件", "info"),
    ("facts.other-agency", 23, "云南省科学技术厅各业务处室", "warning"),
]


def spanned(diagnostic):
    assert diagnostic.line == diagnostic.end_line
    return LINES[diagnostic.line - 1][diagnostic.column - 1:diagnostic.end_column - 1]


def only(rule):
    (found,) = [d for d in DIAGNOSTICS if d.rule == rule]
    return found


@pytest.mark.parametrize(("rule", "line", "text", "severity"), EXPECTED, ids=[f"{r}@{n}" for r, n, _, _ in EXPECTED])
def test_defect_is_reported_on_its_figure(rule, line, text, severity):
    found = [d for d in DIAGNOSTICS if d.rule == rule and d.line == line and spanned(d) == text]
    assert found, f"{rule} not reported on “{text}” at line {line}"
    assert {d.severity.value for d in found} == {severity}


def test_nothing_else():
    assert sorted((d.rule, d.line, spanned(d)) for d in DIAGNOSTICS) == sorted((r, n, t) for r, n, t, _ in EXPECTED)


def test_messages_show_the_arithmetic():
    assert "其中78条大于所属总数44篇" in only("numbers.subset-exceeds-total").message
    exceed = only("numbers.parts-exceed-total").message
    assert "各分项合计1700余次，超过总数931余件" in exceed
    assert "500余人(次)+超过1200多次" in exceed and "按1700" in exceed and "按932" in exceed  # the tolerance used
    repeated = only("numbers.repeated-count")
    assert repeated.column > LINES[10].index("183条") + 1  # the second of the two
    assert "366条" in repeated.message
    assert "2016年" in only("numbers.report-year").message and "2015年" in only("numbers.report-year").message
