"""How reports word a breakdown: the cues, and what the words around a figure
say about it (a total, a difference, an item of a list, a part of another
subject). Positions are offsets into the document's text."""

from __future__ import annotations

import re

from ..numbers import Quantity
from ..text.chars import HAN, HAN_CHAR, HEADING_MARKER
from .model import comparable

# 共 as in 共接到/共计/信息共13条, not as in 公共, 共同, 共享.
_TOTAL_CUE = re.compile(r"合计|总计|总数|(?<!公)共(?!同|享|建|治|识|性|产党|青团|商|赢|担)")
# A clause that opens with a total states a new one ("…；共办理718件"); a 共 after a
# label is an item's own sum ("人事信息、财政信息共40条").
_CLAUSE_TOTAL = re.compile(r"[；;，,、\s]*(?:合计|总计|共计?|总数)")
_NEW_STATEMENT = re.compile(r"[；;，,、\s]*(?:办结|结转|答复了?|回复了?)")
# After a ；, a clause on another subject ends a 其中 list ("…法人2件；行政复议1件",
# "…法人或其他组织5件；上年结转5件").
_ANOTHER_SUBJECT = re.compile(r"复议|诉讼|咨询|投诉|举报|信访|结转|另|此外|同时")
_OTHER_ITEM = re.compile(rf"[；;，,、\s]*(?:{HEADING_MARKER})?\s*(?:其他|其余|其它)")
_ELSEWHERE = re.compile(r"另有|另外|此外|以外|之外")
# A comparison with another year: "较上年增加5件" is a difference, no total.
_DIFFERENCE = re.compile(r"(?:较|比|同比|环比|相比)[^，,；;。]*?(?:增加|减少|增长|下降|上升|提高|降低|增|减|多|少)了?$")
# Words that declare a list partial: 主要类别, 主要包括, 重点.
_PARTIAL = re.compile(r"主要|重点")
_PARTIAL_END = re.compile(r"\s*等")
QIZHONG = re.compile(r"其中")
RESPECTIVELY = re.compile(r"分别(?:为|是|有|达)?")
INCLUDING = re.compile(r"包括")
AMONG = re.compile(r"^\s*在.*中[，,：:]?$")
# A sentence that opens by naming the whole its list divides: "办结的申请中，予以公开53件…".
_OPENING_SUBJECT = re.compile(rf"\s*在?(?P<subject>[{HAN}]{{2,12}})中[，,：:]")
CATEGORIES = re.compile(r"的(?P<partial>主要)?类别(?:主要)?(?:有|为|是|包括)[：:]")
# Between a part and its share: "…1397条，占73%", "…145条，占8.05%", "…16 件（1.3%）".
_SHARE_LINK = re.compile(r"[，,]?\s*[（(]?\s*(?:占比?(?:为|达)?|所占比例为|比例为)?\s*")
# A part published through a channel (门户网站发布, 通过政务微博推送): one item goes out
# through several channels, so such parts may add up to more than the items published.
# An application arrives through one channel only (网上申请, 信函申请): no verb of publishing.
_CHANNEL = re.compile(r"网站|网页|门户|微博|微信|公众号|新媒体|客户端|抖音|头条号|公开栏|公示栏|宣传栏|报刊|报纸|广播|电视|显示屏")
_PUBLISHED = re.compile(r"公开|发布|推送|转载|刊登|刊发|播出|公布|更新")
_LIST_BREAK = re.compile(r"[，,；;：:。！？]")
_OPEN = "（("
_CLOSE = "）)"


def has_total_cue(text: str, quantity: Quantity) -> bool:
    return bool(_TOTAL_CUE.search(text, quantity.clause.start, quantity.number_span.start))


def opens_with_total(text: str, quantity: Quantity) -> bool:
    """Whether the figure's clause opens with 共/合计: a new total, not an item."""
    return bool(_CLAUSE_TOTAL.match(text, quantity.clause.start, quantity.number_span.start))


def new_statement(text: str, quantity: Quantity) -> bool:
    return bool(_NEW_STATEMENT.match(text, quantity.clause.start, quantity.span.start))


def another_subject(text: str, previous: Quantity, quantity: Quantity) -> bool:
    """Whether a ； between two figures moves on to another subject."""
    between = text[previous.span.end:quantity.span.start]
    return ("；" in between or ";" in between) and bool(
        _ANOTHER_SUBJECT.search(text, quantity.clause.start, quantity.span.start))


def labelled_other(text: str, quantity: Quantity) -> bool:
    return bool(_OTHER_ITEM.match(text, quantity.clause.start, quantity.span.start))


def elsewhere(text: str, quantity: Quantity) -> bool:
    """"…；另有上年结转申请5件": besides the total, not a part of it."""
    return bool(_ELSEWHERE.search(text, quantity.clause.start, quantity.span.start))


def difference(text: str, quantity: Quantity) -> bool:
    """Whether a figure is a change against another year ("较上年增加5件")."""
    return bool(_DIFFERENCE.search(text, quantity.clause.start, quantity.span.start))


def list_item(text: str, quantity: Quantity, previous: Quantity | None, following: Quantity | None) -> bool:
    """Whether a figure is an item of a 、 list of figures that count the same
    thing ("涉及户籍2件、证明1件、档案5件"); "编发简报12期、信息96条" lists two things."""
    return any(
        first is not None and second is not None and _joined(text, first, second) and comparable(first, second)
        for first, second in ((previous, quantity), (quantity, following))
    )


def _joined(text: str, first: Quantity, second: Quantity) -> bool:
    between = text[first.span.end:second.span.start]
    return "、" in between and not _LIST_BREAK.search(between)


def declared_partial(text: str, lead_start: int, parts: list[Quantity], heading: str) -> bool:
    """Whether a list says it gives only some of the whole: 主要/重点 before its
    first part or in the heading of its section, or 等 after its last part."""
    return bool(
        _PARTIAL.search(text, lead_start, parts[0].clause.start) or _PARTIAL.search(heading)
        or _PARTIAL_END.match(text, parts[-1].span.end)
    )


def published_through_channel(text: str, quantity: Quantity) -> bool:
    """Whether a figure counts what went out through one channel ("门户网站发布800条")."""
    return bool(_CHANNEL.search(text, quantity.clause.start, quantity.number_span.start)
                and _PUBLISHED.search(text, quantity.clause.start, quantity.number_span.start))


def share_link(text: str, part: Quantity, percentage: Quantity) -> bool:
    return bool(_SHARE_LINK.fullmatch(text, part.span.end, percentage.span.start))


def depth(text: str, start: int, offset: int) -> int:
    """How many brackets are open at ``offset``, counting from ``start``."""
    level = 0
    for char in text[start:offset]:
        if char in _OPEN:
            level += 1
        elif char in _CLOSE and level:
            level -= 1
    return level


def closing(text: str, opening: int, limit: int) -> int:
    """Where the bracket opened at ``opening`` closes (``limit`` when it does not)."""
    level = 0
    for offset in range(opening, limit):
        char = text[offset]
        if char in _OPEN:
            level += 1
        elif char in _CLOSE:
            level -= 1
            if level == 0:
                return offset
    return limit


def ends(text: str, quantity: Quantity, end: int) -> bool:
    """Whether nothing but punctuation follows a figure up to ``end``."""
    return not text[quantity.span.end:end].strip("，,；;：:。！？!? ")


def opens_bracket(text: str, offset: int) -> bool:
    return offset < len(text) and text[offset] in _OPEN


def opening_subject(text: str, start: int, end: int) -> list[str]:
    """The words of the whole a sentence opens with ("办结的申请中，" → 办结, 申请),
    before its first figure at ``end``; none when it opens otherwise."""
    match = _OPENING_SUBJECT.match(text, start, end)
    return [word for word in match.group("subject").split("的") if word] if match else []


def head_word(lead: str) -> str:
    """The last two Han characters before a figure, its markers set aside: "咨询" in
    "共接到政府信息公开方面的咨询931余件"."""
    lead = re.sub(r"(?:大约|将近|接近|超过|约|近|逾|超|共计|合计|总计|共|达到|达|为)+$", "", lead)
    han = HAN_CHAR.findall(lead)
    return "".join(han[-2:]) if len(han) >= 2 else ""


def shares_subject(subject: str, lead: str) -> bool:
    """Whether the text before an earlier figure names the subject of a category
    list: the last four or more characters of the subject appear in it."""
    return any(subject[-length:] in lead for length in range(min(len(subject), 8), 3, -1))
