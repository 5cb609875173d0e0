"""Paths as CI systems want them: relative to the working directory (the
root of the checkout, where CI runs the linter), with "/" and without "./";
a file outside it keeps its absolute path."""

from __future__ import annotations

import os
from pathlib import Path


def relative_path(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_posix()
    return Path(os.path.normpath(candidate)).as_posix()
