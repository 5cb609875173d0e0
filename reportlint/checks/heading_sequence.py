"""heading_sequence: the numbering of headings and of 一是/二是 enumerations.

One kind, four aspects (the rule's ``check``), because all four read the same
sequence of markers:

- ``numbering``: among the headings of one level under one parent, numbers run
  一, 二, 三 … without gaps, repeats or restarts. With ``outline`` (edition →
  the parts of its format, in order, each ``{topic, pattern}``), a top-level
  heading that names a part of the format must carry that part's number, and a
  part must not come twice: in the standard format 五、 is always 存在的主要问题及
  改进情况, whatever comes before it;
- ``style``: one level is written one way (not "(一)" here and "（一）" there);
- ``shi``: a heading marker followed by 是 ("(三)是时时抽查", "1.是按照要求"), a
  mix-up of heading numbering and "一是、二是" enumeration;
- ``enumeration``: within a section, 一是, 二是, 三是 … without gaps or repeats.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from ..diagnostic import Finding
from ..document import Block, Document, Heading, Paragraph, Section, Span
from ..facts import Facts
from ..numerals import chinese_ordinal
from ..patterns import PatternError, RulePattern, compile_pattern
from ..profile import Edition
from .base import Kind, Option, OptionError


def marker_text(style: str, ordinal: int) -> str:
    """A marker of ``style`` (as Marker.style) with another ordinal."""
    if "一" in style:
        return style.replace("一", chinese_ordinal(ordinal))
    return style.replace("1", str(ordinal))


_WRONG_ORDINAL_STYLE = "1、"


class HeadingSequence(Kind):
    name = "heading_sequence"
    options = {
        "check": Option((str,), required=True, choices=("numbering", "style", "shi", "enumeration")),
        "outline": Option((dict,), default={}),
    }
    message_args = frozenset({"marker", "expected", "problem", "advice", "rest", "enum", "style"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.aspect = options["check"]
        self.outline: dict[str, list[tuple[str, RulePattern]]] = {}
        for edition, parts in options["outline"].items():
            if Edition.parse(edition) is None:
                raise OptionError("outline", f"未知的版式“{edition}”，应为：{'、'.join(Edition)}")
            if not isinstance(parts, list) or not all(isinstance(part, dict) and set(part) == {"topic", "pattern"}
                                                       for part in parts):
                raise OptionError("outline", f"{edition}：应为部分列表，每部分有且仅有 topic、pattern 两个键")
            try:
                self.outline[edition] = [(part["topic"], compile_pattern(part["pattern"])) for part in parts]
            except PatternError as error:
                raise OptionError("outline", f"{edition}：pattern 无效（{error}）") from None

    def check(self, facts: Facts) -> Iterable[Finding]:
        document = facts.document
        if self.aspect == "numbering":
            return self._numbering(document, self.outline.get(facts.profile.edition))
        if self.aspect == "style":
            return self._style(list(document.headings()))
        if self.aspect == "shi":
            return self._shi(document.headings())
        return self._enumerations(document.preamble, document.walk_sections())

    def _numbering(self, document: Document, outline: list[tuple[str, RulePattern]] | None) -> Iterator[Finding]:
        groups = [document.sections] + [section.subsections for section in document.walk_sections()]
        for siblings in groups:
            by_level: dict[int, list[Heading]] = defaultdict(list)
            for section in siblings:
                by_level[section.level].append(section.heading)
            for level, headings in by_level.items():
                parts = outline if siblings is document.sections and level == 1 else None
                yield from _sequence(headings, parts)

    def _style(self, headings: list[Heading]) -> Iterator[Finding]:
        # "1、" is no variant to agree on but a wrong mark (GB/T 15834 附录B.3),
        # which punctuation.ordinal-marker reports wherever it stands; counted
        # here, it would have "1." changed to "1、" in a report that mostly errs.
        headings = [heading for heading in headings if heading.marker.style != _WRONG_ORDINAL_STYLE]
        by_level: dict[int, Counter[str]] = defaultdict(Counter)
        for heading in headings:
            by_level[heading.marker.level][heading.marker.style] += 1
        for heading in headings:
            counts = by_level[heading.marker.level]
            usual = counts.most_common(1)[0][0]
            if heading.marker.style != usual and counts[heading.marker.style] < counts[usual]:
                marker = heading.marker
                yield Finding(marker.span, {
                    "marker": marker.text,
                    "style": marker.style,
                    "expected": marker_text(usual, marker.ordinal),
                })

    def _shi(self, headings: Iterable[Heading]) -> Iterator[Finding]:
        for heading in headings:
            if not heading.text.startswith("是"):
                continue
            rest = heading.text[1:]
            if len(rest) > 12:
                rest = rest[:12] + "…"
            marker = heading.marker
            yield Finding(Span(marker.span.start, marker.span.end + 1), {
                "marker": marker.text,
                "rest": rest,
                "enum": chinese_ordinal(marker.ordinal) + "是",
            })

    def _enumerations(self, preamble: tuple[Block, ...], sections: Iterable[Section]) -> Iterator[Finding]:
        for blocks in [preamble, *(section.blocks for section in sections)]:
            expected = 1
            for block in blocks:
                if not isinstance(block, Paragraph):
                    continue
                for item in block.enumeration:
                    if item.ordinal == 1:
                        expected = 2
                        continue
                    if item.ordinal != expected:
                        if expected == 1:
                            problem = "前面没有“一是”"
                        elif item.ordinal > expected:
                            problem = "跳号"
                        else:
                            problem = "重复"
                        yield Finding(item.span, {
                            "marker": item.marker,
                            "expected": chinese_ordinal(expected) + "是",
                            "problem": problem,
                        })
                    expected = item.ordinal + 1



def _sequence(headings: list[Heading], parts: list[tuple[str, RulePattern]] | None) -> Iterator[Finding]:
    """Findings for one run of sibling headings; ``parts`` fixes the number of
    the headings that name a part of the format."""
    expected = 1
    seen: dict[int, Heading] = {}
    for heading in headings:
        marker = heading.marker
        part = next((index for index, (_, pattern) in enumerate(parts or ()) if pattern.search(heading.text)), None)
        if part is not None and part in seen:
            first = seen[part]
            yield Finding(marker.span, {
                "marker": marker.text,
                "expected": first.marker.text,
                "problem": f"重复了前面的“{first.marker.text}{first.text}”",
                "advice": "统一格式中每部分只出现一次，请合并或删去",
            })
        elif part is not None and marker.ordinal != part + 1:
            wanted = marker_text(marker.style, part + 1)
            yield Finding(marker.span, {
                "marker": marker.text,
                "expected": wanted,
                "problem": f"与统一格式不符（“{parts[part][0]}”是第{chinese_ordinal(part + 1)}部分）",
                "advice": f"此处应为“{wanted}”",
            })
        elif part is None and marker.ordinal != expected:
            wanted = marker_text(marker.style, expected)
            yield Finding(marker.span, {
                "marker": marker.text,
                "expected": wanted,
                "problem": _gap(marker.ordinal, expected),
                "advice": f"此处应为“{wanted}”",
            })
        if part is not None:
            seen.setdefault(part, heading)
        expected = marker.ordinal + 1


def _gap(ordinal: int, expected: int) -> str:
    if expected == 1:
        return "未从第一个序号开始"
    if ordinal > expected:
        return "跳号"
    return "重复" if ordinal == expected - 1 else "倒退"
