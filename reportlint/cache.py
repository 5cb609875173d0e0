"""Files that spare a later run work it has done before (the data of rule packs).
One mechanism for every kind of entry:

- **Keyed by content.** An entry is found by a digest of everything its value
  was built from (the bytes of the rule files, reportlint's version), so a
  changed input never meets a stale entry.
- **Verified on load.** An entry holds that digest and an HMAC of the digest and
  its value, made with a secret of this user kept outside the cache folder (in
  the state folder, below): neither a restored CI cache, nor a shared folder,
  nor a hand-edited file can make an entry that verifies, and entry names cannot
  be predicted. An entry that does not verify is ignored and written anew — it
  is never trusted and never a crash. Nothing is parsed before it verifies.
- **Safe when processes write at once.** Each writes a temporary file and
  renames it over the entry (reportlint/output.py): a reader sees a whole entry
  or none.

When the cache or the secret cannot be read or written (a read-only home),
reportlint runs without a cache. The folder is $REPORTLINT_CACHE_DIR, else the
user's cache folder as the system places it (platformdirs): $XDG_CACHE_HOME/reportlint
or ~/.cache/reportlint on Linux, ~/Library/Caches/reportlint on macOS,
%LOCALAPPDATA%/reportlint/Cache on Windows. The secret is ``cache-key`` in the
user's state folder (platformdirs): $XDG_STATE_HOME/reportlint or
~/.local/state/reportlint on Linux, ~/Library/Application Support/reportlint on
macOS, %LOCALAPPDATA%/reportlint on Windows.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sys
from pathlib import Path

from .inputs import read_input

# json, secrets, platformdirs and the writer are imported where they are used: a
# replayed run (reportlint/replay.py) reads one entry of raw bytes and must start fast.

_FORMAT = b"reportlint-cache 1"
_SECRET_BYTES = 32
# The largest entry read: the built-in rule pack's data is about 300 KB.
_MAX_ENTRY_BYTES = 16 * 2**20


def cache_dir() -> Path:
    configured = os.environ.get("REPORTLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(_xdg_folder("XDG_CACHE_HOME", "~/.cache") or _platform_folder("user_cache_dir"))


def state_dir() -> Path:
    return Path(_xdg_folder("XDG_STATE_HOME", "~/.local/state") or _platform_folder("user_state_dir"))


def _xdg_folder(variable: str, default: str) -> str | None:
    """The folder platformdirs gives on Linux in the usual case (an absolute
    $XDG_… or $HOME), without importing it: that takes a third of a replayed run
    (reportlint/replay.py). tests/unit/test_cache.py holds it to
    platformdirs; any other case is platformdirs' to decide (None)."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    configured = os.environ.get(variable, "")
    if configured.startswith("/"):
        return os.path.join(configured, "reportlint")
    if os.environ.get("HOME", "").startswith("/"):
        return os.path.join(os.path.expanduser(default), "reportlint")
    return None


def _platform_folder(name: str) -> str:
    import platformdirs

    return getattr(platformdirs, name)("reportlint", appauthor=False)


class _Unusable(Exception):
    """A cache entry or secret that cannot be read: the run goes on without it."""


class ContentCache:
    """One cache entry: ``kind`` names what it holds (it begins the file name),
    ``inputs`` (anything that can be printed) everything its value depends on.
    Its value is JSON (``read``, ``write``) or bytes of the caller's own format
    (``read_raw``, ``write_raw``), which ``suffix`` names."""

    def __init__(self, kind: str, inputs: object, suffix: str = ".json") -> None:
        self.kind = kind
        self.digest = hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).hexdigest()
        self._secret = _secret()
        self.path = None if self._secret is None else cache_dir() / f"{kind}-{self._mac(self.digest.encode())[:32]}{suffix}"

    def read(self) -> object | None:
        """The value, when an entry for these inputs exists and verifies; else None."""
        body = self.read_raw()
        if body is None:
            return None
        import json

        try:
            return json.loads(body)
        except (ValueError, RecursionError):  # ours and verified, but a cache must never be a crash
            return None

    def write(self, value: object) -> None:
        import json

        try:
            body = json.dumps(value, ensure_ascii=False).encode("utf-8")
        except (TypeError, ValueError):
            return  # a value JSON cannot hold (a YAML date): not worth caching
        self.write_raw(body)

    def read_raw(self) -> bytes | None:
        """The bytes stored, when an entry for these inputs exists and verifies; else None."""
        if self.path is None:
            return None
        try:
            data = read_input(self.path, _Unusable, limit=_MAX_ENTRY_BYTES, observed=False)
            header, digest, mac, body = data.split(b"\n", 3)
        except (_Unusable, ValueError):
            return None
        if header != _FORMAT or digest != self.digest.encode() or not hmac.compare_digest(mac, self._signed(body)):
            return None
        return body

    def write_raw(self, body: bytes) -> None:
        if self.path is None:
            return
        from .output import OutputError, write_file

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_file(self.path, b"\n".join([_FORMAT, self.digest.encode(), self._signed(body), body]))
        except (OSError, OutputError):
            pass  # a read-only cache folder: run without the cache

    def _signed(self, body: bytes) -> bytes:
        return self._mac(self.kind.encode() + b"\0" + self.digest.encode() + b"\0" + body).encode()

    def _mac(self, data: bytes) -> str:
        return hmac.new(self._secret, data, hashlib.sha256).hexdigest()


def _secret() -> bytes | None:
    """This user's cache secret, made on first use (None: no cache this run)."""
    path = state_dir() / "cache-key"
    try:
        return _read_secret(path)
    except _Unusable:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it meanwhile
        pass
    except OSError:
        return None
    else:
        import secrets

        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_bytes(_SECRET_BYTES))
    try:
        return _read_secret(path)
    except _Unusable:
        return None


def _read_secret(path: Path) -> bytes:
    secret = read_input(path, _Unusable, limit=_SECRET_BYTES, observed=False)
    if len(secret) != _SECRET_BYTES:
        raise _Unusable(path)
    return secret
