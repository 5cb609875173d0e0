"""Last year's report (--previous): carried-over requests, documents in force,
cumulative totals and text copied from one year to the next."""

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, require_shared

from reportlint import lint_file, lint_text
from reportlint.cli import main
from reportlint.readers import read_source

Y2021 = FIXTURES / "standard-2021-county-2021-tabs.txt"
Y2022 = FIXTURES / "standard-2021-county-2022-pipes.txt"
Y2023 = FIXTURES / "standard-2021-county-2023-spaces.txt"


def spanned(path, diagnostic):
    line = read_source(path).text.split("\n")[diagnostic.line - 1]
    return line[diagnostic.column - 1:diagnostic.end_column - 1]


def test_consecutive_clean_years_give_only_the_similarity_figure():
    (figure,) = lint_file(Y2022, previous=Y2021)
    assert (figure.rule, figure.severity.value, figure.line) == ("previous.report-similarity", "info", 1)
    assert figure.message.startswith("与2021年度报告相比，本报告正文约")


def test_a_broken_carry_over_and_a_copied_section_are_caught():
    found = lint_file(Y2023, previous=Y2022)
    carried = [d for d in found if d.rule == "previous.carried-over"]
    assert [(d.severity.value, d.line, spanned(Y2023, d)) for d in carried] == [("error", 36, "5"), ("error", 36, "5")]
    assert "“自然人”列" in carried[0].message and "上年报告四、结转下年度继续办理6" in carried[0].message
    (copied,) = [d for d in found if d.rule == "previous.copied-section"]
    assert (copied.severity.value, spanned(Y2023, copied)) == ("warning", "五、存在的主要问题及改进情况")
    assert "除年份外与上年报告的“五、存在的主要问题及改进情况”一字不差" in copied.message
    assert {d.rule for d in found} == {"previous.carried-over", "previous.copied-section", "previous.report-similarity"}


def test_documents_in_force_continue_last_years_count():
    text = Y2023.read_text(encoding="utf-8").replace("行政规范性文件    9    3    92", "行政规范性文件    9    3    95")
    found = [d for d in lint_text(text, previous_text=Y2022.read_text(encoding="utf-8")) if d.rule.startswith("previous.documents")]
    (in_force,) = found
    assert in_force.severity.value == "warning"
    assert "上年报告现行有效件数86＋本年制发件数9－本年废止件数3＝92" in in_force.message


def test_cross_year_checks_need_the_year_before():
    found = lint_file(Y2023, previous=Y2021)
    assert not [d for d in found if d.rule in ("previous.carried-over", "previous.documents-in-force")]


def test_without_a_previous_report_nothing_is_compared():
    assert lint_file(Y2023) == []


def test_copied_paragraphs_outside_copied_sections():
    last = Y2022.read_text(encoding="utf-8")
    copied = "落实“先审查、后公开”制度，对拟公开的政府信息逐条进行保密审查，全年未发生泄密事件。"
    this = Y2023.read_text(encoding="utf-8").replace("完成历年行政规范性文件清理，对失效文件在网站标注失效。",
                                                      "完成历年行政规范性文件清理，对失效文件在网站标注失效。\n" + copied + copied)
    found = [d for d in lint_text(this, previous_text=last) if d.rule == "previous.copied-paragraph"]
    assert len(found) == 1 and "（三）" not in found[0].message and "一、总体情况" in found[0].message


def test_the_command_line_takes_previous_for_one_draft_only():
    runner = CliRunner()
    result = runner.invoke(main, ["--previous", str(Y2022), "--color", "never", str(Y2023)])
    assert result.exit_code == 1 and "previous.carried-over" in result.output
    result = runner.invoke(main, ["--previous", str(Y2022), str(Y2023), str(Y2021)])
    assert result.exit_code == 2 and "--previous 只能与一个待检查的文件一起使用" in result.output
    result = runner.invoke(main, ["--previous", str(FIXTURES / "missing.txt"), str(Y2023)])
    assert result.exit_code == 2 and "missing.txt" in result.output


@pytest.mark.corpus
def test_pre_2019_cumulative_totals_continue():
    corpus = {path.name[:2]: path for path in require_shared("corpus")}
    found = [d for d in lint_file(corpus["06"], previous=corpus["05"]) if d.rule == "previous.cumulative"]
    assert [d.line for d in found] == [1, 1, 1]
    assert "上年报告历年累计1516＋本年度739＝2255" in found[0].message
