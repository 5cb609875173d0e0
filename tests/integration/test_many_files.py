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
    # A file named on the command line is linted whatever the globs say, unless
    # --force-exclude asks for `exclude` to apply to it too (a pre-commit hook).
    archived = tmp_path / "archive" / "d.txt"
    assert listed(archived) == [str(archived)]
    assert listed("--force-exclude", archived, tmp_path / "a.txt") == [str(tmp_path / "a.txt")]
    assert listed("--force-exclude", tmp_path / "b.md") == [str(tmp_path / "b.md")], "include is for folders only"


def test_force_exclude_applies_to_standard_input_by_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".reportlint.yaml").write_text("exclude: ['archive/**']\n", encoding="utf-8")
    text = (FIXTURES / "clean-free-2016.txt").read_text(encoding="utf-8")

    def lint(name):
        result = CliRunner().invoke(main, ["--format", "json", "--force-exclude", "--stdin-filename", name, "-"], input=text)
        return [f["path"] for f in json.loads(result.stdout)["files"]]

    assert lint("archive/2015.txt") == []
    assert lint("drafts/2016.txt") == ["drafts/2016.txt"]


GITIGNORED = {
    ".gitignore": "build/\nscratch.txt\n*.bak.txt\n!keep.bak.txt\n/top-only.txt\n",
    "drafts/.gitignore": "old-*.txt\n!old-but-kept.txt\n",
}
FILES = ("kept.txt", "build/generated.txt", "scratch.txt", "x.bak.txt", "keep.bak.txt", "top-only.txt",
         "drafts/top-only.txt", "drafts/old-2014.txt", "drafts/old-but-kept.txt", "drafts/new.txt", "drafts/scratch.txt")
NOT_IGNORED = ["drafts/new.txt", "drafts/old-but-kept.txt", "drafts/top-only.txt", "keep.bak.txt", "kept.txt"]


def folder_with_gitignores(root):
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "clean-free-2016.txt", root / name)
    for name, patterns in GITIGNORED.items():
        (root / name).write_text(patterns, encoding="utf-8")


def relative(paths, root):
    return [path.split(str(root) + "/")[1] for path in paths]


def test_gitignore_is_respected_in_a_git_repository(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    folder_with_gitignores(tmp_path)
    assert relative(listed(tmp_path), tmp_path) == NOT_IGNORED


def test_gitignore_is_respected_outside_git_alike(tmp_path, monkeypatch):
    # Outside a work tree (an unpacked archive of drafts, an editor's machine without git).
    folder_with_gitignores(tmp_path)
    assert relative(listed(tmp_path), tmp_path) == NOT_IGNORED
    # The .gitignore files of the folders above a searched folder apply, up to the working directory.
    monkeypatch.chdir(tmp_path)
    assert listed("drafts") == ["drafts/new.txt", "drafts/old-but-kept.txt", "drafts/top-only.txt"]
    # Not above it: without a repository, the working directory is where the search's rules start.
    monkeypatch.chdir(tmp_path / "drafts")
    assert listed(".") == ["new.txt", "old-but-kept.txt", "scratch.txt", "top-only.txt"]


@pytest.fixture
def deep_folder(tmp_path):
    """drafts/d/d/…/d, 1,200 folders deep: deeper than Python's recursion limit.
    Removed here from the bottom up (shutil.rmtree, which pytest cleans up with,
    recurses)."""
    chain = [tmp_path / "drafts"]
    chain[0].mkdir()
    for _ in range(1200):  # (Path.mkdir(parents=True) itself recurses)
        chain.append(chain[-1] / "d")
        chain[-1].mkdir()
    yield chain[-1]
    for folder in reversed(chain):
        for child in folder.iterdir():
            if not child.is_dir():
                child.unlink()
        folder.rmdir()


def test_a_folder_thousands_deep_is_searched_outside_git(tmp_path, monkeypatch, deep_folder):
    # The search keeps its folders on a list, not on the call stack.
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "clean-free-2016.txt", deep_folder / "report.txt")
    shutil.copy(FIXTURES / "clean-free-2016.txt", tmp_path / "drafts" / "top.txt")
    assert [path.rsplit("/", 1)[-1] for path in listed("drafts")] == ["report.txt", "top.txt"]
