"""Where words meet (reportlint.text.words), and the checks that ask it."""

import pytest

from reportlint import lint_text
from reportlint.rules import load_pack
from reportlint.text.words import at_boundaries, boundaries, segment


@pytest.mark.parametrize(
    ("run", "words"),
    [
        ("依法公开开展工作", ["依法", "公开", "开展", "工作"]),
        ("涉及个人人事档案", ["涉及", "个人", "人事", "档案"]),
        ("规范审核审核发布机制", ["规范", "审核", "审核", "发布", "机制"]),
        ("稳妥推进财政信息公开", ["稳妥", "推进", "财政", "信息", "公开"]),
        ("落实政府息公开要求", ["落实", "政府", "息", "公开", "要求"]),
    ],
)
def test_a_run_is_cut_into_its_most_probable_words(run, words):
    assert segment(run) == words


def test_a_word_made_of_words_divides_between_them():
    # 门户网站 is one word of the list, and 门户 + 网站 as well.
    assert at_boundaries("在门户网站网站发布", 3, 5, 7)
    # 工作室 is no 工作 + a word: 工作 is not written twice in 工作工作室.
    assert not at_boundaries("开展工作工作室建设", 2, 4, 6)


def test_what_is_not_han_is_a_boundary():
    text = "发布2条，公开"
    assert {2, 3, 4, 5} <= boundaries(text, 0, len(text))


def test_a_doubled_character_rule_can_ask_for_whole_words(tmp_path):
    rule = tmp_path / "office" / "doubled-character.yaml"
    rule.parent.mkdir()
    rule.write_text(
        "kind: repetition\nseverity: warning\nmessage: “{match}”叠字。\ndescription: 单字连写。\n"
        "min_length: 1\nmax_length: 1\nwhole_words: true\n"
        "examples:\n  good: [依法公开开展工作。]\n  bad: [我们在在网站发布。]\n",
        encoding="utf-8",
    )
    rules = load_pack(tmp_path)
    found = [d.message for d in lint_text("依法公开开展执法检查，涉及个人人事档案的不予公开，我们在在网站发布。", rules=rules)]
    assert found == ["“在在”叠字。"]
