"""Property-based runs of the Python API and of every reader of a user's files:
whatever the input, the result is diagnostics (or a rule, a configuration, a
baseline) or a ReportlintError with one line naming the file — never another
exception. The "ci" profile keeps this to seconds; the longer run for
developers is ``--hypothesis-profile thorough`` (docs/reliability.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from reportlint import lint_file, lint_text
from reportlint.baseline import Baseline
from reportlint.cache import ContentCache
from reportlint.config import load_config
from reportlint.errors import ReportlintError
from reportlint.rules import build_rule
from reportlint.yamlfile import read_mapping

pytestmark = pytest.mark.slow

PIECES = ["某局2016年政府信息公开工作年度报告", "一、", "（二）", "xx", "工作工作", "《", "》", "<<", "|", "\n", "\r\n",
          "\x0b", "\x1b[2J", "\ud800", "\udcff", "\x00", "𠮷", "\ufeff", "2016年", "共收到申请5件，其中3件", "%"]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=10)), max_size=40).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
EXAMPLE = {"kind": "existence", "severity": "error", "message": "文中留有“{match}”。", "description": "示例。",
           "patterns": ["xx"], "examples": {"good": ["完整"], "bad": ["决xx"]}}


def _one_line(error: ReportlintError) -> None:
    message = str(error)
    assert message and len(message) < 2000


@given(text, text)
def test_lint_text_takes_any_text_and_any_name(draft, name):
    try:
        diagnostics = lint_text(draft, path=name or None)
    except ReportlintError as error:  # a NUL: binary data
        assert "\x00" in draft
        _one_line(error)
        return
    for diagnostic in diagnostics:
        json.dumps(diagnostic.to_dict(), ensure_ascii=False).encode("utf-8")  # valid UTF-8 throughout


@given(st.sampled_from([".txt", ".md", ".html", ".docx", ".doc", ""]), st.binary(max_size=2000))
def test_lint_file_takes_any_bytes(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("fuzz") / f"draft{suffix}"
    path.write_bytes(data)
    try:
        lint_file(path)
    except ReportlintError as error:
        _one_line(error)


@given(st.dictionaries(st.sampled_from([*EXAMPLE, "scope", "fixable", "link", "exceptions", "ignorecase"]),
                       json_values, max_size=8))
def test_any_rule_data_builds_a_rule_or_is_a_rule_error(changes):
    try:
        build_rule("office.fuzz", Path("fuzz.yaml"), {**EXAMPLE, **changes}, {})
    except ReportlintError as error:
        _one_line(error)


@given(st.dictionaries(st.sampled_from(["select", "ignore", "severity", "fail-on", "profile", "allow", "include",
                                        "exclude", "overrides", "agencies", "baseline", "unknown"]),
                       json_values, max_size=6))
def test_any_configuration_loads_or_is_a_config_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / ".reportlint.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_config(path)
    except ReportlintError as error:
        _one_line(error)


@given(st.one_of(json_values.map(json.dumps),
                 st.lists(json_values, max_size=4).map(lambda entries: json.dumps({"version": 1, "entries": entries})),
                 st.text(max_size=200)))
def test_any_baseline_loads_or_is_a_baseline_error(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("fuzz") / "baseline.json"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        Baseline.load(path)
    except ReportlintError as error:
        _one_line(error)


@given(st.one_of(st.binary(max_size=500), text.map(lambda value: value.encode("utf-8", "surrogatepass"))))
def test_any_yaml_bytes_read_as_a_mapping_or_a_one_line_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "file.yaml"
    path.write_bytes(data)
    try:
        read_mapping(path, ReportlintError, "文件")
    except ReportlintError as error:
        _one_line(error)


@given(st.binary(max_size=500))
def test_any_cache_entry_is_a_value_or_nothing(tmp_path_factory, monkeypatch_module, data):
    monkeypatch_module.setenv("REPORTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    cache = ContentCache("fuzz", ["inputs"])
    cache.path.parent.mkdir(parents=True, exist_ok=True)
    cache.path.write_bytes(data)
    assert cache.read() is None  # no input forges an entry


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch
