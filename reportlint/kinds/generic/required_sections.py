"""required_sections: the parts the law or the format requires, by topic.

Reports are matched by topic, not by exact heading text: under the 2008 条例
offices wrote their own outlines ("六、政府信息公开收费和减免情况", "四、政府信息
公开的收费及减免情况"), so each topic is a pattern of the words any heading on it
uses. Which topics are required depends on the report's edition.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import WHOLE_REPORTS
from ..base import Kind
from ..options import Editions, HeadingLevels, Pattern, Records, Text


class RequiredSections(Kind):
    """``editions`` maps an edition to its topics, each ``{topic, pattern, basis}``.
    A topic is present when a heading of one of ``levels`` matches its pattern."""

    name = "required_sections"
    reads = WHOLE_REPORTS
    options = {
        "editions": Editions(Records({
            "topic": Text(required=True),
            "pattern": Pattern(required=True),
            "basis": Text(required=True),
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
        for topic in self.editions.get(edition, ()):
            if not any(topic["pattern"].search(heading) for heading in headings):
                yield Finding(where, {"topic": topic["topic"], "basis": topic["basis"],
                                      "edition": edition.label})
