"""facts.own_name_variant: the issuing body's own name written one character
off its usual form — "平潭综合试验区" among twenty "平潭综合实验区", "某某新管委会"
for "某某新区管委会" — a slip of the keyboard that a reader takes for another
body.

The names checked are the agency's (profile.agency), its places and its
function, each of at least ``min_length`` characters. A form is one character
off when one character inside the name (not its first or last) is replaced,
left out or added; a replaced character that is a division word (省 市 州 县 区 …)
makes another place, not a slip, and is not counted. The form written most
often is the usual one (the name as the title has it on a tie); the others
are reported where they occur."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...profile import divisions_of
from ...text.chars import HAN
from ..base import Kind
from ..options import Integer

_DIVISION_CHARS = frozenset("省市州盟县区旗乡镇")


class OwnNameVariant(Kind):
    name = "facts.own_name_variant"
    options = {"min_length": Integer(default=5, minimum=3)}
    message_args = frozenset({"match", "usual", "count"})

    def check(self, facts: Facts) -> Iterator[Finding]:
        agency = facts.profile.agency
        if not agency:
            return
        text = facts.text
        spans = facts.spans("all")
        reported: list[Span] = []
        # The shortest name first: a slip in 平潭综合实验区 is reported once, not again in every longer name.
        for name in sorted(self._names(agency), key=len):
            # A form that holds the name itself is the name next to a character of
            # its own ("舒兰市市场监督管理局" holds 市场监督管理局), not a slip.
            written = [(match.group(), Span(*match.span()))
                       for span in spans for match in _near(name).finditer(text, span.start, span.end)
                       if _slip(name, match.group()) and name not in match.group()]
            counts = Counter(form for form, _ in written)
            counts[name] = sum(text.count(name, span.start, span.end) for span in spans)
            usual = max(counts, key=lambda form: (counts[form], form == name))
            for form, span in written + [(name, span) for span in _occurrences(text, spans, name)]:
                if form != usual and _slip(usual, form) and not any(_overlap(span, done) for done in reported):
                    reported.append(span)
                    yield Finding(span, {"match": form, "usual": usual, "count": counts[usual]})

    def _names(self, agency: str) -> list[str]:
        """The agency's name, its places (平潭综合实验区, 平潭综合实验区金井片区) and its function."""
        ends = [end for _, end in divisions_of(agency)]
        parts = [agency, *(agency[:end] for end in ends), *(agency[ends[-1]:] for _ in ends[-1:])]
        return [part for part in dict.fromkeys(parts) if len(part) >= self.min_length]


@lru_cache(maxsize=64)
def _near(name: str) -> re.Pattern[str]:
    """Text one character off ``name`` inside it (replaced, left out or added)."""
    variants = []
    for index in range(1, len(name) - 1):
        head, tail = re.escape(name[:index]), re.escape(name[index + 1:])
        variants.append(f"{head}[{HAN}]{tail}")  # replaced (or the name itself)
        variants.append(f"{head}{tail}")  # left out
        variants.append(f"{head}[{HAN}]{re.escape(name[index:])}")  # added
    return re.compile("|".join(variants))


def _slip(name: str, form: str) -> bool:
    """Whether ``form`` is ``name`` with one slip that does not name another place."""
    if form == name:
        return False
    if len(form) != len(name):
        return True
    changed = [(a, b) for a, b in zip(name, form) if a != b]
    return len(changed) == 1 and not (_DIVISION_CHARS & set(changed[0]))


def _occurrences(text: str, spans, name: str) -> Iterator[Span]:
    for span in spans:
        start = text.find(name, span.start, span.end)
        while start != -1:
            yield Span(start, start + len(name))
            start = text.find(name, start + 1, span.end)


def _overlap(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end
