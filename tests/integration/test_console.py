"""The command line on the consoles editors and CI have: a Chinese Windows
console in GBK, an ASCII one, terminals that want colour or none, and the
short options (-q, -V)."""

import os
import pty
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import SEED

from reportlint import __version__
from reportlint.cli import main

DRAFT = "某局2016年政府信息公开工作年度报告\n一、概述\n𠮷行政决xx，已✓。\n"


def reportlint(*args, env=None, **options) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    return subprocess.run([sys.executable, "-m", "reportlint", *map(str, args)], env={**environment, **(env or {})},
                          **options)


def on_console(encoding: str, *args) -> subprocess.CompletedProcess:
    return reportlint(*args, env={"PYTHONIOENCODING": encoding}, capture_output=True)


@pytest.mark.slow  # several processes
@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
@pytest.mark.parametrize("command", [("--select", "wording.placeholder", "DRAFT"), ("explain", "wording.placeholder")],
                         ids=["lint", "explain"])
def test_a_console_that_cannot_encode_a_character_gets_a_replacement(tmp_path, encoding, command):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    args = [draft if arg == "DRAFT" else arg for arg in command]
    expected = on_console("utf-8", *args)
    result = on_console(encoding, *args)
    assert result.returncode == expected.returncode, result.stderr.decode(encoding, "replace")
    assert result.stderr == b""
    # Exactly the output, with "?" for what the console's encoding lacks.
    assert result.stdout == expected.stdout.decode("utf-8").encode(encoding, "replace")


@pytest.mark.slow  # several processes
def test_a_gbk_console_shows_the_chinese_it_can(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    output = on_console("gbk", "--select", "wording.placeholder", draft).stdout.decode("gbk")
    assert "    3 | ?行政决xx，已?。" in output.splitlines()  # 𠮷 and ✓ are not in GBK
    assert "文中留有占位符“xx”" in output and output.rstrip().endswith("（检查了 1 个文件）。")
    assert "  ? 组织学习《》等文件。" in on_console("gbk", "explain", "wording.placeholder").stdout.decode("gbk")


@pytest.mark.parametrize("output_format", ["json", "csv", "junit", "sarif", "html"])
def test_documents_are_utf8_whatever_the_console(tmp_path, output_format):
    # `reportlint --format csv drafts > summary.csv` on a Chinese Windows console.
    draft = tmp_path / "draft.txt"
    draft.write_text("某局2016年政府信息公开工作年度报告\n一、概述\n组织学习«𠮷报»。\n", encoding="utf-8")
    result = on_console("gbk", "--format", output_format, "--select", "punctuation.book-title-marks", draft)
    assert result.returncode == 1 and result.stderr == b""
    text = result.stdout.decode("utf-8")
    assert "《𠮷报》" in text and "«𠮷报»" in text
    assert text.startswith("\ufeff") == (output_format == "csv")


def in_terminal(*args, env=None) -> str:
    """The output of reportlint run on a pseudo-terminal, as a user sees it."""
    controller, terminal = pty.openpty()
    process = reportlint("--select", "wording.placeholder", *args, env=env, stdout=terminal, stderr=terminal)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.returncode == 1
    return b"".join(chunks).decode("utf-8")


@pytest.mark.slow  # several processes
def test_colour_on_a_terminal_follows_no_color_and_term():
    assert "\x1b[31m" in in_terminal(SEED)
    assert "\x1b[" not in in_terminal(SEED, env={"NO_COLOR": "1"})
    assert "\x1b[31m" in in_terminal(SEED, env={"NO_COLOR": ""}), "an empty NO_COLOR asks for nothing"
    assert "\x1b[" not in in_terminal(SEED, env={"TERM": "dumb"})
    assert "\x1b[" not in in_terminal("--color", "never", SEED)


def run(*args, env=None):
    clean = {"NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}
    return CliRunner().invoke(main, [str(arg) for arg in args], env={**clean, **(env or {})})


def test_colour_off_a_terminal_only_when_forced():
    assert "\x1b[" not in run(SEED).output
    assert "\x1b[31m" in run(SEED, env={"FORCE_COLOR": "1"}).output  # a CI log that shows colours
    assert "\x1b[" not in run(SEED, env={"FORCE_COLOR": ""}).output
    assert "\x1b[" not in run(SEED, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).output
    assert "\x1b[31m" in run("--color", "always", SEED, env={"NO_COLOR": "1"}).output
    assert "\x1b[" not in run("--color", "never", SEED, env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in run("--format", "json", SEED, env={"FORCE_COLOR": "1"}).output


def test_quiet_prints_the_findings_only():
    full = run("--select", "wording", SEED)
    quiet = run("-q", "--select", "wording", SEED)
    assert quiet.exit_code == full.exit_code == 1
    lines = full.output.splitlines()
    assert lines[-1].startswith("共发现") and quiet.output.splitlines() == lines[:-1]
    assert run("--quiet", SEED.parent / "clean-free-2016.txt").output == ""


def test_quiet_fix_and_baseline_say_nothing_on_success(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("某局2016年政府信息公开工作年度报告\n一、概述\n我局认真落实,工作取得实效。\n", encoding="utf-8")
    assert "已修正" in run("--fix", draft).output
    draft.write_text("某局2016年政府信息公开工作年度报告\n一、概述\n我局认真落实,工作取得实效。\n", encoding="utf-8")
    result = run("-q", "--fix", draft)
    assert "已修正" not in result.output and "，工作" in draft.read_text(encoding="utf-8")
    result = run("-q", "--write-baseline", tmp_path / "baseline.json", SEED)
    assert result.exit_code == 0 and result.output == ""


def test_short_version_option():
    assert run("-V").output == run("--version").output == f"reportlint, version {__version__}\n"
