"""Never crash: whatever the input, reportlint ends in diagnostics or in a
one-line error with exit status 2, never a traceback. Property-based tests feed
text built from pieces of reports, random bytes to every reader, truncated and
corrupted Word files, enormous lines and deep nesting. The number of examples is
the hypothesis profile's (tests/conftest.py: "ci" keeps the suite quick); a
failure prints the input that caused it."""

from __future__ import annotations

import io
import zipfile

import pytest
from builders import docx_bytes, pdf_bytes
from click.testing import CliRunner
from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import lint_text
from reportlint.cli import main
from reportlint.diagnostic import Severity
from reportlint.kinds.base import Kind
from reportlint.linter import INTERNAL_ERROR, Linter
from reportlint.readers import reader_for
from reportlint.rules import Examples, Rule, load_rules
from reportlint.source import SourceError, from_text

RULES = load_rules()
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
FUZZ = settings()  # the loaded profile's

# Pieces real reports are made of, and the characters that trip parsers.
PIECES = [
    *SEED_LINES,
    "一、", "十九、", "（二）", "(三)", "（1）", "(12)", "1.", "2、", "３．", "一是", "二是", "是",
    "某县人民政府2021年政府信息公开工作年度报告", "来源：", "发布日期：2022-01-20", "(2026年1月23日)", "二〇一三年一月",
    "| 本年新收政府信息公开申请数量 | 5 | 0 |", "|---|---|", "\t", "|", "#", "## ",
    "，", "。", "、、", "；", "：", ":", "《", "》", "«", "»", "<<", ">>", "“", "”", "（", "）", "(", ")", "…",
    "xx", "XX", "○○", "【待补充】", "工作工作", "的的", "和等", "其它", "其他", "0000000", "@163.com",
    "\n", "\r\n", "\r", " ", "\u3000", "\xa0", "𠮷", "\ufeff", "\u200b",
]
report_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)


def assert_sound(diagnostics, text: str) -> None:
    """No rule failed, and every diagnostic points inside the text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for diagnostic in diagnostics:
        assert diagnostic.rule != INTERNAL_ERROR, diagnostic.message
        assert 1 <= diagnostic.line <= diagnostic.end_line <= len(lines)
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1
        assert (diagnostic.end_line, diagnostic.end_column) >= (diagnostic.line, diagnostic.column)


@pytest.mark.slow
@FUZZ
@given(report_text)
def test_report_like_text_never_breaks_a_rule(text):
    if "\x00" in text:  # a NUL means binary data, refused as such
        with pytest.raises(SourceError, match="NUL"):
            lint_text(text)
        return
    assert_sound(lint_text(text), text)


@pytest.mark.slow
@FUZZ
@given(st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]), st.binary(max_size=3000))
def test_random_bytes_are_read_or_refused_by_every_reader(suffix, data):
    try:
        source = reader_for("draft" + suffix)(data, "draft" + suffix, None)
    except SourceError as error:
        assert str(error).startswith("draft" + suffix + ": ") and "\n" not in str(error)
        return
    assert_sound(Linter(RULES).lint(source).diagnostics, source.text)


MARKUP = [
    "<p>", "</p>", "<div class=nav>", "<div>", "</div>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<th>",
    "<br>", "</br>", "<a href=x>", "</a>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<?xml ?>",
    "&nbsp;", "&amp;", "&#12345;", "&#x4e00;", "&#xzz;", "&bogus;", "&", "<", ">", "<meta charset=gbk>",
    "<article>", "</article>", "<main>", '<p style="display:none">', "<ul><li>", "<h1>",
]


@pytest.mark.slow
@FUZZ
@given(st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(PIECES), st.text(max_size=8)), max_size=80))
def test_random_markup_is_read_as_a_web_page(pieces):
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    try:
        source = reader_for("page.html")(data, "page.html", None)
    except SourceError:
        return
    assert_sound(Linter(RULES).lint(source).diagnostics, source.text)


# Files of the formats held in a container, each with paragraphs and a table.
VALID = {
    "draft.docx": docx_bytes(SEED_LINES[:8], tables=[[["指标", "数量"], ["主动公开", "183"]]]),
    "draft.pdf": pdf_bytes([
        [("text", 72, 100 + 18 * index, 12, line) for index, line in enumerate(SEED_LINES[:8])]
        + [("rule", 72, y, 300, y) for y in (300, 320, 340)] + [("rule", x, 300, x, 340) for x in (72, 200, 300)]
        + [("text", 76, 314, 9, "指标"), ("text", 204, 314, 9, "数量"), ("text", 76, 334, 9, "主动公开"), ("text", 204, 334, 9, "183")]
    ]),
}


@pytest.mark.slow
@FUZZ
@given(st.sampled_from(sorted(VALID)), st.data())
def test_truncated_and_corrupted_files_are_read_or_refused(name, data):
    valid = VALID[name]
    written = bytearray(valid[:data.draw(st.integers(0, len(valid)))])
    for index, value in data.draw(st.lists(st.tuples(st.integers(0, len(valid) - 1), st.integers(0, 255)), max_size=8)):
        if index < len(written):
            written[index] = value
    try:
        source = reader_for(name)(bytes(written), name, None)
    except SourceError as error:
        assert str(error).startswith(f"{name}: ") and "\n" not in str(error)
        return
    assert_sound(Linter(RULES).lint(source).diagnostics, source.text)


@pytest.mark.slow
@settings(max_examples=max(1, settings.default.max_examples // 2))  # a process each
@given(st.sampled_from([".txt", ".md", ".html", ".docx", ".doc", ".pdf", ""]), st.binary(max_size=500))
def test_the_command_line_never_shows_a_traceback(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("fuzz") / f"draft{suffix}"
    path.write_bytes(data)
    result = CliRunner().invoke(main, [str(path)])
    # Click's runner keeps the SystemExit of statuses 1 and 2 only; status 0 leaves no exception.
    assert result.exit_code in (0, 1, 2) and (result.exception is None or isinstance(result.exception, SystemExit))
    if result.exit_code == 2:
        errors = [line for line in result.output.splitlines() if line.startswith("reportlint: ")]
        assert len(errors) == 1 and str(path) in errors[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "某局2016年政府信息公开工作年度报告\n" + "我局认真落实工作，" * 120_000,  # a 1,080,000-character line
        "（" * 100_000 + "）" * 50_000,  # deep bracket nesting
        "《" * 50_000 + "工作工作" + "》" * 50_000,
        "\n".join(["一、概述"] + ["（一）" * 50 + "1." * 50] * 500),  # a soup of 50,000 heading markers
        "|" * 200_000,
        "\n" * 200_000,
    ],
    ids=["enormous-line", "brackets", "book-titles", "marker-soup", "pipes", "empty-lines"],
)
def test_enormous_and_deeply_nested_text(text):
    assert_sound(lint_text(text), text)


@pytest.mark.parametrize("depth", [40, 400])
def test_deeply_nested_docx_tables_are_read_or_refused(depth):
    """Tables in table cells, 40 deep (read) and 400 deep (past the XML parser's
    depth limit: refused with a one-line error)."""
    xml = "<w:tbl><w:tr><w:tc>" * depth + "<w:p><w:r><w:t>深处</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * depth
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(VALID["draft.docx"])) as original, zipfile.ZipFile(buffer, "w") as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + xml.encode("utf-8"), 1)
            copy.writestr(item, data)
    try:
        source = reader_for("deep.docx")(buffer.getvalue(), "deep.docx", None)
    except SourceError as error:
        assert depth == 400 and str(error).startswith("deep.docx: ") and "\n" not in str(error)
    else:
        assert source.text.split("\n")[0] == "| 深处 |"


class _Broken(Kind):
    name = "broken"

    def check(self, facts):
        raise ZeroDivisionError("division by zero")


def test_an_exception_inside_one_rule_is_an_internal_error_and_the_others_run():
    broken = Rule("office.broken", SEED, _Broken({}), "{match}", Severity.WARNING, "坏规则。", Examples(("",), ("",)))
    text = SEED.read_text(encoding="utf-8")
    diagnostics = Linter([broken, *RULES]).lint(from_text(text)).diagnostics
    (internal,) = [d for d in diagnostics if d.rule == INTERNAL_ERROR]
    assert "office.broken" in internal.message and "ZeroDivisionError" in internal.message
    assert internal.severity is Severity.ERROR
    assert len(diagnostics) == 1 + len(Linter(RULES).lint(from_text(text)).diagnostics)


def test_findings_stay_small_however_deep_book_titles_nest():
    """5,000 nested 《 in a 30 KB draft: each finding quotes a bounded piece of the
    title and fixes with mark-sized edits, so memory grows with the number of
    findings, not with its square."""
    depth = 5_000
    text = "某局2016年政府信息公开工作年度报告\n我局" + "《" * depth + "政府信息公开" + "》" * depth + "。\n"
    diagnostics = [d for d in lint_text(text) if d.rule == "punctuation.book-title-nesting"]
    assert len(diagnostics) == depth - 1
    assert max(len(d.message) for d in diagnostics) < 600
    assert max(len(d.suggestion or "") for d in diagnostics) <= 202
    assert max(len(replacement) for d in diagnostics for _, _, replacement in d.fix) <= 1


def test_a_doubled_title_pair_is_fixed_as_a_whole(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("某局2016年政府信息公开工作年度报告\n编印《《楚雄科技》》期刊，学习《关于印发《办法》的通知》。\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["--fix", "--select", "punctuation.book-title-nesting", str(draft)])
    assert result.exit_code in (0, 1)
    assert draft.read_text(encoding="utf-8").endswith("编印《楚雄科技》期刊，学习《关于印发〈办法〉的通知》。\n")
