"""The report's profile: what kind of report a draft is.

Report year, issuing agency and its level, edition of the format, publication date
and statistics period, read from the document. Checks use the profile rather than
guessing again; `reportlint inspect` prints it so users see what was understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .document import Document, Paragraph
from .numbers import DateMention, find_date_mentions, find_periods, first_full_date

# The editions of the report format (domain.md §1–2).
FREE_2008 = "free-2008"  # 2008 条例, no unified format (reports up to 2018)
STANDARD_2019 = "standard-2019"  # trial format, 国办公开办函〔2019〕60号 (2019, 2020)
STANDARD_2021 = "standard-2021"  # format of 国办公开办函〔2021〕30号 (2021 on)
EDITIONS = (FREE_2008, STANDARD_2019, STANDARD_2021)

EDITION_NAMES = {
    FREE_2008: "2008年《条例》自由格式",
    STANDARD_2019: "2019年试行统一格式（国办公开办函〔2019〕60号）",
    STANDARD_2021: "2021年统一格式（国办公开办函〔2021〕30号）",
}

# What follows the year when a preamble names the report: "2015年度政府信息公开…".
_REPORT_AFTER_YEAR = re.compile(r"\s*(?:政府|政务)?信息公开")
_AGENCY_END = re.compile(r"(?:政府|政务)?信息公开|政务公开|年度报告|工作年度报告")

# Province-level municipalities: their 市 is a province.
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_DEPARTMENT = re.compile(r"(?:局|委员会|委|办公室|办公厅|厅|办|中心|署|所|站|院|队|管理处|处)$")
# Words whose 市/区/县 is not an administrative division.
_NOT_PLACES = re.compile(r"市场|城市|都市|社区|区域|县域|市政|市民")
_PLACE_LEVELS = (
    (re.compile(r"(?:街道|乡|镇)"), "township"),
    (re.compile(r"(?:县|区|旗)"), "county"),
    (re.compile(r"(?:市|州|盟|地区)"), "city"),
    (re.compile(r"(?:省|自治区)"), "province"),
)


@dataclass(frozen=True)
class Profile:
    year: int | None
    year_source: str | None  # where the year was read: 标题, 统计期限, 前言, 正文
    agency: str | None
    body: str | None  # "government" or "department"
    level: str | None  # "province", "city", "county" or "township"
    edition: str
    published: date | None
    period: tuple[date, date] | None

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "year_source": self.year_source,
            "agency": self.agency,
            "body": self.body,
            "level": self.level,
            "edition": self.edition,
            "published": self.published.isoformat() if self.published else None,
            "period": [day.isoformat() for day in self.period] if self.period else None,
        }


def infer_profile(document: Document) -> Profile:
    period = _period(document)
    year, year_source = _year(document, period)
    agency = _agency(document)
    body, level = _agency_kind(agency)
    return Profile(
        year=year,
        year_source=year_source,
        agency=agency,
        body=body,
        level=level,
        edition=_edition(year, document.text),
        published=_published(document),
        period=period,
    )


def _front_paragraphs(document: Document) -> list[Paragraph]:
    """The preamble, or for drafts without one, the first paragraph of the body."""
    paragraphs = [block for block in document.preamble if isinstance(block, Paragraph)]
    if not paragraphs:
        paragraphs = list(document.paragraphs())[:1]
    return paragraphs


def _period(document: Document) -> tuple[date, date] | None:
    for paragraph in _front_paragraphs(document):
        for period in find_periods(document.text, paragraph.span.start, paragraph.span.end):
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
    front = _front_paragraphs(document)
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
        return None
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


def _agency_kind(agency: str | None) -> tuple[str | None, str | None]:
    if not agency:
        return None, None
    body = "department" if _DEPARTMENT.search(agency) and not agency.endswith("人民政府") else "government"
    if agency.startswith(_MUNICIPALITIES):
        return body, "province"
    place = re.sub(r"(?:人民政府.*|政府.*)$", "", agency) if body == "government" else agency
    place = _NOT_PLACES.sub("", place)
    # The level is that of the last administrative division named before the
    # body itself: 楚雄州科学技术局 → 州 → city level.
    best: tuple[int, str] | None = None
    for pattern, level in _PLACE_LEVELS:
        for match in pattern.finditer(place):
            if best is None or match.end() > best[0]:
                best = (match.end(), level)
    return body, best[1] if best else None


def _edition(year: int | None, text: str) -> str:
    if year is not None:
        if year >= 2021:
            return STANDARD_2021
        if year >= 2019:
            return STANDARD_2019
        return FREE_2008
    if "〔2021〕30号" in text or "本年制发件数" in text:
        return STANDARD_2021
    if "〔2019〕60号" in text or "本年新制作数量" in text:
        return STANDARD_2019
    return FREE_2008


def _published(document: Document) -> date | None:
    for meta in document.metadata:
        found = parse_date(meta.value)
        if found:
            return found
    return None


# The first full date of a text; the number layer reads dates for everyone.
parse_date = first_full_date
