"""`--format docx`: a copy of a Word draft with every diagnostic as a comment on
exactly its span, formatting kept; a new document for other drafts; a folder
for several drafts. Read back with python-docx (tests/word_helpers.py)."""

import json
from collections import Counter

import docx
import pytest
from builders import TITLE, docx_bytes, formatted_word_draft
from click.testing import CliRunner
from conftest import SEED
from word_helpers import comments, formatted_characters, revisions

from reportlint.cli import main
from reportlint.readers import read_source


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_every_diagnostic_is_a_comment_on_exactly_its_span_and_nothing_else_changes(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(formatted_word_draft())
    out = tmp_path / "out.docx"
    result = run("--format", "docx", "--output-file", out, draft)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    diagnostics = json.loads(run("--format", "json", draft).stdout)["files"][0]["diagnostics"]
    text = read_source(draft).text
    found = comments(out.read_bytes())
    ours = [comment for comment in found if comment.author == "reportlint"]
    assert len(ours) == len(diagnostics) >= 8
    expected = []
    for diagnostic in diagnostics:
        line = text.split("\n")[diagnostic["line"] - 1]
        assert diagnostic["line"] == diagnostic["end_line"]
        span = line[diagnostic["column"] - 1:diagnostic["end_column"] - 1]
        if span:
            quote = diagnostic["location"].split("“", 1)[1].rstrip("”")
            assert span in quote or quote in span
        # A finding about a place, not a text, is a comment on the paragraph it is in.
        expected.append((diagnostic["message"], diagnostic["rule"], span or line))
    assert Counter((c.text.split("\n")[0].split("：", 1)[1], c.text.split("\n")[-1].removeprefix("规则："), c.anchored)
                   for c in ours) == Counter(expected)
    where = {(c.anchored, c.story, c.container) for c in ours if "规则：wording.placeholder" in c.text}
    assert where == {("xx", "body", "p"), ("xx", "body", "tc"), ("xx", "body", "txbxContent"), ("xx", "header", "p")}
    assert any(c.story == "footnotes" and c.anchored == "," for c in ours)
    assert any(c.anchored == "工作工作" for c in ours)  # across two runs of different formatting
    # The editor's comment and tracked changes are still there, and every character keeps its formatting.
    assert revisions(out.read_bytes()) == revisions(draft.read_bytes()) != []
    assert [(c.author, c.text, c.anchored) for c in found if c.author != "reportlint"] == [
        ("王编辑", "请再核对一次", "编辑已核对的段落。")
    ]
    assert formatted_characters(out.read_bytes()) == formatted_characters(draft.read_bytes())
    assert read_source(out).text == text


def test_a_comment_says_severity_message_suggestion_and_rule(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes([TITLE, "一、概述", "详见«楚雄科技»。"]))
    out = tmp_path / "out.docx"
    run("--format", "docx", "--select", "punctuation.book-title-marks", "-o", out, draft)
    (comment,) = comments(out.read_bytes())
    assert comment.author == "reportlint" and comment.anchored == "«楚雄科技»"
    assert comment.text.split("\n") == [
        "警告：书名号写法有误：“«楚雄科技»”应为“《楚雄科技》”（«»是西文引号）。",
        "建议改为：《楚雄科技》",
        "规则：punctuation.book-title-marks",
    ]


def test_a_finding_on_a_word_list_number_is_a_comment_on_its_heading(tmp_path):
    lines = [TITLE, "一、概述", "（一）主动公开", "正文。", "二、依申请公开", "（一）受理情况", "正文。"]
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(lines, numbered=True))
    out = tmp_path / "out.docx"
    run("--format", "docx", "--select", "structure.heading-numbering", "-o", out, draft)
    (comment,) = comments(out.read_bytes())
    assert comment.anchored == "受理情况" and "“（二）”" in comment.text  # Word's list ran on


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_another_draft_becomes_a_new_document_of_its_text_with_the_comments(tmp_path, suffix):
    draft = tmp_path / f"seed{suffix}"
    seed = SEED.read_text(encoding="utf-8")
    if suffix == ".html":
        from builders import html_page

        draft.write_bytes(html_page(seed.split("\n")))
    else:
        draft.write_text(seed, encoding="utf-8")
    out = tmp_path / "out.docx"
    assert run("--format", "docx", "-o", out, draft).exit_code == 1
    source = read_source(draft)
    assert [paragraph.text for paragraph in docx.Document(out).paragraphs] == source.text.split("\n")
    diagnostics = json.loads(run("--format", "json", draft).stdout)["files"][0]["diagnostics"]
    found = comments(out.read_bytes())
    assert len(found) == len(diagnostics) > 40
    spans = sorted(
        source.text[source.offset(d["line"], d["column"]):source.offset(d["end_line"], d["end_column"])]
        for d in diagnostics if (d["line"], d["column"]) != (d["end_line"], d["end_column"])
    )
    assert sorted(c.anchored for c in found if c.anchored in spans) == spans


def test_several_drafts_go_into_a_folder_one_document_each(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.docx").write_bytes(docx_bytes([TITLE, "一、概述", "行政决xx。"]))
    (tmp_path / "drafts" / "a.txt").write_text(f"{TITLE}\n一、概述\n行政决xx。\n", encoding="utf-8")
    result = run("--format", "docx", "--select", "wording.placeholder", "-o", "reviewed", "drafts")
    assert result.exit_code == 1, result.output
    written = sorted(path.relative_to(tmp_path / "reviewed").as_posix() for path in (tmp_path / "reviewed").rglob("*.docx"))
    assert written == ["drafts/a.docx", "drafts/a.txt.docx"]
    for name in written:
        (comment,) = comments((tmp_path / "reviewed" / name).read_bytes())
        assert comment.anchored == "xx"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["drafts/a.txt"], "请用 --output-file 指定 .docx 文件"),
        (["-o", "out.txt", "drafts/a.txt"], "输出文件应以 .docx 结尾"),
        (["-o", "taken.docx", "drafts/a.txt", "drafts/b.txt"], "检查多个草稿时 --output-file 应为文件夹"),
        (["-o", "drafts/b.docx", "drafts/b.docx"], "输出会覆盖被检查的草稿"),
        (["-o", "out.docx", "--statistics", "drafts/a.txt"], "不与 --statistics、--write-baseline 同用"),
    ],
)
def test_anything_else_is_a_usage_error(tmp_path, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "drafts" / name).write_text(f"{TITLE}\n行政决xx。\n", encoding="utf-8")
    (tmp_path / "drafts" / "b.docx").write_bytes(docx_bytes([TITLE, "行政决xx。"]))
    (tmp_path / "taken.docx").write_bytes(b"")
    result = run("--format", "docx", *arguments)
    assert result.exit_code == 2 and message in result.output, result.output
    assert (tmp_path / "taken.docx").read_bytes() == b""
    assert not (tmp_path / "out.docx").exists()


def test_a_blank_table_cell_is_commented_in_that_cell(tmp_path):
    rows = [["项目", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "", "0", "0"]]
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes([TITLE.replace("2016", "2021"), "一、总体情况", "二、主动公开政府信息情况"], tables=[rows]))
    out = tmp_path / "out.docx"
    run("--format", "docx", "--select", "tables.blank-cells", "-o", out, draft)
    found = comments(out.read_bytes())
    assert found and all(c.container == "tc" and c.anchored == "" for c in found)
    table = docx.Document(out).tables[0]
    assert table.cell(1, 1).text == "" and "commentRangeStart" in table.cell(1, 1)._tc.xml


def test_worker_processes_write_the_same_documents(tmp_path, monkeypatch):
    """With -j, results (with the drafts' bytes) come back from other processes."""
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        (tmp_path / f"{name}.docx").write_bytes(formatted_word_draft())
    for jobs in ("1", "2"):
        assert run("-j", jobs, "--format", "docx", "-o", f"out{jobs}", "a.docx", "b.docx").exit_code == 1
    for name in ("a.docx", "b.docx"):
        serial, parallel = (comments((tmp_path / folder / name).read_bytes()) for folder in ("out1", "out2"))
        assert parallel == serial and len(serial) > 8
