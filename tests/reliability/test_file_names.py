"""File names that are not UTF-8 (issue 13, case 2): a GBK name from a Windows
archive is read and written by its bytes and shown with replacement characters,
in every output format, on standard output and with -o, under a strict UTF-8
locale; the JSON, SARIF and GitLab reports stay valid UTF-8 JSON and the JUnit
report valid XML."""

from __future__ import annotations

import json
import os
import zipfile
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from running import run_process

from reportlint.formatters import DOCUMENT_FORMATS, OUTPUT_FORMATS

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")]

GBK_NAME = "年度报告".encode("gbk") + b".txt"
SHOWN = GBK_NAME.decode("utf-8", "replace")  # some GBK byte pairs happen to be UTF-8
DRAFT = "某局2016年政府信息公开工作年度报告\n一、概述\n本局做好工作,行政决xx。\n"
STRICT_UTF8 = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "", "PYTHONUTF8": "0"}


@pytest.fixture
def folder(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), GBK_NAME), "wb") as handle:
        handle.write(DRAFT.encode("utf-8"))
    return tmp_path


def _check(output_format: str, data: bytes) -> None:
    text = data.decode("utf-8")  # strict: no byte that is not UTF-8
    assert (quote(SHOWN) if output_format == "sarif" else SHOWN) in text  # SARIF names files by URI
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(text)
    elif output_format == "junit":
        ElementTree.fromstring(data)


@pytest.mark.parametrize("output_format", sorted(set(OUTPUT_FORMATS) - set(DOCUMENT_FORMATS)))
def test_every_format_shows_a_name_that_is_not_utf8(folder, output_format):
    on_stdout = run_process("--format", output_format, folder, env=STRICT_UTF8)
    assert on_stdout.returncode == 1, on_stdout.stderr.decode("utf-8", "replace")
    _check(output_format, on_stdout.stdout)
    report = folder / "report.out"
    to_file = run_process("--format", output_format, "-o", report, os.path.join(os.fsencode(folder), GBK_NAME),
                          env=STRICT_UTF8)
    assert to_file.returncode == 1, to_file.stderr.decode("utf-8", "replace")
    _check(output_format, report.read_bytes())


@pytest.mark.parametrize("output_format", sorted(DOCUMENT_FORMATS))
def test_a_document_format_reads_such_a_draft(folder, output_format):
    report = folder / "report.docx"
    result = run_process("--format", output_format, "-o", report, os.path.join(os.fsencode(folder), GBK_NAME),
                         env=STRICT_UTF8)
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    with zipfile.ZipFile(report) as document:
        assert document.testzip() is None
        ElementTree.fromstring(document.read("word/document.xml"))


def test_fix_and_messages_use_the_bytes_and_show_the_name(folder):
    result = run_process("--fix", "--select", "punctuation", folder, env=STRICT_UTF8)
    assert result.returncode in (0, 1), result.stderr
    assert f"{SHOWN}: 已修正" in result.stderr.decode("utf-8")
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "rb") as handle:
        assert "做好工作，行政决xx".encode() in handle.read()


def test_an_error_about_such_a_file_is_one_readable_line(folder):
    os.chmod(os.path.join(os.fsencode(folder), GBK_NAME), 0o644)
    broken = os.path.join(os.fsencode(folder), "坏".encode("gbk") + b".docx")
    with open(broken, "wb") as handle:
        handle.write(b"not a zip")
    result = run_process(folder, env=STRICT_UTF8)
    assert result.returncode == 2
    (line,) = [line for line in result.stderr.decode("utf-8").splitlines() if line.startswith("reportlint: ")]
    assert "\ufffd\ufffd.docx: 不是有效的 .docx 文件" in line
