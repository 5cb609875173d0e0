"""Bad rule files are errors that name the file, the line and the key."""

import textwrap

import pytest

from reportlint.rules import RuleError, load_pack

VALID = """\
kind: existence
severity: error
message: 文中留有“{match}”。
description: 示例规则。
patterns: ["xx"]
examples:
  good: [完整内容]
  bad: [行政决xx]
"""


def load(tmp_path, text, name="custom/example.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_pack(tmp_path)


def test_a_valid_pack_loads_with_ids_from_paths(tmp_path):
    (rule,) = load(tmp_path, VALID)
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
        (("  bad: [行政决xx]\n", ""), r"example.yaml:6: examples: bad 应为非空的字符串列表"),
        (("patterns: [\"xx\"]", "patterns: xx"), r"example.yaml:5: patterns: 应为列表"),
        (("patterns: [\"xx\"]", "scope: everywhere\npatterns: [\"xx\"]"), r"example.yaml:5: scope: 应为以下之一"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path, change, expected):
    old, new = change
    assert old in VALID
    with pytest.raises(RuleError, match=expected):
        load(tmp_path, VALID.replace(old, new))


def test_yaml_syntax_error(tmp_path):
    with pytest.raises(RuleError, match=r"example.yaml:3: YAML 语法错误"):
        load(tmp_path, "kind: existence\nmessage: [unclosed\n")


def test_missing_required_key(tmp_path):
    with pytest.raises(RuleError, match=r"example.yaml: description: 缺少必需的键"):
        load(tmp_path, VALID.replace("description: 示例规则。\n", ""))


def test_yaml_is_loaded_safely(tmp_path):
    with pytest.raises(RuleError):
        load(tmp_path, VALID.replace("description: 示例规则。", "description: !!python/object/apply:os.system ['true']"))
