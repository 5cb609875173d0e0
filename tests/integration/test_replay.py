"""Replaying a run (reportlint/replay.py): `reportlint draft.txt` run again with
nothing changed prints exactly what it printed and exits as it exited, without
importing the command line or the linter; a change to anything the run depended
on (the draft, a configuration file created, edited or removed, a rule pack's
file or listing, last year's report, the environment that reaches the output)
runs it afresh; a run that cannot be replayed is never recorded."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLE_RULE, FIXTURES, SEED

from reportlint import replay

DRAFT = FIXTURES / "standard-2021-table-errors.txt"
# What a replayed run must not import: what makes it cheap (reportlint/replay.py).
HEAVY = {"reportlint.cli", "reportlint.parser", "reportlint.rules", "click", "lark", "yaml", "json"}
if sys.platform == "linux":
    HEAVY.add("platformdirs")  # the cache folders are found without it there (reportlint/cache.py)


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A folder with a draft, and a cache folder of the test's own, turned on."""
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(DRAFT, folder / "draft.txt")
    return folder


def reportlint(folder, *args, imports=False):
    """Run the command in ``folder``: (status, stdout, stderr, modules imported)."""
    command = [sys.executable, *(["-X", "importtime"] if imports else []), "-m", "reportlint", *map(str, args)]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, encoding="utf-8")
    lines = done.stderr.splitlines(keepends=True)
    imported = {line.split("|")[-1].strip() for line in lines if line.startswith("import time:")}
    stderr = "".join(line for line in lines if not line.startswith("import time:"))
    return done.returncode, done.stdout, stderr, imported


def replayed(folder, *args):
    """Run twice; the second run's result, and whether it was replayed (it
    imported nothing heavy)."""
    reportlint(folder, *args)
    status, stdout, stderr, imported = reportlint(folder, *args, imports=True)
    return (status, stdout, stderr), not imported & HEAVY


def records(folder):
    return sorted((folder.parent / "cache").glob("run-*.marshal"))


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit"])
def test_an_unchanged_run_is_replayed_exactly(work, output_format):
    fresh = reportlint(work, "--no-cache", "--format", output_format, "draft.txt")[:3]
    result, was_replayed = replayed(work, "--format", output_format, "draft.txt")
    assert was_replayed
    assert result == fresh
    assert fresh[0] == 1 and fresh[1]


def test_a_clean_draft_and_a_note_are_replayed_with_their_status(work):
    (work / "draft.txt").write_text("楚雄州科学技术局2016年政府信息公开年度报告\n", encoding="utf-8")
    (work / ".reportlint.yaml").write_text("allow: [未被用到的说法]\nfail-on: error\n", encoding="utf-8")
    fresh = reportlint(work, "--no-cache", "--report-unused", "draft.txt")[:3]
    result, was_replayed = replayed(work, "--report-unused", "draft.txt")
    assert was_replayed and result == fresh
    assert fresh[0] == 0 and "未被用到的说法" in fresh[2]


def test_an_edited_draft_is_linted_again(work):
    reportlint(work, "draft.txt")
    (work / "draft.txt").write_text(DRAFT.read_text(encoding="utf-8") + "\n2015年的数字。\n", encoding="utf-8")
    status, stdout, _, imported = reportlint(work, "draft.txt", imports=True)
    assert "reportlint.cli" in imported
    assert (status, stdout) == reportlint(work, "--no-cache", "draft.txt")[:2]


@pytest.mark.parametrize("where", ["drafts", "above"])
def test_a_configuration_file_created_later_governs_the_next_run(work, where):
    before = reportlint(work, "draft.txt")
    folder = work if where == "drafts" else work.parent
    (folder / ".reportlint.yaml").write_text("ignore: [tables, numbers, structure, wording, facts, punctuation]\n",
                                             encoding="utf-8")
    after = reportlint(work, "draft.txt")
    assert after[:2] == reportlint(work, "--no-cache", "draft.txt")[:2]
    assert after[1] != before[1]


def test_an_edited_or_removed_configuration_file_governs_the_next_run(work):
    config = work / ".reportlint.yaml"
    config.write_text("ignore: [tables.blank-cells]\n", encoding="utf-8")
    first = reportlint(work, "draft.txt")
    config.write_text("ignore: [tables.cell-value]\n", encoding="utf-8")
    edited = reportlint(work, "draft.txt")
    assert edited[1] != first[1] and edited[:2] == reportlint(work, "--no-cache", "draft.txt")[:2]
    config.unlink()
    removed = reportlint(work, "draft.txt")
    assert removed[1] != edited[1] and removed[:2] == reportlint(work, "--no-cache", "draft.txt")[:2]


def test_a_rule_pack_edited_or_grown_is_used_by_the_next_run(work):
    pack = work.parent / "pack"
    pack.mkdir()
    rule = pack / "example.yaml"
    rule.write_text(EXAMPLE_RULE.replace("xx", "公开"), encoding="utf-8")
    first = reportlint(work, "--rules", pack, "draft.txt")
    rule.write_text(EXAMPLE_RULE.replace("xx", "壹贰叁"), encoding="utf-8")
    edited = reportlint(work, "--rules", pack, "draft.txt")
    assert edited[1] != first[1] and edited[:2] == reportlint(work, "--no-cache", "--rules", pack, "draft.txt")[:2]
    (pack / "second.yaml").write_text(EXAMPLE_RULE.replace("xx", "公开"), encoding="utf-8")
    grown = reportlint(work, "--rules", pack, "draft.txt")
    assert grown[1] != edited[1] and grown[:2] == reportlint(work, "--no-cache", "--rules", pack, "draft.txt")[:2]


def test_last_years_report_is_a_dependency(work):
    previous = work / "previous.txt"
    shutil.copy(SEED, previous)
    first = reportlint(work, "--previous", previous, "draft.txt")
    previous.write_text("楚雄州科学技术局2015年政府信息公开年度报告\n", encoding="utf-8")
    second = reportlint(work, "--previous", previous, "draft.txt")
    assert second[:2] == reportlint(work, "--no-cache", "--previous", previous, "draft.txt")[:2]
    assert second[1] != first[1]


def test_the_environment_that_reaches_the_output_is_part_of_the_key(work, monkeypatch):
    plain = reportlint(work, "draft.txt")
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = reportlint(work, "draft.txt")
    assert "\x1b[" in coloured[1] and "\x1b[" not in plain[1]


@pytest.mark.parametrize("args", [
    ["--no-cache", "draft.txt"],
    ["--fix", "draft.txt"],
    ["--diff", "draft.txt"],
    ["-o", "out.json", "--format", "json", "draft.txt"],
    ["--write-baseline", "baseline.json", "draft.txt"],
    ["."],
    ["-j", "2", "draft.txt", "other.txt"],
    ["draft.txt", "missing.txt"],
])
def test_runs_that_cannot_be_replayed_are_not_recorded(work, args):
    shutil.copy(DRAFT, work / "other.txt")
    reportlint(work, *args)
    assert not records(work)


def test_standard_input_is_not_recorded(work):
    subprocess.run([sys.executable, "-m", "reportlint", "-"], cwd=work, input=DRAFT.read_bytes(), capture_output=True)
    assert not records(work)


def test_a_record_that_was_tampered_with_is_not_used(work):
    reportlint(work, "draft.txt")
    (record,) = records(work)
    data = record.read_bytes()
    record.write_bytes(data.replace(b"draft.txt", b"drafT.txt"))
    status, stdout, _, imported = reportlint(work, "draft.txt", imports=True)
    assert "reportlint.cli" in imported
    assert (status, stdout) == reportlint(work, "--no-cache", "draft.txt")[:2]


def test_the_code_stamp_changes_with_any_file_of_the_package(tmp_path, monkeypatch):
    package = tmp_path / "reportlint"
    (package / "data").mkdir(parents=True)
    (package / "data" / "words.txt").write_text("一\n", encoding="utf-8")
    (package / "check.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(replay, "_PACKAGE", str(package))
    stamp = replay.code_stamp()
    (package / "data" / "words.txt").write_text("一二\n", encoding="utf-8")
    assert replay.code_stamp() != stamp
    stamp = replay.code_stamp()
    os.utime(package / "check.py", ns=(1, 1))
    assert replay.code_stamp() != stamp


def test_the_code_stamp_changes_when_a_package_is_installed_or_upgraded(tmp_path, monkeypatch):
    installed = tmp_path / "site-packages"
    (installed / "lark-1.2.2.dist-info").mkdir(parents=True)
    os.utime(installed, ns=(10**18, 10**18))
    monkeypatch.setattr(sys, "path", [*sys.path, str(installed)])
    stamp = replay.code_stamp()
    (installed / "lark-1.2.2.dist-info").rename(installed / "lark-1.3.0.dist-info")
    os.utime(installed, ns=(10**18 + 1, 10**18 + 1))  # (as the rename did, at a finer time than the file system keeps)
    assert replay.code_stamp() != stamp
