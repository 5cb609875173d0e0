"""Files that spare a later run work it has done before (the data of rule
packs). A cache file is named by a hash of everything its contents depend on,
so a stale one is never read; one that cannot be read or written is ignored.

The folder is $REPORTLINT_CACHE_DIR, else the user's cache folder as the
system places it (platformdirs): $XDG_CACHE_HOME/reportlint or
~/.cache/reportlint on Linux, ~/Library/Caches/reportlint on macOS,
%LOCALAPPDATA%/reportlint/Cache on Windows. Contents are JSON: reading a cache
never runs code.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .output import write_atomically


def cache_dir() -> Path:
    configured = os.environ.get("REPORTLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir  # not needed when the folder is configured

    return Path(user_cache_dir("reportlint", appauthor=False))


class JsonCache:
    """One cache entry: ``kind`` names what it holds, ``key`` (anything that
    can be printed) everything its value depends on."""

    def __init__(self, kind: str, key: Any) -> None:
        digest = hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        self.path = cache_dir() / f"{kind}-{digest}.json"

    def read(self) -> Any | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write(self, value: Any) -> None:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # a value JSON cannot hold (a YAML date): not worth caching
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, text)
        except OSError:
            pass  # a read-only home: run without the cache
