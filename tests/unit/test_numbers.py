"""The number layer: figures, dates and periods with their exact spans."""

from datetime import date
from decimal import Decimal

import pytest
from conftest import SEED

from reportlint.facts import Facts
from reportlint.numbers import find_date_mentions, find_periods, find_quantities, first_full_date
from reportlint.parser import parse
from reportlint.readers import read_source
from reportlint.source import from_text


def figures(text):
    return [(q.text, q.value, q.unit, q.approximation) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布信息183条", [("183条", 183, "条", ())]),
        ("发布信息１８３条", [("１８３条", 183, "条", ())]),
        ("收费1,200元", [("1,200元", 1200, "元", ())]),
        ("受理1 200件", [("1 200件", 1200, "件", ())]),
        ("金额219062.78元", [("219062.78元", Decimal("219062.78"), "元", ())]),
        ("接待一百八十三人次", [("一百八十三人次", 183, "人次", ())]),
        ("支出两千零五元", [("两千零五元", 2005, "元", ())]),
        ("设立十二个专栏", [("十二个", 12, "个", ())]),
        ("经费1.5万元", [("1.5万元", 15000, "元", ())]),
        ("播放量超2300万", [("超2300万", 23_000_000, None, ("超",))]),
        ("现场咨询500余人(次)", [("500余人(次)", 500, "人次", ("余",))]),
        ("电话咨询超过1200多次", [("超过1200多次", 1200, "次", ("超过", "多"))]),
        ("约4900人次", [("约4900人次", 4900, "人次", ("约",))]),
        ("网民留言1000条左右", [("1000条左右", 1000, "条", ("左右",))]),
        ("逾30家单位", [("逾30家", 30, "家", ("逾",))]),
    ],
)
def test_quantities(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [("占8.05%", Decimal("8.05"), 2), ("占８．０５％", Decimal("8.05"), 2), ("占百分之八十", 80, 0), ("办结率100%", 100, 0)],
)
def test_percentages_keep_their_precision(text, value, decimals):
    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.unit, quantity.percent, quantity.decimals) == (value, "%", True, decimals)


@pytest.mark.parametrize(
    "text",
    [
        "依照《条例》第三次修订",  # an ordinal
        "国办公开办函〔2019〕60号",  # a document number (60号 has no measure word)
        "电话:0878-3369685",
        "电子邮箱:24336243@163.com",
        "来源: 2017-01-19 10:50:54",
        "支持IPv6访问",
        "一是加强领导，进一步规范三公经费",  # numerals inside words
        "三四天",  # an approximate range, not a count
        "1.门户网站",  # a list marker
    ],
)
def test_things_that_are_not_counts(text):
    assert [q for q in find_quantities(text) if q.unit is not None] == []


def test_bounds_of_approximate_figures():
    def bounds(text):
        (quantity,) = find_quantities(text)
        return quantity.bounds()

    assert bounds("500余人") == (500, 600)
    assert bounds("931余件") == (931, 932)
    assert bounds("3000多人次") == (3000, 4000)
    assert bounds("近1000条") == (900, 1000)
    assert bounds("约4900人次") == (4800, 5000)
    assert bounds("183条") == (183, 183)


def test_clause_and_sentence_spans():
    text = "共接到咨询931余件。直接现场咨询500余人(次)，通过电话咨询超过1200多次。"
    document = parse(from_text(text))
    facts = Facts(document)
    first, second, third = facts.numbers.quantities
    assert text[first.sentence.start:first.sentence.end] == "共接到咨询931余件。"
    assert second.sentence == third.sentence
    assert text[second.clause.start:second.clause.end] == "直接现场咨询500余人(次)，"
    assert text[third.clause.start:third.clause.end] == "通过电话咨询超过1200多次。"
    assert text[third.number_span.start:third.number_span.end] == "1200"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2016年1月至11月，发布信息183条", date(2016, 1, 1), date(2016, 11, 30)),
        ("统计时限自2016年1月1日起至2016年12月31日止。", date(2016, 1, 1), date(2016, 12, 31)),
        ("统计期限为2018年1月1日至12月31日止", date(2018, 1, 1), date(2018, 12, 31)),
        ("2016年1-11月", date(2016, 1, 1), date(2016, 11, 30)),
        ("2016年1至3月", date(2016, 1, 1), date(2016, 3, 31)),
        ("截至2016年12月14日", None, date(2016, 12, 14)),
        ("截止2015年底", None, date(2015, 12, 31)),
    ],
)
def test_periods(text, first, last):
    (period,) = find_periods(text)
    assert (period.first_day(), period.last_day()) == (first, last)
    assert period.text in text


def test_period_text_is_its_span():
    text = "本报告统计时限自2016年1月1日起至2016年12月31日止。"
    (period,) = find_periods(text)
    assert text[period.span.start:period.span.end] == period.text == "自2016年1月1日起至2016年12月31日止"


def test_period_without_a_year_takes_one_from_the_caller():
    (period,) = find_periods("1至3月开展专项检查")
    assert period.year is None and period.first_day() is None
    assert (period.first_day(2016), period.last_day(2016)) == (date(2016, 1, 1), date(2016, 3, 31))
    (open_ended,) = find_periods("截至12月14日，累计收件9898件")
    assert open_ended.start is None and open_ended.last_day(2012) == date(2012, 12, 14)


def test_date_mentions_keep_what_was_written():
    mentions = find_date_mentions("2015年，《条例》自2008年5月1日起施行；二〇一三年一月二十日；11月")
    assert [(m.text, m.year, m.month, m.day) for m in mentions] == [
        ("2015年", 2015, None, None),
        ("2008年5月1日", 2008, 5, 1),
        ("二〇一三年一月二十日", 2013, 1, 20),
        ("11月", None, 11, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来源: 2017-01-19 10:50:54", date(2017, 1, 19)),
        ("(2026年1月23日)", date(2026, 1, 23)),
        ("二〇一三年一月二十日", date(2013, 1, 20)),
        ("二○一二年二月二十日", date(2012, 2, 20)),
        ("2017年13月1日", None),
        ("2017年2月", None),
    ],
)
def test_first_full_date(text, expected):
    assert first_full_date(text) == expected


def test_dates_are_not_read_again_as_quantities():
    assert figures("2016年1月至11月，自2008年5月1日起施行") == []


def test_the_layer_is_built_once_per_document():
    facts = Facts(parse(read_source(SEED)))
    assert facts.numbers is facts.numbers
    texts = [q.text for q in facts.numbers.quantities if q.unit]
    assert texts.count("183条") == 2
    assert "44篇" in texts and "78条" in texts and "931余件" in texts and "500余人(次)" in texts
    assert "超过1200多次" in texts and "5种" in texts and "3名" in texts
    periods = [p.text for p in facts.numbers.periods]
    assert periods == ["自2016年1月1日起至2016年12月31日止", "2016年1月至11月", "2015年1月至12月", "2016年1月至12月"]
    # Every figure's text is found at its span.
    for quantity in facts.numbers.quantities:
        assert facts.text[quantity.span.start:quantity.span.end] == quantity.text
    # quantities_in picks those of one sentence.
    some = facts.numbers.quantities[5]
    assert some in facts.numbers.quantities_in(some.sentence)
