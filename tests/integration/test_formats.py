"""Every output format, pinned in golden files; SARIF also checked against the
properties the SARIF 2.1.0 schema requires, JUnit as XML, GitHub annotations
for escaping."""

import json
from xml.etree import ElementTree as ET

import pytest
from builders import docx_bytes, html_page, pdf_of_lines
from click.testing import CliRunner
from conftest import GOLDEN, ROOT, check_golden

from reportlint.cli import main

FILES = ["fixtures/seed-chuxiong-sci-tech-2016.txt", "fixtures/clean-free-2016.txt"]


def output(*args):
    result = CliRunner().invoke(main, [*args, *FILES])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.fixture(autouse=True)
def in_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the output are relative to it


@pytest.mark.parametrize(("name", "suffix"), [("text", "txt"), ("json", "json"), ("sarif", "sarif"),
                                              ("github", "txt"), ("junit", "xml"), ("gitlab", "json")])
def test_format_golden(name, suffix):
    check_golden(GOLDEN / "formats" / f"{name}.{suffix}", output("--format", name, "--color", "never"))


def test_statistics_golden():
    check_golden(GOLDEN / "formats" / "statistics.txt", output("--statistics"))


def test_sarif_has_the_required_properties():
    sarif = json.loads(output("--format", "sarif"))
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "reportlint"
    rules = driver["rules"]
    assert rules and all(isinstance(rule["id"], str) for rule in rules)
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["results"]
    for result in run["results"]:
        assert result["message"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("none", "note", "warning", "error")
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == FILES[0]
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert all(isinstance(value, str) and value for value in result["partialFingerprints"].values())


def test_junit_is_well_formed_xml():
    root = ET.fromstring(output("--format", "junit"))
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == FILES
    assert int(root.get("failures")) == len(root.findall(".//failure")) == int(suites[0].get("failures"))
    assert suites[1].find("testcase").find("failure") is None


def test_github_annotations_escape_their_properties(tmp_path):
    draft = tmp_path / "a,b:c.txt"
    draft.write_text("某局2016年政府信息公开工作年度报告\n一、概述\n行政决xx。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "github", "--select", "wording.placeholder", str(draft)])
    (line,) = result.stdout.splitlines()
    assert line.startswith("::error file=")
    assert "a%2Cb%3Ac.txt,line=3,col=4,endLine=3,endColumn=6,title=reportlint (wording.placeholder)::" in line


def test_gitlab_fingerprints_are_unique():
    issues = json.loads(output("--format", "gitlab"))
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert {issue["severity"] for issue in issues} <= {"info", "minor", "major", "critical", "blocker"}


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
