"""Cutting runs at a span of the extracted text: the span becomes exactly a
sequence of whole runs, each keeping the formatting, whatever the run held."""

import docx
import pytest
from builders import add_xml
from docx.oxml.ns import qn

from reportlint.word.extraction import extract

RUN = ('<w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr><w:t>前文</w:t><w:tab/>'
       '<w:t xml:space="preserve">占位xx后文</w:t><w:br/><w:t>末行</w:t></w:r>')


def shown(run) -> str:
    return "".join(node.text if node.tag == qn("w:t") else "\n" if node.tag == qn("w:br") else " "
                   for node in run if node.tag in (qn("w:t"), qn("w:tab"), qn("w:br")))


@pytest.mark.parametrize("span", ["xx", "前文", "前", " 占位", "文 占", "后文\n末", "行", "前文 占位xx后文\n末行"])
def test_a_span_becomes_whole_runs(span):
    document = docx.Document()
    paragraph = document.add_paragraph()
    add_xml(paragraph, RUN)
    extraction = extract(document)
    assert extraction.text == "前文 占位xx后文\n末行"
    start = extraction.text.index(span)
    runs = extraction.text_map.runs(start, start + len(span))
    assert "".join(shown(run) for run in runs) == span
    every = paragraph._p.findall(qn("w:r"))
    assert "".join(shown(run) for run in every) == extraction.text  # nothing lost or doubled
    assert all(run.find(qn("w:rPr")).xml == every[0].find(qn("w:rPr")).xml for run in every)
    # Cut again, elsewhere: the map followed the first cuts.
    assert [shown(run) for run in extraction.text_map.runs(0, 1)] == ["前"]
    assert extract(document).text == extraction.text


def test_characters_the_reader_writes_are_no_document_text():
    document = docx.Document()
    document.add_paragraph("正文")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    extraction = extract(document)
    assert extraction.text == "正文\n| 甲 |  |"
    text_map = extraction.text_map
    assert text_map.covered(0, 2) and not text_map.covered(1, 4)  # the newline between lines
    assert text_map.covered(5, 6) and not text_map.covered(4, 6)  # the " " before a cell
    assert text_map.runs(8, 10) == []  # the blank cell
    paragraph, runs = text_map.paragraph_runs(8, 10)
    assert paragraph is table.cell(0, 1)._tc.find(qn("w:p")) and runs == []
