"""The rule-pack cache is never trusted and never a crash (issue 13, cases 6 and
7): a poisoned entry — valid JSON that switches a rule off, with every digest an
attacker can compute made right — cannot disable a rule; tampered, truncated,
special or oversized entries are ignored and rebuilt; processes writing at once
leave whole entries."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading

import pytest
from conftest import EXAMPLE_RULE

from reportlint import lint_text
from reportlint._version import __version__
from reportlint.cache import ContentCache, cache_dir
from reportlint.rules import _built_pack, load_pack, load_rules, rule_files

DRAFT = "某局2016年政府信息公开工作年度报告\n行政决xx，确保安全。\n"


@pytest.fixture(autouse=True)
def rules_read_from_the_cache():
    """Each test reads the cache entry anew: a process otherwise builds a pack once."""
    _built_pack.cache_clear()
    yield
    _built_pack.cache_clear()


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    load_rules()  # builds the built-in pack's entry
    (entry,) = cache_dir().glob("rules-*.json")
    return entry


def placeholder_found() -> bool:
    """Whether a new process, reading the cache entry, finds the placeholder."""
    _built_pack.cache_clear()
    return any(d.rule == "wording.placeholder" for d in lint_text(DRAFT))


def test_a_poisoned_entry_cannot_switch_a_rule_off(fresh_cache):
    """The attacker keeps the header and the digest of the inputs (they are public:
    the rule files are), rewrites the placeholder rule to match nothing, and signs
    the entry with every key they could guess."""
    header, digest, _, body = fresh_cache.read_bytes().split(b"\n", 3)
    rules = json.loads(body)
    for rule_id, data in rules:
        if rule_id == "wording.placeholder":
            data["patterns"] = ["(?!x)x"]
    poisoned = json.dumps(rules, ensure_ascii=False).encode("utf-8")
    assert placeholder_found()
    for guess in (b"", b"\0" * 32, digest, hashlib.sha256(b"reportlint").digest()):
        mac = hmac.new(guess, b"rules\0" + digest + b"\0" + poisoned, hashlib.sha256).hexdigest().encode()
        fresh_cache.write_bytes(b"\n".join([header, digest, mac, poisoned]))
        assert placeholder_found()
        assert fresh_cache.read_bytes().split(b"\n", 3)[3] != poisoned  # ignored, and written anew


def test_an_entry_signed_for_another_user_is_not_trusted(fresh_cache, tmp_path, monkeypatch):
    """A restored CI cache or a shared folder: entries made under another secret."""
    original = fresh_cache.read_bytes()
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "another-user"))
    _built_pack.cache_clear()
    load_rules()
    entries = sorted(cache_dir().glob("rules-*.json"))
    assert len(entries) == 2  # the other user's entry is named differently, and not read
    assert fresh_cache.read_bytes() == original


def _tampered(entry, how: str) -> None:
    data = entry.read_bytes()
    if how == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "not-json":
        header, digest, mac, _ = data.split(b"\n", 3)
        entry.write_bytes(b"\n".join([header, digest, mac, b"{not json"]))
    elif how == "deeply-nested":
        entry.write_bytes(data.split(b"\n", 3)[0] + b"\n" + b"[" * 100_000)
    elif how == "not-utf-8":
        entry.write_bytes(b"\xff\xfe" * 1000)
    elif how == "folder":
        entry.unlink()
        entry.mkdir()
    elif how == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif how == "device":
        entry.unlink()
        entry.symlink_to("/dev/zero")
    elif how == "oversized":
        with open(entry, "r+b") as handle:
            handle.truncate(64 * 2**20)


TAMPERING = ["truncated", "empty", "not-json", "deeply-nested", "not-utf-8", "folder", "fifo", "device", "oversized"]


@pytest.mark.parametrize("how", TAMPERING)
def test_a_tampered_entry_is_ignored_and_every_later_run_works(fresh_cache, how):
    _tampered(fresh_cache, how)
    for _ in range(2):
        assert placeholder_found()


def test_a_verified_entry_of_another_shape_is_rebuilt(tmp_path, monkeypatch):
    """Even an entry that verifies (made with the user's own secret) is only used
    when it holds this pack's rules."""
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack" / "office"
    pack.mkdir(parents=True)
    (pack / "rule.yaml").write_text(EXAMPLE_RULE, encoding="utf-8")
    (rule,) = load_pack(pack.parent)
    # The entry load_pack reads: keyed by reportlint's version and the rule files.
    cache = ContentCache("rules", [__version__, *((rule_id, path.read_bytes()) for rule_id, path in rule_files(pack.parent))])
    assert cache.read() is not None
    for shape in ([[1, 2]], {"a": 1}, [["office.rule", {"kind": ["existence"]}]], [["office.rule", {}]]):
        cache.write(shape)
        assert cache.read() == shape
        _built_pack.cache_clear()
        (again,) = load_pack(pack.parent)
        assert again.id == rule.id and again.kind.patterns.pattern == rule.kind.patterns.pattern


def test_processes_writing_one_entry_at_once_leave_whole_entries(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    values = [{"writer": index, "data": "规则" * 20_000} for index in range(4)]
    seen = []

    def write(value):
        for _ in range(25):
            ContentCache("test", ["same inputs"]).write(value)
            seen.append(ContentCache("test", ["same inputs"]).read())

    threads = [threading.Thread(target=write, args=(value,)) for value in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(value in values for value in seen)
    assert [path.name.endswith(".json") for path in cache_dir().iterdir()] == [True]


def test_without_a_usable_secret_there_is_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "blocked"))
    (tmp_path / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    cache = ContentCache("test", ["key"])
    cache.write({"value": 1})
    assert cache.read() is None and not cache_dir().exists()
