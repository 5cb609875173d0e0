"""The test PDFs of fixtures/pdf, printed by headless Chromium from the
standard-format fixtures (fixtures/pdf/make_pdfs.py): each reads as its text
version — the same paragraphs, the same statistics tables and the same
diagnostics — and every diagnostic says on which page, and in which table
cell, to look."""

import functools
import re
from collections import Counter

import pytest
from conftest import FIXTURES

from reportlint.parser import parse
from reportlint.profile import infer_profile
from reportlint.readers import read_source
from reportlint.session import LintSession
from reportlint.tables import read_tables

pytestmark = pytest.mark.slow

PDF = FIXTURES / "pdf"
PIPES = "standard-2021-county-2022-pipes.txt"
# Each test PDF and the text fixture it was printed from.
PRINTED = {
    **{f"{name}.pdf": f"{name}.txt" for name in (
        "standard-2019-city-2020-errors", "standard-2019-city-2020-spaces", "standard-2021-county-2021-tabs",
        "standard-2021-county-2022-pipes", "standard-2021-county-2023-spaces", "standard-2021-structure-errors",
        "standard-2021-table-errors", "standard-2021-text-errors",
    )},
    "table-across-pages.pdf": PIPES,  # table 3 runs from page 2 onto page 3, its header repeated
    "gbt9704-layout.pdf": PIPES,  # six pages set as official documents are
    "aligned-tables.pdf": "standard-2021-county-2023-spaces.txt",  # tables without rules
    "copy-protected.pdf": PIPES,  # encrypted, but opens without a password
}
SESSION = LintSession()  # as `reportlint FILE` lints: the configuration found above each file applies
PLACE = re.compile(r"第\d+页(?:第\d+个表格第\d+行第\d+格)?")


@functools.cache
def read(path):
    """(source, document, statistics tables, diagnostics) of a file, read once."""
    source = read_source(path)
    document = parse(source)
    tables = {table.key: {key: (cell.state, cell.value) for key, cell in table.cells.items()}
              for table in read_tables(document, infer_profile(document))}
    return source, document, tables, list(SESSION.check(source).diagnostics)


def prose(path):
    """The lines of a document that are not table rows."""
    source, document, _, _ = read(path)
    rows = {source.position(row.span.start)[0] for table in document.tables() for row in table.rows}
    return [line for number, line in enumerate(source.text.split("\n"), 1) if number not in rows and line.strip()]


@pytest.mark.parametrize("pdf", sorted(PRINTED))
def test_a_pdf_reads_as_the_text_it_was_printed_from(pdf):
    text = FIXTURES / PRINTED[pdf]
    assert prose(PDF / pdf) == prose(text)
    _, _, tables, diagnostics = read(PDF / pdf)
    assert sorted(tables) == ["表三", "表二", "表四"] and tables == read(text)[2]
    assert Counter(d.rule for d in diagnostics) == Counter(d.rule for d in read(text)[3])


@pytest.mark.parametrize("pdf", sorted(PRINTED))
def test_every_diagnostic_names_its_page_and_no_prose_diagnostic_lands_in_a_table(pdf):
    source, _, _, diagnostics = read(PDF / pdf)
    for diagnostic in diagnostics:
        place = diagnostic.location.place
        assert PLACE.fullmatch(place), place
        in_table = source.line_text(diagnostic.line).startswith("|")
        assert in_table == ("个表格" in place), diagnostic
        if in_table:
            assert diagnostic.rule.startswith("tables."), diagnostic
        else:
            assert diagnostic.location.quote, diagnostic


def test_the_table_that_breaks_across_a_page_reads_as_one_table_3():
    source, document, _, _ = read(PDF / "table-across-pages.pdf")
    (table3,) = [table for table in document.tables() if "本年新收" in source.text[table.span.start:table.span.end]]
    pages = {re.match(r"第\d+页", source.location(row.span.start + 2, row.span.start + 3).place).group() for row in table3.rows}
    assert pages == {"第2页", "第3页"}
    # The header rows Chromium repeats on page 3 are read once.
    assert sum(1 for row in table3.rows if row.cells[0].text == "自然人") == 1
    assert "  第3页：文字 7 行；第1个表格 7 行 × 10 列（接上页，重复的表头 3 行不计）；第2个表格 4 行 × 15 列" in source.origin.overview()


def test_the_six_page_report_is_read_across_its_pages():
    source = read(PDF / "gbt9704-layout.pdf")[0]
    assert source.origin.overview()[0] == "页面：共 6 页（页眉、页脚和页码不计）"


@pytest.mark.parametrize(
    ("pdf", "rule", "location"),
    [
        ("standard-2021-text-errors.pdf", "tables.text-outcome-claim", "第1页“政复议5件，均获维持；被提起行政”"),
        ("standard-2021-table-errors.pdf", "tables.applications-balance", "第2页第2个表格第27行第2格“94”"),
        # A blank cell is named by its place: it has nothing to quote.
        ("standard-2021-table-errors.pdf", "tables.blank-cells", "第2页第2个表格第9行第4格"),
    ],
)
def test_a_diagnostic_says_where_it_is_on_the_page(pdf, rule, location):
    (found,) = [str(d.location) for d in read(PDF / pdf)[3] if d.rule == rule]
    assert found == location
