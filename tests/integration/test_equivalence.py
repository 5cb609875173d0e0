"""The seed report gives the same diagnostics — same rules, same lines and
columns of the text, same messages — whether it is read as UTF-8 text, as
GB18030, as UTF-16 with a BOM, with CRLF line ends, as a Word document or as a
GBK web page; Word and web diagnostics add where to find them in the original."""

import codecs

import pytest
from builders import docx_bytes, html_page
from click.testing import CliRunner
from conftest import SEED

from reportlint import lint_file
from reportlint.cli import main

TEXT = SEED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")

VARIANTS = {
    # « and » are outside GBK, so the text file is saved as GB18030, GBK's
    # superset (every other character has its GBK bytes).
    "seed-gb18030.txt": (lambda: TEXT.encode("gb18030"), "编码 gb18030，换行 LF"),
    "seed-utf16.txt": (lambda: codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "编码 utf-16-le，带 BOM"),
    "seed-crlf.txt": (lambda: TEXT.replace("\n", "\r\n").encode("utf-8"), "编码 utf-8，换行 CRLF"),
    "seed.docx": (lambda: docx_bytes(LINES), "Word 文档"),
    "seed.html": (lambda: html_page(LINES, "gbk"), "网页，编码 gb18030"),
}


def places(diagnostics):
    return [(d.rule, d.line, d.column, d.end_line, d.end_column, d.message) for d in diagnostics]


EXPECTED = places(lint_file(SEED))


@pytest.mark.parametrize("name", VARIANTS)
def test_every_format_and_encoding_gives_the_same_diagnostics(tmp_path, name):
    make, inspected = VARIANTS[name]
    path = tmp_path / name
    path.write_bytes(make())
    diagnostics = lint_file(path)
    assert len(EXPECTED) == 53
    assert places(diagnostics) == EXPECTED
    extracted = name.endswith((".docx", ".html"))
    assert all((d.location is not None) == extracted for d in diagnostics)
    result = CliRunner().invoke(main, ["inspect", str(path)])
    assert result.exit_code == 0 and inspected in result.output.splitlines()[0]


@pytest.mark.parametrize(
    ("name", "location"),
    [
        # Line 17 of the text is the 17th paragraph of the document.
        ("seed.docx", "第17段“束力的行政决xx,只要不属于”"),
        # The page puts the report's first line on line 8 of its HTML source, after
        # "<p>" (3 columns); line 17 of the text is line 24, column 103 + 3.
        ("seed.html", "网页源码第24行第106列“束力的行政决xx,只要不属于”"),
    ],
)
def test_the_placeholder_is_located_in_the_original(tmp_path, name, location):
    path = tmp_path / name
    path.write_bytes(VARIANTS[name][0]())
    (placeholder,) = [d for d in lint_file(path) if d.rule == "wording.placeholder"]
    assert (placeholder.line, placeholder.column) == (17, 103)
    assert str(placeholder.location) == location
