"""copied_text: text carried over from last year's report (``--previous``).

Evaluators single out reports that repeat last year's (the CASS transparency
report found reports 90% identical to the year before; the 2021 format notice
names 内容雷同). The narrative — paragraphs, not headings or tables, which the
format fixes — is compared with last year's narrative as a whole, so that text
moved between sections still counts: a section's similarity is the share of its
character 6-grams that occur anywhere in last year's narrative. Years are masked
first, so a passage whose only change is the year counts as copied, and is
called out as such.

``check`` chooses the aspect:

- ``report``: the whole report's similarity, with each top-level section's
  (sections too short to compare left out), as one finding on the title;
- ``section``: each top-level section at or above ``threshold``;
- ``paragraph``: each paragraph of at least ``min_length`` characters at or
  above ``threshold``, outside sections already at or above ``section_threshold``
  (those are reported whole) and outside the preamble (a template by design).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..diagnostic import Finding
from ..document import Document, Paragraph, Section, Span
from ..facts import Facts
from ..text.numerals import chinese_ordinal
from .base import Kind, Option, OptionError

_SHINGLE = 6
_YEAR = re.compile(r"[12][0-9]{3}(?=\s*年)|[〇○零一二三四五六七八九]{4}(?=年)")
_SPACE = re.compile(r"\s+")
# Sections shorter than this ("六、其他需要报告的事项 无。") are the same every year.
_SHORTEST_SECTION = 50


@dataclass(frozen=True)
class _Passage:
    raw: str
    masked: str
    span: Span


class CopiedText(Kind):
    name = "copied_text"
    options = {
        "check": Option((str,), required=True, choices=("report", "section", "paragraph")),
        "threshold": Option((float, int), default=0.8),
        "section_threshold": Option((float, int), default=0.8),
        "min_length": Option((int,), default=50),
    }
    message_args = frozenset({"percent", "sections", "where", "detail", "previous_year"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]
        for key in ("threshold", "section_threshold"):
            if not 0 < options[key] <= 1:
                raise OptionError(key, "应为 0 到 1 之间的比例（如 0.8）")
        self.threshold = options["threshold"]
        self.section_threshold = options["section_threshold"]
        self.min_length = options["min_length"]

    def check(self, facts: Facts) -> Iterator[Finding]:
        if facts.previous is None:
            return
        last_year = facts.previous.document
        previous_shingles = _shingles(_passage(last_year.text, list(last_year.paragraphs())).masked)
        previous_sections = {}
        for section in last_year.sections:
            passage = _passage(last_year.text, _paragraphs(section))
            previous_sections[passage.masked] = (passage.raw, f"“{section.heading.marker.text}{section.heading.text}”")
        previous_paragraphs = {}
        for paragraph in last_year.paragraphs():
            passage = _passage(last_year.text, [paragraph])
            previous_paragraphs[passage.masked] = (passage.raw, "一段")
        year = facts.previous.profile.year
        document = facts.document
        sections = [(section, _passage(document.text, _paragraphs(section))) for section in document.sections]
        if self.aspect == "report":
            yield from self._report(document, sections, previous_shingles, year)
        elif self.aspect == "section":
            for section, passage in sections:
                share = _share(passage.masked, previous_shingles)
                if len(passage.masked) >= _SHORTEST_SECTION and share >= self.threshold:
                    yield Finding(section.heading.span, {
                        "where": section.heading.marker.text + section.heading.text,
                        "percent": _percent(share),
                        "detail": _detail(passage, previous_sections.get(passage.masked)),
                        "previous_year": year or "上",
                    })
        else:
            for section, passage in sections:
                if _share(passage.masked, previous_shingles) >= self.section_threshold:
                    continue
                for paragraph in _paragraphs(section):
                    text = _passage(document.text, [paragraph])
                    if len(text.masked) < self.min_length:
                        continue
                    share = _share(text.masked, previous_shingles)
                    if share >= self.threshold:
                        yield Finding(paragraph.span, {
                            "where": section.heading.marker.text + section.heading.text,
                            "percent": _percent(share),
                            "detail": _detail(text, previous_paragraphs.get(text.masked)),
                            "previous_year": year or "上",
                        })

    def _report(self, document: Document, sections, previous_shingles: set[str], year: int | None) -> Iterator[Finding]:
        whole = _passage(document.text, list(document.paragraphs()))
        if not whole.masked:
            return
        figures = "、".join(
            f"{chinese_ordinal(section.heading.marker.ordinal)} {_percent(_share(passage.masked, previous_shingles))}%"
            for section, passage in sections if len(passage.masked) >= _SHORTEST_SECTION
        )
        where = document.title.span if document.title else whole.span
        yield Finding(where, {
            "percent": _percent(_share(whole.masked, previous_shingles)),
            "sections": f"（各部分：{figures}）" if figures else "",
            "previous_year": year or "上",
        })


def _paragraphs(section: Section) -> list[Paragraph]:
    found = [block for block in section.blocks if isinstance(block, Paragraph)]
    for subsection in section.subsections:
        found.extend(_paragraphs(subsection))
    return found


def _passage(text: str, paragraphs: Iterable[Paragraph]) -> _Passage:
    paragraphs = list(paragraphs)
    raw = _SPACE.sub("", "".join(paragraph.text for paragraph in paragraphs))
    span = Span(paragraphs[0].span.start, paragraphs[-1].span.end) if paragraphs else Span(0, 0)
    return _Passage(raw, _mask(raw), span)


def _mask(text: str) -> str:
    return _YEAR.sub("#", _SPACE.sub("", text))


def _shingles(text: str) -> set[str]:
    return {text[index:index + _SHINGLE] for index in range(len(text) - _SHINGLE + 1)}


def _share(text: str, previous: set[str]) -> float:
    shingles = _shingles(text)
    return len(shingles & previous) / len(shingles) if shingles else 0.0


def _percent(share: float) -> int:
    return int(share * 100 + 0.5)


def _detail(passage: _Passage, same: tuple[str, str] | None) -> str:
    """What to add about a passage whose text, years masked, is last year's
    ``same`` (its raw text and how to name it)."""
    if same is None:
        return ""
    raw, name = same
    if raw != passage.raw:
        return f"，除年份外与上年报告的{name}一字不差"
    return f"，与上年报告的{name}一字不差"
