"""Word documents (.docx), read with python-docx (reportlint/word/).

The text is what Word shows (reportlint/word/extraction.py): a line per
paragraph with its list number, per table row, per text box, and after the
body the headers, footers and notes as the margin.

A Word user has no line numbers, so a diagnostic also carries a place in the
document (``Source.location``): "第12段“…”" counting non-empty paragraphs of the
body from 1, "第2个表格第3行第4格“…”" for table cells, "第1个文本框“…”",
"页眉“…”", "第1个脚注“…”", each with a short quote to search for.

A Word comment whose text is a suppression directive ("reportlint-disable
wording.placeholder") becomes a Comment of the Source, anchored on the span the
comment marks.
"""

from __future__ import annotations

from ..source import Comment, Places, Source, SourceError


def refuse_binary_word(data: bytes, path: str, encoding: str | None = None) -> Source:
    raise SourceError(f"{path}: 不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx")


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    """``encoding`` is not used: a .docx names its own (UTF-8 XML)."""
    return read_document(data, path)[0]


def read_document(data: bytes, path: str):
    """The Source of a .docx, with the python-docx document it was read from and
    the map of its text to the XML (for writing back into that document)."""
    # Lazy: only runs that read Word documents pay for python-docx and lxml.
    from ..word.extraction import extract
    from ..word.package import comment_texts, open_document

    document = open_document(data, path)
    try:
        extraction = extract(document)
        comments = _directives(comment_texts(document), extraction.comment_ranges)
    except Exception as error:  # noqa: BLE001 - a malformed document is bad input, not a crash
        raise SourceError(f"{path}: 无法读取 Word 文档内容（{type(error).__name__}）") from None
    starts, ends, labels = zip(*extraction.places) if extraction.places else ((), (), ())
    source = Source(path, extraction.text, "utf-8", False, "\n", "docx", Places(starts, ends, labels),
                    comments=comments, margin_start=extraction.margin_start)
    return source, document, extraction.text_map


def _directives(texts: dict[str, str], ranges: dict[str, list[int | None]]) -> tuple[Comment, ...]:
    """The Word comments that hold a reportlint directive, on the spans they mark."""
    comments = []
    for comment_id, text in texts.items():
        start, end = ranges.get(comment_id, (None, None))
        if text.startswith("reportlint-") and start is not None and end is not None:
            comments.append(Comment(text, start, max(start, end), anchored=True))
    return tuple(sorted(comments, key=lambda comment: comment.start))
