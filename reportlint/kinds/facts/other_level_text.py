"""facts.other_level_text: text that only a body of another level writes, in a
report whose level (profile.level, from its name or, when the name gives none,
from its self-references 我镇, 本街道) cannot have written it — a 街道's report
counting "向市政府提出的申请", a township's report summing up "全县各乡镇".
Such text is copied from the report of the government above.

Each of ``texts`` gives a pattern, the ``levels`` of the reports that cannot
have written it, and a ``note`` saying whose text it is, for the message."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...genre import REPORTS
from ...profile import Level
from ..base import RecordPatterns, TextKind
from ..options import Levels, Pattern, Records, Text


class OtherLevelText(TextKind):
    name = "facts.other_level_text"
    reads = REPORTS
    default_scope = "prose"
    options = {
        "texts": Records({
            "pattern": Pattern(required=True),
            "levels": Levels(required=True),
            "note": Text(required=True),
        }, required=True),
    }
    message_args = frozenset({"match", "level", "note"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.any_text = RecordPatterns(self.texts)

    def check(self, facts: Facts) -> Iterator[Finding]:
        level = facts.profile.level
        if level is None or not any(level in entry["levels"] for entry in self.texts):
            return
        for match, _ in self.scan(facts, self.any_text.pattern):
            entry = self.any_text.record_of(match)
            if level in entry["levels"]:
                yield Finding(Span(*match.span()), {"match": match.group(), "level": Level(level).label,
                                                    "note": entry["note"]})
