import json
import os
import shutil
import subprocess
import sys
import unicodedata

import pytest
from builders import pdf_of_lines
from click.testing import CliRunner
from conftest import EXAMPLE_RULE, FIXTURES, ROOT, SEED

from reportlint import lint_file
from reportlint.cli import main

CLEAN = FIXTURES / "clean-free-2016.txt"


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], input=input, env=env)


def test_clean_draft_exits_0():
    result = run(CLEAN)
    assert result.exit_code == 0, result.output
    assert "未发现问题（检查了 1 个文件）" in result.output


def test_findings_exit_1_with_text_format():
    result = run(SEED)
    assert result.exit_code == 1
    line = f"{SEED}:17:103: error [wording.placeholder] 文中留有占位符“xx”，发布前请补全实际内容。"
    assert line in result.output.splitlines()
    # The source line and the underline follow errors and warnings.
    lines = result.output.splitlines()
    at = lines.index(line)
    excerpt, underline = lines[at + 1], lines[at + 2]
    assert excerpt.startswith("   17 | …")
    # The carets sit under "xx", counting wide characters as two columns.
    before = excerpt[: excerpt.index("决xx") + 1]
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in before)
    assert underline == "      | " + " " * (width - len("   17 | ")) + "^^"
    assert result.output.rstrip().endswith("（检查了 1 个文件）。")


def test_the_version_has_one_source():
    from importlib.metadata import version

    from reportlint import __version__

    # The installed package's metadata is built from reportlint/_version.py (pyproject's [tool.hatch.version]).
    assert version("reportlint") == __version__
    assert run("--version").output == f"reportlint, version {__version__}\n"


def test_fail_on_threshold():
    assert run("--fail-on", "error", "--select", "punctuation", SEED).exit_code == 0
    assert run("--fail-on", "warning", "--select", "punctuation", SEED).exit_code == 1
    assert run("--fail-on", "info", "--select", "punctuation.half-width", SEED).exit_code == 1
    assert run("--fail-on", "warning", "--select", "punctuation.half-width", SEED).exit_code == 0


def test_select_and_ignore_by_prefix():
    result = run("--format", "json", "--select", "wording,structure", "--ignore", "structure.required-sections", SEED)
    rules = {d["rule"] for d in json.loads(result.output)["files"][0]["diagnostics"]}
    assert rules and all(r.startswith(("wording.", "structure.")) for r in rules)
    assert "structure.required-sections" not in rules
    # A prefix matches whole segments only.
    assert json.loads(run("--format", "json", "--select", "word", SEED).output)["summary"]["diagnostics"] == 0


def test_json_schema():
    data = json.loads(run("--format", "json", SEED, CLEAN).output)
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == [str(SEED), str(CLEAN)]
    seed = data["files"][0]
    assert seed["profile"]["year"] == 2016 and seed["profile"]["edition"] == "free-2008"
    first = seed["diagnostics"][0]
    assert set(first) >= {"rule", "severity", "message", "path", "line", "column", "end_line", "end_column", "suggestion"}
    summary = data["summary"]
    assert summary["files"] == 2
    assert summary["diagnostics"] == len(seed["diagnostics"]) == summary["error"] + summary["warning"] + summary["info"]
    placeholder = next(d for d in seed["diagnostics"] if d["rule"] == "wording.placeholder")
    assert (placeholder["line"], placeholder["column"], placeholder["end_column"]) == (17, 103, 105)
    book = next(d for d in seed["diagnostics"] if d["rule"] == "punctuation.book-title-marks")
    assert book["suggestion"] == "《楚雄科技》"
    assert book["fix"] == [{"line": 14, "column": 38, "end_line": 14, "end_column": 44, "text": "《楚雄科技》"}]


def test_undecodable_file_is_a_one_line_error_with_status_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("报告".encode() + b"\x80\xff\x00")
    result = subprocess.run([sys.executable, "-m", "reportlint", str(bad)], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_status_2_but_other_files_still_linted(tmp_path):
    result = run(CLEAN, tmp_path / "absent.txt")
    assert result.exit_code == 2
    assert "absent.txt: 文件不存在" in result.output
    assert "检查了 1 个文件" in result.output


def test_bad_rule_pack_status_2(tmp_path):
    (tmp_path / "broken.yaml").write_text("kind: nothing\n", encoding="utf-8")
    result = run("--rules", tmp_path, CLEAN)
    assert result.exit_code == 2
    assert "broken.yaml" in result.output and "缺少必需的键" in result.output


def test_user_rule_pack_runs_beside_builtins(tmp_path):
    (tmp_path / "office").mkdir()
    (tmp_path / "office" / "banned.yaml").write_text(
        "kind: existence\nseverity: warning\nmessage: 本单位不用“{match}”。\ndescription: 本单位禁用词。\n"
        "patterns: [州科技局]\nexamples: {good: [州科学技术局], bad: [州科技局]}\n",
        encoding="utf-8",
    )
    result = run("--format", "json", "--rules", tmp_path, SEED)
    rules = {d["rule"] for d in json.loads(result.output)["files"][0]["diagnostics"]}
    assert "office.banned" in rules and "wording.placeholder" in rules


def test_stdin():
    result = run("-", input=SEED.read_bytes())
    assert result.exit_code == 1
    assert "-:17:103: error [wording.placeholder]" in result.output


def test_directories_are_searched_for_every_format_read(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(CLEAN, tmp_path / "sub" / "a.txt")
    shutil.copy(CLEAN, tmp_path / "b.md")
    shutil.copy(FIXTURES / "web-page-gbk-2016.html", tmp_path / "c.HTM")
    (tmp_path / "d.PDF").write_bytes(pdf_of_lines(CLEAN.read_text(encoding="utf-8").split("\n")[:3]))
    (tmp_path / "notes.rtf").write_bytes(b"{\\rtf1}")
    (tmp_path / ".hidden").mkdir()
    shutil.copy(SEED, tmp_path / ".hidden" / "c.txt")
    data = json.loads(run("--format", "json", tmp_path).output)
    expected = ["b.md", "c.HTM", "d.PDF", os.path.join("sub", "a.txt")]
    assert [os.path.relpath(f["path"], tmp_path) for f in data["files"]] == expected
    # A broken Word file found in a folder is an error; the others are still linted.
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = run("--format", "json", tmp_path)
    assert result.exit_code == 2 and "notes.docx: 不是有效的 .docx 文件" in result.output


def test_usage_errors_exit_2():
    assert run("--format", "xml", SEED).exit_code == 2
    assert run("check").exit_code == 2


def test_rules_lists_groups():
    result = run("rules")
    assert result.exit_code == 0
    assert "[punctuation]" in result.output and "[structure]" in result.output and "[wording]" in result.output
    assert "wording.placeholder" in result.output


def test_rules_as_json_describe_every_rule(tmp_path):
    rules = json.loads(run("rules", "--format", "json").output)
    assert [rule["id"] for rule in rules] == sorted(rule["id"] for rule in rules)
    assert [rule["id"] for rule in rules] == [line.split()[0] for line in run("rules").output.splitlines()
                                              if line.startswith("  ")]
    placeholder = next(rule for rule in rules if rule["id"] == "wording.placeholder")
    assert placeholder["group"] == "wording" and placeholder["severity"] == "error" and placeholder["kind"] == "existence"
    assert placeholder["fixable"] is False and placeholder["summary"] and placeholder["message"].startswith("文中留有占位符")
    assert placeholder["examples"]["good"] and all(set(bad) == {"text", "match", "fix"} for bad in placeholder["examples"]["bad"])
    assert next(rule for rule in rules if rule["id"] == "punctuation.book-title-marks")["fixable"] is True
    # An office's own pack is listed with the built-in rules.
    (tmp_path / "office").mkdir()
    (tmp_path / "office" / "example.yaml").write_text(EXAMPLE_RULE, encoding="utf-8")
    assert "office.example" in [rule["id"] for rule in json.loads(run("rules", "--format", "json", "--rules", tmp_path).output)]


def test_explain_shows_examples():
    result = run("explain", "wording.repeated-word")
    assert result.exit_code == 0
    assert "正确示例" in result.output and "工作工作" in result.output and "时时" in result.output


def test_explain_unknown_rule():
    result = run("explain", "wording.nope")
    assert result.exit_code == 2
    assert "没有规则 wording.nope" in result.output


def test_inspect_prints_profile_and_outline():
    result = run("inspect", SEED)
    assert result.exit_code == 0
    assert "报告年度：2016（取自标题）" in result.output
    assert "发布机关：楚雄州科学技术局" in result.output
    assert "  七、行政复议、诉讼和申诉情况  （26:1）" in result.output


def test_installed_package_ships_its_rules(tmp_path):
    """Outside the source tree, the rules are found inside the installed package."""
    script = "import reportlint, reportlint.rules as r; print(reportlint.__file__); print(r.builtin_rules_dir())"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True)
    package_file, rules_dir = result.stdout.splitlines()
    if os.path.dirname(package_file) == str(ROOT / "reportlint"):
        pytest.skip("reportlint is installed in editable mode; CI installs the wheel")
    assert rules_dir.startswith(os.path.dirname(package_file))
    script = os.path.join(os.path.dirname(sys.executable), "reportlint")
    listed = subprocess.run([script, "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert listed.returncode == 0 and "wording.placeholder" in listed.stdout


def test_output_file_and_exit_zero(tmp_path):
    report = tmp_path / "report.json"
    result = run("--format", "json", "--output-file", report, "--exit-zero", SEED)
    assert result.exit_code == 0
    assert result.output == ""
    errors = sum(d.severity.value == "error" for d in lint_file(SEED))
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["error"] == errors > 0
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_output_file_in_a_missing_folder_is_an_error(tmp_path):
    result = run("--output-file", tmp_path / "absent" / "out.txt", SEED)
    assert result.exit_code == 2


def test_output_file_is_readable_by_others_as_the_umask_allows(tmp_path):
    previous = os.umask(0o022)
    try:
        report = tmp_path / "report.txt"
        run("--output-file", report, CLEAN)
        assert report.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(previous)


def test_rules_and_explain_say_which_rules_fix():
    listing = run("rules").output.splitlines()
    assert any("punctuation.half-width" in line and "可修正" in line for line in listing)
    assert any("wording.placeholder" in line and "可修正" not in line for line in listing)
    assert "可用 --fix 自动修正" in run("explain", "punctuation.book-title-marks").output
    assert "可用 --fix 自动修正" not in run("explain", "wording.placeholder").output
