"""Rule packs and baselines a user writes, broken in every way the attack found
(issue 13, cases 4, 6 and 11): each is one line naming the file, exit 2, and
never a message or a value whose size grows with the input."""

from __future__ import annotations

import json
import os

import pytest
from conftest import EXAMPLE_RULE as RULE
from running import one_error_line, run_cli, run_process, write_draft


def _pack(tmp_path, text: str = RULE, name: str = "rule.yaml"):
    pack = tmp_path / "pack"
    (pack / "office").mkdir(parents=True, exist_ok=True)
    (pack / "office" / name).write_text(text, encoding="utf-8")
    return pack


@pytest.mark.parametrize(("change", "said"), [
    (('patterns: ["xx"]', "patterns: []"), "patterns"),
    (('patterns: ["xx"]', 'patterns: [""]'), "patterns"),
    (("{match}", "{match:d}"), "只能写成 {名称}"),
    (("{match}", "{match:>100000000}"), "只能写成 {名称}"),
    (("{match}", "{match!r}"), "只能写成 {名称}"),
    (("{match}", "{match.__class__.__init__.__globals__}"), "只能写成 {名称}"),
    (("{match}", "{0}"), "只能写成 {名称}"),
    (("kind: existence", "kind: [existence]"), "kind: 应为一个类型的名称"),
    (("severity: error", "severity: [error, " + "x, " * 10_000 + "]"), "严重级别"),
    (("kind: existence", "kind: existence\n1: x"), "应为文字"),
])
def test_a_broken_rule_is_one_short_line(tmp_path, change, said):
    result = run_cli("--rules", _pack(tmp_path, RULE.replace(*change)), write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 2
    line = one_error_line(result.stderr, said)
    assert "rule.yaml" in line and len(line) < 400


@pytest.mark.slow
def test_a_message_that_padded_a_value_would_not_load(tmp_path):
    """{match:>100000000} took 5.9 GB when it was rendered; now the rule never loads."""
    result = run_process("--rules", _pack(tmp_path, RULE.replace("{match}", "{match:>100000000}")),
                         write_draft(tmp_path / "draft.txt"), timeout=30)
    assert result.returncode == 2 and len(result.stderr) < 1000


@pytest.mark.slow
@pytest.mark.parametrize("how", ["folder", "dangling-link", "unreadable", "not-utf-8-name"])
def test_a_rule_file_that_cannot_be_read_is_one_line(tmp_path, how):
    pack = _pack(tmp_path)
    office = pack / "office"
    if how == "folder":
        (office / "folder.yaml").mkdir()
        said = "folder.yaml: 是目录"
    elif how == "dangling-link":
        (office / "gone.yaml").symlink_to(office / "absent.yaml")
        said = "gone.yaml: 是失效的符号链接"
    elif how == "unreadable":
        (office / "rule.yaml").chmod(0)
        said = "rule.yaml: 没有读取权限"
    else:
        with open(os.path.join(os.fsencode(office), "规则".encode("gbk") + b".yaml"), "wb") as handle:
            handle.write(RULE.encode("utf-8"))
        said = "规则文件名不是 UTF-8"
    result = run_process("--rules", pack, write_draft(tmp_path / "draft.txt"), unprivileged=True)
    assert result.returncode == 2
    one_error_line(result.stderr, said)


# -- baselines ----------------------------------------------------------------------


@pytest.mark.parametrize("entries", [
    '[{"path": ["a", "list"], "rule": "r", "fingerprint": "f"}]',
    '[{"path": "draft.txt", "rule": "r", "fingerprint": "f", "count": Infinity}]',
    '[{"path": "draft.txt", "rule": "r", "fingerprint": "f", "count": NaN}]',
    '[{"path": "draft.txt", "rule": "r", "fingerprint": "f", "count": ' + "9" * 5001 + "}]",
    '[{"path": "draft.txt", "rule": "r", "fingerprint": "f", "count": 1e300}]',
    '[{"path": "draft.txt", "rule": "r", "fingerprint": "f", "count": true}]',
    '[{"path": "draft.txt", "rule": "r", "fingerprint": "f", "message": {"not": "text"}}]',
    "[" * 100_000 + "]" * 100_000,
    '["not an entry"]',
], ids=["list-as-path", "infinity", "nan", "5001-digits", "float", "bool", "message-object", "deep-nesting", "string"])
def test_a_broken_baseline_is_one_short_line(tmp_path, entries):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "entries": ' + entries + "}", encoding="utf-8")
    result = run_cli("--baseline", baseline, write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 2
    line = one_error_line(result.stderr, "baseline.json")
    assert len(line) < 400


def test_a_written_baseline_reads_back(tmp_path):
    draft = write_draft(tmp_path / "draft.txt")
    baseline = tmp_path / "baseline.json"
    assert run_cli("--write-baseline", baseline, draft).exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert run_cli("--baseline", baseline, draft).exit_code == 0
