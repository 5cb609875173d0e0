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

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from ...diagnostic import Finding
from ...document import Span
from ...facts import Facts
from ...profile import divisions_of
from ...text.chars import HAN_RUN
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
        scope = _Scope(facts.spans("all"))
        reported: list[Span] = []
        # The shortest name first: a slip in 平潭综合实验区 is reported once, not again in every longer name.
        for name in sorted(self._names(agency), key=len):
            right = [span for span in _find_all(text, name) if scope.holds(span)]
            written = [(text[span.start:span.end], span) for span in _near(text, scope, name, right)]
            counts = Counter(form for form, _ in written)
            counts[name] = len(right)
            usual = max(counts, key=lambda form: (counts[form], form == name))
            for form, span in written + [(name, span) for span in right]:
                if _one_off(usual, form) and not any(_overlap(span, done) for done in reported):
                    reported.append(span)
                    yield Finding(span, {"match": form, "usual": usual, "count": counts[usual]})

    def _names(self, agency: str) -> list[str]:
        """The agency's name, its places (平潭综合实验区, 平潭综合实验区金井片区) and its function."""
        ends = [end for _, end in divisions_of(agency)]
        parts = [agency, *(agency[:end] for end in ends), *(agency[ends[-1]:] for _ in ends[-1:])]
        return [part for part in dict.fromkeys(parts) if len(part) >= self.min_length]


def _near(text: str, scope: _Scope, name: str, right: list[Span]) -> Iterator[Span]:
    """Where the text writes ``name`` one character off (``right``: where it writes
    it right). A slip inside the name leaves its first half or its second half
    intact: the places to look are where one of the halves is written."""
    half = len(name) // 2
    head, tail = name[:half], name[half:]
    sizes = (len(name) - 1, len(name), len(name) + 1)
    candidates = {(found.start, found.start + size) for found in _find_all(text, head) for size in sizes}
    candidates |= {(found.end - size, found.end) for found in _find_all(text, tail) for size in sizes}
    for start, end in sorted(candidates):
        form, span = text[start:end], Span(start, end)
        # A form that overlaps the name written right is part of it, or the name next
        # to a character of its own ("舒兰市市场监督管理局" holds 市场监督管理局): no slip.
        if HAN_RUN.fullmatch(form) and _one_off(name, form) and scope.holds(span) \
                and not any(_overlap(span, written) for written in right):
            yield span


def _one_off(name: str, form: str) -> bool:
    """Whether ``form`` is ``name`` with one character inside it replaced, left out
    or added — a replaced division word (市 for 州) names another place, not a slip."""
    if form == name or form[:1] != name[:1] or form[-1:] != name[-1:]:
        return False
    if len(form) == len(name):
        changed = [index for index, (ours, theirs) in enumerate(zip(name, form)) if ours != theirs]
        return len(changed) == 1 and not {name[changed[0]], form[changed[0]]} & _DIVISION_CHARS
    longer, shorter = (form, name) if len(form) > len(name) else (name, form)
    if len(longer) - len(shorter) != 1:
        return False
    index = next((index for index, (a, b) in enumerate(zip(longer, shorter)) if a != b), len(shorter))
    return longer[:index] + longer[index + 1:] == shorter


def _find_all(text: str, words: str) -> Iterator[Span]:
    start = text.find(words)
    while start != -1:
        yield Span(start, start + len(words))
        start = text.find(words, start + 1)


class _Scope:
    """The spans a name may be read in, for asking whether one holds a stretch."""

    def __init__(self, spans: tuple[Span, ...]) -> None:
        self.spans = spans
        self.starts = [span.start for span in spans]

    def holds(self, stretch: Span) -> bool:
        index = bisect_right(self.starts, stretch.start) - 1
        return index >= 0 and stretch.end <= self.spans[index].end


def _overlap(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end
