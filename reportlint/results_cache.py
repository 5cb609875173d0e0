"""The results cache, as ruff has one: a draft linted again with nothing changed
gets the diagnostics stored when it was last linted, without parsing or
checking anything (a pre-commit hook lints the same drafts over and over).

"Nothing changed" is everything a draft's diagnostics depend on:

- the draft's bytes, and its name (it chooses the reader and stands in every
  diagnostic);
- the rules: the contents of every rule file of the built-in pack and of the
  packs the settings and the command line add;
- the settings that govern the draft (its configuration, overrides applied)
  and the options of the run (--select, --ignore, --encoding, --report-unused…);
- last year's report (--previous or `previous`), by its bytes;
- reportlint itself: its version, and the size and modification time of every
  file of the package (a developer's edit to a check is a change too;
  reportlint/replay.py's ``code_stamp``).

An entry is named by a digest of everything but the draft's bytes and holds
their digest beside the results, so linting an edited draft replaces its entry
instead of adding one. Entries are kept by reportlint/cache.py: verified on
load (an entry that was tampered with, which could hide findings, is a miss),
written whole or not at all (two processes writing at once leave one whole
entry). What is kept is what the
session's lint returns (suppression comments and `allow` phrases applied; the
baseline is applied afterwards, as for a fresh result).

The command line uses the cache unless `--no-cache` is given; the Python API
does not. Its folder is the cache folder of reportlint/cache.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from pathlib import Path
from typing import Any

from ._version import __version__
from .cache import ContentCache
from .diagnostic import Diagnostic, Position, Severity
from .inputs import read_input
from .profile_model import Profile
from .replay import code_stamp
from .rules import RuleError, builtin_rules_dir, rule_files
from .source import Location


class ResultsCache:
    """Stored results for the drafts of one session. ``run_options`` are the
    options of the run that shape diagnostics (anything that can be printed)."""

    def __init__(self, run_options: Any) -> None:
        self._run_options = run_options
        self._pack_digests: dict[Path, str] = {}
        self._file_digests: dict[str, str] = {}
        self._code = code_stamp()

    def entry(self, path: str, settings: Any, packs: tuple[Path, ...], previous: str | Path | None) -> ContentCache:
        """The entry of a draft linted with ``settings``, the built-in rules and
        ``packs``, and last year's report at ``previous``."""
        inputs = [__version__, self._code, path, self._run_options, repr(settings),
                  [self._pack_digest(pack) for pack in (builtin_rules_dir(), *packs)],
                  self._file_digest(str(previous)) if previous is not None else None]
        return ContentCache("results", inputs)

    def _pack_digest(self, directory: Path) -> str:
        if directory not in self._pack_digests:
            digest = hashlib.sha256()
            try:
                for rule_id, path in rule_files(directory):
                    digest.update(f"{rule_id}\0{len(content := _bytes_of(path))}\0".encode() + content)
            except RuleError:  # no entry is ever written for a pack that does not load
                digest.update(b"unreadable")
            self._pack_digests[directory] = digest.hexdigest()
        return self._pack_digests[directory]

    def _file_digest(self, path: str) -> str:
        if path not in self._file_digests:
            self._file_digests[path] = _digest(_bytes_of(Path(path)))
        return self._file_digests[path]


def stored(entry: ContentCache, data: bytes) -> tuple[list[Diagnostic], set[str], Profile] | None:
    """The diagnostics, `allow` phrases used and profile stored for a draft
    whose bytes are ``data``; None when there are none (or the draft changed)."""
    value = entry.read()
    if not isinstance(value, dict) or value.get("draft") != _digest(data):
        return None
    try:
        return ([_diagnostic(item) for item in value["diagnostics"]], set(value["allowed"]),
                Profile.from_dict(value["profile"]))
    except (KeyError, TypeError, ValueError):  # an entry of another shape: lint afresh
        return None


def store(entry: ContentCache, data: bytes, diagnostics: tuple[Diagnostic, ...], allowed: set[str], profile: Profile) -> None:
    entry.write({"draft": _digest(data), "diagnostics": [_encoded(diagnostic) for diagnostic in diagnostics],
                 "allowed": sorted(allowed), "profile": profile.to_dict()})


def _encoded(diagnostic: Diagnostic) -> dict:
    value = {field.name: getattr(diagnostic, field.name) for field in fields(diagnostic)}
    value["fix"] = [[start.line, start.column, end.line, end.column, text] for start, end, text in diagnostic.fix]
    location = diagnostic.location
    value["location"] = [location.place, location.quote] if location is not None else None
    return value


def _diagnostic(value: dict) -> Diagnostic:
    fix = tuple((Position(line, column), Position(end_line, end_column), text)
                for line, column, end_line, end_column, text in value["fix"])
    location = Location(*value["location"]) if value["location"] is not None else None
    return Diagnostic(**{**value, "severity": Severity(value["severity"]), "fix": fix, "location": location})


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Unreadable(Exception):
    pass


def _bytes_of(path: Path) -> bytes:
    try:
        return read_input(path, _Unreadable)
    except _Unreadable:
        return b""  # the lint itself reports it, and stores nothing
