"""The shapes of text that gave false alarms on real reports (issue 14) and the
defects that must still be caught (issue 15), each in a draft of the project's
own (fixtures/shape-*), modelled on what real reports write: the false alarm is
gone and the real defect beside it is found.

Each fixture is linted with the rules its shape concerns; the warnings and
errors must be exactly those listed, as (rule, text of the span), each as often
as it is listed."""

import pytest
from conftest import FIXTURES

from reportlint import lint_file

# fixture: (rules selected, the warnings and errors expected)
EXPECTED = {
    # Formulas that chain their clauses, and words that meet (公开+开展, 以及+及时).
    "shape-repetition-by-design-2021.txt": (["wording"], [
        ("wording.repeated-word", "网站网站"),
        ("wording.repeated-word", "发布发布"),
        ("wording.repeated-word", "规范审核流程，规范审核流程"),
    ]),
    # 财政信息公开 is 财政 + 信息公开, not 政府信息公开 with a character missing; 工资询问
    # holds no 资询 (咨询 misspelt): a term begins where a word begins.
    "shape-term-inside-longer-word-2020.txt": (["wording.truncated-term", "wording.misspelling"], [
        ("wording.truncated-term", "政信息公开"),
    ]),
    # Most （一） headings written (一): the standard form is still （一）, never the
    # other way round; 1. and 1． as often as each other follow no majority.
    "shape-heading-style-majority-2023.txt": (["structure.heading-style"], [
        ("structure.heading-style", "(一)"),
        ("structure.heading-style", "(二)"),
        ("structure.heading-style", "(一)"),
        ("structure.heading-style", "(二)"),
    ]),
    # A pipe table whose rows were padded to one width: empty cells beyond the
    # format's columns (after the values, after a merged label, between two
    # labels) are padding; the one cell left blank inside them is a blank.
    "shape-merged-cell-padding-2022.md": (["tables"], [
        ("tables.blank-cells", "  "),  # the blank cell, between its two bars
    ]),
    # Years that are right: 自2019年以来, titles of documents and publications
    # (however long), names in quotes, a case carried over to next year, last
    # year's problems in the improvement part; the unexplained 2021年 is stale.
    "shape-other-years-that-are-right-2022.txt": (["numbers.report-year"], [
        ("numbers.report-year", "2021年"),
    ]),
    # Announced counts: a colon in another clause announces nothing, 至少三种 is a
    # quantity, and items run to the end of the paragraph (a 一是 run, or one
    # item a sentence); four announced and three listed is still found.
    "shape-announced-counts-2022.txt": (["numbers.enumeration-count"], [
        ("numbers.enumeration-count", "四个方面"),
    ]),
    # 2008 free format: fees stated in a sentence of another part, 复议/诉讼 as rows
    # of the statistics table; the problems-and-improvement part is still missing.
    "shape-free-format-topics-2013.txt": (["structure.required-sections"], [
        ("structure.required-sections", "某县林业局2013年政府信息公开工作年度报告"),
    ]),
    # How application figures are written: a ；上年结转 after the 其中 list is no part of
    # it, and "办结的申请中，…" divides the 办结 figure it names, not the 结转 figure that
    # ends the sentence before; 13 reviews concluded as 8+2+1 is still found.
    "shape-application-figures-2023.txt": (["numbers"], [
        ("numbers.parts-short-of-total", "13件"),
    ]),
    # Text extracted from a PDF, wrapped at the page width: a line that fills the
    # page and ends in ； goes on into the next, so the 40 applications broken
    # down into 20+8 before the ； and 6+10 after it are found to add up to 44.
    "shape-pdf-text-clauses-2021.txt": (["numbers", "structure"], [
        ("numbers.parts-exceed-total", "40件"),
        *[("structure.required-tables", "青溪县水利局2021年政府信息公开工作年度报告")] * 3,  # prose only
    ]),
    # Breakdowns bind parts of the same kind: 场 are no 人次, 大项 no 小项, a
    # duration no count; the channels an item went out through (门户网站,
    # 公众号, 微博) may add up to more than the items, but an application comes
    # through one channel only: 20 applications as 15+8, and 1200 broken down
    # into 1300, are still found.
    "shape-breakdown-units-2022.txt": (["numbers"], [
        ("numbers.parts-exceed-total", "20件"),
        ("numbers.parts-exceed-total", "1200条"),
    ]),
    # The total: 共 rather than a difference from last year, no item of a 、 list, the
    # base the shares fit; a restated 共245条 is no part, a ；行政复议 no item, a
    # 主要类别 list may fall short; 1380 broken down into 1430 is still found.
    "shape-breakdown-totals-2022.txt": (["numbers"], [
        ("numbers.parts-exceed-total", "1380条"),
    ]),
    # Breakdowns that must add up without 其中: an item labelled 其他, a restated 共
    # total, parts adding up to another statement of the total, shares adding up
    # to 100% (they fit their parts' sum: the total is what disagrees); and a 其中
    # part larger than the total two sentences before.
    "shape-breakdowns-must-add-up-2021.txt": (["numbers"], [
        ("numbers.parts-short-of-total", "1500条"),
        ("numbers.parts-short-of-total", "1380条"),
        ("numbers.parts-short-of-total", "1820条"),
        ("numbers.subset-exceeds-total", "2105条"),
        ("numbers.parts-short-of-total", "610条"),
    ]),
    # Shares whose base is the sum of their parts, shares in brackets after figures
    # written with spaces, and a rate whose count is wrong.
    "shape-implicit-base-percentages-2021.txt": (["numbers"], [
        ("numbers.share-of-total", "70.2%"),
        ("numbers.share-of-total", "29.8%"),
        ("numbers.share-of-total", "1.5%"),
        ("numbers.rate", "100%"),
    ]),
}


def warnings_and_errors(path, select):
    lines = path.read_text(encoding="utf-8").split("\n")
    return sorted(
        (d.rule, lines[d.line - 1][d.column - 1:d.end_column - 1])
        for d in lint_file(path, select=select) if d.severity.value in ("warning", "error")
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shape(name):
    select, expected = EXPECTED[name]
    assert warnings_and_errors(FIXTURES / name, select) == sorted(expected)
