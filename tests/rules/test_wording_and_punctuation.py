"""What the rule examples cannot say: where a finding's span lies, what its fix
writes, and how rules that look at the same marks divide the work."""

import pytest
from conftest import FIXTURES

from reportlint import lint_file, lint_text


def found(text, select):
    """(rule, matched text, suggestion) of every diagnostic of the selected rules."""
    lines = text.split("\n")
    result = []
    for d in lint_text(text, select=select.split(",")):
        assert d.line == d.end_line
        result.append((d.rule, lines[d.line - 1][d.column - 1:d.end_column - 1], d.suggestion))
    return result


# -- repetition ---------------------------------------------------------------

def test_a_clause_pasted_twice_is_one_finding_that_keeps_one_copy():
    text = "进一步规范审核发布流程，进一步规范审核发布流程，确保信息准确。"
    assert found(text, "wording.repeated-word") == [
        ("wording.repeated-word", "进一步规范审核发布流程，进一步规范审核发布流程", "进一步规范审核发布流程"),
    ]


@pytest.mark.parametrize("text", [
    "按照“谁公开谁审查、谁审查谁负责”的原则严格把关。",  # 谁审查 ends one clause and starts the next
    "如保障性住房、保障性住房分配和退出信息。",  # the second copy runs on into a longer word
    "进行公开；公开社会救助信息。",
])
def test_copies_that_are_parts_of_different_clauses_are_not_repeats(text):
    assert found(text, "wording.repeated-word") == []


def test_doubled_function_word_is_fixed_by_deleting_one():
    assert found("打造整体统一的的网站界面。", "wording.doubled-function-word") == [
        ("wording.doubled-function-word", "的的", "的"),
    ]


# -- book-title marks ---------------------------------------------------------

def test_doubled_opening_mark_is_reported_once_not_also_as_unpaired():
    text = "贯彻落实《福建省政府信息公开办法》（以下简称《办法》）、《《福建省人民政府办公厅关于做好年度报告工作的通知》。"
    assert found(text, "punctuation") == [("punctuation.book-title-nesting", "《《", "《")]


def test_mark_doubled_on_both_sides_keeps_one_pair():
    assert found("编印《《楚雄科技》》期刊。", "punctuation.book-title-nesting") == [
        ("punctuation.book-title-nesting", "《《楚雄科技》》", "《楚雄科技》"),
    ]


def test_inner_title_becomes_single_marks():
    text = "学习《国务院办公厅关于印发《政府信息公开信息处理费管理办法》的通知》。"
    assert found(text, "punctuation") == [
        ("punctuation.book-title-nesting", "《政府信息公开信息处理费管理办法》", "〈政府信息公开信息处理费管理办法〉"),
    ]


def test_a_title_that_starts_with_a_title_is_nesting_not_doubling():
    assert found("出版《《红楼梦》研究》一书。", "punctuation.book-title-nesting") == [
        ("punctuation.book-title-nesting", "《红楼梦》", "〈红楼梦〉"),
    ]


# -- other punctuation ----------------------------------------------------------

def test_marks_left_open_where_an_excerpt_stops_are_not_unpaired():
    assert found("由中国社科院等单位共同主办的“2012年中国优秀政府", "punctuation.unpaired") == []
    assert found("由中国社科院等单位共同主办的“2012年中国优秀政府网站。", "punctuation.unpaired") == [
        ("punctuation.unpaired", "“", None),
    ]


def test_ellipsis_of_full_stops_is_the_ellipsis_rules_not_doubled_marks():
    assert found("包括政策解读、回应关切。。。", "punctuation") == [("punctuation.ellipsis", "。。。", "……")]
    assert found("主动公开政府信息。。接受监督。", "punctuation") == [("punctuation.doubled", "。。", "。")]


def test_ordinal_markers_of_headings_only():
    text = "一、概述\n（一）、加强组织领导\n1、成立领导小组。2016、2017年连续获评先进单位。\n2.明确专人负责。"
    assert found(text, "punctuation.ordinal-marker") == [
        ("punctuation.ordinal-marker", "（一）、", "（一）"),
        ("punctuation.ordinal-marker", "1、", "1."),
    ]


def test_mixed_ordinal_marks_get_one_advice_the_standard_one():
    # Most headings use "1、": heading-style must not ask for "3." to become "3、".
    text = "一、概述\n1、成立领导小组。\n2、明确专人负责。\n3.完善工作制度。"
    assert found(text, "punctuation.ordinal-marker,structure.heading-style") == [
        ("punctuation.ordinal-marker", "1、", "1."),
        ("punctuation.ordinal-marker", "2、", "2."),
    ]


def test_stray_space_between_han_characters_is_removed():
    text = "一、概述\n我局通过门户网站主动公开政府 信息186条，邮　编：350400。"
    assert found(text, "punctuation.stray-space") == [
        ("punctuation.stray-space", "府 信", "府信"),
        ("punctuation.stray-space", "邮　编", "邮编"),
    ]


def test_stray_space_is_not_reported_on_a_line_flattened_from_a_web_page():
    # Headings, table cells and paragraphs run together; the spaces were line breaks.
    text = ("一、 概述 推进政府信息公开工作是重要举措。二、主动公开情况 主动公开信息数 条 425 1516"
            " 三、依申请公开情况 受理申请总数 条 0 0")
    assert found(text, "punctuation.stray-space") == []


def test_document_number_brackets_and_padding():
    assert found("根据闽政办[2012]099号文件精神。", "punctuation.document-number") == [
        ("punctuation.document-number", "[2012]099号", "〔2012〕99号"),
    ]


def test_commas_between_titles_only_when_adjacent():
    text = "学习《福建省政府信息公开办法》（以下简称《办法》）、《条例》、《福州市政府信息公开规定》。"
    assert found(text, "punctuation.title-comma") == [("punctuation.title-comma", "》、《", "》《")]


# -- dictionaries ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "match", "suggestion"), [
    ("贯彻实施《中华人民共和国政府信息公开工作条例》。", "《中华人民共和国政府信息公开工作条例》", "《中华人民共和国政府信息公开条例》"),
    ("对违反政务公开条例的追究责任。", "政务公开条例", "《政府信息公开条例》"),
    ("按照国办公开函〔2021〕30号要求编制。", "国办公开函〔2021〕30号", "国办公开办函〔2021〕30号"),
])
def test_law_titles_are_corrected_whole(text, match, suggestion):
    assert found(text, "wording.law-title") == [("wording.law-title", match, suggestion)]


@pytest.mark.parametrize("text", [
    "认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），严格执行《条例》。",
    "组织学习新修订的《政府信息公开条例》。",
    "依据《中华人民共和国政府信息公开条例》第四十二条收取信息处理费。",
])
def test_the_title_and_its_short_forms_pass(text):
    assert found(text, "wording") == []


def test_formulation_suggestion_keeps_the_quote_marks():
    assert found("扎实开展“两学一做”专题教育。", "wording.formulation") == [
        ("wording.formulation", "两学一做”专题教育", "两学一做”学习教育"),
    ]


@pytest.mark.parametrize(("text", "match", "suggestion"), [
    ("16年1月至12月共公开信息183条。", "16年1月", "2016年1月"),
    ("截至98年底共建成站点3个。", "98年底", "1998年底"),
    ("本报告于2017-1-9发布。", "2017-1-9", "2017年1月9日"),
    ("落款：二○○九年三月二十日。", "二○○九年", "二〇〇九年"),
    ("落款：二零一零年三月。", "二零一零年", "二〇一〇年"),
    ("补助金额为13~17万元。", "13~17万元", "13万元~17万元"),
    ("办理时限减少了一倍。", "减少了一倍", "减少了一半"),
])
def test_number_writing_fixes(text, match, suggestion):
    (diagnostic,) = found(text, "numbers")
    assert diagnostic[1:] == (match, suggestion)


# -- whole drafts -----------------------------------------------------------------

DEFECTS = [
    ("wording.law-title", 2, "《中华人民共和国政府信息公开工作条例》"),
    ("wording.law-title", 2, "国办公开函〔2021〕30号"),
    ("wording.openness-principle", 4, "以公开为常态，不公开为例外"),
    ("wording.formulation", 4, "两学一做”专题教育"),
    ("wording.placeholder", 4, "××"),
    ("wording.draft-time", 5, "截至目前"),
    ("wording.stray-conjunction", 5, "和等"),
    ("wording.repeated-word", 5, "审核审核"),
    ("wording.confusable-words", 6, "做出答复"),
    ("numbers.times-reduction", 6, "减少了一倍"),
    ("wording.double-approximation", 6, "超过1200多"),
    ("wording.misplaced-le", 7, "及时了更"),
    ("wording.doubled-function-word", 7, "的的"),
    ("wording.truncated-term", 7, "建立健安"),
    ("punctuation.title-comma", 8, "》、《"),
    ("wording.short-title", 8, "《条例》"),
    ("punctuation.book-title-marks", 8, "«云岭政务»"),
    ("punctuation.ellipsis", 8, "。。。"),
    ("punctuation.document-number", 9, "[2021]008号"),
    ("wording.confusable-words", 9, "各界人事"),
    ("numbers.abbreviated-year", 11, "16年度"),
    ("wording.misspelling", 14, "行政法复议"),
    ("wording.truncated-term", 17, "仍在不足"),
    ("wording.confusable-words", 17, "急待"),
    ("numbers.year-zero", 19, "二○二二年"),
    # A draft of the prose: none of the three statistics tables is there yet.
    *[("structure.required-tables", 1, "云岭县人民政府2021年政府信息公开工作年度报告")] * 3,
]


def test_a_draft_with_one_defect_of_each_sort_gets_exactly_those():
    path = FIXTURES / "wording-defects-2021.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    reported = [(d.rule, d.line, lines[d.line - 1][d.column - 1:d.end_column - 1]) for d in lint_file(path)]
    assert sorted(reported) == sorted(DEFECTS)


def test_a_clean_draft_full_of_near_misses_gets_nothing():
    # 时时 常常 一步一步, 人事管理 各界人士, 截至…/截止日期, 作出答复 减少了一半, 约120万人次,
    # 《条例》《…》 without 顿号, 《…〈…〉的通知》, 〔2021〕30号, 13万元～17万元, “三安全一稳定”,
    # 为了了解 是是否 参与与监督 针对对象 现在在 可以以, 统一了思想, 既使…又使, 节约…1200多万元,
    # 近3年来…5000余条, 不良反应情况.
    assert lint_file(FIXTURES / "clean-standard-2021.txt") == []
