import codecs

import pytest

from reportlint.readers import read_source
from reportlint.readers.text import read as read_text
from reportlint.source import SourceError, from_text

TEXT = "一、概述\r\n2016年，我局认真贯彻《条例》。\r\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
        (TEXT.encode("gb18030"), "gb18030", False),
        (TEXT.encode("gbk"), "gb18030", False),
    ],
)
def test_decodes_each_encoding_to_the_same_text(data, encoding, bom):
    source = read_text(data, "draft.txt")
    assert source.text == TEXT.replace("\r\n", "\n")
    assert (source.encoding, source.bom, source.newline) == (encoding, bom, "\r\n")


def test_undecodable_bytes_name_the_file():
    with pytest.raises(SourceError) as error:
        read_text("报告".encode() + b"\x80\xff not text", "bad.txt")
    message = str(error.value)
    assert message.startswith("bad.txt: ") and "\n" not in message


def test_binary_file_with_nul_is_rejected():
    with pytest.raises(SourceError, match="NUL"):
        read_text(b"PK\x03\x04\x00\x00binary", "report.docx.txt")


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="不存在"):
        read_source(tmp_path / "nope.txt")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_refer_to_original_lines_and_columns(newline):
    source = from_text(newline.join(["标题", "第二行：政府", "第三行"]))
    offset = source.text.index("政府")
    assert source.position(offset) == (2, 5)
    assert source.line_text(3) == "第三行"


def test_columns_count_code_points_beyond_the_bmp():
    source = from_text("𠮷野家xx")
    assert source.position(source.text.index("xx")) == (1, 4)
