"""What `reportlint inspect` prints: the profile and outline of a document, and
with --tree every node with its span, so a user sees what the linter understood
(and a golden test pins what the parser makes of a draft)."""

from __future__ import annotations

from .document import Document, Paragraph, Section, Span, Table
from .genre import Genre, read_genre
from .profile import Profile
from .readers import input_format
from .source import Overview
from .tables import read_tables

_NEWLINES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


def summary(document: Document, profile: Profile) -> list[str]:
    source = document.source
    read_as = input_format(source.format)
    how = read_as.label
    if read_as.encoded:
        how += f"，编码 {source.encoding}{'，带 BOM' if source.bom else ''}，换行 {_NEWLINES[source.newline]}"
    if source.origin is not None:
        how += "；行列按提取出的文本计，问题另附原文位置"
    lines = [
        f"文件：{source.path}（{how}）",
        f"标题：{document.title.text if document.title else '（未识别到标题）'}",
        f"报告年度：{profile.year or '未知'}{f'（取自{profile.year_source}）' if profile.year_source else ''}",
        f"发布机关：{profile.agency or '未知'}（{profile.body.label if profile.body else '类型未知'}，"
        f"{profile.level.label if profile.level else '层级未知'}）",
        f"版式：{profile.edition.label}",
        f"发布日期：{profile.published.isoformat() if profile.published else '未知'}",
    ]
    if profile.period:
        lines.append(f"统计期限：{profile.period[0].isoformat()} 至 {profile.period[1].isoformat()}")
    genre = read_genre(document)
    if genre.genre is not Genre.REPORT:
        lines.append(f"文种：{genre.genre.label}（{genre.evidence}）")
    for meta in document.metadata:
        lines.append(f"元数据：{meta.key}：{meta.value}（第 {source.position(meta.span.start)[0]} 行）")
    if isinstance(source.origin, Overview):
        lines += source.origin.overview()
    return lines


def outline(document: Document) -> list[str]:
    lines = ["提纲："]
    for section in document.walk_sections():
        heading = section.heading
        line, column = document.source.position(heading.span.start)
        lines.append(f"{'  ' * heading.marker.level}{heading.marker.text}{heading.text}  （{line}:{column}）")
    tables = list(document.tables())
    if tables:
        lines.append(f"表格：{len(tables)} 个，共 {sum(len(table.rows) for table in tables)} 行")
    return lines


def tree(document: Document) -> list[str]:
    """Every node, one per line, with its span as line:column-line:column."""
    where = _where(document)
    lines = []
    if document.title:
        lines.append(f"title {where(document.title.span)} {document.title.text}")
    for meta in document.metadata:
        lines.append(f"meta {where(meta.span)} {meta.key}={meta.value}")
    lines.extend(f"chrome {where(piece.span)} {_clip(piece.text)}" for piece in document.chrome)
    lines.extend(f"table-region {where(span)}" for span in document.table_regions)
    lines.extend(_blocks(document.preamble, 0, where))
    for section in document.sections:
        lines.extend(_section(section, 0, where))
    lines += [f"margin {where(paragraph.span)} {_clip(paragraph.text)}" for paragraph in document.margins]
    return lines


def _where(document: Document):
    position = document.source.position

    def where(span: Span) -> str:
        (line, column), (end_line, end_column) = position(span.start), position(span.end)
        return f"{line}:{column}-{end_line}:{end_column}"

    return where


def _section(section: Section, depth: int, where) -> list[str]:
    heading = section.heading
    pad = "  " * depth
    lines = [f"{pad}section {where(section.span)} level={section.level} marker={heading.marker.text} "
             f"style={heading.marker.style} ordinal={heading.marker.ordinal} text={heading.text}"]
    lines.extend(_blocks(section.blocks, depth + 1, where))
    for subsection in section.subsections:
        lines.extend(_section(subsection, depth + 1, where))
    return lines


def _blocks(blocks, depth: int, where) -> list[str]:
    pad = "  " * depth
    lines = []
    for block in blocks:
        if isinstance(block, Paragraph):
            enumeration = " ".join(item.marker for item in block.enumeration)
            lines.append(f"{pad}paragraph {where(block.span)} sentences={len(block.sentences)}"
                         + (f" enumeration={enumeration}" if enumeration else ""))
            for sentence in block.sentences:
                lines.append(f"{pad}  sentence {where(sentence.span)} {_clip(sentence.text)}")
        elif isinstance(block, Table):
            lines.append(f"{pad}table {where(block.span)} rows={len(block.rows)}")
            for row in block.rows:
                cells = " | ".join(cell.text for cell in row.cells)
                lines.append(f"{pad}  row {where(row.span)}{' separator' if row.separator else ''} {cells}")
    return lines


def _clip(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[:width] + "…"


def statistics_tables(document: Document, profile: Profile) -> list[str]:
    """The statistics tables as the table checks read them, and the rows they could not read."""
    tables = read_tables(document, profile)
    lines = []
    for table in tables:
        edition = f"，{table.edition.label}" if table.key == "表二" else ""
        lines.append(f"统计表：{table.key}（{table.schema.title}{edition}）读取 {len(table.row_keys())} 行")
    for row in tables.unreadable:
        line, column = document.source.position(row.span.start)
        lines.append(f"  无法读取：{row.table}“{row.row}”行“{row.text}”（{line}:{column}），未核对")
    return lines
