"""Rule patterns run on RE2: linear time whatever a rule pack's author writes."""

import subprocess
import sys
import textwrap

import pytest

from reportlint.patterns import PatternError, compile_alternatives, compile_pattern


def test_catastrophic_pattern_on_a_long_line_finishes():
    """``(a+)+$`` against "aaa…ab" backtracks 2^n times in Python's re: on 50,000
    characters it would outlive the machine. RE2 answers at once. The timeout is
    no speed measurement, only a guard that turns a hang into a failure."""
    script = textwrap.dedent(
        """
        import pathlib, sys, tempfile
        from reportlint import lint_text
        from reportlint.rules import load_pack

        pack = pathlib.Path(tempfile.mkdtemp())
        (pack / "hostile.yaml").write_text(
            "kind: existence\\nseverity: error\\nmessage: '{match}'\\ndescription: 回溯陷阱。\\n"
            "patterns: ['(a+)+$']\\nexamples: {good: [ab], bad: [aa]}\\n", encoding="utf-8")
        rules = load_pack(pack)
        line = "a" * 50_000 + "b"
        print(len(lint_text("报告\\n" + line + "\\n" + "a" * 50_000, rules=rules)))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"  # only the line of a's, not the one ending in b


def test_scanning_a_span_reports_positions_in_the_whole_text():
    pattern = compile_pattern("工作")
    text = "工作计划，做好工作。"
    assert [match.span() for match in pattern.finditer(text, 2, len(text))] == [(7, 9)]
    assert pattern.match(text, 7).span() == (7, 9)
    assert pattern.search(text, 3, 8) is None


def test_anchors_match_at_the_ends_of_the_scanned_span():
    pattern = compile_pattern("^各单位|完成$")
    text = "一、各单位按时完成。二、"
    assert [match.group() for match in pattern.finditer(text, 2, 9)] == ["各单位", "完成"]


def test_groups_and_templates_with_chinese_text():
    match = compile_pattern("(?P<who>各界|社会)人事").search("广泛征求社会人事意见")
    assert match.lastgroup == "who"
    assert match.expand(r"\1人士") == match.expand(r"\g<who>人士") == "社会人士"


def test_python_escapes_are_accepted():
    pattern = compile_pattern(r"[\u4e00-\u9fff]+\Z")
    assert pattern.search("abc汉字").group() == "汉字"


def test_ignorecase_and_alternatives():
    pattern = compile_alternatives(["xx", "tbd"], ignorecase=True)
    assert [m.group() for m in pattern.finditer("XX 与 TBD")] == ["XX", "TBD"]


@pytest.mark.parametrize(
    ("pattern", "named"),
    [("a(?=b)", "先行断言"), ("(?<=a)b", "后行断言"), (r"(a)\1", "反向引用"), ("(?P<x>a)(?P=x)", "命名反向引用")],
)
def test_features_re2_lacks_are_named(pattern, named):
    with pytest.raises(PatternError, match=f"RE2 正则引擎不支持的{named}"):
        compile_pattern(pattern)


def test_anchors_match_at_each_paragraph_of_a_scope():
    """A rule's ^ and $ mean the start and end of a paragraph (or heading, or cell),
    also when the scope is scanned in one call."""
    from reportlint.facts import Facts
    from reportlint.parser import parse
    from reportlint.source import from_text

    pattern = compile_pattern("^依托[^。]*。$")
    text = "某局2016年政府信息公开工作年度报告\n一、概述\n全年主动公开信息。\n依托门户网站发布信息。\n"
    facts = Facts(parse(from_text(text, "example")))
    found = [match.group() for match in pattern.scan(facts.scope_text("paragraphs"))]
    assert found == ["依托门户网站发布信息。"]
