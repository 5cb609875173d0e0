"""What a report is, as data: the profile of a draft and the vocabulary of its
fields — editions, levels and bodies, each word with its Chinese label — and
the profile values configuration fixes (``ProfileOverrides``, applied by
``Profile.overridden``).

Reading a profile from a document is reportlint/profile.py; this module needs
no document, so configuration and cached results use it without the parser
and the number layer.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from enum import Enum
from typing import Any


class _Vocabulary(str, Enum):
    """Words as rule files and configuration write them (a member's value), each
    with its Chinese label. Members are strings, so rule data that compares with
    the words, or is keyed by them, keeps working."""

    label: str

    def __new__(cls, word: str, label: str) -> _Vocabulary:
        member = str.__new__(cls, word)
        member._value_ = word
        member.label = label
        return member

    def __str__(self) -> str:
        return self.value  # the word, as configuration writes it (not "Edition.FREE_2008")

    @classmethod
    def parse(cls, word: object) -> Any:
        """The member a word names, or None when it names none."""
        try:
            return cls(word)
        except ValueError:
            return None


class Edition(_Vocabulary):
    """The editions of the report format (domain.md §1–2)."""

    FREE_2008 = "free-2008", "2008年《条例》自由格式"  # no unified format (reports up to 2018)
    STANDARD_2019 = "standard-2019", "2019年试行统一格式（国办公开办函〔2019〕60号）"  # 2019, 2020
    STANDARD_2021 = "standard-2021", "2021年统一格式（国办公开办函〔2021〕30号）"  # 2021 on

    @classmethod
    def of_year(cls, year: int) -> Edition:
        """The edition the reports of a year follow."""
        if year >= 2021:
            return cls.STANDARD_2021
        if year >= 2019:
            return cls.STANDARD_2019
        return cls.FREE_2008


class Level(_Vocabulary):
    """The administrative level of the issuing body, from the top."""

    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡级"


class Body(_Vocabulary):
    """What the issuing body is."""

    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府部门"


@dataclass(frozen=True)
class ProfileOverrides:
    """What a draft's title does not say yet: fixed in configuration."""

    year: int | None = None
    agency: str | None = None
    edition: Edition | None = None
    level: Level | None = None
    body: Body | None = None
    published: date | None = None  # for a page whose copy lost its date line

    def values(self) -> dict[str, Any]:
        """The fields that are fixed, by name."""
        return {item.name: getattr(self, item.name) for item in fields(self) if getattr(self, item.name) is not None}


@dataclass(frozen=True)
class Profile:
    year: int | None
    year_source: str | None  # where the year was read: 标题, 统计期限, 前言, 正文
    agency: str | None
    body: Body | None
    level: Level | None
    edition: Edition
    published: date | None
    period: tuple[date, date] | None
    aliases: tuple[str, ...] = ()  # other names the agency uses for itself (configuration)

    def overridden(self, overrides: ProfileOverrides, aliases: tuple[str, ...] = ()) -> Profile:
        """This profile with what configuration fixes, and the agency's other
        names. A year fixed without an edition brings the edition of that year:
        the one read from the draft followed the year the draft states."""
        changes = overrides.values()
        if overrides.year is not None and overrides.edition is None:
            changes["edition"] = Edition.of_year(overrides.year)
        if aliases:
            changes["aliases"] = aliases
        return replace(self, **changes)

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

    @classmethod
    def from_dict(cls, data: dict) -> Profile:
        """The profile ``to_dict`` gave (the results cache keeps it so)."""
        period = data["period"]
        return cls(
            year=data["year"],
            year_source=data["year_source"],
            agency=data["agency"],
            body=Body.parse(data["body"]),
            level=Level.parse(data["level"]),
            edition=Edition(data["edition"]),
            published=date.fromisoformat(data["published"]) if data["published"] else None,
            period=(date.fromisoformat(period[0]), date.fromisoformat(period[1])) if period else None,
            aliases=tuple(data["aliases"]),
        )
