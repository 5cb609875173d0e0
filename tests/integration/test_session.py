"""One lint session for the command line, its worker processes and the Python
API: `lint_file` honours suppression comments, configuration and baselines
exactly as `reportlint` does, and nothing outlives a session."""

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from reportlint import lint_file, lint_text
from reportlint.cli import main
from reportlint.session import LintSession, SessionOptions

DRAFT = """# 某局2016年政府信息公开工作年度报告

## 一、概述

<!-- reportlint-disable-next-line wording.placeholder -->
本局xx项工作取得实效,群众满意。

联系地址为科技园xx号楼,做好工作工作。

另有xx件待办。
"""
CONFIG = """ignore: [structure.required-sections]
severity: {punctuation.half-width: warning}
allow: [科技园xx号楼]
"""
# What survives: the comment silences line 6's placeholder, `allow` line 8's,
# `ignore` the missing sections; half-width punctuation is raised to warning.
EXPECTED = [
    (6, "punctuation.half-width", "warning"),
    (8, "punctuation.half-width", "warning"),
    (8, "wording.repeated-word", "error"),
    (10, "wording.placeholder", "error"),
]


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def cli_json(*args):
    result = run("--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [d for file in json.loads(result.stdout)["files"] for d in file["diagnostics"]]


def found(diagnostics):
    return [(d.line, d.rule, d.severity.value) for d in diagnostics]


@pytest.fixture
def office(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_lint_file_honours_suppressions_and_configuration_as_the_cli_does(office):
    draft = office / "draft.md"
    diagnostics = lint_file(draft)
    assert found(diagnostics) == EXPECTED
    assert [d.to_dict() for d in diagnostics] == cli_json(draft)


def test_lint_file_takes_a_configuration_as_the_cli_takes_config(office, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "office.yaml"
    shutil.move(office / ".reportlint.yaml", elsewhere)
    draft = office / "draft.md"
    assert found(lint_file(draft, config=elsewhere)) == EXPECTED
    assert [d.to_dict() for d in lint_file(draft, config=elsewhere)] == cli_json("--config", elsewhere, draft)
    # Without it, only the comment still suppresses.
    assert (8, "wording.placeholder", "error") in found(lint_file(draft))


def test_lint_file_applies_the_configured_baseline(office):
    draft = office / "draft.md"
    assert run("--write-baseline", office / "baseline.json", draft).exit_code == 0
    with (office / ".reportlint.yaml").open("a", encoding="utf-8") as config:
        config.write("baseline: baseline.json\n")
    assert lint_file(draft) == [] and cli_json(draft) == []
    # A finding the baseline did not record is new.
    draft.write_text(DRAFT + "\n还有xx项待办。\n", encoding="utf-8")
    assert found(lint_file(draft)) == [(12, "wording.placeholder", "error")]


def test_lint_text_applies_configuration_only_when_asked(office, monkeypatch):
    monkeypatch.chdir(office)
    everything = found(lint_text(DRAFT))
    assert (1, "structure.required-sections", "warning") in everything
    assert (8, "wording.placeholder", "error") in everything
    # Text has no comments: only line 6's placeholder, which a comment silences in the file, differs.
    configured = [(6, "wording.placeholder", "error"), *EXPECTED]
    assert found(lint_text(DRAFT, config=office / ".reportlint.yaml")) == configured
    assert found(lint_text(DRAFT, discover=True)) == configured


def test_each_call_sees_the_configuration_as_it_is_now(office):
    draft = office / "draft.md"
    assert found(lint_file(draft)) == EXPECTED
    (office / ".reportlint.yaml").write_text(CONFIG + "select: [wording]\n", encoding="utf-8")
    assert found(lint_file(draft)) == [(8, "wording.repeated-word", "error"), (10, "wording.placeholder", "error")]


def test_a_session_loads_rule_packs_once_and_reads_last_years_report_once(office, monkeypatch):
    import reportlint.session as session_module

    shutil.copy(FIXTURES / "clean-free-2016.txt", office / "2015.txt")
    with (office / ".reportlint.yaml").open("a", encoding="utf-8") as config:
        config.write("previous: 2015.txt\n")
    loads, reads = [], []
    monkeypatch.setattr(session_module, "load_rules", lambda packs: loads.append(packs) or [])
    monkeypatch.setattr(session_module, "read_source", lambda path, **_: reads.append(path) or None)
    session = LintSession()
    for name in ("a.txt", "b.txt", "c.md"):
        settings = session.settings_for(str(office / name))
        session.linter_for(settings)
        session.previous_for(settings)
    assert loads == [()] and reads == [(office / "2015.txt").resolve()]


def test_worker_processes_give_the_results_of_one_process(office):
    shutil.copy(FIXTURES / "seed-chuxiong-sci-tech-2016.txt", office / "seed.txt")
    shutil.copy(FIXTURES / "clean-free-2016.txt", office / "2015.txt")
    with (office / ".reportlint.yaml").open("a", encoding="utf-8") as config:
        config.write("previous: 2015.txt\n")
    for index in range(4):
        (office / f"copy{index}.md").write_text(DRAFT, encoding="utf-8")
    assert cli_json("-j", "1", "--report-unused", office) == cli_json("-j", "2", "--report-unused", office)
    serial = cli_json("-j", "1", office)
    assert serial == cli_json("-j", "2", office)
    copy = office / "copy0.md"
    assert [d for d in serial if d["path"] == str(copy)] == [d.to_dict() for d in lint_file(copy)]


def test_session_options_travel_to_worker_processes():
    import pickle

    options = SessionOptions(select=("wording",), previous="last-year.txt", report_unused=True)
    assert pickle.loads(pickle.dumps(options)) == options
