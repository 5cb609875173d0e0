"""The report's profile: what kind of report a draft is.

Report year, issuing agency and its level, edition of the format, publication date
and statistics period, read from the document. Checks use the profile rather than
guessing again; `reportlint inspect` prints it so users see what was understood.
The profile and its vocabulary (editions, levels, bodies) are data in
reportlint/profile_model.py, imported from here as well.
"""

from __future__ import annotations

import re
from datetime import date

from .document import Document
from .numbers import DateMention, find_date_mentions, find_periods, first_full_date
from .profile_model import Body, Edition, Level, Profile, ProfileOverrides

__all__ = ["Body", "Edition", "Level", "Profile", "ProfileOverrides", "division_level", "division_of", "edition_for",
           "infer_profile"]


# What follows the year when a preamble names the report: "2015年度政府信息公开…".
_REPORT_AFTER_YEAR = re.compile(r"\s*(?:政府|政务)?信息公开")
_AGENCY_END = re.compile(r"(?:政府|政务)?信息公开|政务公开|年度报告|工作年度报告")

# Province-level municipalities: their 市 is a province.
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_DEPARTMENT = re.compile(r"(?:局|委员会|委|办公室|办公厅|厅|办|中心|署|所|站|院|队|管理处|处)$")
# Words whose 市/区/县 is not an administrative division ("宣城市" is one: 城市 alone is not listed).
_NOT_PLACES = re.compile(r"市场|城市管理|城市建设|都市|社区|区域|县域|市政(?!府)|市民")
_DIVISIONS = re.compile(r"自治区|街道|地区|[省市州盟县区旗乡镇]")
_DIVISION_LEVELS = {
    "街道": Level.TOWNSHIP, "乡": Level.TOWNSHIP, "镇": Level.TOWNSHIP,
    "县": Level.COUNTY, "区": Level.COUNTY, "旗": Level.COUNTY,
    "市": Level.CITY, "州": Level.CITY, "盟": Level.CITY, "地区": Level.CITY,
    "省": Level.PROVINCE, "自治区": Level.PROVINCE,
}
# Where a preamble names the issuing body (drafts without a title): "由杭州市上城区科学技术局编制",
# "汇总楚雄州科学技术局政府信息公开工作情况", "现将2016年度楚雄市政府信息公开工作情况报告如下",
# "请与平潭综合实验区管委会信息公开工作办公室联系", "《福州市科学技术局政府信息公开指南》".
_NAMED_IN_FRONT = (
    re.compile(r"由([^，。；,;、（(]{3,40}?)(?:编制|编写|负责编制)"),
    re.compile(r"汇总([^，。；,;、]{3,40}?)(?:各[^，。；,;、]{0,10})?政府信息公开"),
    re.compile(r"现将(?:[0-9]{4}年度?)?([^，。；,;、]{3,40}?)(?:政府|政务)?信息公开工作"),
    re.compile(r"与([^，。；,;、与]{3,60}?)联系"),
    re.compile(r"请联系[:：]([^，。；,;、]{3,60}?)(?:[,，;；]|地址)"),
)
_NAMED_IN_BODY = re.compile(r"《([^《》]{3,40}?)政府信息公开(?:指南|目录)》")
# 政府 followed by 信息公开 is the phrase 政府信息公开, not a body.
_BODY_ENDING = re.compile(r"(?:人民政府|政府(?!信息公开)|管委会|管理委员会|委员会|局|厅|委)(?=[^局厅委府会]|$)")
# A body speaking of its own division: 我镇, 本街道 (not 本市场, 我市民).
_SELF_REFERENCE = re.compile(r"[我本](街道|自治区|[省市州盟县区旗乡镇])(?!场|民|域)")
_ALIAS_IN_BRACKETS = re.compile(r"[（(][^（）()]*(?:委员会|政府|管委会|局)[）)]")



def infer_profile(document: Document) -> Profile:
    period = _period(document)
    year, year_source = _year(document, period)
    agency = _agency(document)
    body, level = _agency_kind(agency)
    if level is None and (division := own_division(document)) is not None:
        level = division_level(division)
    return Profile(
        year=year,
        year_source=year_source,
        agency=agency,
        body=body,
        level=level,
        edition=edition_for(year, document.text),
        published=_published(document),
        period=period,
    )


def own_division(document: Document) -> str | None:
    """The division a report's self-references name, for a report whose name
    gives none: "我镇…本镇…我镇" is a township's report. The division named most
    often after 我/本 wins when it is named at least twice and twice as often as
    any other."""
    counts: dict[str, int] = {}
    for paragraph in document.paragraphs():
        for match in _SELF_REFERENCE.finditer(paragraph.text):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(counts, key=counts.get)


def _period(document: Document) -> tuple[date, date] | None:
    for paragraph in document.front_paragraphs():
        for period in find_periods(paragraph.text):
            if period.start is not None and period.year is not None:
                return period.first_day(), period.last_day()
    return None


def _first_year(text: str) -> DateMention | None:
    return next((mention for mention in find_date_mentions(text) if mention.year is not None), None)


def _year(document: Document, period: tuple[date, date] | None) -> tuple[int | None, str | None]:
    if document.title:
        mention = _first_year(document.title.text)
        if mention:
            return mention.year, "标题"
    if period:
        return period[0].year, "统计期限"
    front = document.front_paragraphs()
    for paragraph in front:
        for mention in find_date_mentions(paragraph.text):
            if mention.year is not None and _REPORT_AFTER_YEAR.match(paragraph.text, mention.span.end):
                return mention.year, "前言"
    for paragraph in list(document.paragraphs())[:3]:
        mention = _first_year(paragraph.text)
        if mention:
            return mention.year, "正文"
    return None, None


def _agency(document: Document) -> str | None:
    if not document.title:
        return _agency_of_page(document) or _agency_in_front(document)
    title = document.title.text
    mention = _first_year(title)
    if mention and mention.span.start > 0:
        name = title[: mention.span.start]
    else:
        rest = title[mention.span.end:] if mention else title
        end = _AGENCY_END.search(rest)
        name = rest[: end.start()] if end else ""
    name = re.sub(r"\s+", "", name).strip("（）()")
    return name or None


def _agency_of_page(document: Document) -> str | None:
    """The issuing body a web page names in its 发布机构 (or 发文机关) line."""
    for meta in document.metadata:
        if meta.key in ("发布机构", "发文机关") and meta.value.strip():
            return body_name(meta.value)
    return None


def _agency_in_front(document: Document) -> str | None:
    """The issuing body as a preamble names it, for drafts without a title."""
    front = " ".join(paragraph.text for paragraph in document.front_paragraphs())
    for pattern in _NAMED_IN_FRONT:
        for match in pattern.finditer(front):
            name = body_name(match.group(1))
            if name:
                return name
    for paragraph in list(document.paragraphs())[:8]:
        for match in _NAMED_IN_BODY.finditer(paragraph.text):
            name = body_name(match.group(1))
            if name:
                return name
    return None


def body_name(words: str) -> str | None:
    """The name of a body in words that may go on to one of its offices:
    平潭综合实验区管委会信息公开工作办公室 → 平潭综合实验区管委会,
    宣城市政务公开办公室 → 宣城市; None when the words name no place."""
    words = _ALIAS_IN_BRACKETS.sub("", re.sub(r"\s+", "", words))
    if not words or words[0] in "本我该其各":
        return None
    endings = list(_BODY_ENDING.finditer(words))
    name = words[: endings[-1].end()] if endings else words
    place = division_of(name)
    if place is None or place[1] == len(place[0]):
        return None  # no place, or only an abbreviation of one: 市政府
    if not endings:
        name = name[: place[1]]
    return name


def division_of(agency: str) -> tuple[str, int] | None:
    """The last administrative division an agency's name names before the body
    itself, and where it ends: 楚雄州科学技术局 → ("州", 3), 宣城市人民政府 → ("市", 3)."""
    divisions = divisions_of(agency)
    return divisions[-1] if divisions else None


def divisions_of(agency: str) -> list[tuple[str, int]]:
    """Every administrative division an agency's name names before the body
    itself, and where each ends: 平潭综合实验区金井片区管理局 → [("区", 7), ("区", 11)]."""
    masked = _NOT_PLACES.sub(lambda match: "□" * len(match.group()), agency)
    masked = re.sub(r"(?:人民政府|政府).*$", lambda match: "□" * len(match.group()), masked)
    return [(match.group(), match.end()) for match in _DIVISIONS.finditer(masked)]


def division_level(word: str) -> Level | None:
    """The level of an administrative division word: 省 → province, 区 → county."""
    return _DIVISION_LEVELS.get(word)


def _agency_kind(agency: str | None) -> tuple[Body | None, Level | None]:
    if not agency:
        return None, None
    # A zone's 管理委员会 (管委会) governs the zone like a people's government.
    governing = agency.endswith(("人民政府", "管理委员会"))
    body = Body.DEPARTMENT if _DEPARTMENT.search(agency) and not governing else Body.GOVERNMENT
    if agency.startswith(_MUNICIPALITIES):
        return body, Level.PROVINCE
    division = division_of(agency)
    return body, division_level(division[0]) if division else None


def edition_for(year: int | None, text: str) -> Edition:
    """The edition of the format a report of ``year`` follows (by its text when
    the year is unknown)."""
    if year is not None:
        return Edition.of_year(year)
    if "〔2021〕30号" in text or "本年制发件数" in text:
        return Edition.STANDARD_2021
    if "〔2019〕60号" in text or "本年新制作数量" in text:
        return Edition.STANDARD_2019
    return Edition.FREE_2008


def _published(document: Document) -> date | None:
    for meta in document.metadata:
        found = first_full_date(meta.value)
        if found:
            return found
    return None
