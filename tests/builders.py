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


def pdf_bytes(pages: list[list[tuple]], *, unmapped: bool = False) -> bytes:
    """A PDF of A4 pages, each a list of what is drawn on it, in points from the
    top left: ``("text", x, baseline, size, text)`` and ``("rule", x0, y0, x1, y1)``;
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
    ]
    kids = []
    for content in contents:
        objects.append(_stream(content))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 {height}] /Contents {len(objects)} 0 R"
                       " /Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    data, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
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
