"""What the structure checks of the preamble share: the preamble's list of
parts, and whether a heading names a part.

Most reports announce their outline in the preamble ("本报告由概述、主动公开政府
信息情况……共五个部分组成", "全文包括总体情况、……和其他需要报告的事项"). A
report whose body was restructured, or copied from another year, says one thing
there and does another below. A part and a heading correspond when most of the
character pairs of one occur in the other, once the words every part shares
(政府信息公开, 情况, 工作 …) are set aside: "政府信息公开工作存在的主要问题及改进
措施" names the heading "五、主要问题和改进措施".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...diagnostic import Finding
from ...document import Document, Heading, Sentence, Span
from ...facts import Facts
from ...text.chars import ORDINAL_CHARS
from ..base import Kind

_COUNT = f"[0-9{ORDINAL_CHARS}]+个?部分"
_LIST = re.compile(
    r"(?:全文|报告)(?:全文)?(?:主要)?(?:内容)?(?:包括|由|分为|共分为?" + _COUNT + r")[：:]?"
    r"(?P<items>[^。]{4,400}?)(?:(?:等|共)?" + _COUNT + r"|组成|等内容|。|$)"
)
_QUOTED = re.compile(r"“([^”]{2,40})”")
_SEPARATOR = re.compile(r"[、，,；;]")
# A part's name ends with one of these; a piece of the list without one runs on
# into the next ("政府信息公开工作机构、人员情况").
_PART_END = r"(?:情况|事项|措施|概述|概况|打算|统计表|附表)"
_ENDS_PART = re.compile(_PART_END + "$")
# "…改进情况和其他需要报告的事项": 和 or 及 right after a part's end starts the next part.
_JOINED = re.compile(_PART_END + r"(?P<conjunction>[和及])")
_ATTACHMENT = re.compile(r"统计表|附表")
# Words every part shares: they say nothing about which part is meant.
_GENERIC = re.compile(r"政府信息公开|政府信息|政务公开|信息公开|情况|工作|[的和及与因、，,“”\s]")
_SIMILAR = 0.5
# Names of the first part that say the same: the 2019 format's 总体情况 was 概述 or
# 概况 before, and reports of the years between write either in either place.
_OVERVIEW = re.compile(r"概述|概况|总体")


@dataclass(frozen=True)
class Part:
    name: str
    span: Span


class PreambleListCheck(Kind):
    """A check of the preamble's list of parts, when the preamble has one."""

    def check(self, facts: Facts) -> Iterator[Finding]:
        found = listed_parts(facts.document)
        if found is not None:
            yield from self.check_parts(facts.document, *found)

    def check_parts(self, document: Document, list_span: Span, parts: list[Part]) -> Iterator[Finding]:
        raise NotImplementedError


def listed_parts(document: Document) -> tuple[Span, list[Part]] | None:
    """The span of the preamble's list and its parts, or None without a list."""
    for sentence in front_sentences(document):
        match = _LIST.search(sentence.text)
        if match is None:
            continue
        start = sentence.span.start + match.start("items")
        items = match["items"]
        quoted = list(_QUOTED.finditer(items))
        pieces = [(item.group(1), item.start(1)) for item in quoted] if quoted else _split_parts(items)
        parts = [Part(name, Span(start + at, start + at + len(name))) for name, at in pieces if name]
        if len(parts) >= 3:
            return Span(sentence.span.start + match.start(), sentence.span.start + match.end()), parts
    return None


def front_sentences(document: Document) -> Iterator[Sentence]:
    """The sentences of the preamble, or for drafts without one, of the first paragraph."""
    for paragraph in document.front_paragraphs():
        yield from paragraph.sentences


def _split_parts(items: str) -> list[tuple[str, int]]:
    """(name, offset) of each part of a list written out in running text."""
    cuts = [0]
    for separator in _SEPARATOR.finditer(items):
        cuts.append(separator.end())
    for joined in _JOINED.finditer(items):
        cuts.append(joined.end("conjunction"))
    cuts = sorted(set(cuts)) + [len(items)]
    parts: list[tuple[str, int]] = []
    start = 0
    for cut in cuts[1:]:
        name = items[start:cut].rstrip("、，,；;和及 ")
        if _ENDS_PART.search(name) or cut == len(items):
            if name.strip():
                parts.append((name.strip(), start + len(name) - len(name.lstrip())))
            start = cut
    return parts


def present(part: Part, headings: list[Heading], after_preamble: str) -> bool:
    if any(corresponds(heading.text, part.name) for heading in headings):
        return True
    return bool(_ATTACHMENT.search(part.name) and _ATTACHMENT.search(after_preamble))


def corresponds(heading: str, part: str) -> bool:
    """Whether a heading is the part the preamble lists: similar words, or both
    the statistics table (a 统计表 listed, a 附表 attached: one table)."""
    return similar(heading, part) or bool(_ATTACHMENT.search(heading) and _ATTACHMENT.search(part))


def similar(heading: str, part: str) -> bool:
    """Whether most of the character pairs of one occur in the other."""
    first, second = _pairs(heading), _pairs(part)
    if not first or not second:
        return False
    shared = len(first & second)
    return shared / len(first) >= _SIMILAR or shared / len(second) >= _SIMILAR


def _pairs(text: str) -> set[str]:
    core = _OVERVIEW.sub("总体", _GENERIC.sub("", text))
    return {core[index:index + 2] for index in range(len(core) - 1)} or ({core} if core else set())
