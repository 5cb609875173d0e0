"""Many files: folder search with include/exclude and .gitignore, parallel
workers with the same output as one process."""

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SEED, require_shared

from reportlint.cli import main


def listed(*args):
    result = CliRunner().invoke(main, ["--format", "json", *map(str, args)])
    return [f["path"] for f in json.loads(result.stdout)["files"]]


@pytest.mark.slow
@pytest.mark.corpus
def test_parallel_output_is_identical_to_serial_on_the_corpus():
    corpus = require_shared("corpus")
    folder = str(corpus[0].parent)
    for output_format in ("text", "json", "sarif"):
        serial = CliRunner().invoke(main, ["--format", output_format, "--color", "never", "-j", "1", folder])
        parallel = CliRunner().invoke(main, ["--format", output_format, "--color", "never", "-j", "2", folder])
        assert serial.exit_code == parallel.exit_code == 1
        assert serial.stdout == parallel.stdout


def test_parallel_runs_on_fixtures_without_the_corpus(tmp_path):
    for index in range(6):
        shutil.copy(SEED if index % 2 else FIXTURES / "clean-free-2016.txt", tmp_path / f"d{index}.txt")
    serial = CliRunner().invoke(main, ["-j", "1", str(tmp_path)]).stdout
    assert serial == CliRunner().invoke(main, ["-j", "2", str(tmp_path)]).stdout
    assert serial.count("wording.placeholder") == 3


def test_include_and_exclude_globs(tmp_path):
    for name in ("a.txt", "b.md", "notes/c.txt", "archive/d.txt", "e.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "clean-free-2016.txt", tmp_path / name)
    (tmp_path / ".reportlint.yaml").write_text("include: ['*.txt']\nexclude: [archive]\n", encoding="utf-8")
    found = listed(tmp_path)
    assert sorted(p.split(str(tmp_path) + "/")[1] for p in found) == ["a.txt", "notes/c.txt"]
    # A file named on the command line is linted whatever the globs say.
    assert listed(tmp_path / "archive" / "d.txt") == [str(tmp_path / "archive" / "d.txt")]


def test_gitignore_is_respected(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ("kept.txt", "build/generated.txt", "scratch.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "clean-free-2016.txt", tmp_path / name)
    (tmp_path / ".gitignore").write_text("build/\nscratch.txt\n", encoding="utf-8")
    assert [p.split(str(tmp_path) + "/")[1] for p in listed(tmp_path)] == ["kept.txt"]
