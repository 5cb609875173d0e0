"""The rule-pack cache: a pack that loaded once is built again from its cached
data without reading YAML; any change to a rule file, a broken cache file or a
folder that cannot be written is handled. Within one process a pack is built
once, and built again only when a file of it changes."""

import sys
from pathlib import Path

import platformdirs
import pytest
from conftest import EXAMPLE_RULE

from reportlint import rules
from reportlint.cache import ContentCache, cache_dir, state_dir


@pytest.fixture
def pack(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "pack" / "office"
    folder.mkdir(parents=True)
    (folder / "example.yaml").write_text(EXAMPLE_RULE, encoding="utf-8")
    rules._built_pack.cache_clear()
    yield folder.parent
    rules._built_pack.cache_clear()


def as_a_new_process():
    """Forget the packs this process built, as a new run starts without them."""
    rules._built_pack.cache_clear()


def no_yaml(*args, **kwargs):
    raise AssertionError("YAML was read although the pack is cached")


def test_a_loaded_pack_is_built_from_the_cache(pack, monkeypatch):
    (first,) = rules.load_pack(pack)
    assert list(cache_dir().glob("rules-*.json"))
    monkeypatch.setattr(rules, "parse_mapping", no_yaml)
    as_a_new_process()
    (second,) = rules.load_pack(pack)
    assert second is not first
    assert (second.id, second.message, second.severity, second.examples) == (
        first.id, first.message, first.severity, first.examples)
    assert second.kind.patterns.pattern == first.kind.patterns.pattern


def test_a_changed_rule_file_is_read_again(pack, monkeypatch):
    rules.load_pack(pack)
    (pack / "office" / "example.yaml").write_text(EXAMPLE_RULE.replace('"xx"', '"XX"'), encoding="utf-8")
    calls = []
    original = rules.parse_mapping
    monkeypatch.setattr(rules, "parse_mapping", lambda *args: calls.append(args) or original(*args))
    (rule,) = rules.load_pack(pack)
    assert calls and rule.kind.patterns.pattern == "(?:XX)"


def test_a_process_builds_a_pack_once(pack, monkeypatch):
    """Every session of a program (each lint_text call) shares the rules: no cache
    entry read, no rule built, the same objects."""
    (first,) = rules.load_pack(pack)
    monkeypatch.setattr(ContentCache, "read", lambda self: pytest.fail("the cache was read again"))
    monkeypatch.setattr(rules, "build_rule", lambda *args: pytest.fail("a rule was built again"))
    (second,) = rules.load_pack(pack)
    assert second is first


def test_the_same_rules_in_another_folder_are_its_own(pack, tmp_path):
    """The rules of a copied pack name the copy's files in their diagnostics."""
    (first,) = rules.load_pack(pack)
    copy = tmp_path / "copy" / "office"
    copy.mkdir(parents=True)
    (copy / "example.yaml").write_bytes((pack / "office" / "example.yaml").read_bytes())
    (second,) = rules.load_pack(copy.parent)
    assert (first.path, second.path) == (pack / "office" / "example.yaml", copy / "example.yaml")


def test_errors_are_never_cached(pack):
    (pack / "office" / "example.yaml").write_text(EXAMPLE_RULE.replace("kind: existence", "kind: nothing"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(rules.RuleError, match="未知的类型"):
            rules.load_pack(pack)


def test_a_broken_cache_file_is_ignored(pack):
    rules.load_pack(pack)
    for path in cache_dir().glob("rules-*.json"):
        path.write_text("{not json", encoding="utf-8")
    as_a_new_process()
    (rule,) = rules.load_pack(pack)
    assert rule.id == "office.example"


def test_an_unwritable_cache_folder_is_ignored(pack, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker / "cache"))
    (rule,) = rules.load_pack(pack)
    assert rule.id == "office.example"
    assert ContentCache("rules", ["x"]).read() is None


def test_values_json_cannot_hold_are_not_cached(pack):
    cache = ContentCache("test", ["key"])
    cache.write({"when": object()})
    assert cache.read() is None


def test_the_cache_folder_is_the_systems_unless_configured(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "configured"))
    assert cache_dir() == tmp_path / "configured"
    monkeypatch.delenv("REPORTLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == Path(platformdirs.user_cache_dir("reportlint", appauthor=False))
    if sys.platform == "linux":
        assert cache_dir() == tmp_path / "xdg" / "reportlint"


@pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is for Linux; elsewhere platformdirs decides")
@pytest.mark.parametrize("environment", [
    {},
    {"XDG_CACHE_HOME": "/srv/cache", "XDG_STATE_HOME": "/srv/state"},
    {"XDG_CACHE_HOME": "", "XDG_STATE_HOME": "relative/state"},
    {"HOME": "/home/编辑/"},
    {"HOME": "relative"},
    {"HOME": None},
])
def test_cache_folders_are_where_platformdirs_puts_them(monkeypatch, environment):
    monkeypatch.delenv("REPORTLINT_CACHE_DIR", raising=False)
    for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert str(cache_dir()) == platformdirs.user_cache_dir("reportlint", appauthor=False)
    assert str(state_dir()) == platformdirs.user_state_dir("reportlint", appauthor=False)
