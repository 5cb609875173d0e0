import pytest
from click.testing import CliRunner
from conftest import GOLDEN, SEED, check_golden, require_shared

from reportlint.cli import main
from reportlint.document import Paragraph, Table
from reportlint.parser import parse
from reportlint.readers import read_source
from reportlint.source import from_text


def outline(text: str) -> list[tuple[int, str, str]]:
    document = parse(from_text(text))
    return [(section.level, section.heading.marker.text, section.heading.text) for section in document.walk_sections()]


def test_seed_tree_golden():
    result = CliRunner().invoke(main, ["inspect", "--tree", str(SEED)])
    assert result.exit_code == 0, result.output
    check_golden(GOLDEN / "seed-tree.txt", result.output.replace(str(SEED), "SEED"))


@pytest.mark.corpus
def test_every_real_report_parses_with_an_outline():
    for path in require_shared("corpus") + require_shared("seeds"):
        document = parse(read_source(path))
        sections = list(document.walk_sections())
        assert sections, path.name
        # Spans are exact: each heading's text is found at its span.
        for section in sections:
            heading = section.heading
            assert document.text[heading.marker.span.start:heading.marker.span.end] == heading.marker.text
            assert heading.text in document.text[heading.span.start:heading.span.end]


def test_heading_and_first_sentence_share_a_line():
    document = parse(from_text("一、概述\n(一)加强组织领导,夯实基础。 一是成立了领导小组。二是召开专题会议。\n"))
    section = document.sections[0].subsections[0]
    assert section.heading.text == "加强组织领导,夯实基础"
    paragraph = section.blocks[0]
    assert [sentence.text for sentence in paragraph.sentences] == ["一是成立了领导小组。", "二是召开专题会议。"]
    assert [item.ordinal for item in paragraph.enumeration] == [1, 2]


def test_flattened_web_page_headings_after_sentence_end_space_and_ascii():
    text = ("本报告根据《条例》编制。邮箱：a@163.com一、概述2017年，我区认真贯彻《条例》。 （一）加强组织领导,精心部署安排1.高度重视。"
            "区领导多次部署。2.及时部署。 二、主动公开政府信息情况 （一）主动公开的数量 全年公开信息2122条。"
            "三、依申请公开情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）一、本年新收政府信息公开申请数量"
            "640020470二、上年结转政府信息公开申请数量0000000四、政府信息公开行政复议、行政诉讼情况")
    assert outline(text) == [
        (1, "一、", "概述"),
        (2, "（一）", "加强组织领导,精心部署安排"),
        (3, "1.", "高度重视"),
        (3, "2.", "及时部署"),
        (1, "二、", "主动公开政府信息情况"),
        (2, "（一）", "主动公开的数量"),
        # A known part's title ends where its words end; the flattened table
        # after it is no part of it, and its row labels are no headings.
        (1, "三、", "依申请公开情况"),
        (1, "四、", "政府信息公开行政复议、行政诉讼情况"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "一、二级单位均明确了信息公开工作人员。",  # 一、二 is a list of numerals
        "按照第二十条第（一）项的规定公开。",
        "依照《条例》第十四条（一）规定不予公开。",
    ],
)
def test_markers_inside_sentences_are_not_headings(line):
    assert outline("某县人民政府2016年政府信息公开工作年度报告\n" + line) == []


def test_title_only_on_the_first_line_and_not_a_heading():
    document = parse(from_text("\n\n  沐阳县人民政府2025年政府信息公开工作年度报告\n一、概述\n本年度报告如下。\n"))
    assert document.title.text == "沐阳县人民政府2025年政府信息公开工作年度报告"
    untitled = parse(from_text("一、概述\n本报告主要根据《条例》编制。"))
    assert untitled.title is None
    assert untitled.sections[0].heading.text == "概述"


def test_metadata_lines():
    document = parse(from_text("某局2019年政府信息公开工作年度报告\n发布日期：2020-01-31\n某局\n(2020年1月20日)\n一、总体情况\n"))
    assert [(meta.key, meta.value) for meta in document.metadata] == [
        ("发布日期", "2020-01-31"), ("署名", "某局"), ("日期", "(2020年1月20日)"),
    ]


def test_markdown_headings_and_tables():
    text = "## 一、总体情况\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n规范性文件\t6\t1\t32\n"
    document = parse(from_text(text))
    section = document.sections[0]
    assert section.heading.text == "总体情况"
    (table,) = [block for block in section.blocks if isinstance(block, Table)]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["信息内容", "本年制发件数"], ["---", "---"], ["规章", "0"], ["规范性文件", "6", "1", "32"],
    ]
    assert table.rows[1].separator
    cell = table.rows[2].cells[1]
    assert document.text[cell.span.start:cell.span.end] == "0"


def test_half_and_full_width_markers_have_the_same_level():
    assert outline("一、概述\n(一)甲\n（二）乙\n1.丙\n1、丁\n1．戊\n(1)己\n（2）庚\n") == [
        (1, "一、", "概述"), (2, "(一)", "甲"), (2, "（二）", "乙"), (3, "1.", "丙"), (3, "1、", "丁"),
        (3, "1．", "戊"), (4, "(1)", "己"), (4, "（2）", "庚"),
    ]


def test_crlf_input_gives_the_same_tree_positions():
    lf = parse(from_text("一、概述\n2016年，我局认真贯彻。\n"))
    crlf = parse(from_text("一、概述\r\n2016年，我局认真贯彻。\r\n"))
    assert lf.sections[0].blocks == crlf.sections[0].blocks


def test_every_paragraph_text_is_its_span():
    document = parse(read_source(SEED))
    for paragraph in document.paragraphs():
        assert isinstance(paragraph, Paragraph)
        assert document.text[paragraph.span.start:paragraph.span.end] == paragraph.text
        for sentence in paragraph.sentences:
            assert document.text[sentence.span.start:sentence.span.end] == sentence.text


@pytest.mark.slow
def test_a_huge_flattened_line_parses():
    text = "一、概述 2016年，我局认真贯彻《条例》，扎实推进工作。" * 20000
    document = parse(from_text(text))
    assert len(list(document.walk_sections())) == 20000


def test_a_title_after_the_pages_metadata_is_the_title_and_long_headings_wrap_nothing():
    # A saved page: its 发布时间 line, then the title; its headings are long and,
    # like every heading, end without a mark, which says nothing of a page width.
    text = ("发布时间：2025-01-20 09:30 来源：县政府办公室\n青溪县人民政府2024年政府信息公开工作年度报告\n"
            "本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n全年主动公开信息120条。\n"
            "（一）上年度问题整改情况说明\n问题已整改。\n二、主动公开政府信息情况说明\n全年主动公开信息120条。\n"
            "三、收到和处理政府信息公开申请情况\n全年收到申请3件。\n四、政府信息公开行政复议、行政诉讼情况\n未发生。\n")
    document = parse(from_text(text + "青溪县人民政府办公室政务公开科联系人\n联系电话0871-6543210\n"))
    assert document.title.text == "青溪县人民政府2024年政府信息公开工作年度报告"
    assert [paragraph.text for paragraph in document.preamble] == ["本报告根据《中华人民共和国政府信息公开条例》编制。"]
    last_two = [paragraph.text for paragraph in document.paragraphs()][-2:]
    assert last_two == ["青溪县人民政府办公室政务公开科联系人", "联系电话0871-6543210"]  # typed lines, not one wrapped
