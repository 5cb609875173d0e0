"""What the checks against last year's report (``--previous``) share.

Evaluators single out reports that repeat last year's (the CASS transparency
report found reports 90% identical to the year before; the 2021 format notice
names 内容雷同). The narrative — paragraphs, not headings or tables, which the
format fixes — is compared with last year's narrative as a whole, so that text
moved between sections still counts: a section's similarity is the share of its
character 6-grams that occur anywhere in last year's narrative. Years are masked
first, so a passage whose only change is the year counts as copied, and is
called out as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ...document import Document, Paragraph, Section, Span
from ...facts import Facts

_SHINGLE = 6
_YEAR = re.compile(r"[12][0-9]{3}(?=\s*年)|[〇○零一二三四五六七八九]{4}(?=年)")
_SPACE = re.compile(r"\s+")
# Sections shorter than this ("六、其他需要报告的事项 无。") are the same every year.
SHORTEST_SECTION = 50


@dataclass(frozen=True)
class Passage:
    raw: str
    masked: str
    span: Span


class LastYear:
    """Last year's narrative, ready to compare passages of this year's with."""

    def __init__(self, previous: Facts) -> None:
        self.document = previous.document
        self.year = previous.profile.year or "上"  # how messages name it: 2015年 or 上年
        self.shingles = shingles_of(passage(self.document.text, list(self.document.paragraphs())).masked)

    def share(self, passage: Passage) -> float:
        """The share of a passage's 6-grams that occur in last year's narrative."""
        return share_in(passage.masked, self.shingles)

    @cached_property
    def sections(self) -> dict[str, tuple[str, str]]:
        """Last year's top-level sections by masked text: (raw text, how to name it)."""
        found = {}
        for section in self.document.sections:
            text = passage(self.document.text, paragraphs(section))
            found[text.masked] = (text.raw, f"“{section.heading.marker.text}{section.heading.text}”")
        return found

    @cached_property
    def paragraphs(self) -> dict[str, tuple[str, str]]:
        """Last year's paragraphs by masked text: (raw text, how to name it)."""
        found = {}
        for paragraph in self.document.paragraphs():
            text = passage(self.document.text, [paragraph])
            found[text.masked] = (text.raw, "一段")
        return found


def sections(document: Document) -> list[tuple[Section, Passage]]:
    """This year's top-level sections with their narrative."""
    return [(section, passage(document.text, paragraphs(section))) for section in document.sections]


def paragraphs(section: Section) -> list[Paragraph]:
    found = [block for block in section.blocks if isinstance(block, Paragraph)]
    for subsection in section.subsections:
        found.extend(paragraphs(subsection))
    return found


def passage(text: str, paragraphs: Iterable[Paragraph]) -> Passage:
    paragraphs = list(paragraphs)
    raw = _SPACE.sub("", "".join(paragraph.text for paragraph in paragraphs))
    span = Span(paragraphs[0].span.start, paragraphs[-1].span.end) if paragraphs else Span(0, 0)
    return Passage(raw, _mask(raw), span)


def _mask(text: str) -> str:
    return _YEAR.sub("#", _SPACE.sub("", text))


def shingles_of(text: str) -> set[str]:
    return {text[index:index + _SHINGLE] for index in range(len(text) - _SHINGLE + 1)}


def share_in(text: str, previous: set[str]) -> float:
    """The share of the 6-grams of ``text`` that are in ``previous``."""
    own = shingles_of(text)
    return len(own & previous) / len(own) if own else 0.0


def percent(fraction: float) -> int:
    return int(fraction * 100 + 0.5)


def detail(passage: Passage, same: tuple[str, str] | None) -> str:
    """What to add about a passage whose text, years masked, is last year's
    ``same`` (its raw text and how to name it)."""
    if same is None:
        return ""
    raw, name = same
    if raw != passage.raw:
        return f"，除年份外与上年报告的{name}一字不差"
    return f"，与上年报告的{name}一字不差"
