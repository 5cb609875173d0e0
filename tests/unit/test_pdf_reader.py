"""The PDF reader on pages made here, each character placed where a PDF tool
would place it (tests/builders.py): paragraphs joined by the line-wrap rule,
running headers, footers and page numbers dropped, ruled tables with merged
and stacked cells, tables without rules, a table continued on the next page,
locations, what `inspect` shows, and the refusals."""

import pytest
from builders import pdf_bytes
from click.testing import CliRunner
from conftest import FIXTURES

from reportlint.cli import main
from reportlint.parser import parse
from reportlint.readers import read_source
from reportlint.source import SourceError

# A text block from x=72, 12-point characters (the builder's font sets each one
# em wide), 30 characters a line, a line every 18 points.
LEFT, SIZE, WIDTH, PITCH = 72, 12, 30, 18


def typeset(lines: list[tuple[int, str]], top: float = 100) -> list[tuple]:
    """Lines of body text, each (indent in characters, text), one under the other."""
    return [("text", LEFT + indent * SIZE, top + index * PITCH, SIZE, text) for index, (indent, text) in enumerate(lines)]


def full(indent: int, text: str) -> tuple[int, str]:
    """A line that runs to the right margin, as a line a paragraph wraps after does."""
    assert indent + len(text) == WIDTH, (len(text), text)
    return indent, text


def read(tmp_path, pages, name="report.pdf", **options):
    path = tmp_path / name
    path.write_bytes(pdf_bytes(pages, **options))
    return read_source(path)


def test_the_lines_of_a_paragraph_are_joined_by_the_line_wrap_rule(tmp_path):
    page = typeset([
        (0, "云岭县科学技术局2022年政府信息公开工作年度报告"),
        full(2, "本报告根据《条例》编制，全文包括总体情况、主动公开政府信"),
        full(0, "息情况等六个部分。本报告所列数据的统计期限自2022年1月1"),
        (0, "日起至2022年12月31日止。"),
        (0, "一、总体情况"),
        # A line that breaks off mid-word goes on even when the next one opens
        # like a numbered item; Latin words wrapped at a space get it back.
        full(2, "我局依托门户网站公开政府信息，严格执行《条例》第二十条第"),
        full(0, "（一）项的规定主动公开规章和规范性文件，公文系统升级为WPS"),
        (0, "Office。"),
        # A line that ends a sentence and runs to the margin: the next line,
        # not indented, goes on with it in a document that indents paragraphs.
        full(2, "全年主动公开政府信息3218条，其中行政规范性文件2件。"),
        (0, "均已在网站集中公开。"),
        (0, "（一）主动公开方面"),
        (2, "全年未收取信息处理费。"),
    ])
    assert read(tmp_path, [page]).text.split("\n") == [
        "云岭县科学技术局2022年政府信息公开工作年度报告",
        "本报告根据《条例》编制，全文包括总体情况、主动公开政府信息情况等六个部分。本报告所列数据的统计期限自2022年1月1"
        "日起至2022年12月31日止。",
        "一、总体情况",
        "我局依托门户网站公开政府信息，严格执行《条例》第二十条第（一）项的规定主动公开规章和规范性文件，公文系统升级为WPS Office。",
        "全年主动公开政府信息3218条，其中行政规范性文件2件。均已在网站集中公开。",
        "（一）主动公开方面",
        "全年未收取信息处理费。",
    ]


def test_without_first_line_indents_a_line_that_ends_a_sentence_ends_its_paragraph(tmp_path):
    page = typeset([
        full(0, "全年主动公开政府信息3218条，其中行政规范性文件123件。"),
        full(0, "全年共收到政府信息公开申请108件，其中自然人96件，法人或"),
        (0, "其他组织12件。"),
    ])
    assert read(tmp_path, [page]).text.split("\n") == [
        "全年主动公开政府信息3218条，其中行政规范性文件123件。",
        "全年共收到政府信息公开申请108件，其中自然人96件，法人或其他组织12件。",
    ]


def test_a_centred_title_set_over_two_lines_is_one_line(tmp_path):
    title = [("text", LEFT, 80, 18, "云岭县人民政府2022年政府信息公开工作"), ("text", 216, 107, 18, "年度报告")]
    body = typeset([
        full(2, "本报告根据《条例》编制，全文包括总体情况、主动公开政府信"),
        full(0, "息情况等六个部分。本报告所列数据的统计期限自2022年1月1"),
        (0, "日起至2022年12月31日止。"),
    ], top=140)
    assert read(tmp_path, [title + body]).text.split("\n")[0] == "云岭县人民政府2022年政府信息公开工作年度报告"


def running(number: int, pages: int, footer: str) -> list[tuple]:
    """A running header with the title, and a page number in the footer."""
    return [
        ("text", 180, 40, 9, "云岭县人民政府2022年政府信息公开工作年度报告"),
        ("text", 280, 810, 9, footer.format(number=number, pages=pages)),
    ]


@pytest.mark.parametrize("footer", ["- {number} -", "第{number}页 共{pages}页", "{number}/{pages}", "{number}"])
def test_running_headers_footers_and_page_numbers_are_dropped(tmp_path, footer):
    first = typeset([
        (0, "云岭县人民政府2022年政府信息公开工作年度报告"),
        (0, "一、总体情况"),
        full(2, "2022年，云岭县人民政府认真贯彻落实《条例》，围绕县委"),
        full(0, "、县人民政府中心工作，深化政务公开，全面提高政府工作透明度，"),
    ], top=742)
    # The paragraph goes on at the top of the next page.
    second = typeset([(0, "推进决策公开。"), (0, "二、主动公开政府信息情况")])
    third = typeset([(0, "三、收到和处理政府信息公开申请情况")])
    pages = [running(number, 3, footer) + body for number, body in enumerate((first, second, third), 1)]
    source = read(tmp_path, pages)
    assert source.text.split("\n") == [
        "云岭县人民政府2022年政府信息公开工作年度报告",
        "一、总体情况",
        "2022年，云岭县人民政府认真贯彻落实《条例》，围绕县委、县人民政府中心工作，深化政务公开，全面提高政府工作透明度，推进决策公开。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]
    paragraph = source.text.index("透明度，")
    assert str(source.location(paragraph, paragraph + 3)) == "第1页“提高政府工作透明度，”"
    assert str(source.location(paragraph + 4, paragraph + 6)) == "第2页“推进决策公开。”"


def test_a_single_page_loses_its_page_number_but_keeps_its_other_lines(tmp_path):
    page = typeset([(0, "云岭县人民政府2022年政府信息公开工作年度报告"), (0, "一、总体情况")]) + [("text", 290, 810, 9, "1")]
    assert read(tmp_path, [page]).text == "云岭县人民政府2022年政府信息公开工作年度报告\n一、总体情况"


def grid(xs: list[float], ys: list[float], missing: set = frozenset()) -> list[tuple]:
    """The rules of a table: a rule along every x and y across the whole table,
    except the pieces named in ``missing`` ((x or y, from, to)) that merged cells leave out."""
    rules = []
    for y in ys:
        rules += [("rule", a, y, b, y) for a, b in zip(xs, xs[1:]) if ("y", y, a) not in missing]
    for x in xs:
        rules += [("rule", x, a, x, b) for a, b in zip(ys, ys[1:]) if ("x", x, a) not in missing]
    return rules


# 项目 over two header rows, 法人或其他组织 over two columns, 总计 over two rows;
# 商业企业 and 科研机构 stacked over two lines each.
TABLE_RULES = grid([72, 200, 260, 320, 380], [200, 225, 255, 275, 295], missing={
    ("y", 225, 72), ("y", 225, 320),  # under 项目 and 总计
    ("x", 260, 200),  # between 法人's two columns
})
TABLE_TEXT = [
    ("text", 76, 230, 9, "项目"), ("text", 204, 215, 9, "法人或其他组织"), ("text", 330, 230, 9, "总计"),
    ("text", 204, 237, 9, "商业"), ("text", 204, 249, 9, "企业"), ("text", 264, 237, 9, "科研"), ("text", 264, 249, 9, "机构"),
    ("text", 76, 268, 9, "一、本年新收"), ("text", 204, 268, 9, "8"), ("text", 264, 268, 9, "0"), ("text", 324, 268, 9, "8"),
    ("text", 76, 288, 9, "二、上年结转"), ("text", 204, 288, 9, "1"), ("text", 264, 288, 9, "0"), ("text", 324, 288, 9, "1"),
]
TABLE_ROWS = [
    "| 项目 | 法人或其他组织 | 总计 |",
    "| 商业企业 | 科研机构 |",
    "| 一、本年新收 | 8 | 0 | 8 |",
    "| 二、上年结转 | 1 | 0 | 1 |",
]


def test_a_ruled_table_is_read_as_rows_of_cells_and_never_also_as_prose(tmp_path):
    page = typeset([(0, "三、收到和处理政府信息公开申请情况")], top=180) + TABLE_RULES + TABLE_TEXT
    page += typeset([(0, "四、政府信息公开行政复议、行政诉讼情况")], top=320)
    source = read(tmp_path, [page])
    assert source.text.split("\n") == ["三、收到和处理政府信息公开申请情况", *TABLE_ROWS, "四、政府信息公开行政复议、行政诉讼情况"]
    # The numbered labels of the table are no headings: the outline is the page's.
    assert [section.heading.text for section in parse(source).sections] == [
        "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"]
    eight = source.text.index("| 8 |") + 2
    assert str(source.location(eight, eight + 1)) == "第1页第1个表格第3行第2格“8”"
    stacked = source.text.index("商业企业")
    assert str(source.location(stacked, stacked + 4)) == "第1页第1个表格第2行第1格“商业企业”"


def test_a_table_continued_on_the_next_page_is_one_table_without_its_repeated_header(tmp_path):
    xs = [72, 300, 400]
    header = [("text", 76, 715, 9, "信息内容"), ("text", 304, 715, 9, "本年处理决定数量")]
    first = typeset([(0, "二、主动公开政府信息情况")], top=690) + grid(xs, [700, 725, 745, 765]) + header + [
        ("text", 76, 738, 9, "行政许可"), ("text", 304, 738, 9, "3560"),
        ("text", 76, 758, 9, "行政处罚"), ("text", 304, 758, 9, "418"),
    ]
    moved = [(kind, x, y - 630, size, text) for kind, x, y, size, text in header]
    second = grid(xs, [70, 95, 115]) + moved + [
        ("text", 76, 108, 9, "行政强制"), ("text", 304, 108, 9, "23"),
    ] + typeset([(0, "三、收到和处理政府信息公开申请情况")], top=140)
    pages = [running(1, 2, "- {number} -") + first, running(2, 2, "- {number} -") + second]
    source = read(tmp_path, pages)
    assert source.text.split("\n") == [
        "二、主动公开政府信息情况",
        "| 信息内容 | 本年处理决定数量 |", "| 行政许可 | 3560 |", "| 行政处罚 | 418 |", "| 行政强制 | 23 |",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert len(list(parse(source).tables())) == 1
    coercion = source.text.index("23")
    assert str(source.location(coercion, coercion + 2)) == "第2页第1个表格第2行第2格“23”"
    assert "  第2页：文字 1 行；第1个表格 1 行 × 2 列（接上页，重复的表头 1 行不计）" in source.origin.overview()


def test_text_aligned_in_columns_without_rules_is_a_table_that_keeps_its_blank_cells(tmp_path):
    rows = [("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "0", "0", "2"), ("行政规范性文件", "12", "", "86")]
    page = typeset([(0, "（一）主动公开方面"), (2, "全年制发行政规范性文件12件。")])
    for index, row in enumerate(rows):
        page += [("text", x, 160 + index * PITCH, 10, cell) for x, cell in zip((72, 200, 300, 400), row) if cell]
    page += typeset([(0, "（二）依申请公开方面")], top=230)
    source = read(tmp_path, [page])
    assert source.text.split("\n") == [
        "（一）主动公开方面", "全年制发行政规范性文件12件。",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "| 规章 | 0 | 0 | 2 |", "| 行政规范性文件 | 12 |  | 86 |",
        "（二）依申请公开方面",
    ]
    assert "  第1页：文字 3 行；第1个表格 3 行 × 4 列（无框线，按文字对齐读取）" in source.origin.overview()


def test_watermarks_are_left_out_and_look_alike_radicals_read_as_characters(tmp_path):
    # Some PDF tools map glyphs to Kangxi radicals (⽣ U+2F63, ⾏ U+2F8F) that look like 生 and 行.
    page = typeset([(0, "一、总体情况"), (2, "群众办事更便捷，政务服务更贴⼼，⾏政效率更⾼。")])
    page.append(("turned", 300, 500, 60, "内部资料"))
    source = read(tmp_path, [page])
    assert source.text == "一、总体情况\n群众办事更便捷，政务服务更贴心，行政效率更高。"
    # What was left out is said, in case it was not a watermark.
    assert "  第1页：文字 2 行；未读旋转的文字 4 个（水印，或横放在页面上的内容）" in source.origin.overview()


def test_inspect_lists_the_pages_and_the_tables_read_on_each(tmp_path):
    path = tmp_path / "report.pdf"
    page = typeset([(0, "云岭县人民政府2022年政府信息公开工作年度报告")]) + TABLE_RULES + TABLE_TEXT
    path.write_bytes(pdf_bytes([page, typeset([(0, "六、其他需要报告的事项")])]))
    output = CliRunner().invoke(main, ["inspect", str(path)]).output.split("\n")
    assert output[0] == f"文件：{path}（PDF；行列按提取出的文本计，问题另附原文位置）"
    assert "页面：共 2 页（页眉、页脚和页码不计）" in output
    assert "  第1页：文字 1 行；第1个表格 4 行 × 4 列" in output
    assert "  第2页：文字 1 行" in output


def test_a_page_that_is_a_picture_only_is_named_as_not_read(tmp_path):
    """A scanned page among text pages (a statistics table pasted as a picture):
    its text is not read, and the run says so instead of staying silent. A
    picture beside text (a seal, a logo), or a blank page, is no such page."""
    path = tmp_path / "report.pdf"
    title = typeset([(0, "云岭县人民政府2022年政府信息公开工作年度报告"), (0, "一、总体情况")])
    seal = [("image", 400, 300, 120, 120)]
    scanned = [("image", 60, 60, 470, 700)]
    path.write_bytes(pdf_bytes([title + seal, scanned, [], typeset([(0, "六、其他需要报告的事项")]), scanned]))
    assert read_source(path).origin.omissions() == [
        "第2页、第5页只有图片、没有文字层（可能是扫描页），其中的内容没有检查；报告是否缺少某部分或某张表也因此没有检查，"
        "请对照这些页人工核对"]
    inspected = CliRunner().invoke(main, ["inspect", str(path)]).output.split("\n")
    assert "  第1页：文字 2 行" in inspected and "  第3页：文字 0 行" in inspected
    assert "  第2页：文字 0 行；只有图片 1 张，没有文字层（可能是扫描页），未检查" in inspected
    result = CliRunner().invoke(main, ["--quiet", str(path)])
    notes = [line for line in result.stderr.splitlines() if "没有文字层" in line]
    assert notes == [f"reportlint: 提示：{path}: 第2页、第5页只有图片、没有文字层（可能是扫描页），其中的内容没有检查；"
                     "报告是否缺少某部分或某张表也因此没有检查，请对照这些页人工核对"]
    # What was read is checked as an excerpt is: no part or table is called missing.
    assert "structure.required" not in result.stdout
    text_only = tmp_path / "text.pdf"
    text_only.write_bytes(pdf_bytes([title + seal, []]))
    assert read_source(text_only).origin.omissions() == []
    assert "structure.required-sections" in CliRunner().invoke(main, [str(text_only)]).stdout


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scanned.pdf", None, "PDF 没有文字层（可能是扫描件或图片），reportlint 不做文字识别；请提供可选中文字的 PDF 或 Word 原稿"),
        ("encrypted.pdf", None, "PDF 已加密，需要密码才能打开；请提供未加密的 PDF 或 Word 原稿"),
        ("unmapped.pdf", pdf_bytes([typeset([(0, "一、总体情况")])], unmapped=True),
         "PDF 中的文字无法提取（字体没有文字编码），reportlint 不做文字识别；请提供可选中文字的 PDF 或 Word 原稿"),
        ("truncated.pdf", (FIXTURES / "pdf" / "standard-2021-text-errors.pdf").read_bytes()[:4000], "不是有效的 PDF 文件（"),
        ("garbled.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8, "不是有效的 PDF 文件（"),
        ("notes.pdf", "一、总体情况".encode(), "不是 PDF 文件（开头没有 %PDF 标记）"),
        ("long.pdf", pdf_bytes([[("text", 72, 100, 12, "一")]] * 501),
         "PDF 有 501 页，超过 500 页的上限，不读取；年度报告通常只有几页到几十页"),
    ],
)
def test_files_that_cannot_be_read_are_refused_in_one_line_with_exit_status_2(tmp_path, name, data, message):
    path = FIXTURES / "pdf" / name
    if data is not None:
        path = tmp_path / name
        path.write_bytes(data)
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert str(error.value).startswith(f"{path}: {message}") and "\n" not in str(error.value)
    result = CliRunner().invoke(main, [str(path)])
    error, summary = result.output.splitlines()
    assert result.exit_code == 2 and error.startswith(f"reportlint: 错误：{path}: {message}") and "检查了 0 个文件" in summary


def test_fix_refuses_a_pdf_and_says_where_to_make_the_edits(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes([typeset([(0, "一、总体情况"), (2, "我局认真落实,工作取得实效。")])]))
    result = CliRunner().invoke(main, ["--fix", str(path)])
    assert result.exit_code == 2
    assert "只能就地修正文本、Markdown 和 Word 文件，请在导出这份 PDF 的原稿（如 Word 文档）中修改" in result.output
