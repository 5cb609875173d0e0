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
from .numerals import chinese_numeral_value

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

_YEAR_IN_TITLE = re.compile(r"([12][0-9]{3})\s*年")
_PERIOD = re.compile(
    r"(?P<y1>[12][0-9]{3})年(?P<m1>[0-9]{1,2})月(?P<d1>[0-9]{1,2})日\s*起?\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?:(?P<y2>[12][0-9]{3})年)?(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})日"
)
_YEAR_OF_REPORT = re.compile(r"([12][0-9]{3})\s*年度?(?:政府|政务)?信息公开")
_FIRST_YEAR = re.compile(r"([12][0-9]{3})年")
_ARABIC_DATE = re.compile(r"([12][0-9]{3})\s*(?:-|/|\.|年)\s*([0-9]{1,2})\s*(?:-|/|\.|月)\s*([0-9]{1,2})")
_CHINESE_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
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
    aliases: tuple[str, ...] = ()  # other names the agency uses for itself (configuration)

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
            "aliases": list(self.aliases),
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
        edition=edition_for(year, document.text),
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
        for match in _PERIOD.finditer(paragraph.text):
            try:
                start = date(int(match["y1"]), int(match["m1"]), int(match["d1"]))
                end = date(int(match["y2"] or match["y1"]), int(match["m2"]), int(match["d2"]))
            except ValueError:
                continue
            return start, end
    return None


def _year(document: Document, period: tuple[date, date] | None) -> tuple[int | None, str | None]:
    if document.title:
        match = _YEAR_IN_TITLE.search(document.title.text)
        if match:
            return int(match.group(1)), "标题"
    if period:
        return period[0].year, "统计期限"
    front = _front_paragraphs(document)
    for paragraph in front:
        match = _YEAR_OF_REPORT.search(paragraph.text)
        if match:
            return int(match.group(1)), "前言"
    for paragraph in list(document.paragraphs())[:3]:
        match = _FIRST_YEAR.search(paragraph.text)
        if match:
            return int(match.group(1)), "正文"
    return None, None


def _agency(document: Document) -> str | None:
    if not document.title:
        return None
    title = document.title.text
    match = _YEAR_IN_TITLE.search(title)
    if match and match.start() > 0:
        name = title[: match.start()]
    else:
        rest = title[match.end():] if match else title
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


def edition_for(year: int | None, text: str) -> str:
    """The edition of the format a report of ``year`` follows (by its text when
    the year is unknown)."""
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


def parse_date(text: str) -> date | None:
    """The first full date in a text: 2017-01-19, 2020年1月31日, 二〇一三年一月二十日."""
    match = _ARABIC_DATE.search(text)
    if match:
        values = [int(group) for group in match.groups()]
    else:
        match = _CHINESE_DATE.search(text)
        if not match:
            return None
        values = [chinese_numeral_value(group) for group in match.groups()]
    try:
        return date(*values)
    except ValueError:
        return None
