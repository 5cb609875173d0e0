"""The numeric, date and agency checks: the known defects of the real reports are
found, and ordinary constructions raise no false alarm."""

import pytest
from conftest import SHARED

from reportlint import lint_text
from reportlint.facts import Facts
from reportlint.parser import parse
from reportlint.readers import read_source
from reportlint.source import from_text

TITLE = "某县科学技术局2016年政府信息公开工作年度报告\n一、概述\n"


def rules_fired(text, select=("numbers", "facts")):
    return [(d.rule, d.message) for d in lint_text(text, select=select)]


def corpus(name):
    path = SHARED / "corpus" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (real reports are not part of the project)")
    return read_source(path).text


def found(text, rule):
    return [d for d in lint_text(text, select=[rule])]


# -- no false alarms on ordinary constructions -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "申请数量较上年增长12%，比2015年减少3件。",
        "受理申请数与去年同比下降5.2%，与2015年同比持平。",
        "2015年以来，我局累计公开信息3000条。",
        "按照国办公开办函〔2019〕60号和闽政办〔2014〕130号要求编制。",
        "《中华人民共和国政府信息公开条例》自2008年5月1日起施行。",
        "认真贯彻《关于做好2015年政府信息公开工作的通知》精神。",
        "2016年1至3月，开展专项检查，发布信息12条。",
        "共召开专题会议3次，培训干部职工120人次，发放资料500份。",
        "全年公开信息1913条，占全部政府信息的86.5%；申请数量同比增长12.3%。",
        "全年投入政务公开经费5万元，其中培训干部职工200人次，印制资料800份。",
        "在网站发布信息183条，其中转载省科技厅信息183条。",
        "截至2016年12月31日，累计公开信息3110条。",
    ],
)
def test_no_false_alarm(sentence):
    assert rules_fired(TITLE + sentence + "\n") == []


def test_a_year_with_the_report_year_in_the_same_clause_is_a_comparison():
    assert rules_fired(TITLE + "准确发布2016年部门预算、2015年部门决算信息，以及2015年度绩效评价结果。\n") == []


def test_next_year_only_in_plans_or_the_first_quarter():
    assert rules_fired(TITLE + "2017年1月，我局召开会议审议本报告。\n") == []
    assert rules_fired(TITLE + "二、存在的主要问题及改进情况\n2017年，我局将进一步规范信息发布。\n") == []
    (rule, _), = rules_fired(TITLE + "2017年6月，我局完成了目录梳理。\n")
    assert rule == "numbers.report-year"


def test_plans_dated_with_the_report_year():
    text = "某县人民政府2016年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n2016年，我县将进一步规范依申请公开。\n"
    assert [rule for rule, _ in rules_fired(text)] == ["numbers.plan-year"]


def test_statistics_period_stated_short_of_the_year():
    text = TITLE.replace("一、概述\n", "") + "本报告所列数据的统计期限自2016年1月1日起至2016年11月30日止。\n一、概述\n"
    (rule, message), = rules_fired(text)
    assert rule == "numbers.statistics-period" and "11月30日" in message


def test_other_years_periods_are_the_report_year_rule():
    assert [rule for rule, _ in rules_fired(TITLE + "2015年1月至12月，我局未收到申请。\n")] == ["numbers.report-year"]


# -- breakdowns ---------------------------------------------------------------------------


def breakdowns(text):
    return Facts(parse(from_text(text))).breakdowns


def test_breakdown_cues():
    (qizhong,) = breakdowns("全年共受理申请749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件。")
    assert (qizhong.cue, qizhong.total.text, [p.text for p in qizhong.parts]) == ("其中", "749件", ["741件", "8件"])
    (respectively,) = breakdowns("共收到申请10件，自然人和法人分别为7件、3件。")
    assert respectively.cue == "分别" and [p.text for p in respectively.parts] == ["7件", "3件"]
    (including,) = breakdowns("共公开信息120条，包括政策文件30条、工作动态90条。")
    assert including.cue == "包括" and including.parts_bounds() == (120, 120)


def test_parts_in_brackets_break_down_their_own_figure():
    found = breakdowns("2024年主动公开政府信息698条，其中政务动态信息407条(工作动态287条，专题专栏信息106条，通知公告14条)，"
                       "政府信息公开信息155条，综合文苑信息136条。")
    assert {(b.cue, b.total.text, sum(p.value for p in b.parts)) for b in found} == {("其中", "698条", 698), ("括注", "407条", 407)}


def test_shares_without_a_fitting_base_are_not_guessed():
    # None of the shares fits the figure before them: it is not their base; the
    # shares add up to 100%, so their base is the sum of the parts, which they fit.
    sentence = "共受理申请100件。予以公开30件，占60%；不予公开20件，占40%。"
    (implicit,) = breakdowns(sentence)
    assert (implicit.cue, implicit.total.value) == ("合计", 50)
    assert not found(TITLE + sentence + "\n", "numbers.share-of-total")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A difference from last year is no total: 共 is.
        ("全年共收到申请35件，较上年增加5件，其中自然人申请30件，法人申请5件。", ("其中", "35件", ["30件", "5件"])),
        # Items of a 、 list of one kind are no total; a list of two kinds is no list of parts.
        ("本年度收到申请8件，涉及户籍2件、证明1件、档案5件，其中予以公开6件，不予公开2件。", ("其中", "8件", ["6件", "2件"])),
        ("全年编发简报12期、信息96条，其中被市委采用信息30条。", ("其中", "96条", ["30条"])),
        # The total the parts add up to, among the figures before 其中.
        ("共收到申请35件，办结33件，其中予以公开20件，不予公开13件。", ("其中", "33件", ["20件", "13件"])),
        # 人次 are no 场; a ； that moves to 复议 ends the list; a restated 共 total is no part.
        ("全年举办活动6场，其中线上3场、线下3场，参与群众2400人次。", ("其中", "6场", ["3场", "3场"])),
        ("全年收到申请12件，其中自然人10件、法人2件；行政复议1件，行政诉讼1件。", ("其中", "12件", ["10件", "2件"])),
        ("在主动公开的245条政府信息中，全文电子化的信息共245条，政策文件68条，工作动态177条。",
         ("在…中", "245条", ["68条", "177条"])),
    ],
)
def test_the_total_and_parts_a_breakdown_binds(sentence, expected):
    (found,) = breakdowns(sentence)
    assert (found.cue, found.total.text, [part.text for part in found.parts]) == expected


def test_durations_and_shares_after_qizhong_break_down_no_count():
    assert breakdowns("平均办理时限压缩至15分钟。其中，90%的事项可在10分钟内办结，其余事项用时不超过30分钟。") == ()


def test_units_of_different_kinds_never_add_up():
    assert breakdowns("共开设新媒体70个。其中微博29个，共发布信息1992条；微信公众号41个，共发布信息3404条。")[0].parts_bounds() == (70, 70)


# -- the known defects of the real reports (../shared/corpus/SOURCES.md) -------------------


@pytest.mark.corpus
def test_corpus_06_parts_categories_and_share():
    text = corpus("06_pingtan-2012.txt")
    (exceed,) = found(text, "numbers.parts-exceed-total")
    assert "各分项合计1931条，超过总数1913条" in exceed.message and "1397条+534条" in exceed.message
    # The categories fall short of 1913, but their part of the report is headed
    # 主动公开政府信息的主要类别: a list of the main ones, not of all.
    assert found(text, "numbers.parts-short-of-total") == []
    shares = {d.message for d in found(text, "numbers.share-of-total")}
    assert "“145条”占总数1913条应为7.58%，文中写作“8.05%”。请重新计算比例。" in shares
    assert len(found(text, "numbers.statistics-period")) == 2  # 截至12月14日, twice


@pytest.mark.corpus
def test_corpus_07_rate():
    (rate,) = found(corpus("07_pingtan-dishuiju-2013.txt"), "numbers.rate")
    assert "办结171件÷受理117件≈146.2%" in rate.message and "100%" in rate.message
    assert "办结应为117件：多半是“办结171件”写错了" in rate.message


@pytest.mark.parametrize(
    ("sentence", "advice"),
    [
        # 78 of 80 is 97.5%: the count answered is the one that disagrees.
        ("全年收到申请80件，答复76件，答复率97.5%。", "答复应为78件：多半是“答复76件”写错了"),
        # Either count or the rate may be wrong: the rate is named.
        ("全年收到申请75件，答复72件，答复率100%。", "请核对比率和两个数字"),
    ],
)
def test_a_wrong_rate_names_the_figure_that_disagrees(sentence, advice):
    (rate,) = found(TITLE + sentence + "\n", "numbers.rate")
    assert advice in rate.message


@pytest.mark.corpus
def test_corpus_07_city_wide_self_reference_in_a_district_report():
    (wrong,) = found(corpus("07_pingtan-dishuiju-2013.txt"), "facts.self-reference")
    assert "全市" in wrong.message


@pytest.mark.corpus
def test_corpus_08_categories_exceed_the_total_stated_earlier():
    (exceed,) = found(corpus("08_pingtan-2014.txt"), "numbers.parts-exceed-total")
    assert "各分项合计2641条，超过总数2543条" in exceed.message


@pytest.mark.corpus
def test_corpus_05_late_publication_and_county_self_reference():
    text = corpus("05_pingtan-2011.txt")
    (county,) = found(text, "facts.self-reference")
    assert "我县" in county.message and "我区" in county.message
    # The copy in the corpus lost the page's metadata; the site published it on 2012-04-11.
    (late,) = found("发布日期：2012-04-11\n" + text, "facts.publication-deadline")
    assert (late.line, late.column) == (1, 6) and "2012-03-31" in late.message
    assert found("发布日期：2012-03-30\n" + text, "facts.publication-deadline") == []


@pytest.mark.corpus
def test_corpus_01_shares_of_the_answered_requests():
    shares = {d.message for d in found(corpus("01_shanghai-govoffice-2019.txt"), "numbers.share-of-total")}
    assert shares == {
        "“258件”占总数805件应为32.05%，文中写作“33.9%”。请重新计算比例。",
        "“35件”占总数805件应为4.35%，文中写作“4.34%”。请重新计算比例。",
    }


def test_signed_before_the_year_is_over():
    text = TITLE + "本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。\n某县科学技术局\n2016年12月20日\n"
    (early,) = found(text, "facts.date-before-period-end")
    assert "2016-12-31" in early.message



def test_statistics_period_stated_starting_late():
    text = TITLE.replace("一、概述\n", "") + "本报告所列数据的统计期限自2016年2月1日起至2016年12月31日止。\n一、概述\n"
    (rule, message), = rules_fired(text)
    assert rule == "numbers.statistics-period" and "从2月1日才开始" in message


def test_a_figure_besides_the_total_is_no_part_of_it():
    text = "某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n" \
           "2022年，全县共收到政府信息公开申请12件，其中自然人申请10件；另有上年结转申请5件。\n"
    assert not [d for d in lint_text(text) if d.rule.startswith("numbers.parts")]
