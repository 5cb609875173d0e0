"""preamble_parts: the preamble's list of parts against the headings present.

Most reports announce their outline in the preamble ("本报告由概述、主动公开政府
信息情况……共五个部分组成", "全文包括总体情况、……和其他需要报告的事项"). A
report whose body was restructured, or copied from another year, says one thing
there and does another below. A part and a heading correspond when most of the
character pairs of one occur in the other, once the words every part shares
(政府信息公开, 情况, 工作 …) are set aside: "政府信息公开工作存在的主要问题及改进
措施" names the heading "五、主要问题和改进措施".

``check: unlisted`` reports each top-level heading the list does not name;
``check: missing`` reports, once, the listed parts that have no heading. A listed
statistics table or appendix counts as present when it appears anywhere after
the preamble (it is often attached without a number). When the text stops in
mid-sentence (an excerpt, a draft not finished), the parts listed after the
last one present are not reported: they may simply not have been reached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostic import Finding
from ..document import Document, Heading, Paragraph, Span
from ..facts import Facts
from .base import Kind, Option

_COUNT = r"[0-9一二三四五六七八九十]+个?部分"
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
# A complete text ends with a sentence, a date or a table's last figure.
_COMPLETE_END = re.compile(r"(?:[。！？!?][”’」』》〉）)]*|[0-9]|日)\s*$")


@dataclass(frozen=True)
class _Part:
    name: str
    span: Span


class PreambleParts(Kind):
    name = "preamble_parts"
    options = {"check": Option((str,), required=True, choices=("unlisted", "missing"))}
    message_args = frozenset({"heading", "parts", "count"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]

    def check(self, facts: Facts) -> Iterator[Finding]:
        document = facts.document
        found = _listed_parts(document)
        if found is None:
            return
        list_span, parts = found
        headings = [section.heading for section in document.sections if section.level == 1]
        listed = "、".join(part.name for part in parts)
        if self.aspect == "unlisted":
            for heading in headings:
                if not any(_similar(heading.text, part.name) for part in parts):
                    yield Finding(heading.span, {"heading": heading.marker.text + heading.text, "parts": listed})
            return
        after_preamble = document.text[list_span.end:]
        present = [_present(part, headings, after_preamble) for part in parts]
        if not _COMPLETE_END.search(document.text[-20:]):
            last = max((index for index, found in enumerate(present) if found), default=-1)
            present = [found or index > last for index, found in enumerate(present)]
        missing = [part for part, found in zip(parts, present) if not found]
        if missing:
            names = "”“".join(part.name for part in missing)
            yield Finding(missing[0].span, {"parts": f"“{names}”", "count": len(missing)})


def _listed_parts(document: Document) -> tuple[Span, list[_Part]] | None:
    """The span of the preamble's list and its parts, or None without a list."""
    paragraphs = [block for block in document.preamble if isinstance(block, Paragraph)]
    if not paragraphs:
        paragraphs = [block for block in list(document.paragraphs())[:1]]
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            match = _LIST.search(sentence.text)
            if match is None:
                continue
            start = sentence.span.start + match.start("items")
            items = match["items"]
            quoted = list(_QUOTED.finditer(items))
            pieces = [(item.group(1), item.start(1)) for item in quoted] if quoted else _split_parts(items)
            parts = [_Part(name, Span(start + at, start + at + len(name))) for name, at in pieces if name]
            if len(parts) >= 3:
                return Span(sentence.span.start + match.start(), sentence.span.start + match.end()), parts
    return None


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


def _present(part: _Part, headings: list[Heading], after_preamble: str) -> bool:
    if any(_similar(heading.text, part.name) for heading in headings):
        return True
    attachment = _ATTACHMENT.search(part.name)
    return bool(attachment and attachment.group() in after_preamble)


def _similar(heading: str, part: str) -> bool:
    """Whether most of the character pairs of one occur in the other."""
    first, second = _pairs(heading), _pairs(part)
    if not first or not second:
        return False
    shared = len(first & second)
    return shared / len(first) >= _SIMILAR or shared / len(second) >= _SIMILAR


def _pairs(text: str) -> set[str]:
    core = _GENERIC.sub("", text)
    return {core[index:index + 2] for index in range(len(core) - 1)} or ({core} if core else set())
