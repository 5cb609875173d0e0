"""Every suppression form: comment directives in Markdown, `allow` phrases, and
baselines that survive lines inserted above a finding."""

import json
import shutil

from click.testing import CliRunner
from conftest import SEED

from reportlint.cli import main

DRAFT = """\
# 某县科学技术局2016年政府信息公开工作年度报告

一、概述

行政决xx。
<!-- reportlint-disable-next-line wording.placeholder -->
行政决xx。
行政决xx。 <!-- reportlint-disable-line wording -->
<!-- reportlint-disable punctuation, wording.placeholder -->
行政决xx，，完善制度。
<!-- reportlint-enable punctuation, wording.placeholder -->
行政决xx，，完善制度。
<!-- reportlint-disable-next-line structure -->
"""


def lint(path, *args):
    result = CliRunner().invoke(main, ["--format", "json", *args, str(path)])
    return json.loads(result.stdout)["files"][0]["diagnostics"]


def reported(path, *args):
    return sorted((d["line"], d["rule"]) for d in lint(path, *args) if d["rule"] != "punctuation.half-width")


def test_comment_directives_in_markdown(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    assert reported(draft, "--select", "wording.placeholder,punctuation.doubled") == [
        (5, "wording.placeholder"),  # no directive
        (12, "punctuation.doubled"),  # after the range was closed
        (12, "wording.placeholder"),
    ]


def test_directives_suppress_all_rules_when_none_named(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("<!-- reportlint-disable-file -->\n" + DRAFT, encoding="utf-8")
    assert reported(draft, "--select", "wording,punctuation") == []


def test_unused_directives_are_reported_when_asked(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    unused = [(d["line"], d["message"]) for d in lint(draft, "--select", "wording.placeholder,punctuation.doubled",
                                                          "--report-unused") if d["rule"] == "unused-suppression"]
    # The last directive names a rule that is not selected: it suppresses nothing.
    assert [line for line, _ in unused] == [13]
    assert "reportlint-disable-next-line structure" in unused[0][1]
    assert not any(d["rule"] == "unused-suppression" for d in lint(draft, "--select", "wording.placeholder"))


def test_plain_text_drafts_ignore_comment_lookalikes(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert [line for line, rule in reported(draft, "--select", "wording.placeholder")] == [5, 7, 8, 10, 12]


def test_baseline_survives_lines_inserted_above(tmp_path):
    draft = shutil.copy(SEED, tmp_path / "draft.txt")
    baseline = tmp_path / "reportlint-baseline.json"
    written = CliRunner().invoke(main, ["--write-baseline", str(baseline), str(draft)])
    assert written.exit_code == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert {entry["path"] for entry in entries} == {"draft.txt"}
    assert CliRunner().invoke(main, ["--baseline", str(baseline), str(draft)]).exit_code == 0

    lines = SEED.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "新增的一段说明，其中留有占位符××。")
    lines.insert(1, "")
    text = "\n".join(lines).replace("二、主动公开政府信息情况", "二、主动公开政府信息的情况")  # an edit elsewhere
    draft.write_text(text, encoding="utf-8")
    fresh = lint(draft, "--baseline", str(baseline))
    assert [(d["line"], d["rule"]) for d in fresh] == [(5, "wording.placeholder")]


def test_baseline_counts_identical_findings(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("某局2016年政府信息公开工作年度报告\n一、概述\n行政决xx。\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    CliRunner().invoke(main, ["--select", "wording.placeholder", "--write-baseline", str(baseline), str(draft)])
    draft.write_text("某局2016年政府信息公开工作年度报告\n一、概述\n行政决xx。\n行政决xx。\n", encoding="utf-8")
    assert [d["line"] for d in lint(draft, "--select", "wording.placeholder", "--baseline", str(baseline))] == [4]


def test_stale_baseline_entries_are_reported_when_asked(tmp_path):
    draft = shutil.copy(SEED, tmp_path / "draft.txt")
    baseline = tmp_path / "baseline.json"
    CliRunner().invoke(main, ["--select", "wording", "--write-baseline", str(baseline), str(draft)])
    draft.write_text(SEED.read_text(encoding="utf-8").replace("行政决xx", "行政决定"), encoding="utf-8")
    quiet = CliRunner().invoke(main, ["--select", "wording", "--baseline", str(baseline), str(draft)])
    assert quiet.exit_code == 0
    stale = lint(draft, "--select", "wording", "--baseline", str(baseline), "--report-unused")
    assert [(d["rule"], d["line"]) for d in stale] == [("unused-suppression", 1)]
    assert "[wording.placeholder]" in stale[0]["message"]


def test_broken_baseline_file_is_an_error(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["--baseline", str(baseline), str(SEED)])
    assert result.exit_code == 2 and "baseline.json: 无法读取基线文件" in result.output


def test_baseline_named_in_the_configuration(tmp_path):
    draft = shutil.copy(SEED, tmp_path / "draft.txt")
    CliRunner().invoke(main, ["--write-baseline", str(tmp_path / "accepted.json"), str(draft)])
    (tmp_path / ".reportlint.yaml").write_text("baseline: accepted.json\n", encoding="utf-8")
    assert CliRunner().invoke(main, [str(draft)]).exit_code == 0


def test_comment_directives_in_a_web_page(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><title>x</title></head><body>"
        "<h1>某县科学技术局2016年政府信息公开工作年度报告</h1><p>一、概述</p>"
        "<p>行政决xx。</p>"
        "<!-- reportlint-disable-next-line wording.placeholder -->"
        "<p>行政决xx。</p>"
        "<p>行政决xx。<!-- reportlint-disable-line --></p>"
        "<p>行政决xx。</p>"
        "</body></html>",
        encoding="utf-8",
    )
    found = [d for d in lint(page, "--select", "wording.placeholder")]
    assert [d["line"] for d in found] == [3, 6]
    assert all("网页源码" in d["location"] for d in found)


def test_fix_refuses_web_pages(tmp_path):
    page = tmp_path / "report.html"
    page.write_text("<p>本报告根据《条例》(以下简称《条例》)编制。</p>", encoding="utf-8")
    before = page.read_bytes()
    result = CliRunner().invoke(main, ["--fix", str(page)])
    assert result.exit_code == 2 and "只能就地修正文本、Markdown 和 Word 文件" in result.output
    assert page.read_bytes() == before
