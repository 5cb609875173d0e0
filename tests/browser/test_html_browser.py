"""The HTML report in a real browser: Debian's Chromium, driven by Playwright,
opens the page from disk and an editor's actions are played on it.

Playwright's own browser downloads are not used (`playwright install` is never
run): the test launches /usr/bin/chromium, which .ci/run installs. Outside CI a
machine without it skips these tests with the reason; in CI they must run.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, FIXTURES, SEED, require_chromium

from reportlint import lint_file

PASTED = FIXTURES / "pasted-markup-2016.txt"
CLEAN = FIXTURES / "clean-free-2016.txt"
SEED_DIAGNOSTICS = lint_file(SEED)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # an empty user-data dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        context.set_default_timeout(20_000)
        yield context
        context.close()


class Report:
    """A generated report opened from disk, recording every request the page
    makes and every script error or console error (a CSP violation is one)."""

    def __init__(self, browser, tmp_path: Path, *paths: Path):
        self.path = tmp_path / "report.html"
        run = subprocess.run(
            [sys.executable, "-m", "reportlint", "--format", "html", "--output-file", str(self.path), *map(str, paths)],
            capture_output=True, text=True,
        )
        assert run.returncode in (0, 1), run.stderr
        self.page = browser.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(self.path.as_uri())

    def mark(self, number: int):
        return self.page.locator(f'.doc mark[data-d~="{number}"]')

    def entry(self, number: int):
        return self.page.locator(f'.view[data-view="section"] a.entry[data-d="{number}"]')

    def close(self):
        self.page.close()
        assert self.requests == [self.path.as_uri()], "the page fetched something besides itself"
        assert self.errors == [] and self.dialogs == []


@pytest.fixture
def seed_report(browser, tmp_path):
    report = Report(browser, tmp_path, SEED)
    yield report
    report.close()


def number_of(rule: str, line: int) -> int:
    return next(n for n, d in enumerate(SEED_DIAGNOSTICS) if d.rule == rule and d.line == line)


def test_every_diagnostic_of_the_seed_is_highlighted_and_visible(seed_report, tmp_path):
    from playwright.sync_api import expect

    page = seed_report.page
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert len(SEED_DIAGNOSTICS) == 52
    for number, diagnostic in enumerate(SEED_DIAGNOSTICS):
        marks = seed_report.mark(number)
        expect(marks.first).to_be_visible()
        expect(marks.first).to_have_class(re.compile(r"\bhl\b"))
        spanned = lines[diagnostic.line - 1][diagnostic.column - 1:diagnostic.end_column - 1]
        assert "".join(marks.all_inner_texts()) == spanned
    # An error's highlight is coloured, not just marked up.
    placeholder = seed_report.mark(number_of("wording.placeholder", 17))
    assert placeholder.evaluate("mark => getComputedStyle(mark).backgroundColor") != "rgba(0, 0, 0, 0)"
    screenshot = tmp_path / "seed-report.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    print(f"screenshot: {screenshot}")


def test_clicking_a_panel_entry_scrolls_its_highlight_into_view(seed_report):
    from playwright.sync_api import expect

    number = number_of("wording.law-title", 20)
    entry, mark = seed_report.entry(number), seed_report.mark(number).first
    entry.scroll_into_view_if_needed()
    expect(mark).not_to_be_in_viewport()
    entry.click()
    expect(mark).to_be_in_viewport()
    expect(mark).to_be_focused()
    expect(mark).to_have_class(re.compile(r"\bcurrent\b"))
    expect(seed_report.page.locator("#tip")).to_contain_text("法规或文件名称有误：“政务公开条例”应为“《政府信息公开条例》”")


def test_hover_or_focus_shows_the_messages_of_a_highlight(seed_report):
    from playwright.sync_api import expect

    tip = seed_report.page.locator("#tip")
    expect(tip).to_be_hidden()
    seed_report.mark(number_of("wording.placeholder", 17)).first.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("文中留有占位符“xx”，发布前请补全实际内容。")
    # Where two spans overlap, both messages show, the more serious first.
    seed_report.mark(number_of("structure.heading-enumeration-mix", 8)).first.focus()
    expect(tip.locator("p")).to_have_count(2)
    expect(tip.locator("p").first).to_contain_text("“(三)是”把标题序号和“一是、二是”式列举混在一起")
    expect(tip.locator("p").nth(1)).to_contain_text("本行有10处半角标点")


def test_filters_hide_info_level_items_and_single_rules(seed_report):
    from playwright.sync_api import expect

    page = seed_report.page
    info = [n for n, d in enumerate(SEED_DIAGNOSTICS) if d.severity.value == "info"]
    others = [n for n, d in enumerate(SEED_DIAGNOSTICS) if d.severity.value != "info"]
    assert len(info) == 28
    page.locator('#filters input[name="severity"][value="info"]').uncheck()
    for number in info:
        expect(seed_report.entry(number)).to_be_hidden()
    for number in others:
        expect(seed_report.entry(number)).to_be_visible()
        expect(seed_report.mark(number).first).to_have_class(re.compile(r"\bhl\b"))
    half_width = seed_report.mark(number_of("punctuation.half-width", 3)).first
    expect(half_width).not_to_have_class(re.compile(r"\bhl\b"))
    assert half_width.evaluate("m => getComputedStyle(m).textDecorationLine") == "none"
    # A segment that a warning shares with a hidden note keeps the warning.
    shared = seed_report.mark(number_of("structure.heading-enumeration-mix", 8)).first
    expect(shared).to_have_attribute("data-sev", "warning")
    expect(shared).not_to_have_class(re.compile(r"\bmulti\b"))
    page.locator('#filters input[name="severity"][value="info"]').check()
    expect(half_width).to_have_class(re.compile(r"\bhl\b"))
    expect(shared).to_have_class(re.compile(r"\bmulti\b"))

    page.locator("#filters details.rules summary").click()
    page.locator('#filters input[name="rule"][value="wording.placeholder"]').uncheck()
    placeholder = number_of("wording.placeholder", 17)
    expect(seed_report.entry(placeholder)).to_be_hidden()
    expect(seed_report.mark(placeholder).first).not_to_have_class(re.compile(r"\bhl\b"))


def test_the_print_stylesheet_drops_the_controls_and_keeps_text_and_list(seed_report, tmp_path):
    from playwright.sync_api import expect

    page = seed_report.page
    page.emulate_media(media="print")
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator(".views")).to_be_hidden()
    expect(page.locator('.view[data-view="section"]')).to_be_visible()
    expect(page.locator('.view[data-view="rule"]')).to_be_hidden()
    expect(seed_report.mark(number_of("wording.placeholder", 17)).first).to_be_visible()
    pdf = tmp_path / "seed-report.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_several_files_have_an_index_that_links_to_each(browser, tmp_path):
    from playwright.sync_api import expect

    report = Report(browser, tmp_path, SEED, CLEAN)
    rows = report.page.locator(".index tbody tr")
    expect(rows).to_have_count(2)
    errors = sum(d.severity.value == "error" for d in lint_file(SEED))
    expect(rows.nth(0).locator('td[data-sev="error"]')).to_have_text(str(errors))
    report.page.locator('.index a[href="#f1"]').click()
    expect(report.page.locator("#f1 .file-head")).to_be_in_viewport()
    report.close()


def test_markup_in_a_draft_is_shown_as_text_and_runs_no_script(browser, tmp_path):
    from playwright.sync_api import expect

    report = Report(browser, tmp_path, PASTED)
    page = report.page
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title() == f"年度报告检查结果：{PASTED}"
    expect(page.locator("img, svg, iframe, object, embed")).to_have_count(0)
    doc = page.locator(".doc")
    expect(doc).to_contain_text('<script>document.title="pwned";window.pwned=1</script>')
    expect(doc).to_contain_text('"><svg onload="window.pwned=3">')
    expect(page.locator(".file-head")).to_contain_text("<b>某县科学技术局</b>")
    book = page.locator('.doc mark[data-sev="warning"]').first
    book.hover()
    expect(page.locator("#tip")).to_contain_text('“«"><img src=x onerror="window.pwned=2">»”改为')
    expect(page.locator("img")).to_have_count(0)
    assert page.evaluate("typeof window.pwned") == "undefined"
    report.close()
