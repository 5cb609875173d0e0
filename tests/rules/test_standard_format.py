"""Reports in the standard formats: clean drafts give no diagnostics; drafts
with table, text-versus-table and structure errors give exactly the expected
ones, each on the offending cell, figure or heading."""

import pytest
from conftest import FIXTURES, require_shared

from reportlint import lint_file, lint_text
from reportlint.readers import read_source

CLEAN = [
    "standard-2021-county-2021-tabs.txt",
    "standard-2021-county-2022-pipes.txt",
    "standard-2021-county-2023-spaces.txt",
    "standard-2019-city-2020-spaces.txt",
]

# (rule, severity, line, the text under the span)
EXPECTED = {
    "standard-2021-table-errors.txt": [
        ("tables.regulations-level", "warning", 19, "2"),
        ("tables.applicant-total", "error", 35, "108"),
        ("tables.cell-value", "error", 38, "十五"),
        ("tables.blank-cells", "warning", 40, "  "),
        ("tables.applications-balance", "error", 58, "94"),
        ("tables.results-total", "error", 58, "94"),
        ("tables.review-litigation-total", "error", 64, "6"),
    ],
    "standard-2021-text-errors.txt": [
        ("tables.text-documents", "warning", 7, "88件"),
        ("tables.text-documents", "warning", 7, "1263.52万元"),
        ("tables.text-applicants", "warning", 9, "110件"),
        ("tables.text-applicants", "warning", 9, "13件"),
        ("numbers.parts-exceed-total", "warning", 9, "105件"),
        ("tables.text-figures", "warning", 9, "105件"),
        ("numbers.share-of-total", "warning", 9, "43%"),
        ("tables.text-figures", "warning", 9, "10件"),
        ("tables.text-figures", "warning", 9, "7件"),
        ("tables.text-results-share", "warning", 10, "15%"),
        ("tables.text-outcome-claim", "warning", 16, "均获维持"),
        ("tables.text-review-litigation", "warning", 16, "3件"),
    ],
    "standard-2021-structure-errors.txt": [
        ("structure.format-notice-superseded", "error", 3, "〔2019〕60号"),
        ("structure.heading-numbering", "warning", 60, "五、"),
        ("structure.preamble-unlisted-part", "warning", 69, "七、政务公开工作要点落实情况"),
    ],
    "standard-2019-city-2020-errors.txt": [
        ("structure.format-notice-premature", "error", 3, "〔2021〕30号"),
        ("tables.cell-value", "error", 20, "-4"),
        ("tables.applications-balance", "error", 60, "30"),
        ("tables.applications-balance", "error", 60, "33"),
    ],
    "standard-2021-flattened.txt": [
        ("tables.unreadable", "info", 2, "12586"),
    ],
}


def pinned(path):
    lines = read_source(path).text.split("\n")
    found = []
    for d in lint_file(path):
        assert d.line == d.end_line
        found.append((d.rule, d.severity.value, d.line, lines[d.line - 1][d.column - 1:d.end_column - 1]))
    return found


@pytest.mark.parametrize("name", CLEAN)
def test_clean_reports_give_nothing(name):
    assert lint_file(FIXTURES / name) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_reports_give_exactly_the_expected_diagnostics(name):
    assert pinned(FIXTURES / name) == EXPECTED[name]


def messages(name, rule):
    return [d.message for d in lint_file(FIXTURES / name) if d.rule == rule]


def test_messages_name_the_cells_and_show_the_arithmetic():
    (balance,) = messages("standard-2021-table-errors.txt", "tables.applications-balance")
    assert "“自然人”列" in balance
    assert "（七）总计94＋四、结转下年度继续办理6＝100" in balance and "一、本年新收97＋二、上年结转4＝101" in balance
    (row,) = messages("standard-2021-table-errors.txt", "tables.applicant-total")
    assert "“一、本年新收”行" in row and "自然人97＋商业企业8＋科研机构0＋社会公益组织1＋法律服务机构3＋其他0＝109" in row
    (results,) = messages("standard-2021-table-errors.txt", "tables.results-total")
    assert "（七）总计94" in results and "办理结果各项合计95" in results
    (review,) = messages("standard-2021-table-errors.txt", "tables.review-litigation-total")
    assert "“行政复议”行" in review and "结果维持3＋结果纠正1＋其他结果0＋尚未审结1＝5" in review
    (township,) = messages("standard-2021-table-errors.txt", "tables.regulations-level")
    assert "乡级机关" in township and "现行有效件数" in township


def test_text_messages_say_which_cells_the_figure_restates():
    figures = messages("standard-2021-text-errors.txt", "tables.text-figures")
    assert any("“105件”（办结数）" in m and "“（七）总计”为107件" in m for m in figures)
    assert any("“10件”（不予公开数）" in m and "“不予公开”各项为9件" in m for m in figures)
    (claim,) = messages("standard-2021-text-errors.txt", "tables.text-outcome-claim")
    assert "表四“行政复议”的“结果纠正”为1" in claim
    (share,) = messages("standard-2021-text-errors.txt", "tables.text-results-share")
    assert "应为14%" in share and "（七）总计107件" in share
    fee = [m for m in messages("standard-2021-text-errors.txt", "tables.text-documents") if "收费" in m]
    assert fee and "1236.52万元" in fee[0]


def test_received_counts_including_carried_over_requests_are_read_as_such():
    table = ("三、收到和处理政府信息公开申请情况\n"
             "一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74\n"
             "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n")
    said = "一、总体情况\n全年共收到政府信息公开申请75件（含上年结转1件）。\n"
    unsaid = "一、总体情况\n全年共收到政府信息公开申请75件。\n"
    assert lint_text(said + table, select=["tables"]) == []
    (warning,) = lint_text(unsaid + table, select=["tables"])
    assert warning.rule == "tables.text-applicants" and "加上年结转1件为75件" in warning.message


def test_claims_about_the_rest_are_not_contradicted():
    table = ("四、政府信息公开行政复议、行政诉讼情况\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n"
             "4 | 0 | 0 | 1 | 5 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n")
    assert lint_text("一、总体情况\n行政复议5件，1件尚未审结，其余均获维持。\n" + table, select=["tables"]) == []
    assert [d.rule for d in lint_text("一、总体情况\n行政复议5件，均获维持。\n" + table, select=["tables"])] == [
        "tables.text-outcome-claim"]


def test_structure_checks_follow_the_standard_outline():
    outline = ("某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n"
               "三、收到和处理政府信息公开申请情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"
               "五、政府信息公开工作存在的主要问题及改进情况\n六、其他需要报告的事项\n")
    # An outline without its tables: structure.required-tables has tests of its own.
    without_tables = {"select": ["structure"], "ignore": ["structure.required-tables"]}
    assert lint_text(outline, **without_tables) == []
    restarted = outline + "一、总体情况\n"
    (again,) = lint_text(restarted, **without_tables)
    assert again.rule == "structure.heading-numbering" and again.line == 8
    assert "重复了前面的“一、总体情况”" in again.message


@pytest.mark.parametrize("name", ["standard-2021-county-2021-tabs.txt", "standard-2021-county-2022-pipes.txt",
                                  "standard-2021-county-2023-spaces.txt", "standard-2021-flattened.txt",
                                  "standard-2019-city-2020-spaces.txt", "pdf/standard-2021-county-2022-pipes.pdf"])
def test_the_statistics_tables_are_found_however_they_are_written(name):
    assert lint_file(FIXTURES / name, select=["structure.required-tables"]) == []


def test_a_part_that_says_its_figures_instead_of_its_table_lacks_the_table():
    text = (FIXTURES / "standard-2021-county-2022-pipes.txt").read_text(encoding="utf-8")
    part_three = text[text.index("三、收到和处理政府信息公开申请情况"):text.index("四、政府信息公开行政复议、行政诉讼情况")]
    draft = text.replace(part_three, "三、收到和处理政府信息公开申请情况\n本年度共收到申请108件，统计表各项从略。\n")
    (finding,) = lint_text(draft, select=["structure.required-tables"])
    assert finding.line == 1 and finding.message.startswith("缺少表三“收到和处理政府信息公开申请情况”")
    excerpt = draft[:draft.index("四、政府信息公开行政复议")] + "全年共收到申请108件，其中自然"  # stops mid-sentence
    assert lint_text(excerpt, select=["structure.required-tables"]) == []


def test_the_2019_format_numbers_its_parts_the_same_way():
    outline = ("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n"
               "三、收到和处理政府信息公开申请情况\n四、存在的主要问题及改进情况\n五、其他需要报告的事项\n")
    found = [(d.rule, d.line) for d in lint_text(outline, select=["structure"], ignore=["structure.required-tables"])]
    assert found == [("structure.required-sections", 1), ("structure.heading-numbering", 5),
                     ("structure.heading-numbering", 6)]


@pytest.mark.corpus
def test_corpus_01_narrative_mismatches_are_reported():
    """SOURCES.md: 258 and 265 against the table, 均获维持 with cases pending;
    the percentages against the text's own total are the numbers.* rules'."""
    path = [p for p in require_shared("corpus") if p.name.startswith("01_")][0]
    found = pinned(path)
    for expected in [
        ("tables.text-figures", "warning", 14, "258件"),
        ("tables.text-figures", "warning", 14, "265件"),
        ("tables.text-outcome-claim", "warning", 14, "均获维持"),
        ("numbers.share-of-total", "warning", 14, "33.9%"),
        ("numbers.share-of-total", "warning", 14, "4.34%"),
    ]:
        assert expected in found


@pytest.mark.corpus
def test_corpus_16_natural_persons_against_the_table():
    path = [p for p in require_shared("corpus") if p.name.startswith("16_")][0]
    found = [d for d in lint_file(path) if d.rule == "tables.text-applicants"]
    natural = [d for d in found if "“72件”（自然人申请数）" in d.message]
    assert natural and "自然人为71件" in natural[0].message
