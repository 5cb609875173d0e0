"""Helpers of the reliability suite: running reportlint in this process or in
another one (with a timeout, so that a hang fails the test instead of the run),
without root's permission bypass, and checking its one-line errors.

Every input is generated here; nothing large is committed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

# A draft with findings: exit status 1 when it is linted.
DRAFT = "某局2016年政府信息公开工作年度报告\n一、概述\n本局做好工作工作,行政决xx。\n"
# Three places a hang would be caught: generous, since CI machines are slow.
TIMEOUT = 60

requires_root = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                                   reason="needs root (special files, other owners), as CI and this machine run")


def run_cli(*args, input=None, env=None):
    """reportlint in this process (click's runner: stdout and stderr kept apart)."""
    return CliRunner().invoke(main, [os.fspath(arg) if isinstance(arg, Path) else arg for arg in args],
                              input=input, env=env)


def run_process(*args, timeout: float = TIMEOUT, unprivileged: bool = False, **options) -> subprocess.CompletedProcess:
    """reportlint in a process of its own; ``unprivileged`` takes away root's
    bypass of file permissions, so that permissions apply as to any user."""
    prefix = _without_root_bypass() if unprivileged else []
    command = [*prefix, sys.executable, "-m", "reportlint", *(os.fsencode(arg) for arg in args)]
    options.setdefault("capture_output", True)
    return subprocess.run(command, timeout=timeout, **options)


def _without_root_bypass() -> list[str]:
    if os.name != "posix" or os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is needed to run without root's permission bypass")
    capabilities = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--bounding-set={capabilities}", f"--inh-caps={capabilities}"]


def one_error_line(stderr: str | bytes, naming: str = "") -> str:
    """The one error line of a failed run: no traceback, and it names ``naming``."""
    text = stderr.decode("utf-8") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text
    errors = [line for line in text.splitlines() if line.startswith("reportlint: ")]
    assert len(errors) == 1, text
    assert naming in errors[0], errors[0]
    return errors[0]


def write_draft(path: Path, text: str = DRAFT, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path
