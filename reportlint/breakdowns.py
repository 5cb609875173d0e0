"""Breakdowns: a total and the figures that break it down, found once per document.

Built on the number layer (reportlint.numbers) and shared by every check that
compares a total with its parts ("共X…，其中A…、B…" adding up, a 其中 figure
within its total, "占X%" against the total it refers to). The ways reports
write a breakdown, each a ``cue``:

- ``其中``: "刊发报道44篇，其中上报信息78条"; when 其中 opens a sentence, the total
  is the last figure of the sentence before ("…1913条。其中，…1397条，占73%。"),
  and parts that carry "占X%" run on into the next sentences ("各乡镇…534条，占27%。");
- ``分别``: "共收到申请10件，自然人和法人分别为7件、3件";
- ``包括``: "共公开信息120条，包括政策文件30条、工作动态90条";
- ``在…中``: "在…主动公开的1913条政府信息中，机构职能类133条，占6.95%；…";
- ``类别``: "…主动公开政府信息的主要类别有：机构职能类信息594条，…", the total being
  the latest figure before it in the same part of the report on the same subject;
- ``括注``: a figure broken down in brackets right after it: "407条(工作动态287条，…)";
- ``接续``: a 共 total ending its sentence, broken down by the next sentence on the
  same subject ("共接到…咨询931余件。直接…现场咨询500余人(次)，通过电话咨询…1200多次");
- ``占比``: a sentence of parts each with "占X%", after a sentence whose last figure
  is their total ("答复申请805件…。予以公开258件，占33.9%；不予公开35件，占4.34%…").
  The total is a guess here, so it is kept only when a stated share fits it.

Parts must count the same kind of thing as the total (`comparable`): 条 and 篇
both count written items, 件 and 次 both count cases, but 个 (accounts) never
adds up with 条 (posts). A breakdown is ``exhaustive`` when its parts claim to
cover the whole: a category breakdown (在…中, 类别), an item labelled 其他/其余,
or stated shares that add up to 100%.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from .document import Document, Paragraph, Span
from .numbers import Numbers, Quantity
from .text.chars import HAN, HEADING_MARKER

# Measure words that count the same kind of thing, so their figures may add up.
_UNIT_GROUPS = (
    frozenset({"条", "篇", "则", "份", "件"}),  # written items: posts, articles, documents
    frozenset({"件", "次", "人次", "起", "宗", "例", "场"}),  # cases, requests, events
    frozenset({"人", "名", "位", "人次"}),  # people
    frozenset({"项", "件"}),  # matters
    frozenset({"个", "家", "所", "户"}),  # bodies, accounts, places
)

# 共 as in 共接到/共计/信息共13条, not as in 公共, 共同, 共享.
_TOTAL_CUE = re.compile(r"合计|总计|总数|(?<!公)共(?!同|享|建|治|识|性|产党|青团|商|赢|担)")
_NEW_STATEMENT = re.compile(r"[；;，,、\s]*(?:办结|结转|答复了?|回复了?)")
_OTHER_ITEM = re.compile(rf"[；;，,、\s]*(?:{HEADING_MARKER})?\s*(?:其他|其余|其它)")
_ELSEWHERE = re.compile(r"另有|另外|此外|以外|之外")
_QIZHONG = re.compile(r"其中")
_RESPECTIVELY = re.compile(r"分别(?:为|是|有|达)?")
_INCLUDING = re.compile(r"包括")
_AMONG = re.compile(r"^\s*在.*中[，,：:]?$")
_CATEGORIES = re.compile(r"的(?:主要)?类别(?:主要)?(?:有|为|是|包括)[：:]")
# Between a part and its share: "…1397条，占73%", "…145条，占8.05%", "…100人次，2.04%占".
_SHARE_LINK = re.compile(r"[，,]?\s*(?:占比?(?:为|达)?|所占比例为|比例为)?\s*")
_OPEN = "（("
_CLOSE = "）)"


def comparable(first: Quantity, second: Quantity) -> bool:
    """Whether two figures count the same kind of thing (and may add up)."""
    if first.unit is None or second.unit is None or first.percent or second.percent:
        return False
    return first.unit == second.unit or any(first.unit in group and second.unit in group for group in _UNIT_GROUPS)


@dataclass(frozen=True)
class Breakdown:
    total: Quantity
    parts: tuple[Quantity, ...]
    cue: str
    exhaustive: bool
    shares: tuple[tuple[Quantity, Quantity], ...]  # (part, the share stated for it)

    def parts_bounds(self) -> tuple[Decimal, Decimal]:
        """The least and most the parts add up to, approximate figures allowing."""
        bounds = [part.bounds() for part in self.parts]
        return sum((low for low, _ in bounds), Decimal(0)), sum((high for _, high in bounds), Decimal(0))


def find_breakdowns(document: Document, numbers: Numbers) -> tuple[Breakdown, ...]:
    return tuple(_Finder(document, numbers).find())


@dataclass(frozen=True)
class _Sentence:
    span: Span
    section: int  # sentences of one section share this number
    chapter: int  # and of one top-level section this one
    counted: tuple[Quantity, ...]  # figures with a measure word (percentages apart)
    percentages: tuple[Quantity, ...]


class _Finder:
    def __init__(self, document: Document, numbers: Numbers) -> None:
        self.text = document.text
        by_sentence: dict[Span, list[Quantity]] = defaultdict(list)
        for quantity in numbers.quantities:
            if quantity.unit is not None:
                by_sentence[quantity.sentence].append(quantity)
        self.sentences: list[_Sentence] = []
        for section, chapter, paragraph in _paragraphs(document):
            for sentence in paragraph.sentences:
                found = by_sentence.get(sentence.span, [])
                self.sentences.append(_Sentence(
                    sentence.span, section, chapter,
                    tuple(q for q in found if not q.percent), tuple(q for q in found if q.percent),
                ))
        self.by_span = {sentence.span: sentence for sentence in self.sentences}
        self.parts_seen: set[Span] = set()

    def find(self) -> Iterator[Breakdown]:
        for index, sentence in enumerate(self.sentences):
            for breakdown in self._in_sentence(index, sentence):
                self.parts_seen.update(part.span for part in breakdown.parts)
                yield breakdown

    # -- one sentence ------------------------------------------------------------

    def _in_sentence(self, index: int, sentence: _Sentence) -> Iterator[Breakdown]:
        text, span = self.text, sentence.span
        cues = [("其中", match) for match in _QIZHONG.finditer(text, span.start, span.end)]
        cues += [("分别", match) for match in _RESPECTIVELY.finditer(text, span.start, span.end)]
        cues += [("包括", match) for match in _INCLUDING.finditer(text, span.start, span.end)]
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
        if not claimed and index > 0:
            found = self._continued(index, sentence) or self._shares_after(index, sentence)
            if found:
                yield found

    def _cued(self, index: int, sentence: _Sentence, cue: str, match: re.Match[str], until: int) -> Breakdown | None:
        depth = self._depth(sentence.span.start, match.start())
        before = [q for q in sentence.counted if q.span.end <= match.start() and self._depth(sentence.span.start, q.span.start) == depth]
        if cue != "其中":
            # 分别 and 包括 break down a total written with 共 or just before them.
            before = [q for q in before if cue == "包括" or self._has_total_cue(q)]
        if before:
            total = before[-1]
        elif cue == "其中" and depth == 0 and self._previous(index, sentence) is not None:
            previous = self._previous(index, sentence)
            candidates = [q for q in previous.counted if self._depth(previous.span.start, q.span.start) == 0]
            if not candidates:
                return None
            total = candidates[-1]
        else:
            return None
        parts = self._parts(sentence, total, match.end(), until, depth)
        if cue == "其中" and parts and depth == 0:
            parts += self._run_on(index, sentence, total, parts)
        return self._breakdown(total, parts, cue)

    def _among(self, sentence: _Sentence) -> Breakdown | None:
        """"在…的1913条政府信息中，A类133条，占6.95%；…": a category breakdown."""
        for total in sentence.counted:
            clause = self.text[total.clause.start:total.clause.end]
            if _AMONG.match(clause):
                parts = self._parts(sentence, total, total.clause.end, sentence.span.end, 0)
                return self._breakdown(total, parts, "在…中", exhaustive=True)
        return None

    def _categories(self, index: int, sentence: _Sentence) -> Breakdown | None:
        """"…主动公开政府信息的主要类别有：A类594条，…", the total written earlier."""
        match = _CATEGORIES.search(self.text, sentence.span.start, sentence.span.end)
        if not match:
            return None
        clause_start = max(self.text.rfind(mark, sentence.span.start, match.start()) for mark in "，,；;")
        subject = self.text[max(clause_start + 1, sentence.span.start):match.start()]
        first_part = next((q for q in sentence.counted if q.span.start >= match.end()), None)
        if first_part is None or len(subject) < 4:
            return None
        for earlier in reversed(self.sentences[:index]):
            if earlier.chapter != sentence.chapter:
                break
            for total in reversed(earlier.counted):
                if total.span in self.parts_seen or not comparable(total, first_part):
                    continue
                if _shares_subject(subject, self.text[total.clause.start:total.span.start]):
                    parts = self._parts(sentence, total, match.end(), sentence.span.end, 0)
                    return self._breakdown(total, parts, "类别", exhaustive=True)
        return None

    def _bracketed(self, sentence: _Sentence) -> Iterator[Breakdown | None]:
        """"…407条(工作动态287条，专题专栏信息106条，通知公告14条)": parts in brackets."""
        for total in sentence.counted:
            if total.span.end >= len(self.text) or self.text[total.span.end] not in _OPEN:
                continue
            close = self._closing(total.span.end, sentence.span.end)
            depth = self._depth(sentence.span.start, total.span.end + 1)
            inside = [
                q for q in self._parts(sentence, total, total.span.end + 1, close, depth)
                if not _ELSEWHERE.search(self.text, q.clause.start, q.span.start)
            ]
            yield self._breakdown(total, inside, "括注")

    def _continued(self, index: int, sentence: _Sentence) -> Breakdown | None:
        """"共接到…咨询931余件。直接…现场咨询500余人(次)，通过电话咨询…1200多次。"""
        previous = self._previous(index, sentence)
        if previous is None or not previous.counted:
            return None
        total = previous.counted[-1]
        ends_sentence = not self.text[total.span.end:previous.span.end].strip("。！？!? ")
        if not ends_sentence or not self._has_total_cue(total):
            return None
        head = _head_word(self.text[total.clause.start:total.span.start])
        if not head:
            return None
        parts = [
            q for q in sentence.counted
            if comparable(q, total) and self._depth(sentence.span.start, q.span.start) == 0
            and head in self.text[q.clause.start:q.span.start] and not self._has_total_cue(q)
        ]
        return self._breakdown(total, parts, "接续") if len(parts) >= 2 else None

    def _shares_after(self, index: int, sentence: _Sentence) -> Breakdown | None:
        """"答复申请805件…。予以公开258件，占33.9%；不予公开35件，占4.34%…": parts with
        shares after the sentence that holds their total. Kept only when a share fits."""
        previous = self._previous(index, sentence)
        if previous is None:
            return None
        tops = [q for q in previous.counted if self._depth(previous.span.start, q.span.start) == 0]
        parts = [q for q in sentence.counted if self._depth(sentence.span.start, q.span.start) == 0]
        if not tops or len(parts) < 2 or any(self._has_total_cue(q) for q in parts):
            return None
        total = tops[-1]
        if not all(comparable(part, total) for part in parts):
            return None
        found = self._breakdown(total, parts, "占比")
        if found is None or len(found.shares) < 2 or not any(share_fits(part, total, share) for part, share in found.shares):
            return None
        return found

    # -- helpers ----------------------------------------------------------------

    def _parts(self, sentence: _Sentence, total: Quantity, start: int, end: int, depth: int) -> list[Quantity]:
        parts = []
        for quantity in sentence.counted:
            if quantity.span.start < start or quantity.span.start >= end or quantity is total:
                continue
            if self._depth(sentence.span.start, quantity.span.start) != depth:
                continue  # a breakdown of a part, in brackets
            if not comparable(quantity, total):
                continue
            if _ELSEWHERE.search(self.text, quantity.clause.start, quantity.span.start):
                break  # "…；另有上年结转申请5件": besides the total, not a part of it
            new_statement = _NEW_STATEMENT.match(self.text, quantity.clause.start, quantity.span.start)
            if parts and (self._has_total_cue(quantity) or new_statement):
                break  # a new total: "…；共办理718件，结转下一年31件"
            parts.append(quantity)
        return parts

    def _run_on(self, index: int, sentence: _Sentence, total: Quantity, parts: list[Quantity]) -> list[Quantity]:
        """Parts with shares run on into the next sentences: "…1397条，占73%。各乡镇…534条，占27%。"."""
        if self._share(sentence, parts[-1]) is None:
            return []
        more = []
        for following in self.sentences[index + 1:]:
            if following.section != sentence.section or not following.counted:
                break
            first = following.counted[0]
            text = self.text[following.span.start:following.span.end]
            if _QIZHONG.search(text) or self._has_total_cue(first) or not comparable(first, total):
                break
            if self._share(following, first) is None:
                break
            more.append(first)
        return more

    def _breakdown(self, total: Quantity, parts: list[Quantity], cue: str, exhaustive: bool = False) -> Breakdown | None:
        if not parts:
            return None
        shares = []
        for part in parts:
            share = self._share(self.by_span[part.sentence], part)
            if share is not None:
                shares.append((part, share))
        labelled_other = any(_OTHER_ITEM.match(self.text, part.clause.start, part.span.start) for part in parts)
        whole = len(shares) == len(parts) and abs(sum(share.value for _, share in shares) - 100) <= 1
        return Breakdown(total, tuple(parts), cue, exhaustive or labelled_other or whole, tuple(shares))

    def _share(self, sentence: _Sentence, part: Quantity) -> Quantity | None:
        """The percentage stated for a part right after it, if any."""
        following = [q for q in sentence.counted if q.span.start > part.span.start]
        limit = following[0].span.start if following else sentence.span.end
        for percentage in sentence.percentages:
            if part.span.end <= percentage.span.start < limit:
                if _SHARE_LINK.fullmatch(self.text, part.span.end, percentage.span.start):
                    return percentage
                return None
        return None

    def _previous(self, index: int, sentence: _Sentence) -> _Sentence | None:
        if index == 0 or self.sentences[index - 1].section != sentence.section:
            return None
        return self.sentences[index - 1]

    def _has_total_cue(self, quantity: Quantity) -> bool:
        return bool(_TOTAL_CUE.search(self.text, quantity.clause.start, quantity.number_span.start))

    def _depth(self, start: int, offset: int) -> int:
        depth = 0
        for char in self.text[start:offset]:
            if char in _OPEN:
                depth += 1
            elif char in _CLOSE and depth:
                depth -= 1
        return depth

    def _closing(self, opening: int, limit: int) -> int:
        depth = 0
        for offset in range(opening, limit):
            char = self.text[offset]
            if char in _OPEN:
                depth += 1
            elif char in _CLOSE:
                depth -= 1
                if depth == 0:
                    return offset
        return limit


def share_bounds(part: Quantity, total: Quantity) -> tuple[Decimal, Decimal] | None:
    """The least and most part/total can be, in percent (None for a zero total)."""
    part_low, part_high = part.bounds()
    total_low, total_high = total.bounds()
    if total_low <= 0:
        return None
    return part_low * 100 / total_high, part_high * 100 / total_low


def share_fits(part: Quantity, total: Quantity, share: Quantity) -> bool:
    """Whether a stated share rounds from part/total at the precision it is written with."""
    bounds = share_bounds(part, total)
    if bounds is None:
        return True
    half = Decimal(5).scaleb(-share.decimals - 1)
    low, high = share.bounds()
    return bounds[0] <= high + half and low - half <= bounds[1]



def _paragraphs(document: Document) -> Iterator[tuple[int, int, Paragraph]]:
    """Every paragraph with the number of its section (0 for the preamble) and of
    its top-level section."""
    for block in document.preamble:
        if isinstance(block, Paragraph):
            yield 0, 0, block
    section_number = 0
    for chapter_number, chapter in enumerate(document.sections, start=1):
        stack = [chapter]
        while stack:
            section = stack.pop()
            section_number += 1
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    yield section_number, chapter_number, block
            stack.extend(reversed(section.subsections))


def _head_word(lead: str) -> str:
    """The last two Han characters before a figure, its markers set aside: "咨询" in
    "共接到政府信息公开方面的咨询931余件"."""
    lead = re.sub(r"(?:大约|将近|接近|超过|约|近|逾|超|共计|合计|总计|共|达到|达|为)+$", "", lead)
    han = re.findall(f"[{HAN}]", lead)
    return "".join(han[-2:]) if len(han) >= 2 else ""


def _shares_subject(subject: str, lead: str) -> bool:
    """Whether the text before an earlier figure names the subject of a category
    list: the last four or more characters of the subject appear in it."""
    return any(subject[-length:] in lead for length in range(min(len(subject), 8), 3, -1))
