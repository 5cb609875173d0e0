"""fixtures/pdf/make_pdfs.py still makes the committed test PDFs: run with
Debian's Chromium into a folder of its own, each PDF it prints reads as the
committed one does (the same text, pages and tables, or the same refusal)."""

import importlib.util

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, FIXTURES, require_chromium

from reportlint.readers import read_source
from reportlint.source import SourceError

COMMITTED = FIXTURES / "pdf"


def reading(path):
    """What the PDF reader makes of a file: its text and overview, or its refusal (without the path)."""
    try:
        source = read_source(path)
    except SourceError as error:
        return str(error).split(": ", 1)[1]
    return source.text, source.origin.overview()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    require_chromium()
    from playwright.sync_api import sync_playwright

    spec = importlib.util.spec_from_file_location("make_pdfs", COMMITTED / "make_pdfs.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    folder = tmp_path_factory.mktemp("pdf")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        script.make(folder, browser)
        browser.close()
    return folder


@pytest.mark.parametrize("name", sorted(path.name for path in COMMITTED.glob("*.pdf")))
def test_the_script_makes_each_committed_pdf(made, name):
    assert reading(made / name) == reading(COMMITTED / name)


def test_the_script_makes_nothing_that_is_not_committed(made):
    assert sorted(path.name for path in made.glob("*.pdf")) == sorted(path.name for path in COMMITTED.glob("*.pdf"))
