"""structure.preamble_part_count: the number of parts the preamble announces
("全文共六部分", "本报告分为五个部分") against the parts of the body: its
top-level headings, and an attached statistics table or appendix that no
heading names ("附件：政府信息公开情况统计表"), which a preamble may count or not.

A preamble that also lists its parts by name is left to the rules that compare
the list with its count (numbers.enumeration-count) and with the headings
(structure.preamble-missing-part, structure.preamble-unlisted-part). An
excerpt may not reach its last parts: it is not read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import WHOLE_REPORTS
from ...text.numerals import chinese_count_value
from ..base import Kind
from ._preamble import front_sentences, listed_parts

_ANNOUNCED = re.compile(
    r"(?:全文|报告|年报)[^。]{0,30}?(?P<phrase>(?:全文|报告)?(?:共|分为|分成|包括|包含|由)\s*"
    r"(?P<count>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个?(?:大)?部分)"
)
_ATTACHMENT = re.compile(r"统计表|附表|附件")


class PreamblePartCount(Kind):
    name = "structure.preamble_part_count"
    reads = WHOLE_REPORTS
    message_args = frozenset({"match", "announced", "found", "headings"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        document = facts.document
        announcement = _announcement(facts)
        if announcement is None or listed_parts(document) is not None:
            return
        span, announced = announcement
        headings = [section.heading for section in document.sections if section.level == 1]
        named = any(_ATTACHMENT.search(heading.text) for heading in headings)
        attached = int(not named and bool(_ATTACHMENT.search(document.text, span.end)))
        if announced in (len(headings), len(headings) + attached):
            return
        listed = "，".join(heading.marker.text + _short(heading.text) for heading in headings) or "没有一级标题"
        yield Finding(span, {
            "match": document.text[span.start:span.end],
            "announced": announced,
            "found": len(headings) + attached,
            "headings": listed + ("，另附统计表或附件" if attached else ""),
        })


def _announcement(facts: Facts) -> tuple[Span, int] | None:
    """Where the preamble announces its number of parts, and the number."""
    for sentence in front_sentences(facts.document):
        match = _ANNOUNCED.search(sentence.text)
        if match is None:
            continue
        count = match["count"]
        try:
            announced = int(count) if count.isdigit() else chinese_count_value(count)
        except ValueError:
            continue
        start = sentence.span.start + match.start("phrase")
        return Span(start, start + len(match["phrase"])), announced
    return None


def _short(heading: str) -> str:
    return heading if len(heading) <= 12 else heading[:12] + "…"
