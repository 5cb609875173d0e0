"""Which numbering markers start headings, and where a heading's text ends.

The grammar cuts a text line into markers and fragments; whether a marker starts
a heading needs context ("一、二级单位" is no heading; "…办理0000000四、政府信息
公开行政复议…" in a flattened web page starts section 四, while "…数量640020470
二、上年结转…" is a statistics-table row). The parser (reportlint/parser.py) asks
here.

The parts of the formats are known text ("三、收到和处理政府信息公开申请情况",
"五、存在的主要问题及改进情况"): a flattened page may glue such a heading to the
unit of the figure before it ("…1018703元三、收到和处理…") and run its title into
the body ("五、存在的主要问题及改进情况我局在…"). A known part is a heading
wherever its marker stands, and its title ends where the known words end.
"""

from __future__ import annotations

import re

from lark import Token

from .document import Heading, Marker, Span
from .tables import table_label_pattern
from .text import chars
from .text.numerals import chinese_numeral_value, chinese_ordinal

# Text of statistics-table rows that start with a numbering marker. In flattened
# web pages these look like headings ("二、上年结转政府信息公开申请数量"); they are
# table labels, never section headings. Labels are matched without spaces: a
# page or a PDF may split them ("（三）不予 公开").
_TABLE_LABELS = table_label_pattern()
_LABEL_REACH = 40
_SPACES = re.compile(r"\s+")
SENTENCE_END = re.compile(r"[。！？!?][”’」』》〉）)\]]*$")
_COLON_END = re.compile(r"[：:]$")
_TITLE_TRAILER = re.compile(r"[。！？!?：:；;，,]+$")
_YEAR = re.compile(r"[0-9]{4}年")
_COMMA = re.compile(r"[，,]")
# Longer than this, the text after a mid-line marker is a heading run into its
# first sentence, not a heading.
_LONG_HEADING = 30

# The titles of the parts of the report formats (the unified format of 2019 and
# 2021, and the outlines offices used under the 2008 条例), as reports word them.
_KNOWN_TITLES = (
    r"总体情况", r"概述",
    r"主动公开政府信息的?情况", r"政府信息主动公开(?:工作)?的?情况",
    r"收到和处理政府信息公开申请的?情况", r"(?:政府信息)?依申请公开(?:政府信息)?(?:工作)?的?情况",
    r"政府信息公开的?收费(?:及|和)减免的?情况",
    r"因?政府信息公开(?:工作)?被?(?:申请)?行政复议[、和及与]?(?:提起)?行政诉讼的?情况",
    r"(?:政府信息公开)?(?:工作)?存在的?主要问题(?:及|和)改进(?:情况|措施)",
    r"其他需要报告的事项", r"需要说明的其他事项",
)
# A known title, unless it is an item of a list of parts ("包括一、总体情况；二、…").
_KNOWN_TITLE = re.compile(rf"(?:{'|'.join(_KNOWN_TITLES)})(?![；;、，,])")
# A level-1 marker glued to the text before it, followed by a known title.
_GLUED_KNOWN = re.compile(rf"(?<=[^\s])([{chars.ORDINAL_CHARS}]{{1,2}}、)(?={_KNOWN_TITLE.pattern})")
# Words that carry a known title on into a longer one ("概述及主要做法"); after
# anything else, the title ran into the body ("总体情况2021年，…", "…情况第二十条…").
_TITLE_GOES_ON = re.compile(r"[及和与暨、]")
# 一是 opening an enumeration right after a heading's words ("（一）健全制度机制一是…"),
# not the 一是 of 统一是, 唯一是, 之一是.
_FIRST_ITEM = re.compile(r"(?<![统唯之第同专单万])一是")


def split_glued_known(text: str, tokens: list[Token]) -> list[Token]:
    """The tokens of a line with every level-1 marker of a known part that is
    glued inside a fragment cut out as a marker of its own."""
    result: list[Token] = []
    for token in tokens:
        if token.type != "FRAGMENT":
            result.append(token)
            continue
        start = token.start_pos
        for glued in _GLUED_KNOWN.finditer(text, token.start_pos, token.end_pos):
            if glued.start(1) == token.start_pos:
                continue
            result.append(fragment(text, start, glued.start(1)))
            result.append(_token("MARKER", text, glued.start(1), glued.end(1)))
            start = glued.end(1)
        result.append(token if start == token.start_pos else fragment(text, start, token.end_pos))
    return result


def title_tokens(tokens: tuple[Token, ...] | list[Token], index: int) -> list[Token]:
    """The fragments after a marker that make up its heading text: adjacent
    ones, up to the first that ends a sentence or a colon."""
    title: list[Token] = []
    while index < len(tokens) and tokens[index].type == "FRAGMENT":
        token = tokens[index]
        if title and token.start_pos != title[-1].end_pos:
            break  # a space ends the heading text ("一、 概述 推进…")
        title.append(token)
        if SENTENCE_END.search(token):
            break
        if _COLON_END.search(token) and balanced("".join(title)):
            break  # but not inside "（本列数据的勾稽关系为：…）"
        index += 1
    return title


def is_heading(text: str, marker: Token, title: list[Token], previous: Token | None, after_heading: bool) -> bool:
    """Whether ``marker`` starts a heading; ``title`` are its title tokens,
    ``previous`` the token before it on its line (None at the line start)."""
    level, ordinal, _ = marker_shape(marker)
    words = "".join(title)
    if level in (1, 2) and 0 < ordinal < 10 and words[:1] == chinese_ordinal(ordinal + 1):
        return False  # "一、二级单位"
    if words[:1] in ("项", "条", "款", "目"):
        return False  # "第二十条第（一）项"
    if _TABLE_LABELS.match(words) or _TABLE_LABELS.match(_label_text(text, marker.end_pos)):
        return False
    if previous is None or after_heading:
        return True
    if level == 1 and _KNOWN_TITLE.match(words):
        return True  # "…1018703元三、收到和处理政府信息公开申请情况"
    previous_text = str(previous)
    if SENTENCE_END.search(previous_text) or _COLON_END.search(previous_text):
        return True  # "…如下：（一）加强…", "…改进： 1、加强…"
    if level <= 2 and previous.end_pos < marker.start_pos:
        return True  # "…公安局等 （三）主动公开…"
    # A flattened web page glues section headings to what precedes them:
    # "…@163.com一、概述", "…继续办理0000000四、政府信息…".
    return level == 1 and previous.type == "FRAGMENT" and previous_text[-1:].isascii()


def _label_text(text: str, start: int) -> str:
    """The words after a marker, without spaces and line breaks, as far as a
    label may reach (a PDF's text breaks labels: "（三）不予" / "公开")."""
    return _SPACES.sub("", text[start:start + _LABEL_REACH])


def heading(text: str, marker_token: Token, title: list[Token], at_line_start: bool) -> tuple[Heading, list[Token]]:
    """The heading a marker starts, and the fragments after it on its line that
    belong to the body (the heading's title ran into them)."""
    level, ordinal, style = marker_shape(marker_token)
    marker_span = Span(marker_token.start_pos, marker_token.end_pos)
    marker = Marker(str(marker_token), level, ordinal, style, marker_span)
    if not title:
        return Heading(marker, "", marker_span), []
    start, end = title[0].start_pos, title[-1].end_pos
    cut = _title_end(text, start, end, at_line_start)
    rest: list[Token] = []
    if cut is not None and cut < end:
        rest = [fragment(text, cut, end)]
        end = cut
    words = _TITLE_TRAILER.sub("", text[start:end])
    return Heading(marker, words, Span(marker_span.start, end)), rest


def _title_end(text: str, start: int, end: int, at_line_start: bool) -> int | None:
    """Where a heading's title ends when it runs into the body: after a known
    title, before an enumeration's 一是; in a flattened page, before the year its
    first sentence starts with ("一、概述2017年，在…"), or for a long title at its
    first comma."""
    known = _KNOWN_TITLE.match(text, start, end)
    if known and not _TITLE_GOES_ON.match(text, known.end(), end):
        return known.end()
    first_item = _FIRST_ITEM.search(text, start + 2, end)
    if first_item:
        return first_item.start()
    if at_line_start:
        return None
    year = _YEAR.search(text, start + 2, end)
    if year:
        return year.start()
    if end - start > _LONG_HEADING:
        return next((comma.start() for comma in _COMMA.finditer(text, start, end) if balanced(text[start:comma.start()])),
                    None)
    return None


def balanced(text: str) -> bool:
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")


def fragment(text: str, start: int, end: int) -> Token:
    return _token("FRAGMENT", text, start, end)


def _token(kind: str, text: str, start: int, end: int) -> Token:
    token = Token(kind, text[start:end])
    token.start_pos, token.end_pos = start, end
    return token


def marker_shape(marker: str) -> tuple[int, int, str]:
    """(level, ordinal, style) of a marker token."""
    match = chars.HEADING_MARKER_PARTS.fullmatch(marker)
    assert match, marker
    if match["l1"]:
        return 1, chinese_numeral_value(match["l1"]), "一、"
    if match["l2"]:
        return 2, chinese_numeral_value(match["l2"]), "（一）" if match["l2open"] == "（" else "(一)"
    if match["l4"]:
        return 4, int(match["l4"]), "（1）" if match["l4open"] == "（" else "(1)"
    return 3, int(match["l3"]), "1" + match["l3mark"]
