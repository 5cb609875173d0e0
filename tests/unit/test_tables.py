"""The table model: statistics tables read from pipes, tabs, aligned spaces,
readers' tables and glued web text into the schema of the report's edition."""

from decimal import Decimal

import pytest
from conftest import FIXTURES, require_shared

from reportlint import lint_file, lint_text
from reportlint.facts import Facts
from reportlint.parser import parse
from reportlint.readers import read_source
from reportlint.source import from_text
from reportlint.tables import BLANK, INVALID, NOT_APPLICABLE, NUMBER
from reportlint.tables.glued import split_digits
from reportlint.tables.labels import normalise_label

PIPES = FIXTURES / "standard-2021-county-2022-pipes.txt"


def tables_of(source):
    return Facts(parse(source)).tables


def cells(tables):
    """Every cell read, by table, row and column, with its value and state."""
    return {
        (table.key, row, column): (table.cell(row, column).value, table.cell(row, column).state)
        for table in tables for row in table.row_keys() for column in table.column_keys()
        if table.cell(row, column) is not None
    }


def check_spans(source, tables):
    """Each cell's span holds exactly its text."""
    for table in tables:
        for cell in table.cells.values():
            assert source.text[cell.span.start:cell.span.end] == cell.text.strip() or (
                cell.state == BLANK and not source.text[cell.span.start:cell.span.end].strip()
            )


def test_the_same_tables_read_alike_from_pipes_tabs_and_aligned_spaces():
    text = PIPES.read_text(encoding="utf-8")
    by_pipes = tables_of(from_text(text))
    assert len(cells(by_pipes)) == 200 and not by_pipes.unreadable
    for separator in ("\t", "    "):
        source = from_text(text.replace(" | ", separator))
        tables = tables_of(source)
        assert cells(tables) == cells(by_pipes), repr(separator)
        check_spans(source, tables)


def test_tables_from_a_web_page_read_like_the_text(tmp_path):
    text = PIPES.read_text(encoding="utf-8")
    body = []
    rows = []
    for line in text.split("\n")[2:]:
        if " | " in line:
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in line.split(" | ")) + "</tr>")
            continue
        if rows:
            body.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if line:
            body.append(f"<p>{line}</p>")
    page = tmp_path / "report.html"
    page.write_text(f"<html><head><meta charset='utf-8'></head><body><h1>{text.split(chr(10))[0]}</h1>"
                    + "".join(body) + "</body></html>", encoding="utf-8")
    assert cells(tables_of(read_source(page))) == cells(tables_of(from_text(text)))
    assert lint_file(page) == []


def test_the_three_tables_of_the_2021_format():
    tables = tables_of(read_source(PIPES))
    table2, table3, table4 = tables.get("表二"), tables.get("表三"), tables.get("表四")
    assert table2.cell("规范性文件", "现行有效件数").value == 86
    assert table2.cell("行政事业性收费", "本年收费金额（万元）").value == Decimal("1236.52")
    assert table3.cell("本年新收", "总计").value == 108
    assert table3.cell("其他处理其他", "自然人").value == 1  # "3.其他" under （六）其他处理
    assert table3.cell("办理结果总计", "法律服务机构").value == 3
    assert table4.cell("复议后起诉", "结果维持").value == 1
    assert len(table3.row_keys()) == 25


def test_the_2019_trial_format_with_aligned_spaces():
    source = read_source(FIXTURES / "standard-2019-city-2020-spaces.txt")
    tables = tables_of(source)
    table2 = tables.get("表二")
    assert table2.edition == "standard-2019"
    assert table2.cell("行政许可", "本年增/减").value == -3  # a change may be negative
    assert table2.cell("政府集中采购", "采购总金额").value == Decimal("386.5")
    assert "其他处理" in tables.get("表三").row_keys()  # （六） is one row in 60号
    assert "逾期不补正" not in tables.get("表三").row_keys()
    check_spans(source, tables)


def test_blank_dash_zero_and_text_are_told_apart():
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 10 |  | / | 0 | 十 | - | 10\n")
    table = tables_of(from_text(text)).get("表三")
    states = [table.cell("本年新收", column).state for column in table.column_keys()]
    assert states == [NUMBER, BLANK, NOT_APPLICABLE, NUMBER, INVALID, NOT_APPLICABLE, NUMBER]


@pytest.mark.parametrize(("label", "key"), [
    ("1. 属于国家秘密", "国家秘密"),
    ("（三）不予公开 1.属于国家秘密", "国家秘密"),
    ("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "部分公开"),
    ("3.危及“三安全一稳定”", "三安全一稳定"),
    ("5.要求行政机关确认或重新出具已获取信息", "确认或重新出具"),
    ("四、结转下年度继续办理", "结转下年度"),
    ("（七）总计", "办理结果总计"),
])
def test_label_variants_name_their_rows(label, key):
    text = f"三、收到和处理政府信息公开申请情况\n{label} | 1 | 0 | 0 | 0 | 0 | 0 | 1\n"
    assert tables_of(from_text(text)).get("表三").row_keys() == [key]


def test_normalised_labels_drop_numbers_quotes_and_spaces():
    assert normalise_label("其中：1、 “网站” 公开") == "网站公开"


def test_other_under_its_group_only():
    """"3.其他" is a row only under （六）其他处理; elsewhere it is a column header."""
    text = ("三、收到和处理政府信息公开申请情况\n"
            "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n"
            "3.其他 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n")
    assert tables_of(from_text(text)).get("表三").row_keys() == ["逾期不补正", "其他处理其他"]


def test_a_header_of_the_other_edition_decides_the_columns_of_table_2():
    text = ("某县人民政府2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规范性文件 | 4 | 4 | 37\n")
    table2 = tables_of(from_text(text)).get("表二")
    assert table2.edition == "standard-2019"
    assert table2.cell("规范性文件", "对外公开总数量").value == 37


# -- glued digits --------------------------------------------------------------------


def test_split_digits_takes_the_only_split():
    assert split_digits([("1000001", 0)], 7) == [("1", 0), ("0", 1), ("0", 2), ("0", 3), ("0", 4), ("0", 5), ("1", 6)]


def test_split_digits_takes_the_only_split_that_adds_up():
    def holds(values):
        return values[-1] == sum(values[:-1])

    split = split_digits([("713000074", 10)], 7, holds)
    assert [text for text, _ in split] == ["71", "3", "0", "0", "0", "0", "74"]
    assert [offset for _, offset in split] == [10, 12, 13, 14, 15, 16, 17]


def test_split_digits_does_not_guess():
    def holds(values):
        return values[-1] == sum(values[:-1])

    assert split_digits([("8855698", 0)], 3) is None  # 88|55|698 or 8|855|698 or …
    assert split_digits([("270020130", 0)], 7, holds) is None  # 27|0|0|2|0|1|30 or 2|7|0|0|20|1|30
    assert split_digits([("0012", 0)], 2) is None  # no number has a leading zero


def test_spaces_in_a_run_are_cell_boundaries():
    assert [text for text, _ in split_digits([("12", 0), ("3", 3)], 2)] == ["12", "3"]


def test_a_flattened_report_reads_what_it_can_and_says_what_it_cannot():
    source = read_source(FIXTURES / "standard-2021-flattened.txt")
    tables = tables_of(source)
    check_spans(source, tables)
    table3 = tables.get("表三")
    assert table3.cell("本年新收", "自然人").value == 96 and table3.cell("本年新收", "自然人").glued
    assert {row.row for row in tables.unreadable} == {
        "行政规范性文件", "（一）予以公开", "（二）部分公开", "（四）1.本机关不掌握相关政府信息", "（七）总计"}
    assert table3.unread == {"予以公开", "部分公开", "本机关不掌握", "办理结果总计"}
    assert tables.get("表四").cell("行政复议", "总计").value == 5
    (note,) = lint_file(source.path)
    assert (note.rule, note.severity.value) == ("tables.unreadable", "info")
    assert "12586" in note.message and "共5行" in note.message


# -- real reports -----------------------------------------------------------------------


def corpus(name):
    files = [path for path in require_shared("corpus") if path.name.startswith(name)]
    assert files, name
    return files[0]


@pytest.mark.corpus
def test_corpus_01_tables_are_read_and_table_3_balances():
    path = corpus("01_")
    tables = tables_of(read_source(path))
    table3 = tables.get("表三")
    assert (table3.cell("本年新收", "总计").value, table3.cell("上年结转", "总计").value) == (859, 18)
    assert (table3.cell("办理结果总计", "总计").value, table3.cell("结转下年度", "总计").value) == (805, 72)
    assert table3.cell("予以公开", "总计").state == BLANK  # the page leaves the 总计 column empty
    assert tables.get("表四").cell("直接起诉", "尚未审结").value == 1
    assert tables.get("表二").cell("政府集中采购", "采购总金额").value == 251000
    rules = {d.rule for d in lint_file(path)}
    assert not rules & {"tables.applications-balance", "tables.results-total", "tables.applicant-total"}


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["15_", "16_", "18_"])
def test_flattened_corpus_tables_give_no_table_errors(name):
    """Glued tables are read where the digits allow one reading and reported as
    unreadable elsewhere, never misread into arithmetic errors."""
    path = corpus(name)
    tables = tables_of(read_source(path))
    assert tables.get("表三") and tables.get("表四")
    diagnostics = lint_file(path)
    table_errors = [d for d in diagnostics if d.rule.startswith("tables.") and d.severity.value == "error"]
    assert table_errors == []
    assert [d.severity.value for d in diagnostics if d.rule == "tables.unreadable"] == ["info"]


@pytest.mark.corpus
def test_corpus_16_table_3_is_read_whole():
    source = read_source(corpus("16_"))
    table3 = tables_of(source).get("表三")
    assert not table3.unread and len(table3.row_keys()) == 25
    natural = table3.cell("本年新收", "自然人")
    assert natural.value == 71 and source.text[natural.span.start:natural.span.end] == "71"


@pytest.mark.corpus
def test_every_real_report_reads_without_error():
    for path in require_shared("corpus") + require_shared("seeds"):
        tables_of(read_source(path))


def test_a_row_short_of_values_is_reported_once_and_not_checked():
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 10 | 2 | 12\n"
            "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n")
    found = lint_text(text, select=["tables"])
    assert [d.rule for d in found] == ["tables.unreadable"]
    assert "数值的个数与表格的列数不符" in found[0].message


@pytest.mark.parametrize("year", [2020, 2022])
def test_either_form_of_other_processing_adds_up_in_either_edition(year):
    """（六）其他处理 is one row in 60号 and three in 30号; a draft using the
    other edition's form still adds up."""
    head = (f"某县人民政府{year}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "三、本年度办理结果 | （一）予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5\n")
    tail = "（七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8\n"
    single = "（六）其他处理 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n"
    split = ("（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n"
             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
             "3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n")
    for other in (single, split):
        assert lint_text(head + other + tail, select=["tables"]) == []
        assert [d.rule for d in lint_text(head + other + tail.replace("8", "9"), select=["tables.results-total"])] == [
            "tables.results-total", "tables.results-total"]


def test_tables_of_a_word_document_read_like_the_text(tmp_path):
    """python-docx makes every row as wide as the table: rows with fewer cells
    are padded with empty cells after their values."""
    import docx

    text = PIPES.read_text(encoding="utf-8")
    document = docx.Document()
    rows: list[list[str]] = []

    def add_table():
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for row_cells, row in zip(table.rows, rows):
            for cell, value in zip(row_cells.cells, row):
                cell.text = value
        rows.clear()

    for line in text.split("\n"):
        if " | " in line:
            rows.append(line.split(" | "))
            continue
        if rows:
            add_table()
        if line:
            document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    assert cells(tables_of(read_source(path))) == cells(tables_of(from_text(text)))
    assert lint_file(path) == []
