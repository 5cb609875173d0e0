"""The results cache: a draft linted again with nothing changed gets its stored
results, exactly as a fresh lint gives them; a change to anything its results
depend on (the draft, a rule pack, the configuration, last year's report,
reportlint's version or code) lints it afresh; `--no-cache` neither reads nor
writes; entries that cannot be used and processes writing at once are safe."""

import json
import os
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_RULE, FIXTURES, ROOT, SEED

from reportlint import results_cache
from reportlint.cli import main
from reportlint.linter import Linter

DRAFTS = [SEED, FIXTURES / "standard-2021-table-errors.txt", FIXTURES / "web-page-gbk-2016.html"]
FORMATS = ["text", "json", "sarif", "github", "gitlab", "junit"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of this test's own, with the cache turned on, and a
    record of every draft the linter actually lints."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    linted = []
    original = Linter.lint

    def recording(self, source, previous=None):
        linted.append(source.path)
        return original(self, source, previous)

    monkeypatch.setattr(Linter, "lint", recording)
    return SimpleNamespace(folder=folder, linted=linted)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    shutil.copy(SEED, path)
    return path


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def entries(folder):
    return sorted(folder.glob("results-*.json"))


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_second_run_gives_the_stored_results_exactly(cache, tmp_path, output_format):
    drafts = []
    for source in DRAFTS:
        drafts.append(tmp_path / source.name)
        shutil.copy(source, drafts[-1])
    first = run("--format", output_format, *drafts)
    assert len(cache.linted) == len(drafts)
    second = run("--format", output_format, *drafts)
    assert len(cache.linted) == len(drafts), "the second run linted again"
    assert (second.exit_code, second.output) == (first.exit_code, first.output)
    assert first.exit_code == 1
    fresh = run("--no-cache", "--format", output_format, *drafts)
    assert (fresh.exit_code, fresh.output) == (first.exit_code, first.output)


def test_no_cache_neither_reads_nor_writes(cache, draft):
    run("--no-cache", draft)
    run("--no-cache", draft)
    assert len(cache.linted) == 2
    assert not entries(cache.folder)


def test_the_python_api_lints_afresh(cache, draft):
    from reportlint import lint_file

    lint_file(draft)
    lint_file(draft)
    assert len(cache.linted) == 2


def test_an_edited_draft_is_linted_again_and_replaces_its_entry(cache, draft):
    first = run(draft)
    draft.write_text(draft.read_text(encoding="utf-8").replace("行政决xx", "行政决定"), encoding="utf-8")
    second = run(draft)
    assert len(cache.linted) == 2
    assert "wording.placeholder" in first.output and "wording.placeholder" not in second.output
    assert len(entries(cache.folder)) == 1  # an edit does not add an entry per version of the draft
    assert run(draft).output == second.output and len(cache.linted) == 2


def test_a_changed_rule_pack_lints_again(cache, draft, tmp_path):
    pack = tmp_path / "pack" / "office"
    pack.mkdir(parents=True)
    rule = pack / "example.yaml"
    rule.write_text(EXAMPLE_RULE, encoding="utf-8")
    first = run("--rules", pack.parent, draft)
    assert "office.example" in first.output
    rule.write_text(EXAMPLE_RULE.replace("文中留有", "草稿留有"), encoding="utf-8")
    second = run("--rules", pack.parent, draft)
    assert len(cache.linted) == 2
    assert "草稿留有“xx”" in second.output


def test_a_changed_built_in_rule_file_lints_again(cache, draft, tmp_path, monkeypatch):
    builtin = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", builtin)
    monkeypatch.setattr(results_cache, "builtin_rules_dir", lambda: builtin)
    run(draft)
    rule = builtin / "wording" / "placeholder.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run(draft)
    assert len(cache.linted) == 2


def test_a_changed_configuration_lints_again(cache, draft, tmp_path):
    run(draft)
    (tmp_path / ".reportlint.yaml").write_text("ignore: [wording.placeholder]\n", encoding="utf-8")
    second = run(draft)
    assert len(cache.linted) == 2
    assert "wording.placeholder" not in second.output
    assert run("--select", "wording", draft).output != second.output  # options of the run count too
    assert len(cache.linted) == 3


def test_a_changed_previous_report_lints_again(cache, draft, tmp_path):
    previous = tmp_path / "2015.txt"
    shutil.copy(SEED, previous)
    first = run("--previous", previous, draft)
    previous.write_text(previous.read_text(encoding="utf-8").replace("2016", "2015"), encoding="utf-8")
    second = run("--previous", previous, draft)
    assert len(cache.linted) == 2
    assert first.output != second.output
    run("--previous", previous, draft)
    assert len(cache.linted) == 2


def test_another_version_lints_again(cache, draft, monkeypatch):
    run(draft)
    monkeypatch.setattr(results_cache, "__version__", "99.0")
    run(draft)
    assert len(cache.linted) == 2


def test_the_baseline_applies_to_stored_results(cache, draft, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run("--write-baseline", baseline, draft).exit_code == 0
    assert run("--baseline", baseline, draft).exit_code == 0
    assert run("--baseline", baseline, draft).exit_code == 0
    assert len(cache.linted) == 1
    assert run(draft).exit_code == 1


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"draft": 5}', b"[]"])
def test_an_entry_that_cannot_be_read_is_linted_afresh_and_rewritten(cache, draft, damage):
    first = run(draft)
    (entry,) = entries(cache.folder)
    entry.write_bytes(damage)
    second = run(draft)
    assert len(cache.linted) == 2 and second.output == first.output
    assert run(draft).output == first.output and len(cache.linted) == 2


def test_a_tampered_entry_cannot_hide_findings(cache, draft):
    first = run(draft)
    (entry,) = entries(cache.folder)
    header, body = entry.read_bytes().rsplit(b"\n", 1)
    value = json.loads(body)
    value["diagnostics"] = []
    entry.write_bytes(header + b"\n" + json.dumps(value).encode())
    assert run(draft).output == first.output
    assert len(cache.linted) == 2


class _Entry:
    def __init__(self, value):
        self.value = value

    def read(self):
        return self.value


@pytest.mark.parametrize("value", [None, [], {"draft": "x"}, {"draft": None, "diagnostics": [{"rule": "made.up"}]}])
def test_an_entry_of_another_shape_is_no_result(value):
    data = b"draft"
    if isinstance(value, dict) and value["draft"] is None:
        value = value | {"draft": results_cache._digest(data), "allowed": [], "profile": {}}
    assert results_cache.stored(_Entry(value), data) is None


@pytest.mark.slow
def test_processes_writing_at_once_leave_one_whole_entry(tmp_path):
    folder = tmp_path / "cache"
    shutil.copy(SEED, tmp_path / "draft.txt")
    environment = {key: value for key, value in os.environ.items() if key != "REPORTLINT_NO_CACHE"}
    environment["REPORTLINT_CACHE_DIR"] = str(folder)
    command = [sys.executable, "-m", "reportlint", "draft.txt"]
    processes = [subprocess.Popen(command, cwd=tmp_path, env=environment, stdout=subprocess.PIPE) for _ in range(4)]
    outputs = {process.communicate()[0] for process in processes}
    assert len(outputs) == 1 and all(process.returncode == 1 for process in processes)
    assert len(entries(folder)) == 1
    assert len(list(folder.glob("run-*.marshal"))) == 1  # the run, recorded once (reportlint/replay.py)
    assert sorted(path.name for path in folder.iterdir() if not path.name.endswith((".json", ".marshal"))) == []
    again = subprocess.run(command, cwd=tmp_path, env=environment, stdout=subprocess.PIPE, check=False)
    assert again.stdout in outputs
