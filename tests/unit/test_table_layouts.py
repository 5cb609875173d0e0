"""The tables declared as data (reportlint.tables.schemas) and the readers they drive:
each declared layout feature read from a small draft."""

import pytest

from reportlint.facts import Facts
from reportlint.parser import parse
from reportlint.source import from_text
from reportlint.tables import SCHEMA_KEYS, SCHEMAS, table_label_pattern
from reportlint.tables.labels import normalise_label
from reportlint.tables.model import AtMost, ColumnSpec, SumOfOthers


def tables_of(text):
    return Facts(parse(from_text(text))).tables


def values(table, row):
    return [table.cell(row, column).value for column in table.column_keys() if table.cell(row, column)]


# -- the declarations ------------------------------------------------------------------


def test_every_group_names_rows_or_columns_of_its_schema():
    for key in SCHEMA_KEYS:
        for schema in SCHEMAS[key]:
            terms = {row.key for row in schema.rows} | set(schema.column_keys)
            for group, members in schema.groups.items():
                assert members and set(members) <= terms, (key, group)
            for heading in schema.headings:
                assert heading.group in schema.groups, (key, heading.group)


def test_a_row_takes_its_number_and_lead_from_its_name():
    (table3,) = SCHEMAS["表三"]
    assert (table3.row("上年结转").marker, table3.row("上年结转").lead) == ("二、", "上年结转")
    assert (table3.row("国家秘密").marker, table3.row("国家秘密").lead) == ("1.", "属于")  # a lead given
    assert table3.row("其他处理").marker == "（六）"
    assert table3.row("直接起诉") is None and SCHEMAS["表四"][0].row("直接起诉").marker == ""


@pytest.mark.parametrize("title", [
    "上年结转政府信息公开申请数量0000000", "属于国家秘密", "本年度办理结果", "总计9490130107", "其他",
    "同意公开答复数条00", "申请人无正当理由逾期不补正,",
])
def test_table_labels_come_from_the_schemas(title):
    assert table_label_pattern().match(title)


@pytest.mark.parametrize("title", ["其他需要报告的事项", "其他1000001", "主动公开政府信息情况", "本年度工作要点"])
def test_headings_are_no_table_labels(title):
    assert not table_label_pattern().match(title)


def test_constraints():
    columns = (ColumnSpec("本年度"), ColumnSpec("历年累计"))
    assert AtMost("本年度", "历年累计").holds(columns, [3, 10]) and not AtMost("本年度", "历年累计").holds(columns, [11, 10])
    columns = (ColumnSpec("结果维持"), ColumnSpec("结果纠正"), ColumnSpec("总计"))
    assert SumOfOthers("总计").holds(columns, [1, 2, 3]) and not SumOfOthers("总计").holds(columns, [1, 2, 4])


def test_a_label_numbered_with_a_closing_bracket_alone():
    assert normalise_label("1）属于国家秘密") == "属于国家秘密"
    assert normalise_label("（七）1)总计") == "总计"


# -- grids -------------------------------------------------------------------------------


def test_blocks_side_by_side_fill_the_rows_of_table_4_in_order():
    text = ("四、政府信息公开行政复议、行政诉讼情况\n"
            + " | ".join(["结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"] * 3) + "\n"
            "1 | 0 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 3 | 3\n")
    table4 = tables_of(text).get("表四")
    assert values(table4, "行政复议") == [1, 0, 0, 0, 1]
    assert values(table4, "复议后起诉") == [0, 0, 0, 3, 3]


def test_a_heading_row_names_the_row_of_the_unlabelled_values_below():
    text = ("四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议 | | | | \n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n1 | 0 | 0 | 0 | 1\n"
            "行政诉讼（复议后起诉） | | | | \n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n0 | 1 | 0 | 0 | 1\n")
    table4 = tables_of(text).get("表四")
    assert table4.row_keys() == ["行政复议", "复议后起诉"]
    assert values(table4, "复议后起诉") == [0, 1, 0, 0, 1]


def test_a_statistics_label_is_followed_by_its_unit_and_may_give_this_year_alone():
    text = ("某县2016年政府信息公开工作年度报告\n政府信息公开情况统计表\n"
            "指标名称 | 单位 | 2016年度 | 历年累计\n"
            "主动公开信息数 | 条 | 739 | 4359\n其中：1.网站公开 | 条 | 739\n")
    table = tables_of(text).get("统计表")
    assert values(table, "主动公开数") == [739, 4359]
    assert values(table, "网站公开数") == [739]


def test_a_row_of_table_2_goes_to_the_edition_whose_columns_it_fills():
    """Without a header naming the edition, a 2021 report's row of three values
    under 行政许可 is the 60号 row (上一年项目数量, 本年增/减, 处理决定数量)."""
    text = ("某县人民政府2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "规章 | 0 | 0 | 0\n行政许可 | 10 | -2 | 8\n")
    table2 = tables_of(text).get("表二")
    assert table2.edition == "standard-2021"
    assert values(table2, "规章") == [0, 0, 0] and table2.cell("行政许可", "本年处理决定数量") is None


# -- glued text ---------------------------------------------------------------------------


def test_glued_statistics_rows_take_the_split_where_this_year_is_within_the_total():
    text = ("某县2016年政府信息公开工作年度报告\n"
            "政府信息公开情况统计表 指标名称 单位 2016年度 历年累计 "
            "主动公开信息数 条 9110 其中：1、网站公开 条 739 4359\n")
    table = tables_of(text).get("统计表")
    assert values(table, "主动公开数") == [9, 110]  # 91|10 and 911|0 have this year above the total
    assert values(table, "网站公开数") == [739, 4359]
    assert table.cell("网站公开数", "本年度").glued


def test_glued_table_4_is_one_run_after_its_column_keys():
    text = ("四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 "
            "结果维持结果纠正其他结果尚未审结总计 未经复议直接起诉 复议后起诉 "
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 "
            "1 0 0 0 1 2 0 0 0 2 0 0 0 3 3 五、存在的主要问题及改进情况\n")
    table4 = tables_of(text).get("表四")
    assert values(table4, "直接起诉") == [2, 0, 0, 0, 2]
