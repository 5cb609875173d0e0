"""The defect classes of issue 15 in the figures, dates and names of a report
(test_editor_classes.py has those of its wording and punctuation) — a statistics
period that cannot be read, narrative against the 2008-format statistics table,
another body's names, stale dates and wording, a missing count, a preamble's
count of parts, plans dated the report year — each planted in a fixture the
project wrote in a shape real text arrives in (a web page flattened into one
line, a PDF extraction with its lines broken), found on its span."""

import pytest
from conftest import FIXTURES

from reportlint import lint_file, lint_text
from reportlint.readers import read_source

OWN_RULES = (
    "numbers.statistics-period-garbled", "tables.text-statistics-table", "tables.statistics-breakdown",
    "facts.other-body", "facts.own-name-variant", "facts.other-level-text", "facts.self-reference",
    "tables.regulations-level", "numbers.stale-as-of", "facts.out-of-period", "wording.draft-time",
    "numbers.missing-count", "structure.preamble-part-count", "numbers.plan-year", "tables.text-figures",
)


def reported(name):
    """(rule, text under the span) of each warning and error of these rules on a fixture."""
    path = FIXTURES / name
    lines = read_source(path).text.split("\n")
    return sorted((d.rule, lines[d.line - 1][d.column - 1:d.end_column - 1])
                  for d in lint_file(path, select=OWN_RULES) if d.severity.value in ("warning", "error"))


def test_a_page_flattened_into_one_line_in_the_2008_format():
    assert reported("editor-free-2012-flattened.txt") == sorted([
        ("structure.preamble-part-count", "全文共七个部分"),
        ("numbers.statistics-period-garbled", "统计期限自2012月1日起至2012年12月31日"),
        ("wording.draft-time", "截至本报告编制之日"),
        ("facts.own-name-variant", "云岭县人名政府"),
        ("tables.text-statistics-table", "1913条"),
        ("numbers.stale-as-of", "截至2012年2月28日"),
        ("numbers.missing-count", "共召开"),
        ("numbers.plan-year", "2012年"),
        ("facts.other-body", "云岭县林业局"),
        ("tables.statistics-breakdown", "3"),
    ])


def test_a_pdf_extraction_of_a_township_report_without_its_name():
    assert reported("editor-standard-2023-pdf-text.txt") == sorted([
        ("facts.out-of-period", "疫情防控"),
        ("numbers.stale-as-of", "截至2023年2月28日"),
        ("numbers.missing-count", "本年度制发的规范性文件"),
        ("facts.self-reference", "全县"),
        ("tables.text-figures", "12件"),
        ("facts.other-level-text", "向县政府提出的政府信息公开申请"),
        ("wording.draft-time", "截至发稿时"),
        ("tables.regulations-level", "2"),
        ("numbers.plan-year", "2023年"),
    ])


@pytest.mark.parametrize("name", ["clean-free-2016.txt", "clean-standard-2021.txt"])
def test_clean_drafts_raise_none_of_them(name):
    assert reported(name) == []


def test_a_date_broken_across_two_lines_of_a_pdf_is_read_whole():
    text = ("某县人民政府2023年政府信息公开工作年度报告\n"
            "本报告所列数据的统计期限自2023年1月1日起至2023年12月31\n日止。\n一、总体情况\n")
    assert [d.rule for d in lint_text(text, select=["numbers.statistics-period-garbled"])] == []


@pytest.mark.parametrize(
    ("clause", "claim"),
    [
        ("行政复议（含上年结转）8件", None),  # the aside's 上年结转 does not name the figure after it
        ("上年结转（含逾期未办）3件", "上年结转数"),
        ("予以公开：60件", None),
        ("予以公开：61件", "予以公开数"),  # the label before the colon names the figure
        ("予以公开（含部分公开）64件", None),
        ("予以公开（含部分公开）60件", "予以公开及部分公开数"),
        ("不予公开(属于国家秘密) 3件", "不予公开数"),
    ],
)
def test_text_figures_in_brackets_and_after_a_colon(clause, claim):
    text = ("某县人民政府2019年政府信息公开工作年度报告\n一、总体情况\n2019年，共收到政府信息公开申请74件，" + clause + "。\n"
            "三、收到和处理政府信息公开申请情况\n"
            "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
            "三、本年度办理结果 | （一）予以公开 | 60 | 0 | 0 | 0 | 0 | 0 | 60\n"
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 | 0 | 0 | 0 | 0 | 0 | 4\n"
            "（三）不予公开 | 1.属于国家秘密 | 10 | 0 | 0 | 0 | 0 | 0 | 10\n")
    claims = [d.message.split("（")[1].split("）")[0] for d in lint_text(text, select=["tables.text-figures"])]
    assert claims == ([claim] if claim else [])


@pytest.mark.parametrize(
    ("rows", "fires"),
    [
        ("当面申请数 | 条 | 1\n网上申请数 | 条 | 1\n", False),  # short, but a channel may be missing from the table
        ("当面申请数 | 条 | 1\n网上申请数 | 条 | 1\n其他形式申请数 | 条 | 0\n", True),  # 其他 leaves none out
        ("当面申请数 | 条 | 1\n网上申请数 | 条 | 2\n其他形式申请数 | 条 | 0\n", False),
    ],
)
def test_child_rows_short_of_their_parent_only_when_an_other_row_closes_the_list(rows, fires):
    text = ("某县人民政府2011年政府信息公开工作年度报告\n附件：政府信息公开情况统计表\n"
            "指标名称 | 计量单位 | 2011年度\n受理依申请公开信息总数 | 条 | 3\n" + rows)
    assert bool(lint_text(text, select=["tables.statistics-breakdown"])) == fires


def test_rows_split_out_of_glued_digits_give_a_warning_not_an_error():
    text = ("某县人民政府2014年政府信息公开工作年度报告\n六、政府信息公开情况统计表指标名称计量单位2014年度历年累计"
            "受理依申请公开信息总数条33其中：1、当面申请数条112、网上申请数条223、信函、传真申请数条11行政复议数件00\n")
    found = lint_text(text, select=["tables.statistics-breakdown"])
    assert [d.severity.value for d in found] == ["warning", "warning"]
