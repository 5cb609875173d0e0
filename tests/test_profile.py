from datetime import date

import pytest

from conftest import SEED, SHARED
from reportlint.parser import parse
from reportlint.profile import FREE_2008, STANDARD_2019, STANDARD_2021, infer_profile, parse_date
from reportlint.source import from_text, read_source


def profile_of(text):
    return infer_profile(parse(from_text(text)))


def test_seed_profile():
    profile = infer_profile(parse(read_source(SEED)))
    assert profile.year == 2016 and profile.year_source == "标题"
    assert profile.agency == "楚雄州科学技术局"
    assert (profile.body, profile.level) == ("department", "city")
    assert profile.edition == FREE_2008
    assert profile.published == date(2017, 1, 19)
    assert profile.period == (date(2016, 1, 1), date(2016, 12, 31))


@pytest.mark.parametrize(
    ("title", "year", "agency", "body", "level", "edition"),
    [
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", 2019, "上海市人民政府办公厅", "department", "province", STANDARD_2019),
        ("沐阳县人民政府 2025 年 政府信息公开工作年度报告", 2025, "沐阳县人民政府", "government", "county", STANDARD_2021),
        ("福州市晋安区2016年政府信息公开工作年度报告", 2016, "福州市晋安区", "government", "county", FREE_2008),
        ("舒兰市市场监督管理局2016年政务信息公开年度报告", 2016, "舒兰市市场监督管理局", "department", "city", FREE_2008),
        ("某某镇人民政府2020年政府信息公开工作年度报告", 2020, "某某镇人民政府", "government", "township", STANDARD_2019),
    ],
)
def test_profile_from_title(title, year, agency, body, level, edition):
    profile = profile_of(title + "\n一、总体情况\n")
    assert (profile.year, profile.agency, profile.body, profile.level, profile.edition) == (year, agency, body, level, edition)


def test_year_from_statistics_period_without_title():
    profile = profile_of("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n")
    assert (profile.year, profile.year_source, profile.edition) == (2021, "统计期限", STANDARD_2021)
    assert profile.agency is None


def test_edition_from_content_when_no_year_is_found():
    assert profile_of("根据国办公开办函〔2021〕30号编制。").edition == STANDARD_2021
    assert profile_of("根据国办公开办函〔2019〕60号编制。").edition == STANDARD_2019


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来源: 2017-01-19 10:50:54", date(2017, 1, 19)),
        ("(2026年1月23日)", date(2026, 1, 23)),
        ("二〇一三年一月二十日", date(2013, 1, 20)),
        ("2017年13月1日", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_untitled_corpus_reports_get_their_year():
    files = {path.name: path for path in sorted((SHARED / "corpus").glob("*.txt"))}
    if not files:
        pytest.skip(f"{SHARED / 'corpus'} is absent")
    for name, year in [("05_pingtan-2011.txt", 2011), ("15_pingtan-2021.txt", 2021), ("16_pingtan-2022.txt", 2022),
                       ("18_pingtan-2024.txt", 2024), ("01_shanghai-govoffice-2019.txt", 2019)]:
        assert infer_profile(parse(read_source(files[name]))).year == year, name
