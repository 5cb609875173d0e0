"""Page chrome: what a web page shows around the report, which a copy of its text
keeps.

A page saved from a government site, or text copied from one, carries the site's
furniture along with the report: the breadcrumb (当前位置：首页 > 政务公开 > …),
the source and time line (来源：… 时间：2022-02-08 16:34), share buttons (分享到
微信 微博 QQ空间), page tools (打印 关闭, 全真版 文字版, 字号 大 中 小), link lists
(相关链接：, 附件下载, and the titles of other pages listed on the lines after
相关链接：) and visitor counters (浏览次数：1024); text extracted from a PDF keeps
its page numbers ("— 3 —"). In text flattened from
a page all of it runs into the report's first and last lines. None of it is the
report's text: the parser sets it apart (``Document.chrome``), so no wording,
repetition or year check reads it; the page's source and time become metadata,
where the publication date is read.

Chrome is recognised by its fixed words only where they stand apart — at the
start of a line or after a space, and (for the tool words) before a space or the
line end, in a run of two or more or one that no sentence uses ("附件下载") — so
"通过微信、微博发布" stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Span

_BREADCRUMB = r"(?:当前位置|您的位置|您当前的位置|您现在的位置|当前页面)[:：]\s*[^\s>»›/]+(?:\s*[>»›/]\s*[^\s>»›/]+)*"
_DATE_TIME = r"[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
# 来源：X 时间：date — the value of 来源 may be empty ("来源： 时间：…") or run into 时间.
_SOURCE = r"(?P<source_key>(?:信息)?来源)[:：][ \t\u3000]*(?P<source>[^\s：:]*?)(?=\s|(?:发布)?时间[:：]|$)"
_TIME = rf"(?P<time_key>(?:发布)?(?:时间|日期))[:：][ \t\u3000]*(?P<time>{_DATE_TIME})"
_COUNTER = r"(?:浏览次数|访问次数|访问量|点击数|点击量|点击率|阅读次数|阅读量|浏览量)[:：]\s*[0-9]+次?"
# Words of page tools and link lists; a run of them is chrome.
_TOOL = (r"(?:分享到[:：]?|微信|微博|QQ空间|QQ|全真版|文字版|文件下载|附件下载|相关链接[:：]?|打印本页|关闭窗口"
         r"|打印|关闭|返回顶部|收藏|字号[:：]?|大|中|小|-->|<!--|【(?:打印|关闭|大|中|小|返回顶部)】)")
# Tool words no sentence is made of: chrome even alone.
_LONE_TOOL = r"(?:分享到[:：]?|全真版|文件下载|附件下载|相关链接[:：]?|打印本页|关闭窗口|-->|<!--|【(?:打印|关闭)】)"
# A PDF's page number on a line of its own: "— 3 —", "-3-", "第 3 页 共 12 页".
_PAGE_NUMBER = r"^\s*(?:[—\-－–]\s*[0-9]{1,3}\s*[—\-－–]|第\s*[0-9]{1,3}\s*页(?:\s*[，,]?\s*共\s*[0-9]{1,3}\s*页)?)\s*$"
_EDGE = r"(?:(?<=\s)|^)"
_END = r"(?=\s|$)"
_CHROME = re.compile(
    rf"(?P<page>{_PAGE_NUMBER})|{_EDGE}(?:(?P<breadcrumb>{_BREADCRUMB})|(?P<counter>{_COUNTER})|{_SOURCE}|{_TIME}"
    rf"|(?P<tools>{_TOOL}(?:\s+{_TOOL})+{_END}|{_LONE_TOOL}{_END}))"
)


@dataclass(frozen=True)
class ChromePiece:
    """A piece of page chrome; ``meta`` is (key, value, value span) for the
    source and time of the page."""

    span: Span
    meta: tuple[str, str, Span] | None = None


def find_chrome(text: str, start: int, end: int) -> list[ChromePiece]:
    """The chrome between ``start`` and ``end`` of ``text`` (one line), in order."""
    line = text[start:end]
    if not _may_hold_chrome(line):
        return []
    pieces = []
    for match in _CHROME.finditer(line):
        span = Span(start + match.start(), start + match.end())
        meta = None
        for key, value in (("source_key", "source"), ("time_key", "time")):
            if match.group(key):
                value_span = Span(start + match.start(value), start + match.end(value))
                meta = (match.group(key), match.group(value), value_span)
        pieces.append(ChromePiece(span, meta))
    return pieces


# After "相关链接：" a page lists links to other pages, a title a line, at its foot.
_LINK_LIST = re.compile(r"相关链接[:：]?\s*$")
_LINK = re.compile(r"[^。，,；;！？!?]{2,60}")


def opens_link_list(piece: str) -> bool:
    """Whether a piece of chrome announces a list of links on the lines after it."""
    return bool(_LINK_LIST.search(piece))


def is_link(line: str) -> bool:
    """Whether a line of a list of links is one: a short title, no sentence."""
    return bool(_LINK.fullmatch(line.strip()))


_HINTS = ("—", "-", "－", "–", "页", "位置", "来源", "时间", "日期", "分享", "微信", "打印", "链接", "下载", "版", "次数", "量",
          "字号", "【")


def _may_hold_chrome(line: str) -> bool:
    """A cheap test before the pattern: most lines hold none of chrome's words."""
    return any(hint in line for hint in _HINTS)
