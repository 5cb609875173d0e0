"""The registries of input formats (reportlint/readers) and output formats
(reportlint/formatters) are the one source of truth: everything that lists
formats elsewhere — the readers themselves, folder search, `inspect`, `--fix`,
the pre-commit hook, `--format`, the README and docs/formats.md — agrees."""

import json
import re
from pathlib import Path

import pytest
import yaml
from builders import docx_bytes, html_page, pdf_of_lines
from click.testing import CliRunner
from conftest import ROOT

from reportlint.cli import check, main
from reportlint.config import Settings
from reportlint.formatters import DOCUMENT_FORMATS, OUTPUT_FORMATS, document_renderer, renderer
from reportlint.readers import DOCUMENT_SUFFIXES, INPUT_FORMATS, read_source
from reportlint.session import LintSession

LINES = ["某局2016年政府信息公开工作年度报告", "一、概述", "我局认真落实,工作取得实效。"]
SAMPLES = {
    "text": "\n".join(LINES).encode("utf-8"),
    "markdown": ("# " + "\n\n".join(LINES)).encode("utf-8"),
    "docx": docx_bytes(LINES),
    "html": html_page(LINES),
    "pdf": pdf_of_lines(LINES),
}
# The README in Chinese (for editors) and in English, each with its own wording of the lists.
READMES = {
    "README.md": {"suffixes": r"检查一个目录中所有(.*?)文件", "formats": r"`--format` 可选(.*?)。"},
    "README.en.md": {"suffixes": r"lints every (.*?) file under a folder", "formats": r"`--format` chooses (.*?);"},
}


def readme_listing(name: str, listing: str) -> str:
    text = (ROOT / name).read_text(encoding="utf-8")
    return re.search(READMES[name][listing], text, re.S).group(1)


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_every_input_format_has_a_sample_here():
    assert set(SAMPLES) == {input_format.name for input_format in INPUT_FORMATS}


@pytest.mark.parametrize("input_format", INPUT_FORMATS, ids=[f.name for f in INPUT_FORMATS])
def test_each_suffix_reads_as_its_format_whatever_its_case(tmp_path, input_format):
    for suffix in input_format.suffixes:
        for written in (suffix, suffix.upper()):
            path = tmp_path / f"draft{written}"
            path.write_bytes(SAMPLES[input_format.name])
            source = read_source(path)
            assert source.format == input_format.name, path
            # A format whose positions are the file's own (no map back to markup) is fixable as text.
            if source.origin is None:
                assert input_format.fixer == "reportlint.fixes:text_draft", path


@pytest.mark.parametrize("input_format", INPUT_FORMATS, ids=[f.name for f in INPUT_FORMATS])
def test_inspect_names_the_format_by_its_label(tmp_path, input_format):
    path = tmp_path / f"draft{input_format.suffixes[0]}"
    path.write_bytes(SAMPLES[input_format.name])
    assert f"文件：{path}（{input_format.label}" in run("inspect", path).output


@pytest.mark.parametrize("input_format", INPUT_FORMATS, ids=[f.name for f in INPUT_FORMATS])
def test_fix_edits_exactly_the_fixable_formats(tmp_path, input_format):
    path = tmp_path / f"draft{input_format.suffixes[0]}"
    path.write_bytes(SAMPLES[input_format.name])
    result = run("--diff", path)
    if input_format.fixer is not None:
        assert result.exit_code == 1 and "+我局认真落实，工作取得实效。" in result.output, result.output
    else:
        assert result.exit_code == 2 and "只能就地修正文本、Markdown 和 Word 文件" in result.output, result.output


def test_a_folder_is_searched_for_every_suffix_and_only_those(tmp_path):
    assert Settings().include == tuple(f"*{suffix}" for suffix in DOCUMENT_SUFFIXES)
    for input_format in INPUT_FORMATS:
        for suffix in input_format.suffixes:
            (tmp_path / f"draft{suffix}").write_bytes(SAMPLES[input_format.name])
    for other in (".doc", ".rtf", ".odt"):
        (tmp_path / f"draft{other}").write_bytes(SAMPLES["text"])
    files = json.loads(run("--format", "json", tmp_path).stdout)["files"]
    assert sorted(Path(file["path"]).suffix for file in files) == sorted(DOCUMENT_SUFFIXES)


def test_the_pre_commit_hook_matches_the_suffixes_and_only_those():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    for suffix in DOCUMENT_SUFFIXES:
        assert pattern.search(f"drafts/report{suffix}") and pattern.search(f"drafts/REPORT{suffix.upper()}"), suffix
    for other in (".doc", ".rtf", ".odt", ".mdx", ".txt.bak", ".htmlx", ".pdf.bak"):
        assert not pattern.search(f"drafts/report{other}"), other


@pytest.mark.parametrize("readme", READMES)
def test_the_readmes_local_hook_is_the_published_hook(readme):
    (published,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    text = (ROOT / readme).read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(repos:\n  - repo: local\n.*?)```", text, re.S).group(1)
    (repo,) = yaml.safe_load(example)["repos"]
    (local,) = repo["hooks"]
    assert {key: local[key] for key in ("id", "name", "entry", "files")} == {
        key: published[key] for key in ("id", "name", "entry", "files")}


@pytest.mark.parametrize("readme", READMES)
def test_the_readme_lists_the_suffixes_a_folder_search_lints(readme):
    assert re.findall(r"`(\.\w+)`", readme_listing(readme, "suffixes")) == list(DOCUMENT_SUFFIXES)


def test_format_offers_every_output_format_and_each_renders(tmp_path):
    (option,) = [param for param in check.params if param.name == "output_format"]
    assert list(option.type.choices) == sorted(OUTPUT_FORMATS)
    path = tmp_path / "draft.txt"
    path.write_bytes(SAMPLES["text"])
    result = LintSession().check_path(str(path))
    for name in OUTPUT_FORMATS:
        if name in DOCUMENT_FORMATS:
            assert document_renderer(name)(result)[:2] == b"PK", name  # a zip package: .docx
        else:
            assert isinstance(renderer(name)([], color=False, rules=()), str), name


@pytest.mark.parametrize("readme", READMES)
def test_the_readme_and_docs_list_the_output_formats(readme):
    assert re.findall(r"`(\w+)`", readme_listing(readme, "formats")) == list(OUTPUT_FORMATS)
    documented = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\w+)", documented, re.M) == list(OUTPUT_FORMATS)
