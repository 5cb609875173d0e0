"""What reportlint reads, and what it refuses to (issue 13, cases 3–6): special
files and FIFOs wherever a file is read, sizes, encodings that are no character
sets, symbolic-link loops, and inputs a few hundred bytes long that once took
gigabytes or minutes. Every case ends in results or in one line and exit 2."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest
from builders import docx_bytes, pdf_bomb, pdf_of_lines
from running import DRAFT, one_error_line, run_cli, run_process, write_draft

from reportlint import lint_file, lint_text
from reportlint.cache import ContentCache
from reportlint.inputs import MAX_INPUT_BYTES, read_input
from reportlint.source import MAX_LINES, SourceError

# -- special files --------------------------------------------------------------------


@pytest.mark.slow
def test_a_fifo_named_as_a_draft_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    result = run_process(fifo)
    assert result.returncode == 2
    one_error_line(result.stderr, "不是普通文件")


@pytest.mark.slow
def test_a_fifo_in_a_searched_folder_is_passed_over(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    write_draft(tmp_path / "draft.txt")
    result = run_process(tmp_path)
    assert result.returncode == 1, result.stderr
    assert "检查了 1 个文件" in result.stdout.decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("where", ["rule", "baseline", "configuration"])
def test_a_fifo_as_rule_baseline_or_configuration_is_refused_without_waiting(tmp_path, where):
    draft = write_draft(tmp_path / "draft.txt")
    if where == "rule":
        (tmp_path / "pack").mkdir()
        os.mkfifo(tmp_path / "pack" / "fifo.yaml")
        arguments = ["--rules", tmp_path / "pack"]
    elif where == "baseline":
        os.mkfifo(tmp_path / "baseline.json")
        arguments = ["--baseline", tmp_path / "baseline.json"]
    else:
        os.mkfifo(tmp_path / ".reportlint.yaml")
        arguments = ["--config", tmp_path / ".reportlint.yaml"]
    result = run_process(*arguments, draft)
    assert result.returncode == 2
    one_error_line(result.stderr, "不是普通文件")


def test_a_fifo_as_cache_entry_or_cache_secret_is_passed_over(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    entry = ContentCache("test", ["key"])
    entry.path.parent.mkdir(parents=True)
    os.mkfifo(entry.path)
    assert entry.read() is None
    (tmp_path / "state" / "reportlint" / "cache-key").unlink()
    os.mkfifo(tmp_path / "state" / "reportlint" / "cache-key")
    assert ContentCache("test", ["key"]).read() is None


@pytest.mark.slow
def test_a_character_device_as_a_draft_is_refused():
    result = run_process("/dev/zero")
    assert result.returncode == 2
    one_error_line(result.stderr, "/dev/zero: 不是普通文件")


@pytest.mark.slow
def test_endless_standard_input_stops_at_the_size_limit():
    with open("/dev/zero", "rb") as zeros:
        result = run_process("-", stdin=zeros)
    assert result.returncode == 2
    one_error_line(result.stderr, "文件过大")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: nothing is written
    result = run_cli(huge)
    assert result.exit_code == 2
    one_error_line(result.stderr, "文件过大（32 MB，上限为 32 MB）")


# -- links ----------------------------------------------------------------------------


def test_symbolic_link_loops_are_one_line_or_passed_over(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop: not followed
    write_draft(tmp_path / "sub" / "draft.txt")
    named = run_cli(loop)
    assert named.exit_code == 2
    one_error_line(named.stderr, "符号链接循环")
    searched = run_cli(tmp_path)
    assert searched.exit_code == 1 and "检查了 1 个文件" in searched.stdout


def test_a_dangling_link_is_named_as_such(tmp_path):
    dangling = tmp_path / "draft.txt"
    dangling.symlink_to(tmp_path / "absent.txt")
    result = run_cli(dangling)
    assert result.exit_code == 2
    one_error_line(result.stderr, "失效的符号链接")


# -- encodings ------------------------------------------------------------------------

TRANSFORMS = ["hex", "base64", "rot13", "uu", "zlib_codec", "bz2", "quopri", "punycode", "undefined",
              "unicode_escape", "idna"]


@pytest.mark.parametrize("charset", TRANSFORMS)
def test_a_page_declaring_an_encoding_that_is_no_character_set_is_read_as_text(tmp_path, charset):
    page = tmp_path / "page.html"
    page.write_bytes(f'<html><head><meta charset="{charset}"></head><body><p>{DRAFT}</p></body></html>'.encode())
    result = run_cli(page)
    assert result.exit_code == 1, result.output
    assert "wording.placeholder" in result.stdout


@pytest.mark.parametrize("charset", ["hex", "undefined", "rot13", "klingon"])
def test_encoding_option_takes_character_sets_only(tmp_path, charset):
    draft = write_draft(tmp_path / "draft.txt")
    result = run_cli("--encoding", charset, draft)
    assert result.exit_code == 2 and "--encoding" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(SourceError, match="编码"):
        lint_file(draft, encoding=charset)


# -- tiny inputs, large costs -----------------------------------------------------------


def _docx_with(parts: dict[str, bytes], *, main_part: str = "word/document.xml") -> bytes:
    """A real .docx with extra or replaced parts; the main part may be renamed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes(DRAFT.splitlines()))) as original, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "word/_rels/document.xml.rels" and main_part != "word/document.xml":
                copy.writestr(item.filename.replace("document.xml", main_part.rsplit("/", 1)[1]), data)
                continue
            if item.filename == "_rels/.rels":
                data = data.replace(b"word/document.xml", main_part.encode())
            if item.filename == "word/document.xml":
                copy.writestr(main_part, parts.pop(item.filename, data))
                continue
            copy.writestr(item, parts.pop(item.filename, data))
        for name, data in parts.items():
            copy.writestr(name, data)
    return buffer.getvalue()


def _paragraphs(megabytes: int) -> bytes:
    """A document.xml of ``megabytes`` that deflates to a few hundred kilobytes."""
    paragraph = b"<w:p><w:r><w:t>" + "政府信息公开".encode() * 20 + b"</w:t></w:r></w:p>"
    body = paragraph * (megabytes * 2**20 // len(paragraph) + 1)
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + body + b"</w:body></w:document>")


@pytest.mark.slow
@pytest.mark.parametrize("case", ["large-main-part", "renamed-main-part", "many-parts"])
def test_docx_that_unpacks_past_its_caps_is_refused(tmp_path, case):
    if case == "large-main-part":
        data = _docx_with({"word/document.xml": _paragraphs(40)})
    elif case == "renamed-main-part":
        data = _docx_with({"word/document.xml": _paragraphs(40)}, main_part="word/document.bin")
    else:
        data = _docx_with({f"word/media/image{index}.bin": bytes(30 * 2**20) for index in range(5)})
    assert len(data) < 2**20
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    result = run_process(path)
    assert result.returncode == 2
    one_error_line(result.stderr, "解压后超过")


@pytest.mark.slow
def test_pdf_that_inflates_past_the_ceiling_is_refused_and_the_next_file_read(tmp_path):
    """A 1 MB PDF whose page inflates to 1 GB: refused in seconds, not read for
    ten seconds at 2 GB; the limit is lifted for the next file."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_bomb(1024))
    assert bomb.stat().st_size < 2 * 2**20
    report = tmp_path / "report.pdf"
    report.write_bytes(pdf_of_lines(["某局2016年政府信息公开工作年度报告", "一、概述", "本局做好工作工作。"]))
    result = run_process(bomb, report, timeout=30)
    assert result.returncode == 2
    one_error_line(result.stderr, "bomb.pdf: PDF 解压后的内容超过 512 MB 的上限")
    assert "检查了 1 个文件" in result.stdout.decode("utf-8")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="the ceiling is kept where the system keeps RLIMIT_AS")
def test_the_memory_ceiling_is_set_while_a_pdf_is_read_and_lifted_after():
    # In a fresh interpreter: one thread, no limit set.
    probe = ("import resource; from reportlint.readers.pdf import _memory_ceiling\n"
             "before = resource.getrlimit(resource.RLIMIT_AS)\n"
             "with _memory_ceiling(2**30):\n"
             "    inside = resource.getrlimit(resource.RLIMIT_AS)\n"
             "print(before[0] == resource.RLIM_INFINITY, inside[0] != resource.RLIM_INFINITY,"
             " resource.getrlimit(resource.RLIMIT_AS) == before)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True"]


def test_docx_with_a_damaged_part_is_refused_in_one_line(tmp_path):
    """A part whose deflated data is damaged (found by the robustness fuzzer:
    zlib's own error escaped as a defect)."""
    data = bytearray(docx_bytes(DRAFT.splitlines()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        first = archive.infolist()[0]
    assert first.compress_type == zipfile.ZIP_DEFLATED
    start = first.header_offset + 30 + len(first.filename.encode()) + len(first.extra)
    data[start] = 0  # a stored block whose lengths do not match
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    result = run_cli(path)
    assert result.exit_code == 2
    one_error_line(result.stderr, "damaged.docx: 不是有效的 .docx 文件")


@pytest.mark.slow
def test_docx_whose_headers_understate_a_part_is_refused(tmp_path):
    """A part whose zip headers claim 100 bytes holds 40 MB: what counts is what it unpacks to."""
    data = bytearray(_docx_with({"word/document.xml": _paragraphs(40)}))
    real = len(_paragraphs(40)).to_bytes(4, "little")
    assert data.count(real) == 2  # the local header and the central directory
    data = data.replace(real, (100).to_bytes(4, "little"))
    path = tmp_path / "lying.docx"
    path.write_bytes(bytes(data))
    result = run_process(path)
    assert result.returncode == 2
    one_error_line(result.stderr, "lying.docx")


BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + index)}: &{chr(98 + index)} [{', '.join(['*' + chr(97 + index)] * 9)}]" for index in range(8)]
    + ["select: *i"]
) + "\n"


@pytest.mark.slow
def test_a_billion_laughs_configuration_is_refused_at_once(tmp_path):
    assert len(BILLION_LAUGHS) < 600
    config = tmp_path / ".reportlint.yaml"
    config.write_text(BILLION_LAUGHS, encoding="utf-8")
    result = run_process("--config", config, write_draft(tmp_path / "draft.txt"), timeout=20)
    assert result.returncode == 2
    line = one_error_line(result.stderr, "YAML 展开后超过")
    assert len(line) < 300


@pytest.mark.parametrize("content", [
    b"a: &a [*a]\n",  # refers to itself
    b"1: x\nselect: [wording]\n",  # keys of mixed types
    b"[a, b]\n",
    "select: [标点]\n".encode("gbk"),
], ids=["recursive-alias", "mixed-keys", "not-a-mapping", "not-utf-8"])
def test_broken_yaml_configuration_is_one_line(tmp_path, content):
    config = tmp_path / ".reportlint.yaml"
    config.write_bytes(content)
    result = run_cli(write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 2
    one_error_line(result.stderr, ".reportlint.yaml")


@pytest.mark.parametrize(("content", "outcome"), [
    (b"[tool]\nname = 1\n", 1),  # no [tool.reportlint]: passed over
    (b"tool = 5\n", 1),  # tool is no table: passed over
    (b"[tool]\nreportlint = 5\n", 2),
    ("[tool.reportlint]\nselect = ['标点']\n".encode("gbk"), 2),  # not UTF-8
])
def test_a_pyproject_toml_in_a_parent_folder(tmp_path, content, outcome):
    (tmp_path / "pyproject.toml").write_bytes(content)
    result = run_cli(write_draft(tmp_path / "drafts" / "draft.txt"))
    assert result.exit_code == outcome, result.output
    if outcome == 2:
        one_error_line(result.stderr, "pyproject.toml")


def test_lone_surrogates_are_read_as_replacement_characters():
    diagnostics = lint_text("某局2016年政府信息公开工作年度报告\n行政决xx\ud800。\n", path="draft-\udcff.txt")
    assert any(d.rule == "wording.placeholder" for d in diagnostics)
    assert all(d.path == "draft-\ufffd.txt" for d in diagnostics)


def test_a_draft_of_more_lines_than_the_limit_is_refused_before_it_is_parsed():
    """Time grows with lines (paragraphs): 32 MB of one-character lines would take half an hour."""
    with pytest.raises(SourceError, match="超过 250,000 行"):
        lint_text("x\n" * MAX_LINES)


@pytest.mark.slow
def test_a_page_of_more_elements_than_the_limit_is_refused(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<b>" * 600_000, encoding="utf-8")
    result = run_cli(page)
    assert result.exit_code == 2
    one_error_line(result.stderr, "标签和文字片段超过 500,000 个")


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs a file whose size is not known ahead (Linux /proc)")
def test_a_file_that_holds_more_than_its_size_says_is_read_whole_and_bounded():
    """Files are read as the size they report, and past it: a /proc file reports 0 bytes."""
    text = read_input("/proc/self/status", SourceError)
    assert text.startswith(b"Name:") and len(text) > 100
    with pytest.raises(SourceError, match="文件过大"):
        read_input("/proc/self/status", SourceError, limit=50)
