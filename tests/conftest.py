"""Shared paths and helpers.

Real reports live outside the project, in ../shared (next to the checkout); a
user's clone has no such folder, and tests that need it skip with a reason.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The tests' rule packs come and go; keep their cache, and the secret that signs
# its entries, out of the user's.
os.environ.setdefault("REPORTLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reportlint-test-cache-"))
os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="reportlint-test-state-"))
# Tests of the command line lint afresh (some replace a check's code while they
# run); the results cache has tests of its own, which turn it on.
os.environ["REPORTLINT_NO_CACHE"] = "1"
# Where the environment asks Python not to write bytecode (as this project's CI
# machines do), every `python -m reportlint` a test starts would compile every
# module again; they keep their bytecode in a folder of the run's own instead,
# outside the checkout.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    os.environ.setdefault("PYTHONPYCACHEPREFIX", tempfile.mkdtemp(prefix="reportlint-test-bytecode-"))

# Property-based tests: "ci" keeps each to seconds (the default, and what CI runs);
# "thorough" is the longer run for developers: --hypothesis-profile thorough.
settings.register_profile("ci", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = Path(os.environ.get("REPORTLINT_SHARED", ROOT.parent / "shared"))
SEED = FIXTURES / "seed-chuxiong-sci-tech-2016.txt"

# A minimal valid rule file, for tests of rule loading and caching.
EXAMPLE_RULE = """\
kind: existence
severity: error
message: 文中留有“{match}”。
description: 示例规则。
patterns: ["xx"]
examples:
  good: [完整内容]
  bad: [行政决xx]
"""

# Set REPORTLINT_UPDATE_GOLDEN=1 to rewrite golden files instead of comparing;
# review the diff before committing.
UPDATE_GOLDEN = os.environ.get("REPORTLINT_UPDATE_GOLDEN") == "1"


# Tests are grouped by what they test (unit/, rules/, integration/, browser/,
# corpus/); a folder's tests carry its marker, so that `-m "not browser"` or
# `-m "not corpus"` leaves them out. Tests elsewhere that read ../shared are
# marked `corpus` one by one.
_FOLDER_MARKERS = {"browser": "browser", "corpus": "corpus"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder in _FOLDER_MARKERS:
            item.add_marker(_FOLDER_MARKERS[folder])


CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google's
# services at start-up; on a closed network those connections are refused.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def require_chromium() -> None:
    """Skip a test that drives Debian's Chromium where it or Playwright is
    missing; in CI, where .ci/run installs it, fail instead."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "Playwright is not installed (pip install '.[test]')"
    else:
        reason = None if CHROMIUM.exists() else f"{CHROMIUM} is missing (apt-get install chromium)"
    if reason and os.environ.get("CI"):
        pytest.fail(f"{reason}: .ci/run should have installed it")
    if reason:
        pytest.skip(reason)


def shared_files(folder: str) -> list[Path]:
    """The .txt files of ../shared/<folder>, or [] when it is absent."""
    directory = SHARED / folder
    return sorted(directory.glob("*.txt")) if directory.is_dir() else []


def require_shared(folder: str) -> list[Path]:
    files = shared_files(folder)
    if not files:
        pytest.skip(f"{SHARED / folder} is absent (real reports are not part of the project)")
    return files


def check_golden(path: Path, actual: str) -> None:
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing: run with REPORTLINT_UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path.name}"
