"""Reading what Word shows: list numbers from numbering.xml in front of the
paragraphs they number, headers, footers and notes as the margin the wording
checks read, and Word comments that suppress findings on their span."""

import docx
import pytest
from builders import W_NAMESPACE, add_footnote, docx_bytes, saved, word_list
from docx.oxml import parse_xml

from reportlint import lint_file, lint_text
from reportlint.parser import parse
from reportlint.readers import read_source

# As Word shows a draft whose 一、 headings are one list and whose (一) headings
# are another: the second list runs on across chapters instead of restarting.
NUMBERED_AS_SHOWN = [
    "某县人民政府办公室2016年政府信息公开工作年度报告",
    "一、概述",
    "（一）主动公开情况",
    "本年度主动公开政府信息183条。",
    "（二）依申请公开情况",
    "本年度收到申请5件。",
    "二、主动公开政府信息情况",
    "（三）公开内容",
    "公开了规范性文件：",
    "1.政策文件",
    "2.工作动态",
    "三、存在的主要问题及改进情况",
    "（四）问题",
    "存在不足。",
]


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_word_numbered_draft_gives_the_heading_findings_of_its_typed_twin(tmp_path):
    typed = write(tmp_path, "typed.docx", docx_bytes(NUMBERED_AS_SHOWN))
    numbered = write(tmp_path, "numbered.docx", docx_bytes(NUMBERED_AS_SHOWN, numbered=True))
    assert "（三）" not in docx.Document(numbered).paragraphs[7].text  # Word, not the text, holds the number
    assert read_source(numbered).text == read_source(typed).text == "\n".join(NUMBERED_AS_SHOWN)

    def findings(path):
        return [(d.rule, d.line, d.column, d.message, str(d.location)) for d in lint_file(path)]

    headings = [finding for finding in findings(numbered) if finding[0] == "structure.heading-numbering"]
    assert [(line, message) for _, line, _, message, _ in headings] == [
        (8, "标题序号“（三）”未从第一个序号开始，此处应为“（一）”。"),
        (13, "标题序号“（四）”未从第一个序号开始，此处应为“（一）”。"),
    ]
    assert findings(numbered) == findings(typed)


def numbering_definition(document, xml: str) -> None:
    numbering = document.part.numbering_part.element
    for element in parse_xml(f"<w:numbering {W_NAMESPACE}>{xml}</w:numbering>"):
        if element.tag.endswith("abstractNum"):
            numbering.xpath("./w:num")[0].addprevious(element)
        else:
            numbering.append(element)


def test_numbering_follows_styles_levels_restarts_and_formats(tmp_path):
    """Headings numbered through their style (a multilevel list linked to
    Heading 1 and Heading 2), a level that restarts under a new chapter, an
    instance that starts over, a number that repeats a higher level's in
    Arabic figures (w:isLgl), and bullets, which are no numbers."""
    document = docx.Document()
    numbering_definition(document, """
        <w:abstractNum w:abstractNumId="70">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
            <w:pStyle w:val="Heading1"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
            <w:pStyle w:val="Heading2"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%3"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="71">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="72">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircleChinese"/><w:lvlText w:val="%1"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="70"><w:abstractNumId w:val="70"/></w:num>
        <w:num w:numId="71"><w:abstractNumId w:val="71"/></w:num>
        <w:num w:numId="72"><w:abstractNumId w:val="72"/></w:num>
        <w:num w:numId="73"><w:abstractNumId w:val="72"/>
          <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>""")
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name].element
        style.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 70
    document.add_paragraph("某局2016年政府信息公开工作年度报告", style="Title")
    for text, style in [("概述", "Heading 1"), ("主动公开", "Heading 2"), ("依申请公开", "Heading 2"),
                        ("公开内容", "Heading 1"), ("政策文件", "Heading 2")]:
        document.add_paragraph(text, style=style)
    third_level = document.add_paragraph("细目")
    word_list(document, third_level, "decimal", "%1", list_id=70, level=2)
    for text, list_id in [("要点", 71), ("甲", 72), ("乙", 72), ("重新编号", 73)]:
        word_list(document, document.add_paragraph(text), "decimal", "%1", list_id=list_id)
    assert read_source(write(tmp_path, "styled.docx", saved(document))).text.split("\n")[1:] == [
        "一、概述", "（一）主动公开", "（二）依申请公开", "二、公开内容", "（一）政策文件", "2.1 细目",
        "要点", "①甲", "②乙", "①重新编号",
    ]


def margins_document(header: str, footer: str, footnote: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("某县人民政府办公室2016年政府信息公开工作年度报告", style="Title")
    document.add_paragraph("一、概述", style="Heading 1")
    add_footnote(document, document.add_paragraph("本年度主动公开政府信息183条。"), footnote)
    document.add_paragraph("二、主动公开政府信息情况", style="Heading 1")
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    return saved(document)


def test_headers_footers_and_footnotes_are_read_for_the_wording_checks_and_kept_out_of_the_outline(tmp_path):
    path = write(tmp_path, "draft.docx", margins_document("xx县人民政府办公室", "一、第 1 页", "数据截至2015年12月31日,来源xx。"))
    source = read_source(path)
    lines = source.text.split("\n")
    assert lines[-3:] == ["xx县人民政府办公室", "一、第 1 页", "数据截至2015年12月31日,来源xx。"]
    assert source.margin_start == source.text.index("xx县人民政府办公室")
    document = parse(source)
    assert [heading.text for heading in document.headings()] == ["概述", "主动公开政府信息情况"]
    assert [paragraph.text for paragraph in document.margins] == lines[-3:]
    found = {(d.rule, str(d.location)) for d in lint_file(path)}
    assert ("wording.placeholder", "页眉“xx县人民政府办”") in found
    assert ("wording.placeholder", "第1个脚注“31日,来源xx。”") in found
    assert ("punctuation.half-width", "第1个脚注“12月31日,来源xx。”") in found
    # The outline and the numbers leave the margin alone: a footer's "一、" is no
    # second chapter 一, a footnote's 2015 no year out of place.
    rules = {rule for rule, _ in found}
    assert "structure.heading-numbering" not in rules and "numbers.report-year" not in rules


def add_word_comment(document, paragraph, text: str, comment: str) -> None:
    """``paragraph`` gets ``text`` as a run of its own, commented with ``comment``."""
    document.add_comment(paragraph.add_run(text), text=comment, author="编辑")


def commented_draft(comment: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("某县人民政府办公室2016年政府信息公开工作年度报告", style="Title")
    document.add_paragraph("一、概述", style="Heading 1")
    paragraph = document.add_paragraph("本年度主动公开政府信息183条，行政决")
    add_word_comment(document, paragraph, "xx", comment)
    paragraph.add_run("已公开。")
    document.add_paragraph("二、主动公开政府信息情况", style="Heading 1")
    document.add_paragraph("另有文件xx待定。")
    return saved(document)


@pytest.mark.parametrize(
    ("comment", "silenced"),
    [
        ("reportlint-disable wording.placeholder", [3]),  # on its span: the other xx is still reported
        ("reportlint-disable punctuation", []),
        ("reportlint-disable", [3]),
        ("reportlint-disable-file wording", [3, 5]),
        ("reportlint-disable-next-line wording.placeholder", []),
        ("这里的 xx 是占位符，请补全", []),  # an editor's comment is no directive
    ],
)
def test_a_word_comment_suppresses_findings_on_its_span(tmp_path, comment, silenced):
    path = write(tmp_path, "draft.docx", commented_draft(comment))
    placeholders = [d.line for d in lint_file(path) if d.rule == "wording.placeholder"]
    assert placeholders == [line for line in (3, 5) if line not in silenced]


def test_an_unused_word_directive_is_reported_where_the_editor_finds_it(tmp_path):
    path = write(tmp_path, "draft.docx", commented_draft("reportlint-disable punctuation"))
    from reportlint.session import LintSession, SessionOptions

    result = LintSession(SessionOptions(report_unused=True)).check_path(str(path))
    (unused,) = [d for d in result.diagnostics if d.rule == "unused-suppression"]
    assert "reportlint-disable punctuation" in unused.message
    assert str(unused.location) == "第3段“3条，行政决xx已公开。”"


def test_margin_lines_are_paragraphs_the_wording_checks_scan_in_any_source():
    """The margin is the Source's, not Word's: any reader may set it."""
    from reportlint.source import from_text

    source = from_text("某局2016年政府信息公开工作年度报告\n一、概述\n正文。\n页脚xx")
    margined = type(source)(source.path, source.text, margin_start=source.text.index("页脚"))
    assert [d.line for d in lint_text(source.text) if d.rule == "wording.placeholder"] == [4]
    assert parse(margined).margins[0].text == "页脚xx"
    assert not any(paragraph.text == "页脚xx" for paragraph in parse(margined).paragraphs())


def test_inspect_tree_lists_the_margin(tmp_path):
    from click.testing import CliRunner

    from reportlint.cli import main

    path = write(tmp_path, "draft.docx", margins_document("某县人民政府办公室", "第 1 页", "数据截至年底。"))
    lines = CliRunner().invoke(main, ["inspect", "--tree", str(path)]).output.splitlines()
    assert lines[-3:] == ["margin 5:1-5:10 某县人民政府办公室", "margin 6:1-6:6 第 1 页", "margin 7:1-7:8 数据截至年底。"]
