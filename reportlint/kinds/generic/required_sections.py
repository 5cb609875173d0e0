"""required_sections: the parts the law or the format requires, by topic.

Reports are matched by topic, not by exact heading text: under the 2008 条例
offices wrote their own outlines ("六、政府信息公开收费和减免情况", "四、政府信息
公开的收费及减免情况"), so each topic is a pattern of the words any heading on it
uses. Which topics are required depends on the report's edition.

Under the 2008 条例 the law asks for the information, not for a heading: a
free-format report that says "未发生因政府信息公开申请行政复议、提起行政诉讼的情况"
in another part, or whose statistics table has a 行政复议数 row, has reported it.
A topic's ``covered_by`` patterns find such statements in the body (the
sections after the preamble, whose list of parts is no statement): each of them
must be found, so that 复议 and 诉讼 are both reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import WHOLE_REPORTS
from ..base import Kind
from ..options import Editions, HeadingLevels, ListOf, Pattern, Records, Text


class RequiredSections(Kind):
    """``editions`` maps an edition to its topics, each ``{topic, pattern, basis}``
    and optionally ``covered_by``. A topic is present when a heading of one of
    ``levels`` matches its pattern, or the body holds each of its ``covered_by``."""

    name = "required_sections"
    reads = WHOLE_REPORTS
    options = {
        "editions": Editions(Records({
            "topic": Text(required=True),
            "pattern": Pattern(required=True),
            "basis": Text(required=True),
            "covered_by": ListOf(Pattern()),
        }), required=True),
        "levels": HeadingLevels(default=frozenset({1, 2})),
    }
    message_args = frozenset({"topic", "basis", "edition"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        edition = facts.profile.edition
        headings = [heading.text for heading in facts.document.headings() if heading.marker.level in self.levels]
        document = facts.document
        if document.title:
            where = document.title.span
        else:
            first = next(iter(document.headings()), None)
            where = first.span if first else Span(0, 0)
        body = Span(document.sections[0].span.start, document.sections[-1].span.end) if document.sections else None
        for topic in self.editions.get(edition, ()):
            if any(topic["pattern"].search(heading) for heading in headings):
                continue
            covered_by = topic.get("covered_by")
            if covered_by and body is not None and all(pattern.search(facts.text, body.start, body.end) for pattern in covered_by):
                continue
            yield Finding(where, {"topic": topic["topic"], "basis": topic["basis"], "edition": edition.label})
