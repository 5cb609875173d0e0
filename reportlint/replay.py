"""Replaying a run: `reportlint draft.txt` run again with nothing changed prints
what it printed the last time, without importing click, the parser or a single
rule (a pre-commit hook over drafts that did not change, an editor that lints on
every save). The results cache (reportlint/results_cache.py) spares the linting
of an unchanged draft; this spares the start-up around it, which is most of what
such a run costs.

A run is replayed when everything it depended on is as it was:

- its command line: the arguments as given, the working folder, the variables
  of the environment that reach the output (NO_COLOR, FORCE_COLOR, TERM,
  REPORTLINT_NO_CACHE), whether standard output and error are terminals and
  their encodings; the version of Python, of reportlint and of its code (the size
  and modification time of every file of the package, and the time of the
  folders packages are installed into: ``code_stamp``);
- what the run read, recorded as it read it: every file by its contents (the
  drafts, configuration, rule files, last year's report, a baseline); every place
  where a configuration file was looked for and none was found; every folder of
  a rule pack by the names in it; the folder each draft lies in, symbolic links
  resolved.

Only a plain check is recorded (reportlint/cli.py decides): not --fix or --diff,
nor a run that writes files (--output-file, --write-baseline), reads standard
input, searches folders (their listing and git would be dependencies too),
lints in worker processes (their reads are not seen here), or ends in an error.
Everything else runs as usual, and so does a run whose record is missing,
stale or does not verify.

Records are entries of reportlint/cache.py (verified with this user's secret,
written whole); what they hold is Python's marshal format, which loads fast and
is read only after the entry verified. This module imports nothing of
reportlint's but the cache and the input reader, and of the standard library
only hashlib, hmac and pathlib beyond what Python holds at start-up (not click,
json, typing or platformdirs): that is what makes a replayed run cheap.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys

from . import inputs
from ._version import __version__

_FORMAT = 1
_ENVIRONMENT = ("NO_COLOR", "FORCE_COLOR", "TERM", "REPORTLINT_NO_CACHE")
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


class _Unreadable(Exception):
    pass


def replay(arguments: list[str]) -> None:
    """Print what the last run of these arguments printed and exit with its
    status, when nothing it depended on changed; otherwise start recording this
    run (the command line finishes the record) and return."""
    if "--no-cache" in arguments:
        return  # never recorded
    from .cache import ContentCache

    try:
        entry = ContentCache("run", _key(arguments), suffix=".marshal")
        record = _loaded(entry.read_raw())
        unchanged = record is not None and all(_unchanged(dependency) for dependency in record["dependencies"])
    except Exception:  # noqa: BLE001 - a shortcut only (a working folder since deleted, say): run as usual
        return
    if unchanged:
        _print(record["output"])
        sys.exit(record["status"])
    global _recording
    _recording = _Recording(entry)
    inputs.observe_reads(_recording.read)


def note_not_found(path: str | os.PathLike) -> None:
    """A place where a file was looked for and none was found (a configuration
    file that, once created, would govern the drafts)."""
    if _recording is not None:
        _recording.dependencies.append(("not a file", os.fspath(path)))


def note_listing(folder: str, names: list[str]) -> None:
    """A folder whose names the run went by (a rule pack's)."""
    if _recording is not None:
        _recording.dependencies.append(("listing", folder, tuple(sorted(names))))


def note_draft(path: str) -> None:
    """A draft: the folder it lies in, links resolved, chose its configuration."""
    if _recording is not None:
        _recording.dependencies.append(("folder", path, _folder_of(path)))


def note_output(stream: str, text: str, *, binary: bool = False) -> None:
    """Text written to "stdout" or "stderr" (as UTF-8 bytes to the stream's
    buffer when ``binary``)."""
    if _recording is not None:
        _recording.output.append((stream, binary, text))


def finish(status: int) -> None:
    """Keep the record of this run, which ends with ``status``."""
    if _recording is not None:
        _recording.finish(status)


def abandon() -> None:
    """This run cannot be replayed (its work is done where its reads are not seen)."""
    global _recording
    _recording = None
    inputs.observe_reads(None)


def code_stamp() -> str:
    """The size and modification time of every file of the package: an edit to
    reportlint's code or data between two runs of the same version is a change.
    And the time of each folder Python installs packages into: installing or
    upgrading lark, pdfplumber or python-docx renames a `*.dist-info` folder there,
    which changes the folder's time (a new version may read a draft differently)."""
    stamp = hashlib.sha256()
    for folder in sys.path:
        if os.path.basename(folder) in ("site-packages", "dist-packages") and os.path.isdir(folder):
            stamp.update(f"{folder}\0{os.stat(folder).st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            status = os.stat(os.path.join(folder, name))
            stamp.update(f"{folder}/{name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return stamp.hexdigest()


class _Recording:
    def __init__(self, entry) -> None:
        self.entry = entry
        self.dependencies: list[tuple] = []
        self.output: list[tuple[str, bool, str]] = []

    def read(self, path: str | os.PathLike, data: bytes) -> None:
        if os.fspath(path) != inputs.STDIN_NAME:
            self.dependencies.append(("file", os.fspath(path), hashlib.sha256(data).digest()))

    def finish(self, status: int) -> None:
        abandon()
        record = {"dependencies": list(dict.fromkeys(self.dependencies)), "output": self.output, "status": status}
        self.entry.write_raw(marshal.dumps(record))


_recording: _Recording | None = None


def _key(arguments: list[str]) -> list:
    streams = [(stream.isatty(), getattr(stream, "encoding", None)) if stream is not None else None
               for stream in (sys.stdout, sys.stderr)]
    return [_FORMAT, __version__, sys.version, code_stamp(), arguments, os.getcwd(),
            [os.environ.get(name) for name in _ENVIRONMENT], streams]


def _loaded(body: bytes | None) -> dict | None:
    if body is None:
        return None
    try:
        record = marshal.loads(body)
    except (EOFError, ValueError, TypeError):  # verified, so ours: of another Python, perhaps
        return None
    return record if isinstance(record, dict) and record.keys() == {"dependencies", "output", "status"} else None


def _unchanged(dependency: tuple) -> bool:
    kind, path, *recorded = dependency
    try:
        if kind == "file":
            return hashlib.sha256(inputs.read_input(path, _Unreadable)).digest() == recorded[0]
        if kind == "not a file":
            return not os.path.isfile(path)
        if kind == "listing":
            return tuple(sorted(os.listdir(path))) == recorded[0]
        if kind == "folder":
            return _folder_of(path) == recorded[0]
    except (_Unreadable, OSError):
        return False
    return False  # a kind this version does not know


def _folder_of(path: str) -> str:
    return os.path.realpath(os.path.dirname(os.path.abspath(path)))


def _print(output: list[tuple[str, bool, str]]) -> None:
    try:
        for stream_name, binary, text in output:
            stream = sys.stdout if stream_name == "stdout" else sys.stderr
            if binary:
                stream.flush()
                stream.buffer.write(text.encode("utf-8"))
            else:
                stream.write(text)
            stream.flush()
    except BrokenPipeError:  # `reportlint draft.txt | head`: as click ends such a run
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes standard output at exit
        sys.exit(1)
