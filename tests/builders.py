"""Build Word documents and web pages from lines of text, as offices make them:
python-docx writes real .docx files, and pages carry a government site's chrome."""

from __future__ import annotations

import html
import io

import docx
from docx.oxml import parse_xml

HEADING_MARKERS = tuple(f"{numeral}、" for numeral in "一二三四五六七八九十")


def docx_bytes(lines: list[str], *, tables: list[list[list[str]]] = ()) -> bytes:
    """A .docx: the first line in the Title style, 一、 headings in Heading 1,
    the rest as body paragraphs, then the tables."""
    document = docx.Document()
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        document.add_paragraph(line, style="Heading 1" if line.startswith(HEADING_MARKERS) else None)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row_index, row in enumerate(rows):
            for column_index, value in enumerate(row):
                table.cell(row_index, column_index).text = value
    return saved(document)


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
