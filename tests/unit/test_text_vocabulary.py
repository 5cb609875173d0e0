"""The shared text vocabulary (reportlint.text.chars) and the grammar filled from it."""

import re
from importlib import resources

import pytest

from reportlint.parser import _filled, parse
from reportlint.source import from_text
from reportlint.text.chars import DIGITS, HALF_WIDTH, HAN, HEADING_MARKER, HEADING_MARKER_PARTS, ITEM_MARKER


@pytest.mark.parametrize("char", ["一", "鿿", "㐀", "豈"])  # unified, Extension A, compatibility
def test_the_han_class_covers_unified_extension_a_and_compatibility_ideographs(char):
    assert re.fullmatch(f"[{HAN}]", char)


@pytest.mark.parametrize("char", ["a", "1", "、", "ア", "〇"])
def test_the_han_class_leaves_out_what_is_no_ideograph(char):
    assert not re.fullmatch(f"[{HAN}]", char)


def test_half_width_keeps_offsets():
    assert "占１２．５％，共３件".translate(HALF_WIDTH) == "占12.5%，共3件"
    assert re.fullmatch(f"[{DIGITS}]+", "2０2６")


@pytest.mark.parametrize("marker", ["一、", "十九、", "（一）", "(二)", "（1）", "(１２)", "1.", "1．", "1、", "１．"])
def test_heading_markers(marker):
    assert re.fullmatch(HEADING_MARKER, marker)


@pytest.mark.parametrize("text", ["一二三四、", "1)", "123.", "（一", "1.5"])
def test_no_heading_marker(text):
    assert not re.match(f"(?:{HEADING_MARKER})$", text)


def test_the_marker_parts_give_level_ordinal_and_style():
    parts = HEADING_MARKER_PARTS.fullmatch("(１２)")
    assert (parts["l4open"], parts["l4"]) == ("(", "１２")
    assert HEADING_MARKER_PARTS.fullmatch("3、")["l3mark"] == "、"


def test_a_list_item_may_close_its_number_alone():
    assert re.fullmatch(ITEM_MARKER, "1）") and re.fullmatch(ITEM_MARKER, "2)")
    assert re.fullmatch(ITEM_MARKER, "（三）")


def test_the_grammar_is_filled_from_the_vocabulary():
    grammar = resources.files("reportlint.grammar").joinpath("report.lark").read_text(encoding="utf-8")
    assert "{{" in grammar
    filled = _filled(grammar)
    assert "{{" not in filled and HEADING_MARKER in filled
    with pytest.raises(KeyError):
        _filled("MARKER: /{{NO_SUCH_NAME}}/")


def test_full_width_markers_and_extension_a_headings():
    document = parse(from_text("一、总体情况\n（１）㐀公开情况。\n"))
    (subsection,) = document.sections[0].subsections
    assert (subsection.heading.marker.level, subsection.heading.marker.ordinal) == (4, 1)
    assert subsection.heading.text == "㐀公开情况"


def test_a_number_list_in_running_text_starts_no_heading():
    """"1、2" after a Han character lists numbers; "1." there may start an item."""
    (section,) = parse(from_text("（三）政府信息管理1、2方面\n")).sections
    assert section.heading.text == "政府信息管理1、2方面" and not section.subsections
    (section,) = parse(from_text("（三）政府信息管理1.2方面\n")).sections
    assert section.heading.text == "政府信息管理1.2方面"
