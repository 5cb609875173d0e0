"""What sort of document a draft is: an annual report, an excerpt of one, or
something else that a folder of reports happens to hold.

Offices keep letters (…的函, 请示), notices and work plans next to their reports,
and copies of reports are often cut short: the first page of a web copy, a
draft not finished. A check of the report's structure, tables or deadline says
nothing useful about a letter, and a list of the parts an excerpt "lacks" is a
list of parts the copy did not reach. Checks declare which documents they read
(``Kind.reads``); the linter runs each only on those, and the rule
``facts.genre`` says once, at info level, what was not checked and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .document import Document, Paragraph, Span

# A title that names an annual report wins over every other sign.
_REPORT_TITLE = re.compile(r"年度报告|年报|工作报告")
# Titles of other kinds of official documents (公文的文种).
_OTHER_TITLE = re.compile(r"(?:的函|函复|请示|批复|通知|通报|意见|决定|方案|计划|要点|总结|纪要)$")
# A first line the grammar took for text may still be a title: short, no sentence.
_UNTITLED = re.compile(r"[^。，,；;：:]{4,60}")
# A letter or notice opens with its addressee ("市政府办公室：") and says what it is.
_SALUTATION = re.compile(r"^[^，。；：:、\s]{2,30}(?:办公室|办公厅|政府|管委会|局|委|厅|中心|单位|部门)[：:]$")
_LETTER_PHRASES = re.compile(r"函告如下|特此函告|特此函复|现函复如下|特此通知|现将[^。]{0,30}通知如下|特此请示|妥否，请批示")
# Where a text may end: a sentence's final mark, a closing bracket or quote
# ("（此件主动公开）"), a table's last figure, a date (a signature, an 印发 line).
_COMPLETE_END = re.compile(r"(?:[。！？!?…”’」』》〉）)\]0-9０-９]|日|印发)\s*$")
# Parts of the formats that close a report: its last paragraph may be a short
# note without a full stop ("无其他需要报告的事项").
_CLOSING_PART = re.compile(r"问题|改进|其他|需要说明|统计表|附表|附件")
# A last paragraph at least this long that stops without a final mark was cut off.
_LONG_PARAGRAPH = 40


class Genre(Enum):
    """What a draft is, with the Chinese words that describe it."""

    label: str

    def __new__(cls, word: str, label: str) -> Genre:
        member = object.__new__(cls)
        member._value_ = word
        member.label = label
        return member

    REPORT = "report", "政府信息公开工作年度报告"
    EXCERPT = "excerpt", "年度报告的节选"
    OTHER = "other", "其他公文"


# Which documents a check reads (``Kind.reads``).
ALL_DOCUMENTS = frozenset(Genre)
REPORTS = frozenset({Genre.REPORT, Genre.EXCERPT})  # the report's structure, tables, dates
WHOLE_REPORTS = frozenset({Genre.REPORT})  # what a whole report must contain


@dataclass(frozen=True)
class GenreReading:
    """The genre, and the sign it was read from: ``evidence`` in words, at ``span``."""

    genre: Genre
    evidence: str = ""
    span: Span = Span(0, 0)


def read_genre(document: Document) -> GenreReading:
    return _other(document) or _excerpt(document) or GenreReading(Genre.REPORT)


def _other(document: Document) -> GenreReading | None:
    paragraphs = list(document.paragraphs())
    title = document.title
    if title is not None:
        name, span = title.text, title.span
    elif paragraphs and _UNTITLED.fullmatch(paragraphs[0].text):  # a title that ends in no 报告: "关于…的函"
        name, span = paragraphs[0].text, paragraphs[0].span
    else:
        name, span = "", Span(0, 0)
    if _REPORT_TITLE.search(name):
        return None
    if _OTHER_TITLE.search(name):
        return GenreReading(Genre.OTHER, f"标题为“{name}”", span)
    for paragraph in paragraphs[:3]:
        if _SALUTATION.match(paragraph.text):
            return GenreReading(Genre.OTHER, f"以称谓“{paragraph.text}”开头", paragraph.span)
    for paragraph in paragraphs:
        phrase = _LETTER_PHRASES.search(paragraph.text)
        if phrase:
            start = paragraph.span.start + phrase.start()
            return GenreReading(Genre.OTHER, f"文中有“{phrase.group()}”", Span(start, start + len(phrase.group())))
    return None


def _excerpt(document: Document) -> GenreReading | None:
    """An excerpt starts after the beginning of a report or stops before its end."""
    sections = document.sections
    if document.title is None and not document.preamble and sections and sections[0].heading.marker.ordinal > 1:
        first = sections[0].heading
        return GenreReading(Genre.EXCERPT, f"从“{first.marker.text}{first.text}”开始", first.span)
    last = next(reversed(list(document.blocks())), None)
    headings = [heading.span.start for heading in document.headings()]
    if not isinstance(last, Paragraph) or _COMPLETE_END.search(last.text[-20:]):
        return None
    if headings and last.span.start < max(headings):
        return None  # it ends with a heading: an outline, not a text cut off
    # A short last paragraph without a final mark is cut off only where more
    # parts of the report were to follow it.
    if len(last.text) < _LONG_PARAGRAPH and (not sections or _CLOSING_PART.search(sections[-1].heading.text)):
        return None
    end = Span(max(last.span.start, last.span.end - 10), last.span.end)
    return GenreReading(Genre.EXCERPT, f"正文在“{document.text[end.start:end.end]}”处中断", end)

