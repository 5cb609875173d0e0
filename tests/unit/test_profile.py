import json
from datetime import date

import pytest
from conftest import SEED, SHARED

from reportlint.parser import parse
from reportlint.profile import Body, Edition, Level, ProfileOverrides, infer_profile
from reportlint.readers import read_source
from reportlint.source import from_text


def profile_of(text):
    return infer_profile(parse(from_text(text)))


def test_seed_profile():
    profile = infer_profile(parse(read_source(SEED)))
    assert profile.year == 2016 and profile.year_source == "标题"
    assert profile.agency == "楚雄州科学技术局"
    assert (profile.body, profile.level) == ("department", "city")
    assert profile.edition == Edition.FREE_2008
    assert profile.published == date(2017, 1, 19)
    assert profile.period == (date(2016, 1, 1), date(2016, 12, 31))


@pytest.mark.parametrize(
    ("title", "year", "agency", "body", "level", "edition"),
    [
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", 2019, "上海市人民政府办公厅", "department", "province",
         Edition.STANDARD_2019),
        ("沐阳县人民政府 2025 年 政府信息公开工作年度报告", 2025, "沐阳县人民政府", "government", "county", Edition.STANDARD_2021),
        ("福州市晋安区2016年政府信息公开工作年度报告", 2016, "福州市晋安区", "government", "county", Edition.FREE_2008),
        ("舒兰市市场监督管理局2016年政务信息公开年度报告", 2016, "舒兰市市场监督管理局", "department", "city", Edition.FREE_2008),
        ("某某镇人民政府2020年政府信息公开工作年度报告", 2020, "某某镇人民政府", "government", "township", Edition.STANDARD_2019),
    ],
)
def test_profile_from_title(title, year, agency, body, level, edition):
    profile = profile_of(title + "\n一、总体情况\n")
    assert (profile.year, profile.agency, profile.body, profile.level, profile.edition) == (year, agency, body, level, edition)


def test_year_from_statistics_period_without_title():
    profile = profile_of("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n")
    assert (profile.year, profile.year_source, profile.edition) == (2021, "统计期限", Edition.STANDARD_2021)
    assert profile.agency is None


def test_edition_from_content_when_no_year_is_found():
    assert profile_of("根据国办公开办函〔2021〕30号编制。").edition == Edition.STANDARD_2021
    assert profile_of("根据国办公开办函〔2019〕60号编制。").edition == Edition.STANDARD_2019


@pytest.mark.corpus
def test_untitled_corpus_reports_get_their_year():
    files = {path.name: path for path in sorted((SHARED / "corpus").glob("*.txt"))}
    if not files:
        pytest.skip(f"{SHARED / 'corpus'} is absent")
    for name, year in [("05_pingtan-2011.txt", 2011), ("15_pingtan-2021.txt", 2021), ("16_pingtan-2022.txt", 2022),
                       ("18_pingtan-2024.txt", 2024), ("01_shanghai-govoffice-2019.txt", 2019)]:
        assert infer_profile(parse(read_source(files[name]))).year == year, name


@pytest.mark.parametrize(
    ("preamble", "agency", "body", "level"),
    [
        ("根据《条例》规定编制本报告。由杭州市上城区科学技术局编制。", "杭州市上城区科学技术局", "department", "county"),
        ("本报告根据《条例》等文件要求，汇总平潭综合实验区各有关单位政府信息公开工作情况编制而成。", "平潭综合实验区",
         "government", "county"),
        ("如对本报告有任何疑问，请与平潭综合实验区管委会信息公开工作办公室联系（地址：平潭综合实验区管委会办公室）。",
         "平潭综合实验区管委会", "government", "county"),
        ("如对本报告有疑问,请与咸宁市审计局综合科联系(地址:湖北省咸宁市贺胜路366号)。", "咸宁市审计局", "department", "city"),
        ("现将2016年度楚雄市政府信息公开工作情况报告如下:", "楚雄市", "government", "city"),
        ("若有疑问，可直接与南平市政府信息公开工作领导小组办公室联系。", "南平市", "government", "city"),
        ("如有疑问，请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区管理委员会)政府信息公开办公室,地址:福州马尾区。",
         "中国(福建)自由贸易试验区福州片区管理委员会", "government", "county"),
    ],
)
def test_agency_from_the_preamble_without_a_title(preamble, agency, body, level):
    profile = profile_of(preamble + "\n一、概述\n本年度工作情况如下。\n")
    assert (profile.agency, profile.body, profile.level) == (agency, body, level)


def test_agency_from_the_guide_named_in_the_body_when_the_preamble_names_none():
    text = ("如对本报告有任何疑问，请与本单位政务公开受理机构联系。\n一、概述\n"
            "我局严格编制了《福州市科学技术局政府信息公开指南》和《福州市科学技术局政府信息公开目录》。\n")
    assert profile_of(text).agency == "福州市科学技术局"


def test_agency_from_the_page_that_names_its_publisher_without_a_title():
    # A saved web page: its 发布机构 line names the body, however the preamble reads.
    text = ("发布时间: 2025-01-26 16:04\n发布机构: 青溪县文化和旅游局\n"
            "根据《中华人民共和国政府信息公开条例》要求，特向社会公布本年度报告。\n一、总体情况\n全年主动公开信息12条。\n")
    assert (profile_of(text).agency, profile_of(text).body) == ("青溪县文化和旅游局", Body.DEPARTMENT)
    assert profile_of(text.replace("青溪县文化和旅游局", "")).agency is None  # an empty line names nobody


def test_abbreviated_bodies_name_no_agency():
    assert profile_of("本报告由市政府办公室综合全市各乡镇和市属各部门政府信息公开年度报告编制而成。\n一、概述\n").agency is None


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("宣城市人民政府2016年信息公开工作年度报告", "city"),  # 城市 inside 宣城市 is no "city" word
        ("宣城市城市管理局2016年政府信息公开工作年度报告", "city"),
        ("南平市政府2012年政府信息公开工作年度报告", "city"),  # 市政府 is no 市政
        ("某县市场监督管理局2016年政府信息公开工作年度报告", "county"),
    ],
)
def test_level_of_names_with_place_like_words(title, level):
    assert profile_of(title + "\n一、概述\n").level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("2022年，我镇认真贯彻《条例》，本镇政务公开工作稳步推进，我镇公开信息120条。", "township"),
        ("我街道高度重视，本街道主动公开信息36条。", "township"),
        ("我区高度重视政务公开，本区主动公开信息36条，我县将继续推进。", "county"),
        ("本市场监管信息及时公开，我市民服务中心运行良好。", None),  # 本市场, 我市民 are no self-references
        ("我镇公开信息120条。", None),  # once is not enough
        ("我镇公开信息120条，我镇办结申请2件，我县我县我县。", None),  # no clear winner
    ],
)
def test_level_from_self_references_when_the_name_gives_none(text, level):
    assert profile_of("2022年政府信息公开工作年度报告\n一、总体情况\n" + text + "\n").level == level


def test_the_name_wins_over_self_references():
    assert profile_of("某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n我镇本镇我镇。\n").level == "county"


@pytest.mark.corpus
def test_untitled_corpus_reports_get_their_agency():
    files = {path.name: path for path in sorted((SHARED / "corpus").glob("*.txt"))}
    if not files:
        pytest.skip(f"{SHARED / 'corpus'} is absent")
    for name, agency in [("05_pingtan-2011.txt", "平潭综合实验区管委会"), ("16_pingtan-2022.txt", "平潭综合实验区"),
                         ("24_fuzhou-gulou-district-2025-excerpt.txt", "鼓楼区人民政府"),
                         ("29_chuxiong-city-2017-excerpt.txt", "楚雄市人民政府")]:
        assert infer_profile(parse(read_source(files[name]))).agency == agency, name


def test_vocabulary_members_are_their_words_with_chinese_labels():
    profile = profile_of("某县科学技术局2016年政府信息公开工作年度报告\n一、概述\n")
    assert (profile.body, profile.level, profile.edition) == (Body.DEPARTMENT, Level.COUNTY, Edition.FREE_2008)
    # Rule data compares with and is keyed by the words.
    assert profile.body == "department" and {"county": 1}[profile.level] == 1
    assert f"{profile.edition}" == "free-2008" and json.dumps(profile.to_dict()["edition"]) == '"free-2008"'
    assert (profile.body.label, profile.level.label) == ("政府部门", "县级")
    assert Edition.parse("standard-2019") is Edition.STANDARD_2019
    assert Level.parse("village") is None and Body.parse(["government"]) is None


def test_overrides_fix_what_the_draft_does_not_state():
    profile = profile_of("本单位2016年政府信息公开工作年度报告\n一、概述\n")
    fixed = profile.overridden(ProfileOverrides(agency="某县科学技术局", level=Level.COUNTY), aliases=("县科技局",))
    assert (fixed.year, fixed.agency, fixed.level, fixed.aliases) == (2016, "某县科学技术局", Level.COUNTY, ("县科技局",))
    assert profile.overridden(ProfileOverrides()) == profile


def test_a_year_fixed_without_an_edition_brings_its_edition():
    profile = profile_of("本单位政府信息公开工作年度报告\n一、概述\n")
    assert profile.overridden(ProfileOverrides(year=2022)).edition == Edition.STANDARD_2021
    assert profile.overridden(ProfileOverrides(year=2020)).edition == Edition.STANDARD_2019
    stated = profile.overridden(ProfileOverrides(year=2022, edition=Edition.FREE_2008))
    assert (stated.year, stated.edition) == (2022, Edition.FREE_2008)
