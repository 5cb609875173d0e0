"""`--format docx`: the draft with every diagnostic as a Word comment (批注).

For a Word draft the document is a copy of the draft: each comment is anchored
on exactly the diagnostic's span (runs are cut where needed, each part keeping
its formatting) — in the body, tables, text boxes, headers, footers and notes
alike — and nothing else changes. Any other draft (text, Markdown, a web page,
a PDF) becomes a new document of the text reportlint read, one paragraph per
line, with the same comments.

A comment is by reportlint and says, one line each: the severity in Chinese and
the message, the suggested text when there is one, and the rule id.

This is a document format: ``render_document`` makes one document per draft
(the command line writes it to --output-file, or into a folder for several
drafts), from the diagnostics and, for a Word draft, the bytes the result keeps
(a session with ``SessionOptions(keep_originals=True)``).
"""

from __future__ import annotations

from ..diagnostic import Diagnostic
from ..linter import FileResult


def render_document(result: FileResult) -> bytes:
    from ..word.comments import add_comment, document_of_text
    from ..word.extraction import extract
    from ..word.package import open_document, saved

    source = result.source
    if source.format == "docx":
        if result.original is None:
            raise ValueError(f"{result.path}: 结果未保留 Word 原文件，请用 SessionOptions(keep_originals=True) 检查")
        document = open_document(result.original, result.path)
        text_map = extract(document).text_map
    else:
        document, text_map = document_of_text(source.text)
    for diagnostic in result.diagnostics:
        start = source.offset_in_text(diagnostic.line, diagnostic.column)
        end = source.offset_in_text(diagnostic.end_line, diagnostic.end_column)
        add_comment(document, text_map, start, max(start, end), comment_text(diagnostic))
    return saved(document)


def comment_text(diagnostic: Diagnostic) -> str:
    lines = [f"{diagnostic.severity.label}：{diagnostic.message}"]
    if diagnostic.suggestion is not None:
        lines.append(f"建议改为：{diagnostic.suggestion}")
    lines.append(f"规则：{diagnostic.rule}")
    return "\n".join(lines)
