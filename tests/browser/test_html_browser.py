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
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        # Every page opens without the "done" ticks an earlier test left in the browser's storage.
        self.page.goto(self.path.as_uri())
        self.page.evaluate("localStorage.clear()")
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.reload()

    def mark(self, number: int):
        return self.page.locator(f'.doc mark[data-d~="{number}"]')

    def entry(self, number: int):
        return self.page.locator(f'.view[data-view="section"] a.entry[data-d="{number}"]')

    def current(self) -> list[str]:
        """The numbers of the diagnostics outlined as the one the editor is at."""
        return self.page.eval_on_selector_all(".doc mark.current", "marks => [...new Set(marks.map(m => m.dataset.d))]")

    def close(self):
        self.page.close()
        assert all(url == self.path.as_uri() for url in self.requests), "the page fetched something besides itself"
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
    assert len(SEED_DIAGNOSTICS) == 53
    for number, diagnostic in enumerate(SEED_DIAGNOSTICS):
        marks = seed_report.mark(number)
        expect(marks.first).to_be_visible()
        expect(marks.first).to_have_class(re.compile(r"\bhl\b"))
        # The span, and every place its fix edits (all the half-width marks of a line).
        line = lines[diagnostic.line - 1]
        stretches = [(diagnostic.column, diagnostic.end_column)] + [(a.column, b.column) for a, b, _ in diagnostic.fix]
        covered = sorted({column for start, end in stretches for column in range(start - 1, end - 1)})
        assert "".join(marks.all_inner_texts()) == "".join(line[column] for column in covered)
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
    book = page.locator('.doc mark[data-sev="warning"]', has_text="«").first
    book.hover()
    expect(page.locator("#tip")).to_contain_text('“«"><img src=x onerror="window.pwned=2">»”应为')
    expect(page.locator("img")).to_have_count(0)
    assert page.evaluate("typeof window.pwned") == "undefined"
    report.close()


def test_keys_step_through_the_problems_in_the_order_of_the_text(seed_report):
    from playwright.sync_api import expect

    page = seed_report.page
    order = [str(n) for n, _ in sorted(enumerate(SEED_DIAGNOSTICS), key=lambda item: item[1].sort_key())]
    for key in ("j", "n", "j"):
        page.keyboard.press(key)
    assert seed_report.current() == [order[2]]
    expect(seed_report.mark(int(order[2])).first).to_be_focused()
    expect(seed_report.mark(int(order[2])).first).to_be_in_viewport()
    expect(seed_report.entry(int(order[2]))).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("k")
    assert seed_report.current() == [order[1]]
    page.keyboard.press("p")
    page.keyboard.press("p")  # at the first problem: stays there
    assert seed_report.current() == [order[0]]
    # Far down the text, as far as the keys take it: the highlight is brought into view.
    for _ in range(40):
        page.keyboard.press("j")
    assert seed_report.current() == [order[40]]
    expect(seed_report.mark(int(order[40])).first).to_be_in_viewport()
    # Hidden problems are skipped: with info notes hidden, j goes to the next warning or error.
    page.locator('#filters input[name="severity"][value="info"]').uncheck()
    page.locator(".doc").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    (now,) = seed_report.current()
    assert SEED_DIAGNOSTICS[int(now)].severity.value != "info"
    assert order.index(now) > 40


def test_search_narrows_the_list_and_the_highlights(seed_report):
    from playwright.sync_api import expect

    page = seed_report.page
    search = page.locator('#filters input[name="search"]')
    search.fill("占位符")
    placeholder = [n for n, d in enumerate(SEED_DIAGNOSTICS) if d.rule == "wording.placeholder"]
    assert placeholder
    for number in range(len(SEED_DIAGNOSTICS)):
        if number in placeholder:
            expect(seed_report.entry(number)).to_be_visible()
            expect(seed_report.mark(number).first).to_have_class(re.compile(r"\bhl\b"))
        else:
            expect(seed_report.entry(number)).to_be_hidden()
    # Typing j in the search box is text, not a jump.
    search.press("j")
    expect(search).to_have_value("占位符j")
    assert seed_report.current() == []
    expect(page.locator('.view[data-view="section"] a.entry:visible')).to_have_count(0)
    # The text a problem points at is searched too, and the rule id.
    search.fill("楚雄科技")
    expect(seed_report.entry(number_of("punctuation.book-title-marks", 14))).to_be_visible()
    search.fill("punctuation.title-comma")
    visible = page.locator('.view[data-view="section"] a.entry:visible')
    expect(visible).to_have_count(sum(d.rule == "punctuation.title-comma" for d in SEED_DIAGNOSTICS))
    search.fill("")
    expect(page.locator('.view[data-view="section"] a.entry:visible')).to_have_count(len(SEED_DIAGNOSTICS))


def test_done_ticks_survive_a_reload_and_belong_to_the_drafts_text(browser, seed_report, tmp_path):
    from playwright.sync_api import expect

    page = seed_report.page
    number = number_of("wording.placeholder", 17)
    item = page.locator(f'.view[data-view="section"] li:has(a.entry[data-d="{number}"])')
    item.locator("input[data-tick]").check()
    expect(item).to_have_class(re.compile(r"\bdone\b"))
    expect(page.locator(f'.view[data-view="rule"] li:has(a.entry[data-d="{number}"]) input[data-tick]')).to_be_checked()
    expect(seed_report.mark(number).first).to_have_class(re.compile(r"\bdone\b"))
    expect(page.locator(".ticked .n")).to_have_text("1")
    page.reload()
    expect(item.locator("input[data-tick]")).to_be_checked()
    expect(page.locator(".ticked .n")).to_have_text("1")
    page.locator('#filters input[name="hide-done"]').check()
    expect(item).to_be_hidden()
    # Another page of the same draft shows the tick; an edited draft starts afresh.
    again = tmp_path / "again"
    again.mkdir()
    same = browser.new_page()
    subprocess.run([sys.executable, "-m", "reportlint", "--format", "html", "-o", str(again / "same.html"), str(SEED)])
    same.goto((again / "same.html").as_uri())
    expect(same.locator(".ticked .n")).to_have_text("1")
    edited = again / "edited.txt"
    edited.write_text(SEED.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "reportlint", "--format", "html", "-o", str(again / "edited.html"), str(edited)])
    same.goto((again / "edited.html").as_uri())
    expect(same.locator(".ticked .n")).to_have_text("0")
    same.close()


def test_an_entry_explains_its_rule_and_copies_its_suggestion(browser, seed_report):
    from playwright.sync_api import expect

    browser.grant_permissions(["clipboard-read", "clipboard-write"])
    page = seed_report.page
    number = number_of("punctuation.book-title-marks", 14)
    item = page.locator(f'.view[data-view="section"] li:has(a.entry[data-d="{number}"])')
    expect(item.locator(".suggestion q")).to_have_text("《楚雄科技》")
    item.locator("button.copy").click()
    expect(item.locator("button.copy")).to_have_text("已复制")
    assert page.evaluate("navigator.clipboard.readText()") == "《楚雄科技》"
    why = item.locator("details.why")
    expect(why.locator("p")).to_be_hidden()
    why.locator("summary").click()
    expect(why.locator("p")).to_contain_text("书名号")


def test_every_place_a_diagnostic_fixes_is_highlighted(seed_report):
    number = number_of("punctuation.half-width", 3)
    fixed = SEED_DIAGNOSTICS[number].fix
    assert len(fixed) == 13
    marks = seed_report.mark(number)
    assert "".join(marks.all_inner_texts()) == "".join(text for _, _, text in fixed).translate(HALF_WIDTH)


HALF_WIDTH = str.maketrans("（），：", "(),:")


def test_the_index_of_reports_sorts_by_any_column(browser, tmp_path):
    from playwright.sync_api import expect

    late = tmp_path / "late.txt"
    late.write_text("某市科学技术局2019年政府信息公开工作年度报告\n发布日期：2020-02-20\n一、总体情况\n", encoding="utf-8")
    report = Report(browser, tmp_path, SEED, CLEAN, late)
    page = report.page
    rows = page.locator(".index tbody tr")
    expect(rows).to_have_count(3)

    def column(name):
        index = page.locator(".index thead th").all_inner_texts().index(name)
        return [cell.strip() for cell in page.locator(f".index tbody tr td:nth-child({index + 1})").all_inner_texts()]

    assert column("发布机关") == ["楚雄州科学技术局", "云岭州科学技术局", "某市科学技术局"]
    assert column("按期公开") == ["是", "是", "否"]
    page.locator(".index thead th button", has_text="错误").click()
    errors = [int(value) for value in column("错误")]
    assert errors == sorted(errors) and errors[0] == 0
    page.locator(".index thead th button", has_text="错误").click()
    assert [int(value) for value in column("错误")] == sorted(errors, reverse=True)
    expect(page.locator(".index thead th", has_text="错误")).to_have_attribute("aria-sort", "descending")
    page.locator(".index thead th button", has_text="年度").click()
    assert column("年度") == ["2016", "2016", "2019"]
    # The links still lead to each report, whatever the order.
    page.locator(".index a", has_text="late.txt").click()
    expect(page.locator("#f2 .file-head")).to_be_in_viewport()
    report.close()
