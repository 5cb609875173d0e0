"""`--format html`: the page's content, read back with an HTML parser (the
browser's view of it is tests/test_html_browser.py)."""

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser

from click.testing import CliRunner
from conftest import FIXTURES, GOLDEN, ROOT, SEED, check_golden

from reportlint.cli import main
from reportlint.diagnostic import Diagnostic, Severity
from reportlint.formatters import html
from reportlint.linter import Linter
from reportlint.readers import read_source
from reportlint.rules import load_rules
from reportlint.source import Location

PASTED = FIXTURES / "pasted-markup-2016.txt"
CLEAN = FIXTURES / "clean-free-2016.txt"


def lint(*paths):
    linter = Linter(load_rules())
    return [linter.lint(read_source(path)) for path in paths]


class Page(HTMLParser):
    """What a browser would build from the page: its elements and attributes,
    the document text of each file, and the text under each diagnostic's
    highlights."""

    def __init__(self, markup: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.lines: list[str] = []  # the text of each .tx line, all files in order
        self.highlighted: dict[str, str] = defaultdict(str)  # diagnostic number → text under its marks
        self.panel_text = ""
        self.bold: dict[tuple[int, str], str] = defaultdict(str)  # (line number, class) → text set in bold
        self._open: list[tuple[str, dict]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag not in ("meta", "input", "br"):
            self._open.append((tag, attributes))
        if attributes.get("class") == "tx":
            self.lines.append("")

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def _inside(self, css_class):
        return any(css_class in attributes.get("class", "").split() for _, attributes in self._open)

    def handle_data(self, data):
        if self._inside("tx"):
            self.lines[-1] += data
            for tag, attributes in self._open:
                if tag == "mark":
                    for number in attributes["data-d"].split():
                        self.highlighted[number] += data
                if tag == "strong":
                    self.bold[len(self.lines), attributes["class"]] += data
        if self._inside("panel"):
            self.panel_text += data

    def all(self, tag, **wanted):
        return [attributes for name, attributes in self.elements
                if name == tag and all(attributes.get(key.replace("_", "-")) == value for key, value in wanted.items())]


def span_text(source, diagnostic):
    start = source.line_starts[diagnostic.line - 1] + diagnostic.column - 1
    end = source.line_starts[diagnostic.end_line - 1] + diagnostic.end_column - 1
    return source.text[start:end]


def highlighted_text(source, diagnostic):
    """The text a diagnostic highlights: its span and every place its fix edits."""
    stretches = [((diagnostic.line, diagnostic.column), (diagnostic.end_line, diagnostic.end_column))]
    stretches += [((start.line, start.column), (end.line, end.column)) for start, end, _ in diagnostic.fix]
    covered = {offset for start, end in stretches for offset in range(source.offset(*start), source.offset(*end))}
    return "".join(source.text[offset] for offset in sorted(covered) if source.text[offset] != "\n")


def test_the_seed_page_shows_the_whole_text_and_every_span_highlighted():
    (result,) = lint(SEED)
    page = Page(html.render([result]))
    source = result.source
    assert "\n".join(page.lines) == source.text
    assert len(result.diagnostics) == 53
    for number, diagnostic in enumerate(result.diagnostics):
        assert page.highlighted[str(number)] == highlighted_text(source, diagnostic), diagnostic
        assert page.all("span", id=f"d{number}"), "every diagnostic has an anchor for its panel link"
    # A line's half-width marks are one diagnostic, and each of them is highlighted.
    half_width = next(n for n, d in enumerate(result.diagnostics) if d.rule == "punctuation.half-width" and d.line == 3)
    assert page.highlighted[str(half_width)] == "(),,(:,:,:,:)"


def test_overlapping_spans_share_segments_coloured_by_the_worst():
    (result,) = lint(SEED)
    page = Page(html.render([result]))
    numbers = {d.rule: str(n) for n, d in enumerate(result.diagnostics) if d.line == 8}
    both = f"{min(numbers.values(), key=int)} {max(numbers.values(), key=int)}"
    shared = page.all("mark", data_d=both)
    assert len(shared) == 2  # "(" and ")" of "(三)是" are half-width marks of the line too
    assert all(mark["data-sev"] == "warning" and "multi" in mark["class"] for mark in shared)
    # "(三)是" is the warning's span; its first character is also the info's.
    assert page.highlighted[numbers["structure.heading-enumeration-mix"]] == "(三)是"
    assert page.highlighted[numbers["punctuation.half-width"]].startswith("()")


def severity_counts(result):
    return Counter(d.severity.value for d in result.diagnostics)


def test_header_shows_profile_and_counts():
    (result,) = lint(SEED)
    markup = html.render([result])
    counts = severity_counts(result)
    assert min(counts.values()) > 0
    for expected in ("报告年度</dt><dd>2016（取自标题）", "发布机关</dt><dd>楚雄州科学技术局（政府部门，市级）",
                     "版式</dt><dd>2008年《条例》自由格式", "发布日期</dt><dd>2017-01-19",
                     f'data-sev="error">错误 {counts["error"]}<', f'data-sev="warning">警告 {counts["warning"]}<',
                     f'data-sev="info">提示 {counts["info"]}<'):
        assert expected in markup
    bold = Page(markup).bold
    assert {key: text for key, text in bold.items() if key[0] < 10} == {
        (1, "title"): "楚雄州科学技术局2016年政府信息公开年度报告",
        (4, "h1"): "一、概述",
        (6, "h2"): "(一)加强组织领导,夯实政务公开和政府信息公开基础。",
        (7, "h2"): "(二)制度化规范化建设情况。",
        (8, "h2"): "(三)是时时抽查。",
        (9, "h2"): "(四)认真制定年度信息公开计划,强化督促和奖励。",
    }
    assert bold[12, "h3"] == "1.主动公开形式。"


def test_panel_groups_by_section_in_document_order_and_by_rule_errors_first():
    (result,) = lint(SEED)
    markup = html.render([result])
    by_section, by_rule = markup.split('<div class="view" data-view="rule">')
    sections = re.findall(r'<section class="group"><h3>(.*?) <span class="n">(\d+)</span>', by_section)
    assert [label for label, _ in sections] == [
        "标题与前言", "一、概述", "二、主动公开政府信息情况", "三、坚持规范管理,切实提高政务公开工作质量",
        "四、强化监督保障,确保政务公开和政府信息公开工作工作取得实效", "五、依申请公开政府信息、咨询处理情况",
        "六、政府信息公开收费和减免情况", "七、行政复议、诉讼和申诉情况",
    ]
    assert sum(int(count) for _, count in sections) == 53
    rules = re.findall(r'<section class="group"><h3><code>(.*?)</code>', by_rule)
    assert rules[0] == "wording.formulation" and rules[-1] == "punctuation.title-comma"
    assert len(rules) == len({d.rule for d in result.diagnostics})


def test_markup_in_a_draft_is_shown_as_text_and_runs_nothing():
    (result,) = lint(PASTED)
    markup = html.render([result])
    page = Page(markup)
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"img", "svg", "b", "iframe", "object"}
    assert len(page.all("script")) == 1
    handlers = [(tag, name) for tag, attributes in page.elements for name in attributes if name.startswith("on")]
    assert handlers == []
    text = read_source(PASTED).text
    assert "\n".join(page.lines) == text
    assert '<script>document.title="pwned";window.pwned=1</script>' in page.lines[2]
    assert '«"><img src=x onerror="window.pwned=2">»' in page.panel_text
    assert "<title>年度报告检查结果：" in markup and "&lt;b&gt;某县科学技术局&lt;/b&gt;" in markup


def test_the_page_references_nothing_outside_itself():
    markup = html.render(lint(SEED, CLEAN))
    page = Page(markup)
    assert all(attributes["href"].startswith("#") for _, attributes in page.elements if "href" in attributes)
    assert not any("src" in attributes for _, attributes in page.elements)
    for forbidden in ("url(", "@import", "http:", "https:", "//cdn", "fetch(", "XMLHttpRequest"):
        assert forbidden not in markup
    (policy,) = page.all("meta", http_equiv="Content-Security-Policy")
    assert policy["content"].startswith("default-src 'none';")
    # The policy names the hashes of the page's own style and script, so the
    # browser runs them (and nothing else).
    style = markup.split("<style>", 1)[1].split("</style>", 1)[0]
    script = markup.split("<script>", 1)[1].split("</script>", 1)[0]
    assert html._policy(style, script) == policy["content"]


def test_several_files_get_an_index_of_reports_with_their_profiles_and_counts():
    results = lint(SEED, CLEAN)
    markup = html.render(results, rules=load_rules())
    page = Page(markup)
    assert [a["href"] for a in page.all("a") if a.get("href", "").startswith("#f")] == ["#f0", "#f1"]
    assert page.all("section", id="f0") and page.all("section", id="f1")
    index = markup.split('<nav class="index"', 1)[1].split("</nav>", 1)[0]
    headers = re.findall(r'<th aria-sort="none"><button type="button">(.*?)</button></th>', index)
    assert headers == ["文件", "发布机关", "机关类型", "层级", "年度", "版式", "发布日期", "公开期限", "按期公开",
                       "错误", "警告", "提示", "主要问题"]
    rows = [re.findall(r'<td[^>]*data-sort="([^"]*)"', row) for row in re.findall(r"<tr><td.*?</tr>", index)]
    counts = severity_counts(results[0])
    assert rows[0][:-1] == [str(SEED), "楚雄州科学技术局", "政府部门", "市级", "2016", "2008年《条例》自由格式",
                            "2017-01-19", "2017-03-31", "是", str(counts["error"]), str(counts["warning"]), str(counts["info"])]
    most = Counter(d.rule for d in results[0].diagnostics).most_common(1)[0]
    assert rows[0][-1] == most[0] and f"<code>{most[0]}</code> ×{most[1]}" in index
    assert rows[1][9:] == ["0", "0", "0", ""]
    assert markup.split('<section class="file" id="f1"', 1)[1].count('<p class="clean">未发现问题。</p>') == 1
    assert '<nav class="index"' not in html.render(results[:1])


def test_entries_carry_the_suggestion_the_explanation_and_a_tick():
    (result,) = lint(SEED)
    markup = html.render([result], rules=load_rules())
    page = Page(markup)
    book = next(n for n, d in enumerate(result.diagnostics) if d.rule == "punctuation.book-title-marks")
    entry = markup.split(f'<a class="entry" href="#d{book}"', 1)[1].split("</li>", 1)[0]
    assert ('<p class="suggestion">建议改为<q>《楚雄科技》</q>'
            '<button type="button" class="copy" data-copy="《楚雄科技》">复制</button>') in entry
    assert '<details class="why"><summary>规则说明</summary><p>书名号' in entry
    ticks = [attributes["data-tick"] for attributes in page.all("input") if "data-tick" in attributes]
    assert len(ticks) == 2 * len(result.diagnostics) and len(set(ticks)) == len(result.diagnostics)  # two views
    (section,) = page.all("section", id="f0")
    assert section["data-content"] == hashlib.sha256(result.source.text.encode("utf-8")).hexdigest()


def test_an_empty_span_gets_a_visible_pin():
    (result,) = lint(CLEAN)
    whole_file = Diagnostic("internal-error", Severity.ERROR, "规则 x 运行出错", result.path, 1, 1, 1, 1)
    page = Page(html.render([dataclasses.replace(result, diagnostics=(whole_file,))]))
    (pin,) = page.all("mark", data_d="0")
    assert "pin" in pin["class"] and pin["data-sev"] == "error"
    assert page.all("span", id="d0")


def test_a_span_across_lines_is_highlighted_on_each_line():
    (result,) = lint(CLEAN)
    source = result.source
    across = Diagnostic("wording.x", Severity.WARNING, "跨行", result.path, 3, 5, 4, 3)
    page = Page(html.render([dataclasses.replace(result, diagnostics=(across,))]))
    spanned = span_text(source, across)
    assert "\n" in spanned
    assert page.highlighted["0"] == spanned.replace("\n", "")
    assert len(page.all("mark", data_d="0")) == 2


def test_a_diagnostics_location_is_shown_when_it_has_one():
    (result,) = lint(SEED)
    first = result.diagnostics[0]
    located = dataclasses.replace(first, location=Location("正文第1段"))
    page = Page(html.render([dataclasses.replace(result, diagnostics=(located,))]))
    assert page.panel_text.count("正文第1段") == 2  # in both views
    assert "正文第1段" not in html.render([dataclasses.replace(result, diagnostics=(first,))])


def test_page_golden(monkeypatch):
    """The page for the seed and a clean draft, pinned like every format, but
    with its stylesheet and script (files of their own) and their hashes left out."""
    monkeypatch.chdir(ROOT)  # paths in the page are relative to it
    result = CliRunner().invoke(main, ["--format", "html", "fixtures/seed-chuxiong-sci-tech-2016.txt",
                                       "fixtures/clean-free-2016.txt"])
    page = re.sub(r"<style>.*?</style>", "<style>html.css</style>", result.stdout, flags=re.S)
    page = re.sub(r"<script>.*?</script>", "<script>html.js</script>", page, flags=re.S)
    page = re.sub(r"'sha256-[^']+'", "'sha256-…'", page)
    check_golden(GOLDEN / "formats" / "html.html", page)


def test_cli_writes_the_page_to_the_output_file(tmp_path):
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["--format", "html", "--output-file", str(report), str(SEED)])
    assert result.exit_code == 1 and result.output == ""
    markup = report.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>") and "共发现 53 个问题" in markup
    # The rules that ran describe themselves in the by-rule view.
    assert ('<h3><code>structure.required-sections</code> <span class="n">1</span></h3>'
            '<p class="about">年度报告缺少法定或格式要求的组成部分。</p>') in markup
