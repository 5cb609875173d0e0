"""Finding the breakdowns of a document, sentence by sentence (the cues are
described in reportlint.breakdowns)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..document import Document, Paragraph, Span
from ..numbers import Numbers, Quantity, plain
from . import wording
from .model import Breakdown, comparable, counted, share_fits

# Figures smaller than this repeat by chance: two of them equal say nothing.
_LEAST_RESTATED = 10
# How many sentences away a total of the same paragraph may be stated: a flattened
# web page is one paragraph, and its far ends speak of other things.
_PARAGRAPH_REACH = 10


@dataclass(frozen=True)
class _Sentence:
    span: Span
    section: int  # sentences of one section share this number
    chapter: int  # and of one top-level section this one
    paragraph: int  # and of one paragraph this one
    heading: str  # the heading of its section ("" in the preamble)
    counted: tuple[Quantity, ...]  # figures that count things (percentages and durations apart)
    percentages: tuple[Quantity, ...]


class Finder:
    def __init__(self, document: Document, numbers: Numbers) -> None:
        self.text = document.text
        by_sentence: dict[Span, list[Quantity]] = defaultdict(list)
        for quantity in numbers.quantities:
            if quantity.unit is not None:
                by_sentence[quantity.sentence].append(quantity)
        self.sentences: list[_Sentence] = []
        for number, (section, chapter, heading, paragraph) in enumerate(_paragraphs(document)):
            for sentence in paragraph.sentences:
                found = by_sentence.get(sentence.span, [])
                self.sentences.append(_Sentence(
                    sentence.span, section, chapter, number, heading,
                    tuple(q for q in found if counted(q)), tuple(q for q in found if q.percent),
                ))
        self.by_span = {sentence.span: sentence for sentence in self.sentences}
        self.positions = {sentence.span: index for index, sentence in enumerate(self.sentences)}
        self.parts_seen: set[Span] = set()
        self.found: set[tuple[Span, ...]] = set()

    def find(self) -> Iterator[Breakdown]:
        for index, sentence in enumerate(self.sentences):
            for breakdown in self._in_sentence(index, sentence):
                parts = tuple(part.span for part in breakdown.parts)
                if parts in self.found:
                    continue  # "在…的53条中，…共53条，其中：…": one list, found by two cues
                self.found.add(parts)
                self.parts_seen.update(parts)
                yield breakdown

    # -- one sentence ------------------------------------------------------------

    def _in_sentence(self, index: int, sentence: _Sentence) -> Iterator[Breakdown]:
        text, span = self.text, sentence.span
        cues = [("其中", match) for match in wording.QIZHONG.finditer(text, span.start, span.end)]
        cues += [("分别", match) for match in wording.RESPECTIVELY.finditer(text, span.start, span.end)]
        cues += [("包括", match) for match in wording.INCLUDING.finditer(text, span.start, span.end)]
        cues.sort(key=lambda cue: cue[1].start())
        claimed = False
        for position, (cue, match) in enumerate(cues):
            next_cue = cues[position + 1][1].start() if position + 1 < len(cues) else span.end
            found = self._cued(index, sentence, cue, match, next_cue)
            if found:
                claimed = True
                yield found
        for found in (self._among(sentence), self._categories(index, sentence), *self._bracketed(sentence)):
            if found:
                claimed = True
                yield found
        if claimed:
            return
        found = self._continued(index, sentence) or self._after(index, sentence) or self._implicit_base(sentence)
        if found:
            yield found

    def _cued(self, index: int, sentence: _Sentence, cue: str, match: re.Match[str], until: int) -> Breakdown | None:
        level = self._depth(sentence, match.start())
        after = [q for q in sentence.counted if match.end() <= q.span.start < until and self._depth(sentence, q.span.start) == level]
        if not after or (cue == "其中" and self._share_first(sentence, match.end(), after[0])):
            return None  # nothing counted, or "其中，90%的事项…": a share, no breakdown of counts
        parts = self._parts(sentence, after[0], match.end(), until, level)
        if not parts:
            return None
        candidates = [q for q in self._candidates(sentence, match.start(), level) if comparable(q, parts[0])]
        if cue == "分别":  # 分别 breaks down a total written with 共
            candidates = [q for q in candidates if wording.has_total_cue(self.text, q)]
        if candidates:
            total = self._choose(candidates, parts)
        elif cue == "其中" and level == 0 and not any(q.span.end <= match.start() for q in sentence.counted):
            total = self._earlier_total(index, sentence, parts)  # 其中 opens its sentence
        else:
            return None
        if total is None:
            return None
        parts = _same_unit(total, parts)
        if cue == "其中" and level == 0:
            parts += self._run_on(index, sentence, total, parts)
        lead = max(sentence.span.start, match.start() - 4)  # "主要包括", "其中重点"
        return self._breakdown(total, parts, cue, sentence, lead, exhaustive=self._restated(total))

    def _among(self, sentence: _Sentence) -> Breakdown | None:
        """"在…的1913条政府信息中，A类133条，占6.95%；…": a category breakdown."""
        for total in sentence.counted:
            if wording.AMONG.match(self.text[total.clause.start:total.clause.end]):
                parts = self._parts(sentence, total, total.clause.end, sentence.span.end, 0, total)
                return self._breakdown(total, _same_unit(total, parts), "在…中", sentence, total.span.end, exhaustive=True)
        return None

    def _categories(self, index: int, sentence: _Sentence) -> Breakdown | None:
        """"…主动公开政府信息的主要类别有：A类594条，…", the total written earlier."""
        text = self.text
        match = wording.CATEGORIES.search(text, sentence.span.start, sentence.span.end)
        if not match:
            return None
        clause_start = max(text.rfind(mark, sentence.span.start, match.start()) for mark in "，,；;")
        subject = text[max(clause_start + 1, sentence.span.start):match.start()]
        first_part = next((q for q in sentence.counted if q.span.start >= match.end()), None)
        if first_part is None or len(subject) < 4:
            return None
        for earlier in reversed(self.sentences[:index]):
            if earlier.chapter != sentence.chapter:
                break
            for total in reversed(earlier.counted):
                if total.span in self.parts_seen or not comparable(total, first_part):
                    continue
                if wording.shares_subject(subject, text[total.clause.start:total.span.start]):
                    parts = self._parts(sentence, total, match.end(), sentence.span.end, 0, total)
                    return self._breakdown(total, _same_unit(total, parts), "类别", sentence, match.start(), exhaustive=True)
        return None

    def _bracketed(self, sentence: _Sentence) -> Iterator[Breakdown | None]:
        """"…407条(工作动态287条，专题专栏信息106条，通知公告14条)": parts in brackets."""
        for total in sentence.counted:
            if not wording.opens_bracket(self.text, total.span.end):
                continue
            close = wording.closing(self.text, total.span.end, sentence.span.end)
            parts = self._parts(sentence, total, total.span.end + 1, close, self._depth(sentence, total.span.end + 1), total)
            yield self._breakdown(total, _same_unit(total, parts), "括注", sentence, total.span.end)

    def _continued(self, index: int, sentence: _Sentence) -> Breakdown | None:
        """"共接到…咨询931余件。直接…现场咨询500余人(次)，通过电话咨询…1200多次。"""
        text = self.text
        previous = self._previous(index, sentence)
        if previous is None or not previous.counted:
            return None
        total = previous.counted[-1]
        if not wording.ends(text, total, previous.span.end) or not wording.has_total_cue(text, total):
            return None
        head = wording.head_word(text[total.clause.start:total.span.start])
        if not head:
            return None
        parts = [
            q for q in self._top(sentence)
            if comparable(q, total) and head in text[q.clause.start:q.span.start] and not wording.has_total_cue(text, q)
        ]
        return self._breakdown(total, parts, "接续", sentence) if len(parts) >= 2 else None

    def _after(self, index: int, sentence: _Sentence) -> Breakdown | None:
        """Parts after the sentence that holds their total: with shares
        ("答复申请805件…。予以公开258件，占33.9%；不予公开35件，占4.34%…"), kept when a
        share fits a total stated earlier in the paragraph; or ending with an item
        labelled 其他 ("…1500条。政策文件320条，工作动态860条，其他信息280条。")."""
        previous = self._previous(index, sentence)
        parts = self._top(sentence)
        if previous is None or len(parts) < 2 or any(wording.has_total_cue(self.text, q) for q in parts):
            return None
        if not all(comparable(part, parts[0]) for part in parts):
            return None
        shares = self._shares(parts)
        if len(shares) >= 2:
            earlier = [q for q in self._earlier(index, sentence) if comparable(q, parts[0])]
            fitting = next((q for q in earlier if all(share_fits(part, q, share) for part, share in shares)), None)
            tops = self._top(previous)
            nearest = tops[-1] if tops and comparable(tops[-1], parts[0]) else None
            if fitting is None and nearest is not None and any(share_fits(part, nearest, share) for part, share in shares):
                fitting = nearest
            return self._breakdown(fitting, parts, "占比", sentence) if fitting is not None else None
        # A list of "label figure" clauses after a sentence that ends with its total,
        # or after words naming the whole it divides ("办结的申请中，…"): then the total
        # is the earlier figure those words name, not the last of the sentence before.
        if not all(wording.ends(self.text, q, q.clause.end) for q in parts) or not any(
                wording.labelled_other(self.text, q) for q in parts):
            return None
        subject = wording.opening_subject(self.text, sentence.span.start, parts[0].span.start)
        if subject:
            total = next((q for q in self._earlier(index, sentence) if comparable(q, parts[0])
                          and all(word in self.text[q.clause.start:q.span.start] for word in subject)), None)
        else:
            tops = self._top(previous)
            total = tops[-1] if tops and wording.ends(self.text, tops[-1], previous.span.end) else None
        if total is None or not comparable(total, parts[0]):
            return None
        return self._breakdown(total, _same_unit(total, parts), "列举", sentence)

    def _implicit_base(self, sentence: _Sentence) -> Breakdown | None:
        """Parts that each carry a share, the shares adding up to 100%, after a total
        in their sentence ("收到申请12件，予以公开8件，占66.7%；不予公开4件，占33.3%"),
        or with no total at all: then each share is checked against the sum of the
        parts ("部门公开412条，占68.2%；乡镇公开192条，占31.8%")."""
        tops = self._top(sentence)
        first = next((q for q in tops if self._share(q) is not None), None)
        if first is None:
            return None
        parts = [q for q in tops if q.span.start >= first.span.start]
        shares = self._shares(parts)
        if len(parts) < 2 or len(shares) != len(parts) or any(part.approximate for part in parts):
            return None
        if not all(part.unit == first.unit for part in parts) or abs(sum(share.value for _, share in shares) - 100) > 1:
            return None
        before = [q for q in self._candidates(sentence, first.span.start, 0) if comparable(q, first)]
        if before:
            return self._breakdown(before[-1], _same_unit(before[-1], parts), "占比", sentence)
        value = sum((part.value for part in parts), Decimal(0))
        span = Span(first.span.start, parts[-1].span.end)
        total = Quantity(value, first.unit, (), 0, f"{plain(value)}{first.unit}（各项合计）", span, span, first.clause, first.sentence)
        return self._breakdown(total, parts, "合计", sentence)

    # -- the total --------------------------------------------------------------

    def _candidates(self, sentence: _Sentence, until: int, level: int) -> list[Quantity]:
        """The figures before ``until`` at ``level`` that may be a total: no item of
        a 、 list, no difference from another year."""
        found = []
        figures = sentence.counted
        for position, quantity in enumerate(figures):
            if quantity.span.end > until:
                break
            previous = figures[position - 1] if position else None
            following = figures[position + 1] if position + 1 < len(figures) else None
            if (self._depth(sentence, quantity.span.start) == level and not wording.difference(self.text, quantity)
                    and not wording.list_item(self.text, quantity, previous, following)):
                found.append(quantity)
        return found

    def _choose(self, candidates: list[Quantity], parts: list[Quantity]) -> Quantity:
        """The total among candidates: the one the parts add up to exactly, else the
        one all their shares fit, else the last stated 共/总数, else the nearest."""
        for candidate in reversed(candidates):
            own = _same_unit(candidate, parts)
            if not candidate.approximate and not any(p.approximate for p in own) and sum(p.value for p in own) == candidate.value:
                return candidate
        shares = self._shares(parts)
        if shares:
            fitting = [c for c in candidates if all(share_fits(part, c, share) for part, share in shares)]
            if fitting:
                return fitting[-1]
        stated = [candidate for candidate in candidates if wording.has_total_cue(self.text, candidate)]
        return (stated or candidates)[-1]

    def _earlier_total(self, index: int, sentence: _Sentence, parts: list[Quantity]) -> Quantity | None:
        """The total of a 其中 that opens a sentence: a figure of the sentence before,
        or else the nearest earlier figure of the paragraph whose words name the
        subject of the parts ("全年主动公开信息1820条。…。其中，各部门公开2105条")."""
        previous = self._previous(index, sentence)
        if previous is None:
            return None
        candidates = [q for q in self._candidates(previous, previous.span.end, 0) if comparable(q, parts[0])]
        if candidates:
            return self._choose(candidates, parts)
        head = wording.head_word(self.text[parts[0].clause.start:parts[0].span.start])
        if not head:
            return None
        for quantity in self._earlier(index - 1, previous):
            if comparable(quantity, parts[0]) and head in self.text[quantity.clause.start:quantity.span.start]:
                return quantity
        return None

    def _restated(self, total: Quantity) -> bool:
        """Whether a 共 total restates a figure written just before it, in its
        sentence or the one before ("在主动公开的245条…中，…共245条，其中…"): then
        its parts must add up to it. Small figures repeat by chance."""
        if total.value < _LEAST_RESTATED or not wording.has_total_cue(self.text, total):
            return False
        total_sentence = self.by_span[total.sentence]
        previous = self._previous(self.positions[total.sentence], total_sentence)
        figures = [*(previous.counted if previous else ()), *total_sentence.counted]
        return any(q.span.end <= total.span.start and q.unit == total.unit and q.value == total.value for q in figures)

    def _adds_up_elsewhere(self, total: Quantity, parts: list[Quantity], sentence: _Sentence) -> bool:
        """Whether parts short of their total add up exactly to another figure of
        the paragraph on the same subject: the whole is then stated twice, differently."""
        if total.approximate or any(part.approximate for part in parts):
            return False
        value = sum(part.value for part in parts)
        if value >= total.value or value < _LEAST_RESTATED:
            return False
        head = wording.head_word(self.text[total.clause.start:total.span.start])
        taken = {total.span, *(part.span for part in parts)}
        index = self.positions[sentence.span]
        nearby = self.sentences[max(0, index - _PARAGRAPH_REACH):index + _PARAGRAPH_REACH + 1]
        return bool(head) and any(
            q.span not in taken and q.unit == total.unit and q.value == value and head in self.text[q.clause.start:q.span.start]
            for other in nearby if other.paragraph == sentence.paragraph for q in other.counted
        )

    # -- the parts --------------------------------------------------------------

    def _parts(self, sentence: _Sentence, like: Quantity, start: int, end: int, level: int,
               total: Quantity | None = None) -> list[Quantity]:
        """The figures from ``start`` to ``end`` at ``level`` that count what ``like``
        counts, up to a new total, a new statement or another subject."""
        text = self.text
        parts: list[Quantity] = []
        for quantity in sentence.counted:
            if quantity.span.start < start or quantity.span.start >= end or quantity is total:
                continue
            if self._depth(sentence, quantity.span.start) != level or not comparable(quantity, like):
                continue  # a breakdown of a part, in brackets; or another kind of figure
            if wording.elsewhere(text, quantity):
                break  # "…；另有上年结转申请5件": besides the total, not a part of it
            if parts and (wording.opens_with_total(text, quantity) or wording.new_statement(text, quantity)
                          or wording.another_subject(text, parts[-1], quantity)):
                break  # "…；共办理718件", "…；行政复议1件"
            if total is not None and wording.has_total_cue(text, quantity) and quantity.value == total.value:
                continue  # "在…的245条中，…共245条": the total restated
            parts.append(quantity)
        return parts

    def _run_on(self, index: int, sentence: _Sentence, total: Quantity, parts: list[Quantity]) -> list[Quantity]:
        """Parts with shares run on into the next sentences: "…1397条，占73%。各乡镇…534条，占27%。"."""
        if self._share(parts[-1]) is None:
            return []
        more = []
        for following in self.sentences[index + 1:]:
            if following.section != sentence.section or not following.counted:
                break
            first = following.counted[0]
            if wording.QIZHONG.search(self.text, following.span.start, following.span.end):
                break
            if wording.has_total_cue(self.text, first) or not comparable(first, total) or self._share(first) is None:
                break
            more.append(first)
        return more

    def _breakdown(self, total: Quantity, parts: list[Quantity], cue: str, sentence: _Sentence,
                   lead: int | None = None, exhaustive: bool = False) -> Breakdown | None:
        if not parts:
            return None
        shares = self._shares(parts)
        labelled = any(wording.labelled_other(self.text, part) for part in parts)
        whole = len(shares) == len(parts) and abs(sum(share.value for _, share in shares) - 100) <= 1
        partial = lead is not None and wording.declared_partial(self.text, lead, parts, sentence.heading)
        claims = exhaustive or self._adds_up_elsewhere(total, parts, sentence)
        overlapping = len(parts) > 1 and all(wording.published_through_channel(self.text, part) for part in parts)
        return Breakdown(total, tuple(parts), cue, labelled or whole or (claims and not partial), tuple(shares),
                         overlapping)

    # -- helpers ----------------------------------------------------------------

    def _shares(self, parts: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
        return [(part, share) for part in parts if (share := self._share(part)) is not None]

    def _share(self, part: Quantity) -> Quantity | None:
        """The percentage stated for a part right after it, if any."""
        sentence = self.by_span[part.sentence]
        following = [q for q in sentence.counted if q.span.start > part.span.start]
        limit = following[0].span.start if following else sentence.span.end
        for percentage in sentence.percentages:
            if part.span.end <= percentage.span.start < limit:
                return percentage if wording.share_link(self.text, part, percentage) else None
        return None

    def _share_first(self, sentence: _Sentence, start: int, first: Quantity) -> bool:
        """Whether a percentage comes between ``start`` and the first counted figure."""
        return any(start <= percentage.span.start < first.span.start for percentage in sentence.percentages)

    def _top(self, sentence: _Sentence) -> list[Quantity]:
        """The figures of a sentence outside brackets."""
        return [q for q in sentence.counted if self._depth(sentence, q.span.start) == 0]

    def _earlier(self, index: int, sentence: _Sentence) -> list[Quantity]:
        """The figures outside brackets of the sentences before this one in its
        paragraph and section (ten at most), the nearest first."""
        found = []
        for earlier in reversed(self.sentences[max(0, index - _PARAGRAPH_REACH):index]):
            if earlier.paragraph != sentence.paragraph or earlier.section != sentence.section:
                break
            found.extend(reversed(self._top(earlier)))
        return found

    def _previous(self, index: int, sentence: _Sentence) -> _Sentence | None:
        if index == 0 or self.sentences[index - 1].section != sentence.section:
            return None
        return self.sentences[index - 1]

    def _depth(self, sentence: _Sentence, offset: int) -> int:
        return wording.depth(self.text, sentence.span.start, offset)


def _same_unit(total: Quantity, parts: list[Quantity]) -> list[Quantity]:
    """The parts in the total's own measure word when some are ("6场，其中线上3场、
    线下3场" without the 人次 after them); all of them otherwise."""
    same = [part for part in parts if part.unit == total.unit]
    return same or parts


def _paragraphs(document: Document) -> Iterator[tuple[int, int, str, Paragraph]]:
    """Every paragraph with the number of its section (0 for the preamble), of its
    top-level section, and its section's heading."""
    for block in document.preamble:
        if isinstance(block, Paragraph):
            yield 0, 0, "", block
    section_number = 0
    for chapter_number, chapter in enumerate(document.sections, start=1):
        stack = [chapter]
        while stack:
            section = stack.pop()
            section_number += 1
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    yield section_number, chapter_number, section.heading.text, block
            stack.extend(reversed(section.subsections))
