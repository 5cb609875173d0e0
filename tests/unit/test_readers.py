"""Readers for Word documents, web pages and Markdown: what they extract, what
they leave out, and where they say a diagnostic is in the original."""

import json
import zipfile

import docx
import pytest
from builders import add_xml, docx_bytes, saved, text_box_xml
from click.testing import CliRunner
from conftest import FIXTURES

from reportlint import lint_file
from reportlint.cli import main
from reportlint.parser import parse
from reportlint.readers import read_source
from reportlint.source import SourceError

WEB_PAGE = FIXTURES / "web-page-gbk-2016.html"


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- Word ----------------------------------------------------------------------


def test_docx_tables_are_rows_of_cells_located_by_table_row_and_cell(tmp_path):
    rows = [["指标", "单位", "数量"], ["主动公开政府信息数", "条", "xx"], ["网站公开", "条|个", "186"], ["政府公报公开", "", "3"]]
    path = write(tmp_path, "draft.docx", docx_bytes(["某局2016年政府信息公开工作年度报告", "一、概述", "正文。"], tables=[rows]))
    source = read_source(path)
    assert source.text.split("\n")[3:] == [
        "| 指标 | 单位 | 数量 |",
        "| 主动公开政府信息数 | 条 | xx |",
        "| 网站公开 | 条｜个 | 186 |",  # a "|" inside a cell must not split it
        "| 政府公报公开 |  | 3 |",
    ]
    (placeholder,) = [d for d in lint_file(path) if d.rule == "wording.placeholder"]
    assert (placeholder.line, placeholder.column) == (5, 19)
    assert str(placeholder.location) == "第1个表格第2行第3格“xx”"
    # A blank cell is located in itself, not in the cell before it.
    (table,) = parse(source).tables()
    blank = table.rows[3].cells[1]
    assert blank.text == "" and str(source.location(blank.span.start, blank.span.end)) == "第1个表格第4行第2格"


def test_docx_paragraph_numbers_count_non_empty_paragraphs_and_name_heading_styles(tmp_path):
    document = docx.Document()
    document.add_paragraph("某局2016年政府信息公开工作年度报告", style="Title")
    document.add_paragraph("")
    document.add_paragraph("一、概述", style="Heading 1")
    document.add_paragraph("我局认真落实，工作工作取得实效。")
    path = write(tmp_path, "draft.docx", saved(document))
    assert read_source(path).text == "某局2016年政府信息公开工作年度报告\n一、概述\n我局认真落实，工作工作取得实效。"
    (repeated,) = [d for d in lint_file(path) if d.rule == "wording.repeated-word"]
    assert str(repeated.location) == "第3段“局认真落实，工作工作取得实效。”"
    (missing, *_) = [d for d in lint_file(path) if d.rule == "structure.required-sections"]
    assert str(missing.location).startswith("第1段（标题）“某局2016年")


def test_a_docx_without_text_is_reported_as_such(tmp_path):
    path = write(tmp_path, "empty.docx", saved(docx.Document()))
    diagnostics = lint_file(path)
    assert diagnostics and {d.rule for d in diagnostics} == {"structure.required-sections"}
    assert {str(d.location) for d in diagnostics} == {"文档中没有文字"}


def test_docx_text_boxes_content_controls_and_revisions(tmp_path):
    document = docx.Document()
    document.add_paragraph("某局2016年政府信息公开工作年度报告")
    anchor = document.add_paragraph("正文第一段。")
    add_xml(anchor, text_box_xml("文本框里的占位符xx。"))
    revised = document.add_paragraph("保留")
    add_xml(revised, '<w:del><w:r><w:delText>删去的文字</w:delText></w:r></w:del><w:ins><w:r><w:t>插入的文字</w:t></w:r></w:ins>'
                     '<w:r><w:tab/><w:t>制表符后</w:t><w:br/><w:t>换行后</w:t></w:r>')
    body = document.element.body
    control = add_control(body, "内容控件中的段落。")
    body.insert(len(body) - 1, control)  # before the section properties
    path = write(tmp_path, "draft.docx", saved(document))
    assert read_source(path).text.split("\n") == [
        "某局2016年政府信息公开工作年度报告",
        "正文第一段。",
        "文本框里的占位符xx。",  # once: the fallback copy for old Word is not read again
        "保留插入的文字 制表符后",
        "换行后",
        "内容控件中的段落。",
    ]
    (placeholder,) = [d for d in lint_file(path) if d.rule == "wording.placeholder"]
    assert str(placeholder.location) == "第1个文本框“框里的占位符xx。”"


def add_control(body, text):
    from docx.oxml import parse_xml

    return parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtContent>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "不是有效的 .docx 文件（无法作为 zip 包打开）"),
        (None, "不是有效的 .docx 文件"),  # a zip without a Word document in it
    ],
)
def test_broken_docx_is_a_one_line_error(tmp_path, data, message):
    if data is None:
        path = tmp_path / "draft.docx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hello")
    else:
        path = write(tmp_path, "draft.docx", data)
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert str(error.value).startswith(f"{path}: {message}") and "\n" not in str(error.value)


def test_binary_word_is_refused_with_advice(tmp_path):
    with pytest.raises(SourceError, match="另存为 .docx"):
        read_source(write(tmp_path, "draft.doc", b"\xd0\xcf\x11\xe0"))


# -- web pages -----------------------------------------------------------------

WEB_PAGE_TEXT = """\
云岭州科学技术局2016年政府信息公开工作年度报告
发布日期：2017-01-20
本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，汇总云岭州科学技术局政府信息公开工作情况编制而成。本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。如有疑问，请与云岭州科学技术局办公室联系（电话：0870-1234567）。
一、概述
2016年，我局在州委、州人民政府的领导下，认真贯彻落实《条例》，围绕增强工作透明度、促进依法行政，扎实推进政府信息公开工作。
（一）加强组织领导。一是成立政府信息公开工作领导小组，由局长任组长，分管领导任副组长。二是明确2名同志具体负责政府信息公开工作。
二、主动公开政府信息情况
2016年1月至12月，我局通过门户网站主动公开政府信息186条，其中机构职能类信息12条，科技政策类信息48条，科技项目类信息126条。主动公开情况见下表。
| 指标 | 单位 | 数量 |
| 主动公开政府信息数 | 条 | 186 |
| 其中： 主动公开规范性文件数 | 条 | 3 |
| 网站公开 | 条 | 186 |
三、依申请公开政府信息情况
2016年，我局共收到政府信息公开申请3件，均已按期答复，其中同意公开2件，同意部分公开1件。
四、政府信息公开的收费及减免情况
2016年，我局未收取政府信息公开相关费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
2016年，我局未发生因政府信息公开申请行政复议、提起行政诉讼的情况。
六、政府信息公开工作存在的主要问题及改进情况
一是政策解读形式还不够丰富；二是依申请公开办理流程有待进一步规范。2017年，我局将加强政策解读，规范依申请公开办理工作。
云岭州科学技术局
2017年1月20日"""


def test_a_saved_government_page_reads_as_its_report():
    """GBK declared as gb2312, navigation, breadcrumb, share links, "related
    links", print buttons and footer dropped; unclosed <p>, <td> and <tr> read;
    a line break inside a Chinese word in the HTML source joined again."""
    source = read_source(WEB_PAGE)
    assert source.encoding == "gb18030"
    assert source.text == WEB_PAGE_TEXT
    assert lint_file(WEB_PAGE) == []


def test_web_page_locations_are_lines_and_columns_of_the_html(tmp_path):
    page = WEB_PAGE.read_bytes().replace("扎实推进政".encode("gbk"), "扎实推进政xx&amp;".encode("gbk"))
    path = write(tmp_path, "page.htm", page)
    (placeholder,) = [d for d in lint_file(path) if d.rule == "wording.placeholder"]
    html_line = next(n for n, line in enumerate(page.decode("gbk").split("\n"), 1) if "推进政xx" in line)
    column = page.decode("gbk").split("\n")[html_line - 1].index("xx") + 1
    # The HTML breaks the line after "&", which is no Chinese character: a space.
    assert str(placeholder.location) == f"网页源码第{html_line}行第{column}列“，扎实推进政xx& 府信息公”"


def test_main_content_hidden_elements_and_a_wrong_charset(tmp_path):
    page = (
        '<html><head><meta charset="utf-8"></head><body><div>侧栏文字</div>'
        '<article><h1>某局2016年政府信息公开工作年度报告</h1><p style="display: none">隐藏</p>'
        "<p>正文&nbsp;&nbsp;第一段。</p><footer>文章页脚</footer></article></body></html>"
    )
    # The page says UTF-8 but was saved as GBK: the bytes decide.
    source = read_source(write(tmp_path, "page.html", page.encode("gbk")))
    assert source.encoding == "gb18030"
    assert source.text == "某局2016年政府信息公开工作年度报告\n正文 第一段。\n文章页脚"


@pytest.mark.slow
def test_deeply_nested_markup_reads(tmp_path):
    page = "<div>" * 50_000 + "报告正文。" + "</div>" * 50_000
    assert read_source(write(tmp_path, "deep.html", page.encode("utf-8"))).text == "报告正文。"


# -- Markdown ------------------------------------------------------------------


def test_markdown_comments_and_strong_emphasis_are_blanked_in_place(tmp_path):
    # The comment's directive covers punctuation only: the wording rules still see the text around it.
    text = "# 某局2016年政府信息公开工作年度报告\n<!-- reportlint-disable punctuation\n多行注释xx -->\n## 一、**概述**\n做好工作工作。\n"
    path = write(tmp_path, "draft.md", text.encode("utf-8"))
    source = read_source(path)
    assert [comment.text for comment in source.comments] == ["reportlint-disable punctuation\n多行注释xx"]
    assert source.text.split("\n")[1:4] == [" " * 35, " " * 10, "## 一、  概述  "]
    diagnostics = lint_file(path)
    assert "wording.placeholder" not in {d.rule for d in diagnostics}  # neither the comment's xx nor **
    (repeated,) = [d for d in diagnostics if d.rule == "wording.repeated-word"]
    assert (repeated.line, repeated.column, repeated.location) == (5, 3, None)


# -- the command line ----------------------------------------------------------


def run(*args, input=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], input=input)


def test_stdin_filename_chooses_the_reader_and_names_the_file(tmp_path):
    data = docx_bytes(["某局2016年政府信息公开工作年度报告", "一、概述", "做好工作工作。"])
    result = run("--format", "json", "--stdin-filename", "草稿.docx", "-", input=data)
    (file,) = json.loads(result.output)["files"]
    assert file["path"] == "草稿.docx"
    repeated = next(d for d in file["diagnostics"] if d["rule"] == "wording.repeated-word")
    assert repeated["location"] == "第3段“做好工作工作。”"


def test_text_output_appends_the_location(tmp_path):
    path = write(tmp_path, "draft.docx", docx_bytes(["某局2016年政府信息公开工作年度报告", "一、概述", "做好工作工作。"]))
    lines = run(path).output.splitlines()
    at = lines.index(f"{path}:3:3: error [wording.repeated-word] “工作工作”重复了“工作”，删去一个。（位置：第3段“做好工作工作。”）")
    assert lines[at + 1] == "    3 | 做好工作工作。"  # the excerpt is the extracted text the columns count in


def test_json_has_no_location_for_text_files(tmp_path):
    path = write(tmp_path, "draft.txt", "某局2016年政府信息公开工作年度报告\n做好工作工作。".encode())
    diagnostics = json.loads(run("--format", "json", path).output)["files"][0]["diagnostics"]
    assert diagnostics and all("location" not in d for d in diagnostics)


def test_encoding_option(tmp_path):
    # UTF-16 without a BOM is not detected; --encoding names it.
    path = write(tmp_path, "draft.txt", "某局2016年政府信息公开工作年度报告\n工作工作。".encode("utf-16-be"))
    assert "编码 utf-16-be" in run("inspect", "--encoding", "utf-16-be", path).output
    assert "wording.repeated-word" in run("--encoding", "utf-16-be", path).output
    wrong = run("--encoding", "utf-8", path)
    assert wrong.exit_code == 2 and f"{path}: 按指定编码 UTF-8 解码失败" in wrong.output
    unknown = run("--encoding", "klingon", path)
    assert unknown.exit_code == 2 and "未知的编码“klingon”" in unknown.output
