"""publication_date: the report's own dates against the law and its statistics period.

Two aspects (the rule's ``check``):

- ``deadline``: the publication date of the metadata (profile.published) after
  the legal deadline of the edition, read from the rule's ``deadlines``: edition →
  {government: MM-DD, department: MM-DD} of the year after the report year
  (2008 条例: 31 March for everyone; 2019 条例: 31 January for departments,
  31 March for governments' reports);
- ``before_period``: a published or signed date earlier than the end of the
  statistics period (profile.period, or 31 December of the report year) — a
  report cannot be signed before the year it reports on is over. Signed dates
  are date lines under the title or at the end, and full dates standing alone
  in the text ("…日常化。 二○一二年二月二十日 附件1：…").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..diagnostic import Finding
from ..document import Span
from ..facts import Facts
from ..numbers import first_full_date
from ..profile import Edition
from .base import Kind, Option, OptionError

_MONTH_DAY = re.compile(r"(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
_ALONE_BEFORE = " \t\u3000\n（("
_ALONE_AFTER = " \t\u3000\n）)"
_BODIES = {"government": "人民政府的年度报告", "department": "政府部门的年度报告"}


class PublicationDate(Kind):
    name = "publication_date"
    options = {
        "check": Option((str,), required=True, choices=("deadline", "before_period")),
        "deadlines": Option((dict,), default={}),
    }
    message_args = frozenset({"match", "date", "deadline", "body", "period_end"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]
        self.deadlines: dict[str, dict[str, tuple[int, int]]] = {}
        for edition, bodies in options["deadlines"].items():
            if Edition.parse(edition) is None or not isinstance(bodies, dict) or set(bodies) != set(_BODIES):
                raise OptionError("deadlines", f"应为 版式 → {{government: MM-DD, department: MM-DD}}，版式为：{'、'.join(Edition)}")
            parsed = {}
            for body, written in bodies.items():
                match = _MONTH_DAY.fullmatch(str(written))
                if not match:
                    raise OptionError("deadlines", f"{edition}.{body}：日期应写作 MM-DD")
                parsed[body] = (int(match["month"]), int(match["day"]))
            self.deadlines[edition] = parsed
        if self.aspect == "deadline" and not self.deadlines:
            raise OptionError("deadlines", "检查发布期限时必须给出各版式的期限")

    def check(self, facts: Facts) -> Iterator[Finding]:
        profile = facts.profile
        if profile.year is None:
            return
        if self.aspect == "deadline":
            yield from self._late(facts)
            return
        period_end = profile.period[1] if profile.period else date(profile.year, 12, 31)
        for span, day in _own_dates(facts):
            if day < period_end:
                yield Finding(span, {
                    "match": facts.text[span.start:span.end],
                    "date": day.isoformat(),
                    "period_end": period_end.isoformat(),
                    "deadline": "",
                    "body": "",
                })

    def _late(self, facts: Facts) -> Iterator[Finding]:
        profile = facts.profile
        deadlines = self.deadlines.get(profile.edition)
        if profile.published is None or not deadlines:
            return
        if profile.body in deadlines:
            (month, day), body = deadlines[profile.body], _BODIES[profile.body]
        else:
            (month, day), body = max(deadlines.values()), "年度报告"  # body unknown: the later deadline
        deadline = date(profile.year + 1, month, day)
        if profile.published <= deadline:
            return
        # The date's line, or, for a date given in configuration, the title.
        meta = next((meta for meta in facts.document.metadata if first_full_date(meta.value) == profile.published), None)
        document = facts.document
        where = meta.value_span if meta else document.title.span if document.title else Span(0, 0)
        yield Finding(where, {
            "match": meta.value if meta else profile.published.isoformat(),
            "date": profile.published.isoformat(),
            "deadline": deadline.isoformat(),
            "body": body,
            "period_end": "",
        })


def _own_dates(facts: Facts) -> Iterator[tuple[Span, date]]:
    """The report's own dates: those of the metadata, and full dates standing alone in the text."""
    for meta in facts.document.metadata:
        day = first_full_date(meta.value)
        if day is not None:
            yield meta.value_span, day
    text = facts.text
    for mention in facts.numbers.dates:
        if mention.year is None or mention.month is None or mention.day is None:
            continue
        start, end = mention.span.start, mention.span.end
        if facts.sentence_at(start) is None:
            continue  # the title or a heading
        alone_before = start == 0 or text[start - 1] in _ALONE_BEFORE
        alone_after = end == len(text) or text[end] in _ALONE_AFTER
        if alone_before and alone_after:
            yield mention.span, mention.first_day()
