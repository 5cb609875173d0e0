"""Bad rule files are errors that name the file, the line and the key."""

import textwrap

import pytest
from conftest import EXAMPLE_RULE, ROOT

from reportlint import lint_text
from reportlint.rules import RuleError, load_pack, load_rules


def load(tmp_path, text, name="custom/example.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_pack(tmp_path)


def test_a_valid_pack_loads_with_ids_from_paths(tmp_path):
    (rule,) = load(tmp_path, EXAMPLE_RULE)
    assert rule.id == "custom.example"
    assert rule.severity.value == "error"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("patterns: [\"xx\"]", "patterns: [\"xx\"]\npaterns: [\"yy\"]"), r"example.yaml:6: paterns: 未知的键"),
        (("kind: existence", "kind: exists"), r"example.yaml:1: kind: 未知的类型“exists”"),
        (("patterns: [\"xx\"]", "patterns: [\"(xx\"]"), r"example.yaml:5: patterns: 第 1 个：正则表达式无效"),
        # Rule patterns run on RE2, which has no look-arounds or back-references.
        (("patterns: [\"xx\"]", "patterns: [\"xx\", \"x(?!y)\"]"),
         r"example.yaml:5: patterns: 第 2 个：用了 RE2 正则引擎不支持的否定先行断言"),
        (("patterns: [\"xx\"]", "patterns: [\"(x)\\\\1\"]"), r"example.yaml:5: patterns: 第 1 个：用了 RE2 正则引擎不支持的反向引用"),
        (("severity: error", "severity: fatal"), r"example.yaml:2: severity: 未知的严重级别“fatal”"),
        (("message: 文中留有“{match}”。", "message: 文中留有“{word}”。"), r"example.yaml:3: message: 未知的占位符 \{word\}"),
        (("  bad: [行政决xx]\n", ""), r"example.yaml:6: examples: bad 应为非空的列表"),
        (("patterns: [\"xx\"]", "patterns: xx"), r"example.yaml:5: patterns: 应为非空字符串的列表"),
        (("patterns: [\"xx\"]", "scope: everywhere\npatterns: [\"xx\"]"), r"example.yaml:5: scope: 应为以下之一"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path, change, expected):
    old, new = change
    assert old in EXAMPLE_RULE
    with pytest.raises(RuleError, match=expected):
        load(tmp_path, EXAMPLE_RULE.replace(old, new))


def test_yaml_syntax_error(tmp_path):
    with pytest.raises(RuleError, match=r"example.yaml:3: YAML 语法错误"):
        load(tmp_path, "kind: existence\nmessage: [unclosed\n")


def test_missing_required_key(tmp_path):
    with pytest.raises(RuleError, match=r"example.yaml: description: 缺少必需的键"):
        load(tmp_path, EXAMPLE_RULE.replace("description: 示例规则。\n", ""))


def test_yaml_is_loaded_safely(tmp_path):
    with pytest.raises(RuleError):
        load(tmp_path, EXAMPLE_RULE.replace("description: 示例规则。", "description: !!python/object/apply:os.system ['true']"))


def test_the_office_pack_of_the_docs_extends_the_builtin_dictionaries(tmp_path):
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    pack = tmp_path / "office-rules"
    (pack / "office").mkdir(parents=True)
    (pack / "office" / "formulation.yaml").write_text(example, encoding="utf-8")
    rules = load_rules([pack])
    found = {(d.rule, d.suggestion) for d in lint_text("依托智慧政务平台公开办事指南，对违反政务公开条例的追究责任。", rules=rules)}
    assert ("office.formulation", "“一网通办”政务服务平台") in found
    assert ("wording.law-title", "《政府信息公开条例》") in found


DOUBLED_MARKS_RULE = """\
kind: punctuation.doubled
severity: warning
message: 标点“{match}”连用。
description: 两个标点连写。
examples:
  good: [主动公开政府信息，接受社会监督。]
  bad: [主动公开政府信息，，接受社会监督。]
"""


def test_a_message_naming_an_argument_its_check_does_not_produce_fails_at_load(tmp_path):
    """{count} belongs to punctuation.half_width; punctuation.doubled never supplies it."""
    with pytest.raises(RuleError, match=r"example.yaml:3: message: 未知的占位符 \{count\}.*\{match\}、\{suggestion\}"):
        load(tmp_path, DOUBLED_MARKS_RULE.replace("连用。", "连用{count}次。"))


def test_an_option_of_another_check_fails_at_load(tmp_path):
    with pytest.raises(RuleError, match=r"example.yaml:2: threshold: 未知的键"):
        load(tmp_path, DOUBLED_MARKS_RULE.replace("severity: warning\n", "threshold: 0.8\nseverity: warning\n"))


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("min_length: 0", r"min_length: 应不小于 1"),
        ("max_length: 1\nmin_length: 2", r"max_length: 应不小于 min_length"),
        ("min_length: true", r"min_length: 应为整数"),
        ("allow: []", r"allow: 不能为空列表"),
        ("allow: [\"\"]", r"allow: 应为非空字符串的列表"),
    ],
)
def test_typed_options_are_validated(tmp_path, option, expected):
    rule = DOUBLED_MARKS_RULE.replace("kind: punctuation.doubled", "kind: repetition\n" + option)
    rule = rule.replace("message: 标点“{match}”连用。", "message: “{match}”重复。")
    with pytest.raises(RuleError, match=expected):
        load(tmp_path, rule)


def test_a_bad_example_may_say_what_it_matches_and_how_it_is_fixed(tmp_path):
    rule = DOUBLED_MARKS_RULE.replace("fixable", "").replace(
        "  bad: [主动公开政府信息，，接受社会监督。]\n",
        "  bad:\n    - text: 主动公开政府信息，，接受社会监督。\n      match: ，，\n      fix: 主动公开政府信息，接受社会监督。\n",
    )
    with pytest.raises(RuleError, match=r"examples: 只有可修正的规则"):
        load(tmp_path, rule)
    (loaded,) = load(tmp_path, rule.replace("severity: warning\n", "severity: warning\nfixable: true\n"))
    (example,) = loaded.examples.bad
    assert (example.text, example.match, example.fix) == ("主动公开政府信息，，接受社会监督。", "，，", "主动公开政府信息，接受社会监督。")


def test_a_rule_of_version_0_1_is_pointed_to_the_migration(tmp_path):
    with pytest.raises(RuleError, match=r"kind: 未知的类型“punctuation”（0.1 版的规则文件请先用 python -m reportlint.migrate_rules 更新）"):
        load(tmp_path, DOUBLED_MARKS_RULE.replace("kind: punctuation.doubled", "kind: punctuation\ncheck: doubled"))


TABLE_IDENTITY_RULE = """\
kind: table_identity
table: 表三
for_each: column
left: [办理结果总计, 结转下年度]
right: [本年新收, 上年结转]
severity: error
message: 表三{where}不平衡。
description: 表三每列平衡。
examples:
  good: [无表格]
  bad:
    - |
      三、收到和处理政府信息公开申请情况
      一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 0 | 0 | 0 | 12
      二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
      三、本年度办理结果 | （一）予以公开 | 8 | 2 | 0 | 0 | 0 | 0 | 10
      （七）总计 | 8 | 2 | 0 | 0 | 0 | 0 | 10
      四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2
"""

TEXT_FIGURES_RULE = """\
kind: tables.text_figures
table: 表三
claims:
  - name: 上年结转数
    pattern: "上年结转#"
    cells: [上年结转.总计]
severity: error
message: “{text}”与表三不一致：{cells}。
description: 正文与表三一致。
examples:
  good: [无表格]
  bad:
    - |
      一、总体情况
      上年结转5件。
      三、收到和处理政府信息公开申请情况
      二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
"""


@pytest.mark.parametrize(
    ("rule", "change", "expected"),
    [
        (TABLE_IDENTITY_RULE, ("[本年新收, 上年结转]", "[本年新收, 上年节转]"),
         r"example.yaml:5: right: 表三没有行“上年节转”"),
        (TABLE_IDENTITY_RULE, ("[本年新收, 上年结转]", "[本年新收, 上年.上年节转]"),
         r"example.yaml:5: right: 表三没有行“上年节转”"),
        (TABLE_IDENTITY_RULE, ("for_each: column\n", "for_each: column\nonly: [自然人, 法人]\n"),
         r"example.yaml:4: only: 表三没有列“法人”"),
        (TEXT_FIGURES_RULE, ("[上年结转.总计]", "[上年结转.合计]"),
         r"example.yaml:3: claims: 第 1 项：cells：表三没有列“合计”"),
        (TEXT_FIGURES_RULE, ("[上年结转.总计]", "[上年结转]"),
         r"example.yaml:3: claims: 第 1 项：cells：单元格应写作“行.列”"),
    ],
)
def test_a_misspelt_table_term_fails_at_load(tmp_path, rule, change, expected):
    old, new = change
    assert old in rule
    (loaded,) = load(tmp_path, rule)  # the rule as written loads
    assert loaded.kind.name
    with pytest.raises(RuleError, match=expected):
        load(tmp_path, rule.replace(old, new))


def test_a_place_of_another_body_must_mark_the_name(tmp_path):
    rule = """\
    kind: facts.other_body
    severity: warning
    message: “{match}”不是{agency}（{where}）。
    description: 示例规则。
    places:
      - {pattern: "由(?P<name>.{3,20}?)编制", where: 编制单位}
      - {pattern: "请与.{3,20}?联系", where: 联系单位}
    examples:
      good: [本报告由某县水利局编制。]
      bad: [本报告由某县林业局编制。]
    """
    with pytest.raises(RuleError, match=r"places: 第 2 项：pattern 应有命名组"):
        load(tmp_path, rule)
