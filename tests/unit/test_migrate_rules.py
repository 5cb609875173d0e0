"""python -m reportlint.migrate_rules: rule packs of 0.1 brought up to date."""

import subprocess
import sys
import textwrap

from reportlint.rules import load_pack

OLD_RULE = textwrap.dedent("""\
    # An office's own rule, written for 0.1.
    kind: copied_text
    check: section
    threshold: 0.9
    min_length: 30   # read by check: paragraph only
    severity: warning
    message: “{where}”约{percent}%与上年相同{detail}。
    description: 与上年雷同的部分。
    examples:
      previous: |
        一、概述
        我局全面推进政府信息公开工作，严格落实保密审查制度，及时更新公开目录和指南，全年未发生泄密事件，公众满意度持续提升。
      good: [一、概述]
      bad:
        - |
          一、概述
          我局全面推进政府信息公开工作，严格落实保密审查制度，及时更新公开目录和指南，全年未发生泄密事件，公众满意度持续提升。
    """)


def migrate(*paths):
    return subprocess.run([sys.executable, "-m", "reportlint.migrate_rules", *map(str, paths)],
                          capture_output=True, text=True, encoding="utf-8")


def test_an_old_rule_is_rewritten_in_place_and_loads(tmp_path):
    path = tmp_path / "office" / "copied.yaml"
    path.parent.mkdir()
    path.write_text(OLD_RULE, encoding="utf-8")
    result = migrate(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "删去了该检查不读取的键 min_length" in result.stdout
    migrated = path.read_text(encoding="utf-8")
    assert migrated.startswith("# An office's own rule, written for 0.1.\nkind: previous.copied_section\nthreshold: 0.9\n")
    assert "check:" not in migrated and "min_length" not in migrated
    assert migrated.endswith(OLD_RULE[OLD_RULE.index("severity:"):])
    (rule,) = load_pack(tmp_path)
    assert rule.kind.name == "previous.copied_section" and rule.kind.threshold == 0.9
    # A second run finds nothing to do.
    assert migrate(tmp_path).stdout == ""


def test_an_unknown_kind_and_check_is_an_error_and_the_other_files_are_migrated(tmp_path):
    (tmp_path / "a.yaml").write_text("kind: punctuation\ncheck: sideways\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(OLD_RULE, encoding="utf-8")
    result = migrate(tmp_path)
    assert result.returncode == 2
    assert "a.yaml: 未知的类型与检查组合：kind: punctuation, check: sideways" in result.stderr
    assert "kind: previous.copied_section" in (tmp_path / "b.yaml").read_text(encoding="utf-8")
