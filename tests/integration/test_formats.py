"""Every output format, pinned in golden files; SARIF also validated against
the official SARIF 2.1.0 schema (tests/schemas), GitLab's against the fields
GitLab documents, JUnit as XML, GitHub annotations for escaping."""

import csv
import json
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname
from xml.etree import ElementTree as ET

import pytest
from builders import docx_bytes, html_page, pdf_of_lines
from click.testing import CliRunner
from conftest import GOLDEN, ROOT, check_golden
from jsonschema import Draft202012Validator, FormatChecker

from reportlint.cli import main
from reportlint.rules import builtin_rules_dir

FILES = ["fixtures/seed-chuxiong-sci-tech-2016.txt", "fixtures/clean-free-2016.txt"]


def output(*args):
    result = CliRunner().invoke(main, [*args, *FILES])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.fixture(autouse=True)
def in_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the output are relative to it


@pytest.mark.parametrize(("name", "suffix"), [("text", "txt"), ("json", "json"), ("sarif", "sarif"),
                                              ("github", "txt"), ("junit", "xml"), ("gitlab", "json"), ("csv", "csv")])
def test_format_golden(name, suffix):
    rendered = output("--format", name, "--color", "never")
    # SARIF names the checkout and the rule files by absolute URIs; the golden file by placeholders.
    rendered = rendered.replace(builtin_rules_dir().resolve().as_uri(), "file:///RULES")
    rendered = rendered.replace(ROOT.as_uri(), "file:///CHECKOUT")
    check_golden(GOLDEN / "formats" / f"{name}.{suffix}", rendered)


def test_statistics_golden():
    check_golden(GOLDEN / "formats" / "statistics.txt", output("--statistics"))


SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate_sarif(text: str) -> dict:
    """The SARIF document, validated against the official 2.1.0 schema with its
    formats checked (a URI that is not one fails)."""
    sarif = json.loads(text)
    validator = Draft202012Validator(SARIF_SCHEMA, format_checker=FormatChecker())
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(sarif)]
    assert errors == []
    return sarif


def test_sarif_is_valid_against_the_official_schema():
    sarif = validate_sarif(output("--format", "sarif"))
    (run,) = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "utf16CodeUnits"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"] == {"uri": FILES[0], "uriBaseId": "%SRCROOT%"}
    placeholder = next(rule for rule in rules if rule["id"] == "wording.placeholder")
    assert placeholder["name"] == "WordingPlaceholder"
    # The rule's documentation: its rule file, with its description and examples.
    assert placeholder["helpUri"] == (builtin_rules_dir() / "wording" / "placeholder.yaml").resolve().as_uri()
    assert "正确示例" in placeholder["help"]["text"]


def lint_named(tmp_path, name: str, text: str, *args: str) -> str:
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "--select", "wording.placeholder", name])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.mark.parametrize(("name", "uri"), [
    ("草稿 #1.txt", "%E8%8D%89%E7%A8%BF%20%231.txt"),
    ("a%20b.txt", "a%2520b.txt"),
    ("2016年:报告.txt", "2016%E5%B9%B4%3A%E6%8A%A5%E5%91%8A.txt"),
])
def test_sarif_uris_are_percent_encoded_relative_to_the_source_root(tmp_path, monkeypatch, name, uri):
    monkeypatch.chdir(tmp_path)
    sarif = validate_sarif(lint_named(tmp_path, name, "某局2016年政府信息公开工作年度报告\n行政决xx。\n", "--format", "sarif"))
    (run,) = sarif["runs"]
    (result,) = run["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert Path(url2pathname(urlparse(urljoin(base, artifact["uri"])).path)) == tmp_path / name


def test_sarif_columns_count_utf16_code_units(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # 𠮷 is beyond the BMP: one code point, two UTF-16 code units.
    sarif = validate_sarif(lint_named(tmp_path, "a.txt", "某局2016年政府信息公开工作年度报告\n𠮷行政决xx𠮷。\n", "--format", "sarif"))
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    line = "𠮷行政决xx𠮷。"
    start = line.index("xx")
    assert (region["startColumn"], region["endColumn"]) == (start + 2, start + 4)
    assert line.encode("utf-16-le")[: (region["startColumn"] - 1) * 2].decode("utf-16-le") == "𠮷行政决"


def test_junit_fails_only_at_or_above_fail_on():
    root = ET.fromstring(output("--format", "junit"))
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == FILES
    failures = root.findall(".//failure")
    assert {failure.get("type") for failure in failures} == {"error", "warning"}
    assert int(root.get("failures")) == len(failures) == int(suites[0].get("failures"))
    # Info notes are passing cases that still say what they found.
    notes = [case for case in suites[0].findall("testcase") if case.find("failure") is None]
    assert notes and all(" info [" in case.find("system-out").text for case in notes)
    assert int(root.get("tests")) == len(root.findall(".//testcase"))
    assert suites[1].find("testcase").find("failure") is None


def test_junit_with_only_info_findings_has_no_failures():
    result = CliRunner().invoke(main, ["--format", "junit", "--select", "punctuation.half-width", FILES[0]])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "0" and root.findall(".//failure") == []
    assert int(root.get("tests")) == len(root.findall(".//system-out")) > 10
    # With fail-on info, the same notes are failures, as the exit status says.
    strict = CliRunner().invoke(main, ["--format", "junit", "--fail-on", "info", "--select", "punctuation.half-width", FILES[0]])
    assert strict.exit_code == 1
    assert ET.fromstring(strict.stdout).get("failures") == root.get("tests")


def test_junit_test_names_survive_lines_inserted_above(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seed = (ROOT / FILES[0]).read_text(encoding="utf-8")
    title, rest = seed.split("\n", 1)

    def names(text):
        Path("draft.txt").write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["--format", "junit", "draft.txt"])
        return [case.get("name") for case in ET.fromstring(result.stdout).iter("testcase")]

    before = names(seed)
    assert len(set(before)) == len(before)
    assert "wording.placeholder “xx”" in before
    assert names(f"{title}\n\n\n{rest}") == before


GITLAB_DOCUMENTED = {
    # GitLab's "Code Quality report format" (docs.gitlab.com, ci/testing/code_quality):
    # the fields it reads, severities it knows; location.lines.end from the Code
    # Climate specification the format comes from.
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "additionalProperties": False,
    "properties": {
        "description": {"type": "string", "minLength": 1},
        "check_name": {"type": "string", "minLength": 1},
        "fingerprint": {"type": "string", "minLength": 1},
        "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
        "location": {
            "type": "object",
            "required": ["path", "lines"],
            "additionalProperties": False,
            "properties": {
                # "expressed as a relative path in the repository. Do not prefix with ./"
                "path": {"type": "string", "pattern": "^(?!\\./)(?!/)"},
                "lines": {
                    "type": "object",
                    "required": ["begin"],
                    "additionalProperties": False,
                    "properties": {"begin": {"type": "integer", "minimum": 1}, "end": {"type": "integer", "minimum": 1}},
                },
            },
        },
    },
}


def test_gitlab_issues_have_the_documented_fields_and_unique_fingerprints():
    issues = json.loads(CliRunner().invoke(main, ["--format", "gitlab", *(f"./{file}" for file in FILES)]).stdout)
    validator = Draft202012Validator({"type": "array", "items": GITLAB_DOCUMENTED})
    assert [error.message for error in validator.iter_errors(issues)] == []
    assert {issue["location"]["path"] for issue in issues} == {FILES[0]}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_github_annotations_escape_their_properties(tmp_path):
    draft = tmp_path / "a,b:c.txt"
    draft.write_text("某局2016年政府信息公开工作年度报告\n一、概述\n行政决xx。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "github", "--select", "wording.placeholder", str(draft)])
    (line,) = result.stdout.splitlines()
    assert line.startswith("::error file=")
    assert "a%2Cb%3Ac.txt,line=3,col=4,endLine=3,endColumn=6,title=reportlint (wording.placeholder)::" in line


LATE = "某市科学技术局2019年政府信息公开工作年度报告\n发布日期：2020-02-20\n一、总体情况\n"


def test_csv_opens_with_the_csv_module_one_row_per_diagnostic_with_the_reports_columns(tmp_path):
    late = tmp_path / "late.txt"
    late.write_text(LATE, encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "csv", "--output-file", str(tmp_path / "summary.csv"), *FILES, str(late)])
    assert result.exit_code == 1, result.output
    data = (tmp_path / "summary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(tmp_path / "summary.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    seed = json.loads(CliRunner().invoke(main, ["--format", "json", *FILES]).stdout)["files"][0]
    seed_rows = [row for row in rows if row["文件"] == FILES[0]]
    assert [(row["规则"], int(row["行"]), int(row["列"]), row["问题"]) for row in seed_rows] == [
        (d["rule"], d["line"], d["column"], d["message"]) for d in seed["diagnostics"]]
    assert {(row["发布机关"], row["层级"], row["年度"], row["发布日期"], row["公开期限"], row["按期公开"]) for row in seed_rows} == {
        ("楚雄州科学技术局", "市级", "2016", "2017-01-19", "2017-03-31", "是")}
    assert {row["级别"] for row in seed_rows} == {"错误", "警告", "提示"}
    assert next(row for row in seed_rows if row["规则"] == "punctuation.book-title-marks")["建议"] == "《楚雄科技》"
    # A clean report still has its row; a late one says so.
    (clean,) = [row for row in rows if row["文件"] == FILES[1]]
    assert clean["规则"] == "" and clean["发布机关"] == "云岭州科学技术局"
    late_rows = [row for row in rows if row["文件"] == str(late)]
    assert {(row["机关类型"], row["公开期限"], row["按期公开"]) for row in late_rows} == {("政府部门", "2020-01-31", "否")}
    assert "facts.publication-deadline" in {row["规则"] for row in late_rows}


@pytest.mark.parametrize(
    ("suffix", "build", "located"),
    [
        (".docx", docx_bytes, "（位置：第3段“信息，行政决xx已公开。”）"),
        (".html", html_page, "（位置：网页源码第"),
        (".pdf", pdf_of_lines, "（位置：第1页“信息，行政决xx已公开。”）"),
    ],
)
def test_ci_formats_say_where_in_the_original_a_finding_is(tmp_path, suffix, build, located):
    """A Word document's, web page's or PDF's line numbers count in extracted
    text no one sees: each CI format carries the reader's place and quote instead."""
    lines = ["某局2016年政府信息公开工作年度报告", "一、概述", "我局依法公开政府信息，行政决xx已公开。"]
    draft = tmp_path / f"draft{suffix}"
    draft.write_bytes(build(lines))

    def messages(name):
        result = CliRunner().invoke(main, ["--format", name, "--select", "wording.placeholder", str(draft)])
        assert result.exit_code == 1, result.output
        return result.stdout

    (sarif_result,) = json.loads(messages("sarif"))["runs"][0]["results"]
    assert located in sarif_result["message"]["text"]
    region = sarif_result["locations"][0]["physicalLocation"]["region"]
    assert "行政决xx已公开" in region["snippet"]["text"]
    (annotation,) = messages("github").splitlines()
    assert located in annotation
    (issue,) = json.loads(messages("gitlab"))
    assert located in issue["description"]
    (failure,) = ET.fromstring(messages("junit")).iter("failure")
    assert located in failure.get("message") and located in failure.text


def test_text_files_have_no_place_and_no_snippet():
    (sarif_result, *_) = json.loads(output("--format", "sarif"))["runs"][0]["results"]
    assert "位置" not in sarif_result["message"]["text"]
    assert "snippet" not in sarif_result["locations"][0]["physicalLocation"]["region"]
