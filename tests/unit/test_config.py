"""Configuration: discovery (nearest wins), precedence of the command line,
per-file overrides, profile overrides, and clear errors for bad keys."""

import dataclasses
import json
import re
import shutil
import textwrap
from datetime import date

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES, ROOT, SEED, shared_files
from jsonschema import Draft7Validator, FormatChecker

from reportlint import config
from reportlint.cli import main
from reportlint.profile import Body, Edition, Level, ProfileOverrides


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def rules_reported(result):
    return {d["rule"] for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]}


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path):
    """root/.reportlint.yaml selects wording; root/sub/pyproject.toml selects
    punctuation; root/other/pyproject.toml has no [tool.reportlint]."""
    write(tmp_path / ".reportlint.yaml", "select: [wording]\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.reportlint]\nselect = ["punctuation"]\n')
    write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "y"\n')
    for folder in ("", "sub", "other"):
        shutil.copy(SEED, tmp_path / folder / "draft.txt")
    return tmp_path


def test_nearest_configuration_wins(tree):
    assert {r.split(".")[0] for r in rules_reported(run("--format", "json", tree / "draft.txt"))} == {"wording"}
    assert {r.split(".")[0] for r in rules_reported(run("--format", "json", tree / "sub" / "draft.txt"))} == {"punctuation"}
    # A pyproject.toml without [tool.reportlint] is passed over.
    assert {r.split(".")[0] for r in rules_reported(run("--format", "json", tree / "other" / "draft.txt"))} == {"wording"}


def test_yaml_before_pyproject_in_one_folder(tree):
    write(tree / "sub" / ".reportlint.yaml", "select: [structure]\n")
    assert {r.split(".")[0] for r in rules_reported(run("--format", "json", tree / "sub" / "draft.txt"))} == {"structure"}


def test_config_option_replaces_discovery(tree):
    config = write(tree / "elsewhere.yaml", "select: [structure]\n")
    result = run("--format", "json", "--config", config, tree / "sub" / "draft.txt")
    assert {r.split(".")[0] for r in rules_reported(result)} == {"structure"}


def test_command_line_select_replaces_and_ignore_adds(tree):
    write(tree / ".reportlint.yaml", "select: [wording]\nignore: [wording.placeholder]\n")
    replaced = rules_reported(run("--format", "json", "--select", "punctuation,wording", tree / "draft.txt"))
    assert "punctuation.doubled" in replaced and "wording.placeholder" not in replaced
    added = rules_reported(run("--format", "json", "--ignore", "wording.law-title", tree / "draft.txt"))
    assert "wording.law-title" not in added and "wording.placeholder" not in added and "wording.formulation" in added


def test_severity_overrides_and_off(tree):
    write(tree / ".reportlint.yaml", """\
        severity:
          wording: info
          wording.placeholder: error
          punctuation.half-width: off
        fail-on: error
        """)
    data = json.loads(run("--format", "json", tree / "draft.txt").stdout)
    levels = {d["rule"]: d["severity"] for d in data["files"][0]["diagnostics"]}
    assert levels["wording.placeholder"] == "error"  # the longer prefix wins
    assert levels["wording.repeated-word"] == "info"
    assert "punctuation.half-width" not in levels


def test_fail_on_from_configuration_and_command_line(tree):
    write(tree / ".reportlint.yaml", "select: [punctuation]\nfail-on: error\n")
    assert run(tree / "draft.txt").exit_code == 0  # punctuation has warnings only
    assert run("--fail-on", "warning", tree / "draft.txt").exit_code == 1


def test_per_file_overrides_by_glob(tree):
    write(tree / ".reportlint.yaml", """\
        select: [wording]
        overrides:
          - files: ["archive/**/*.txt"]
            ignore: [wording.placeholder]
        """)
    shutil.copy(SEED, write(tree / "archive" / "2016" / "x.txt", "").parent / "old.txt")
    archived = rules_reported(run("--format", "json", tree / "archive" / "2016" / "old.txt"))
    current = rules_reported(run("--format", "json", tree / "draft.txt"))
    assert "wording.placeholder" in current and "wording.placeholder" not in archived


def test_profile_overrides_for_a_draft_without_a_final_title(tmp_path):
    draft = write(tmp_path / "draft.txt", "（标题待定）\n一、总体情况\n二、主动公开政府信息情况\n")
    write(tmp_path / ".reportlint.yaml", "profile: {year: 2021, agency: 某县科学技术局}\nagencies: [县科技局]\n")
    data = json.loads(run("--format", "json", "--select", "structure.required-sections", draft).stdout)
    profile = data["files"][0]["profile"]
    assert (profile["year"], profile["edition"], profile["agency"]) == (2021, "standard-2021", "某县科学技术局")
    assert profile["aliases"] == ["县科技局"]
    topics = " ".join(d["message"] for d in data["files"][0]["diagnostics"])
    assert "收到和处理政府信息公开申请情况" in topics  # the 2021 format's topics, not 2008's


def test_allow_phrases(tmp_path):
    draft = shutil.copy(SEED, tmp_path / "draft.txt")
    write(tmp_path / ".reportlint.yaml", "allow: [行政决xx, 从未出现的说法]\n")
    result = run("--format", "json", "--report-unused", draft)
    assert "wording.placeholder" not in rules_reported(result)
    assert "allow 中的“从未出现的说法”没有抑制任何问题" in result.stderr
    assert "行政决xx" not in result.stderr


BAD_CONFIGURATIONS = [
    ("selekt: [wording]\n", ".reportlint.yaml: selekt: 未知的配置项"),
    ("fail-on: fatal\n", ".reportlint.yaml: fail-on: 应为以下之一：error、warning、info"),
    ("severity: {wording: loud}\n", ".reportlint.yaml: severity.wording: 应为 error、warning、info 或 off"),
    ("profile: {edition: 2020}\n", ".reportlint.yaml: profile.edition: 应为free-2008"),
    ("select: wording\n", ".reportlint.yaml: select: 应为列表"),
    ("overrides: [{ignore: [x]}]\n", ".reportlint.yaml: overrides[0]: 应为含 files"),
    ("overrides: [{files: ['*.txt'], include: ['*.md']}]\n", "overrides[0].include: 不能按文件覆盖"),
]


@pytest.mark.parametrize(("config", "expected"), [*BAD_CONFIGURATIONS, ("select: [unclosed\n", ".reportlint.yaml:2: YAML 语法错误")])
def test_bad_configuration_is_a_one_line_error(tmp_path, config, expected):
    draft = shutil.copy(FIXTURES / "clean-free-2016.txt", tmp_path / "draft.txt")
    write(tmp_path / ".reportlint.yaml", config)
    result = run(draft)
    assert result.exit_code == 2
    assert expected in result.output
    assert result.output.count("\n") == 1


def test_bad_pyproject_table(tmp_path):
    draft = shutil.copy(FIXTURES / "clean-free-2016.txt", tmp_path / "draft.txt")
    write(tmp_path / "pyproject.toml", "[tool.reportlint]\nfail-on = 3\n")
    result = run(draft)
    assert result.exit_code == 2 and "pyproject.toml: fail-on:" in result.output


def test_config_command_prints_effective_settings(tree):
    write(tree / ".reportlint.yaml", "select: [wording]\noverrides:\n  - files: ['sub/*']\n    fail-on: error\n")
    (tree / "sub" / "pyproject.toml").unlink()
    result = run("config", tree / "sub" / "draft.txt")
    assert result.exit_code == 0
    assert f"配置文件：{tree / '.reportlint.yaml'}" in result.output
    assert "select：wording" in result.output and "fail-on：error" in result.output


def test_agencies_are_the_offices_own_names(tmp_path):
    draft = shutil.copy(SEED, tmp_path / "draft.txt")
    other = "facts.other-agency"
    assert other in rules_reported(run("--format", "json", "--select", "facts", draft))
    write(tmp_path / ".reportlint.yaml", "agencies: [云南省科学技术厅]\n")
    assert other not in rules_reported(run("--format", "json", "--select", "facts", draft))


def test_previous_report_named_in_the_configuration(tmp_path):
    """The pair of consecutive years in fixtures: last year's report from
    configuration gives the same year-to-year findings as --previous."""
    this_year = shutil.copy(FIXTURES / "standard-2021-county-2023-spaces.txt", tmp_path / "2023.txt")
    shutil.copy(FIXTURES / "standard-2021-county-2022-pipes.txt", tmp_path / "2022.txt")
    given = rules_reported(run("--format", "json", "--select", "previous", "--previous", tmp_path / "2022.txt",
                               this_year))
    assert given, "the 2022/2023 pair differs somewhere"
    write(tmp_path / ".reportlint.yaml", "previous: 2022.txt\n")
    assert rules_reported(run("--format", "json", "--select", "previous", this_year)) == given
    write(tmp_path / ".reportlint.yaml", "previous: missing.txt\n")
    result = run(this_year)
    assert result.exit_code == 2 and "missing.txt: 文件不存在" in result.output


def test_publication_date_in_the_configuration(tmp_path):
    """A copy of a page that lost its date line: the date the page gave is set in
    configuration, and the deadline is checked against it."""
    draft = shutil.copy(SEED, tmp_path / "draft.txt")
    assert "facts.publication-deadline" not in rules_reported(run("--format", "json", "--select", "facts", draft))
    write(tmp_path / ".reportlint.yaml", "profile: {published: 2017-04-11}\n")
    data = json.loads(run("--format", "json", "--select", "facts.publication-deadline", draft).stdout)
    (late,) = data["files"][0]["diagnostics"]
    assert (late["line"], late["column"]) == (1, 1) and "2017-04-11" in late["message"]
    assert data["files"][0]["profile"]["published"] == "2017-04-11"
    write(tmp_path / ".reportlint.yaml", "profile: {published: 'April 11'}\n")
    result = run(draft)
    assert result.exit_code == 2 and "profile.published: 应为日期" in result.output


@pytest.mark.corpus
def test_corpus_05_is_late_once_its_publication_date_is_known(tmp_path):
    corpus = {path.name: path for path in shared_files("corpus")}
    if "05_pingtan-2011.txt" not in corpus:
        pytest.skip("../shared/corpus is absent (real reports are not part of the project)")
    draft = shutil.copy(corpus["05_pingtan-2011.txt"], tmp_path / "05.txt")
    assert "facts.publication-deadline" not in rules_reported(run("--format", "json", "--select", "facts", draft))
    # SOURCES.md: published 2012-04-11, after the 31 March deadline of the 2008 条例.
    write(tmp_path / ".reportlint.yaml", "profile: {published: 2012-04-11}\n")
    assert "facts.publication-deadline" in rules_reported(run("--format", "json", "--select", "facts", draft))


# -- the JSON Schema editors complete .reportlint.yaml with --------------------------

SCHEMA = json.loads(run("config", "--schema").output)


def editor_view(text: str):
    """A YAML configuration as an editor's schema check sees it: dates are text."""
    data = yaml.safe_load(text)
    profile = data.get("profile") if isinstance(data, dict) else None
    if isinstance(profile, dict) and isinstance(profile.get("published"), date):
        profile["published"] = profile["published"].isoformat()
    return data


def schema_errors(text: str) -> list[str]:
    validator = Draft7Validator(SCHEMA, format_checker=FormatChecker())
    return [error.message for error in validator.iter_errors(editor_view(text))]


def test_the_schema_names_every_key_and_choice_the_configuration_reads():
    assert set(SCHEMA["properties"]) == set(config._PARSERS) | {"overrides"}
    per_file = SCHEMA["properties"]["overrides"]["items"]["properties"]
    assert set(per_file) == {"files"} | set(config._PARSERS) - config._TOP_LEVEL_ONLY
    profile = SCHEMA["definitions"]["profile"]["properties"]
    assert set(profile) == {field.name for field in dataclasses.fields(ProfileOverrides)}
    assert profile["edition"]["enum"] == [edition.value for edition in Edition]
    assert profile["level"]["enum"] == [level.value for level in Level]
    assert profile["body"]["enum"] == [body.value for body in Body]
    assert SCHEMA["properties"]["fail-on"]["enum"] == list(config.FAIL_ON)
    assert all(prop.get("description") for prop in SCHEMA["properties"].values() if "$ref" not in prop)


def test_the_documented_example_is_valid_for_the_schema_and_the_configuration(tmp_path):
    documented = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n# \.reportlint\.yaml\n(.*?)```", documented, re.S).group(1)
    assert schema_errors(example) == []
    config.load_config(write(tmp_path / ".reportlint.yaml", example))


@pytest.mark.parametrize(("text", "expected"), BAD_CONFIGURATIONS)
def test_what_the_configuration_refuses_the_schema_refuses(text, expected):
    assert schema_errors(text) != []


def test_severity_off_may_be_written_bare():
    assert schema_errors("severity: {wording.consistent-terms: off, structure: info}\n") == []
