"""Build Word documents and web pages from lines of text, as offices make them:
python-docx writes real .docx files, and pages carry a government site's chrome."""

from __future__ import annotations

import html
import io
import re
import zlib

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import RGBColor

TITLE = "某县人民政府办公室2016年政府信息公开工作年度报告"
HEADING_MARKERS = tuple(f"{numeral}、" for numeral in "一二三四五六七八九十")
W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# Typed numbers that Word's list numbering stands in for, each kind in a list of its own.
_TYPED_NUMBER = re.compile(r"(?P<chapter>[一二三四五六七八九十]+、)|(?P<section>（[一二三四五六七八九十]+）)|(?P<item>\d+\.)")
_WORD_LISTS = {"chapter": ("chineseCounting", "%1、"), "section": ("chineseCounting", "（%1）"), "item": ("decimal", "%1.")}


def docx_bytes(lines: list[str], *, tables: list[list[list[str]]] = (), numbered: bool = False) -> bytes:
    """A .docx: the first line in the Title style, 一、 headings in Heading 1,
    the rest as body paragraphs, then the tables. ``numbered``: the typed
    numbers (一、 （一） 1.) are left out of the text and Word's list numbering
    shows them instead, one list per kind, as an editor sets them up."""
    document = docx.Document()
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        typed = _TYPED_NUMBER.match(line) if numbered else None
        paragraph = document.add_paragraph(line[typed.end():] if typed else line,
                                           style="Heading 1" if line.startswith(HEADING_MARKERS) else None)
        if typed:
            word_list(document, paragraph, *_WORD_LISTS[typed.lastgroup], list_id=90 + list(_WORD_LISTS).index(typed.lastgroup))
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row_index, row in enumerate(rows):
            for column_index, value in enumerate(row):
                table.cell(row_index, column_index).text = value
    return saved(document)


def word_list(document, paragraph, number_format: str, level_text: str, *, list_id: int, level: int = 0,
              start: int = 1) -> None:
    """Number ``paragraph`` with Word's list numbering: list ``list_id`` (made on
    first use with one level of ``number_format`` and ``level_text``, "%1、")."""
    numbering = document.part.numbering_part.element
    if not numbering.xpath(f"./w:num[@w:numId='{list_id}']"):
        levels = "".join(
            f'<w:lvl w:ilvl="{index}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="{level_text.replace("%1", f"%{index + 1}")}"/></w:lvl>'
            for index in range(level + 1)
        )
        definition = parse_xml(f'<w:abstractNum {W_NAMESPACE} w:abstractNumId="{list_id}">{levels}</w:abstractNum>')
        instances = numbering.xpath("./w:num")
        if instances:
            instances[0].addprevious(definition)
        else:
            numbering.append(definition)
        numbering.append(parse_xml(f'<w:num {W_NAMESPACE} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'))
    numbered = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbered.get_or_add_ilvl().val = level
    numbered.get_or_add_numId().val = list_id


def add_footnote(document, paragraph, text: str) -> None:
    """A footnote with ``text``, referenced at the end of ``paragraph`` (python-docx
    makes none: the part is written as Word writes it)."""
    from docx.opc.constants import CONTENT_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    try:
        notes = document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES).element
    except KeyError:
        notes = parse_xml(
            f'<w:footnotes {W_NAMESPACE}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            "</w:r></w:p></w:footnote></w:footnotes>"
        )
        part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, notes, document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    number = len(notes.findall(qn("w:footnote"))) - 1
    notes.append(parse_xml(f'<w:footnote {W_NAMESPACE} w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
                           f'<w:r><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p></w:footnote>'))
    paragraph._p.append(parse_xml(f'<w:r {W_NAMESPACE}><w:footnoteReference w:id="{number}"/></w:r>'))


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_xml(paragraph, xml: str) -> None:
    """Append WordprocessingML (with the w:, mc:, wps:, v: and wp: prefixes) to a paragraph."""
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    wrapper = parse_xml(f"<w:wrapper {namespaces}>{xml}</w:wrapper>")
    for element in list(wrapper):
        paragraph._p.append(element)


def text_box_xml(text: str) -> str:
    """A run holding a text box with ``text``, as Word writes it: a drawing, and a
    VML copy of the same box for old Word versions."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{html.escape(text)}</w:t></w:r></w:p></w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def formatted_word_draft() -> bytes:
    """A draft whose findings fall inside and across runs of different
    formatting, in a table, a text box, the header and a footnote, beside an
    editor's own comment and tracked changes (one inserting a sentence with a
    half-width comma)."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("一、概述", style="Heading 1")
    paragraph = document.add_paragraph()
    paragraph.add_run("本年度").bold = True
    italic = paragraph.add_run("主动公开政府信息183条,行政决")
    italic.italic = True
    italic.font.color.rgb = RGBColor(0xC0, 0, 0)
    paragraph.add_run("xx").underline = True
    paragraph.add_run("已公开。").font.highlight_color = WD_COLOR_INDEX.YELLOW
    repeated = document.add_paragraph()
    repeated.add_run("我局认真落实，工作").bold = True
    repeated.add_run("工作取得实效。")
    edited = document.add_paragraph()
    document.add_comment(edited.add_run("编辑已核对的段落。"), text="请再核对一次", author="王编辑", initials="W")
    by_editor = 'w:author="王编辑" w:date="2017-01-10T09:00:00Z"'
    add_xml(edited, f'<w:ins w:id="901" {by_editor}><w:r><w:t>编辑补充,已核实。</w:t></w:r></w:ins>'
                    f'<w:del w:id="902" {by_editor}><w:r><w:delText>删去的话。</w:delText></w:r></w:del>')
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "指标", (0, 1): "数量", (1, 0): "主动公开", (1, 1): "xx"}.items():
        table.cell(row, column).text = text
    add_xml(document.add_paragraph("二、主动公开政府信息情况", style="Heading 1"), text_box_xml("文本框里的占位符xx。"))
    add_footnote(document, document.add_paragraph("数据来自统计。"), "数据截至12月31日,详见附表。")
    document.sections[0].header.paragraphs[0].text = "xx县人民政府办公室"
    return saved(document)


def html_page(lines: list[str], encoding: str = "gbk") -> bytes:
    """A published page: navigation, breadcrumb and footer around the report,
    one <p> per line, saved in ``encoding`` with character references for what
    it cannot encode (as CMSs do)."""
    paragraphs = "\r\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines)
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">
<title>{html.escape(lines[0])}_人民政府网</title><script>var nav = "<p>不是正文</p>";</script></head>
<body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">年度报告</a></div>
<div class="TRS_Editor">
{paragraphs}
</div>
<div class="footer"><p>版权所有 | 主办：人民政府办公室</p></div>
</body></html>
"""
    return page.encode(encoding, "xmlcharrefreplace")


def pdf_bytes(pages: list[list[tuple]], *, unmapped: bool = False) -> bytes:
    """A PDF of A4 pages, each a list of what is drawn on it, in points from the
    top left: ``("text", x, baseline, size, text)``, ``("rule", x0, y0, x1, y1)`` and
    ``("image", x, top, width, height)`` (a grey picture, as a scanned page is);
    text may also be ``("turned", x, baseline, size, text)``, set upwards (a watermark).

    As PDF tools write text, each character is a glyph number (Identity-H) and a
    ToUnicode map says which character each glyph is; the font is STSong-Light,
    which every PDF reader knows without its being embedded (every glyph one em
    wide). ``unmapped`` leaves the ToUnicode map out, as some tools do.
    """
    height = 842
    glyphs: dict[str, int] = {}
    contents = []
    for drawn in pages:
        commands = []
        for kind, *values in drawn:
            if kind == "rule":
                x0, y0, x1, y1 = values
                commands.append(f"0.5 w {x0} {height - y0} m {x1} {height - y1} l S")
                continue
            if kind == "image":
                x, top, width, tall = values
                commands.append(f"q {width} 0 0 {tall} {x} {height - top - tall} cm /Im1 Do Q")
                continue
            x, baseline, size, text = values
            matrix = "0 1 -1 0" if kind == "turned" else "1 0 0 1"
            codes = "".join(f"{glyphs.setdefault(char, len(glyphs) + 1):04X}" for char in text)
            commands.append(f"BT /F1 {size} Tf {matrix} {x} {height - baseline} Tm <{codes}> Tj ET")
        contents.append("\n".join(commands))
    mapping = "".join(
        f"{len(chunk)} beginbfchar\n" + "".join(f"<{glyph:04X}> <{char.encode('utf-16-be').hex().upper()}>\n" for char, glyph in chunk)
        + "endbfchar\n"
        for chunk in (list(glyphs.items())[start:start + 100] for start in range(0, len(glyphs), 100))
    )
    to_unicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        f"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n{mapping}"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",  # the page tree, once the pages are numbered
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [4 0 R]"
        + ("" if unmapped else " /ToUnicode 6 0 R") + " >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /FontDescriptor 5 0 R"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -141 1000 859]"
        " /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 93 >>",
        _stream(to_unicode),
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
        " /Length 1 >>\nstream\n\x80\nendstream",
    ]
    kids = []
    for content in contents:
        objects.append(_stream(content))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 {height}] /Contents {len(objects)} 0 R"
                       " /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    return _pdf_file([body.encode("latin-1") for body in objects])


def pdf_bomb(megabytes: int) -> bytes:
    """A one-page PDF of about a thousandth of ``megabytes`` whose content stream
    inflates to ``megabytes`` of spaces (a decompression bomb)."""
    squeeze = zlib.compressobj(9)
    spaces = b" " * 2**20
    stream = b"".join(squeeze.compress(spaces) for _ in range(megabytes)) + squeeze.flush()
    return _pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ])


def _pdf_file(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1, the catalog first), with its cross-reference table."""
    data, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    data += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("latin-1")
    data += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
    return bytes(data)


def _stream(content: str) -> str:
    return f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream"


def pdf_of_lines(lines: list[str], *, size: float = 12, left: float = 72) -> bytes:
    """A one-page PDF with each line set on a line of its own."""
    return pdf_bytes([[("text", left, 100 + index * size * 1.5, size, line) for index, line in enumerate(lines)]])
