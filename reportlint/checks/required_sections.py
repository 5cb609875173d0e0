"""required_sections: the parts the law or the format requires, by topic.

Reports are matched by topic, not by exact heading text: under the 2008 条例
offices wrote their own outlines ("六、政府信息公开收费和减免情况", "四、政府信息
公开的收费及减免情况"), so each topic is a pattern of the words any heading on it
uses. Which topics are required depends on the report's edition.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostic import Finding
from ..document import Span
from ..facts import Facts
from ..patterns import PatternError, RulePattern, compile_pattern
from ..profile import Edition
from .base import Kind, Option, OptionError


class RequiredSections(Kind):
    """``editions`` maps an edition to its topics, each ``{topic, pattern, basis}``.
    A topic is present when a heading of one of ``levels`` matches its pattern."""

    name = "required_sections"
    options = {
        "editions": Option((dict,), required=True),
        "levels": Option((list,), default=[1, 2], items=int),
    }
    message_args = frozenset({"topic", "basis", "edition"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.topics: dict[str, list[tuple[str, RulePattern, str]]] = {}
        for edition, topics in options["editions"].items():
            if Edition.parse(edition) is None:
                raise OptionError("editions", f"未知的版式“{edition}”，应为：{'、'.join(Edition)}")
            if not isinstance(topics, list):
                raise OptionError("editions", f"{edition}：应为主题列表")
            parsed = []
            for topic in topics:
                if not isinstance(topic, dict) or set(topic) != {"topic", "pattern", "basis"}:
                    raise OptionError("editions", f"{edition}：每个主题应有且仅有 topic、pattern、basis 三个键")
                try:
                    pattern = compile_pattern(topic["pattern"])
                except PatternError as error:
                    raise OptionError("editions", f"{edition}：“{topic['topic']}”的 pattern 无效（{error}）") from None
                parsed.append((topic["topic"], pattern, topic["basis"]))
            self.topics[edition] = parsed
        self.levels = set(options["levels"])

    def check(self, facts: Facts) -> Iterator[Finding]:
        edition = facts.profile.edition
        headings = [heading.text for heading in facts.document.headings() if heading.marker.level in self.levels]
        document = facts.document
        if document.title:
            where = document.title.span
        else:
            first = next(iter(document.headings()), None)
            where = first.span if first else Span(0, 0)
        for topic, pattern, basis in self.topics.get(edition, ()):
            if not any(pattern.search(heading) for heading in headings):
                yield Finding(where, {"topic": topic, "basis": basis, "edition": edition.label})
