"""The shapes real text arrives in (issue 14), each in a fixture the project
wrote, modelled on real reports: reportlint reads them as an editor does, gives
none of the false alarms the shape used to cause, and still finds the real
defect each fixture plants."""

from datetime import date

from conftest import FIXTURES

from reportlint import lint_file, lint_text
from reportlint.facts import Facts
from reportlint.genre import Genre
from reportlint.parser import parse
from reportlint.readers import read_source


def reported(name, *, select=(), severities=("warning", "error")):
    """(rule, text under the span) of each diagnostic of a fixture at these severities."""
    path = FIXTURES / name
    text = read_source(path).text.split("\n")
    return [(d.rule, text[d.line - 1][d.column - 1:d.end_column - 1])
            for d in lint_file(path, select=select) if d.severity.value in severities]


def facts(name):
    return Facts(parse(read_source(FIXTURES / name)))


def outline(name):
    return [(heading.marker.text, heading.text) for heading in facts(name).document.headings()]


STANDARD_PARTS = [
    ("一、", "总体情况"),
    ("二、", "主动公开政府信息情况"),
    ("三、", "收到和处理政府信息公开申请情况"),
    ("四、", "政府信息公开行政复议、行政诉讼情况"),
    ("五、", "存在的主要问题及改进情况"),
    ("六、", "其他需要报告的事项"),
]


# -- flattened web text and page chrome (items 1 and 3) ---------------------------

def test_flattened_page_is_read_as_a_report():
    # Headings glued to the unit before them (…12.50万元三、…) and running into
    # their body (总体情况2021年，…), 一是 glued to an inline heading, 1、 after ：,
    # 一是 after 、, the breadcrumb run together: only the planted doubled word.
    assert reported("shape-flattened-page-2021.txt") == [("wording.repeated-word", "审核审核")]
    level_one = [(marker, text) for marker, text in outline("shape-flattened-page-2021.txt") if marker.endswith("、")
                 and not marker[0].isdigit()]
    assert level_one == STANDARD_PARTS


def test_page_chrome_is_set_apart_and_its_time_is_the_publication_date():
    found = facts("shape-flattened-page-2021.txt")
    chrome = [piece.text for piece in found.document.chrome]
    assert chrome[0] == "当前位置： 首页政务公开政府信息公开政府信息公开年报"
    assert "微信 微博 QQ空间 全真版 文字版 文件下载 相关链接：" in chrome and chrome[-1] == "附件下载"
    assert found.profile.published == date(2022, 1, 26)
    prose = found.scope_text("text").data.decode()
    assert "首页政务公开" not in prose and "附件下载" not in prose


def test_flattened_tables_are_regions_from_their_header_to_the_next_part():
    found = facts("shape-flattened-page-2021.txt")
    starts = [found.text[span.start:span.start + 8] for span in found.document.table_regions]
    assert starts == ["第二十条第（一）", "（本列数据的勾稽", "行政复议行政诉讼"]
    assert "属于国家秘密" not in found.scope_text("prose").data.decode()


def test_saved_page_text_keeps_its_chrome_out_of_the_year_checks():
    # The title after the breadcrumb is the title; the links to last years'
    # reports under 相关链接： are no stale years, the page's time no date of the report.
    assert reported("shape-page-text-2016.txt", severities=("info", "warning", "error")) == []
    found = facts("shape-page-text-2016.txt")
    assert found.document.title.text == "青溪县科学技术局2016年政府信息公开工作年度报告"
    assert found.profile.published == date(2017, 1, 20)


def test_a_lone_pipe_in_running_text_makes_no_table():
    assert outline("shape-pipe-in-text-2021.txt") == STANDARD_PARTS
    # No table is read from it, so none of the three statistics tables is there.
    assert reported("shape-pipe-in-text-2021.txt") == [
        ("structure.required-tables", "青溪县农业农村局2021年政府信息公开工作年度报告")] * 3


# -- text extracted from a PDF (item 2) ----------------------------------------------

def test_pdf_text_wrapped_lines_and_linearised_tables():
    # Paragraphs broken at the page width, the preamble's list of parts broken
    # inside a part (收到和 / 处理…), page numbers, tables one cell a line with
    # labels split and header cells stacked, a bracket of 表三's note closed on
    # the next line: only the planted 的的.
    assert reported("shape-pdf-text-2022.txt") == [("wording.doubled-function-word", "的的")]
    assert outline("shape-pdf-text-2022.txt") == [*STANDARD_PARTS[:1], ("（一）", "主动公开"), ("（二）", "依申请公开"),
                                                   *STANDARD_PARTS[1:]]


def test_pdf_text_tables_are_regions_the_prose_checks_do_not_read():
    found = facts("shape-pdf-text-2022.txt")
    regions = [found.text[span.start:span.end] for span in found.document.table_regions]
    assert [region.split("\n")[0] for region in regions] == ["第二十条第（一）项", "（本列数据的勾稽关系为：第一项加第二项之和，",
                                                              "行政复议"]
    prose = found.scope_text("prose").data.decode()
    assert "属于国家秘密" not in prose and "未经复议直接起诉" not in prose
    assert "属于国家秘密" in found.scope_text("text").data.decode()  # wording checks still read the labels
    paragraph = next(p for p in found.document.preamble)
    assert "收到和处理\n政府信息公开申请情况" in paragraph.text  # one paragraph across the wrapped lines
    assert found.tables.get("表三") is not None


# -- not an annual report (item 4) --------------------------------------------------

def test_a_letter_gets_one_note_and_no_report_checks():
    # It skips 二、 and is dated after 31 March: neither is reported in a letter.
    assert reported("shape-letter-2015.txt", severities=("info", "warning", "error")) == [
        ("facts.genre", "关于2014年政府信息公开工作要点落实情况的函")]
    assert facts("shape-letter-2015.txt").genre.genre is Genre.OTHER


def test_a_letter_without_a_title_is_known_by_its_salutation():
    text = "县政府办公室：\n现将我局2014年政府信息公开工作要点落实情况函告如下。\n一、推进行政审批信息公开\n三、推进财政资金信息公开\n"
    assert [(d.rule, d.severity.value) for d in lint_text(text) if d.severity.value != "info" or d.rule == "facts.genre"] == [
        ("facts.genre", "info")]


def test_a_text_that_starts_after_the_first_part_is_an_excerpt():
    text = ("三、收到和处理政府信息公开申请情况\n全年收到申请12件，均按期答复。\n"
            "四、政府信息公开行政复议、行政诉讼情况\n全年未发生行政复议、行政诉讼。\n")
    assert [(d.rule, d.severity.value) for d in lint_text(text) if d.rule.startswith(("structure", "facts"))] == [
        ("facts.genre", "info")]


def test_an_excerpt_gets_no_list_of_missing_parts():
    assert reported("shape-excerpt-2016.txt") == [("wording.confusable-words", "截止2016年")]
    assert reported("shape-excerpt-2016.txt", severities=("info",), select=["facts.genre"]) == [
        ("facts.genre", "网站开设了政策解读、")]


# -- enumerations (item 6) ------------------------------------------------------------

def test_nested_and_resumed_enumerations():
    # A list nested in an item, items 1. 2. between 一是 and 二是, 一是 glued to
    # an inline heading, a slogan quoted with its own 一是、二是 (no item of the
    # report's lists); 一是、三是、三是 is one finding, on the first 三是.
    assert reported("shape-enumerations-2021.txt", select=["structure.enumeration-sequence"]) == [
        ("structure.enumeration-sequence", "三是")]
    (finding,) = lint_file(FIXTURES / "shape-enumerations-2021.txt", select=["structure.enumeration-sequence"])
    assert finding.line == 13 and finding.column == 12 and "此处应为“二是”" in finding.message


# -- severity discipline (item 17) -----------------------------------------------------

TABLE_4_HEADER = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
                  "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
                  "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n")


def severities(text, rule):
    return [d.severity.value for d in lint_text(text, select=[rule])]


def test_table_arithmetic_is_an_error_only_on_cleanly_read_cells():
    rule = "tables.review-litigation-total"
    laid_out = TABLE_4_HEADER + "3 | 1 | 0 | 1 | 4 | 2 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0\n"
    # The same figures run together by a flattened page: split by reading, not by the table.
    flattened = ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
                 "复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计310142000200000\n")
    assert severities(laid_out, rule) == ["error"]
    assert severities(flattened, rule) == ["warning"]


def test_a_table_not_read_is_reportlints_limit_not_an_instruction():
    text = ("二、主动公开政府信息情况\n第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 "
            "规章000行政规范性文件8855698\n")
    (note,) = lint_text(text, select=["tables.unreadable"])
    assert note.severity.value == "info"
    assert note.message.startswith("未能可靠读出") and "未检查" in note.message and "请" not in note.message

