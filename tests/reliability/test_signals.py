"""Signals and what a run leaves behind (issue 13, case 10): SIGTERM or Ctrl-C
during -j 2 stops the workers and exits with 143 or 130; a folder that cannot be
read is reported with exit 2, whether git lists the files or not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from running import TIMEOUT, one_error_line, run_process, write_draft

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")]

LONG_DRAFT = "某局2016年政府信息公开工作年度报告\n" + "本局做好工作工作,行政决xx。\n" * 4000


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize(("signum", "status", "said"), [(signal.SIGTERM, 143, "终止信号"), (signal.SIGINT, 130, "已中断")])
def test_a_signal_during_a_parallel_run_stops_the_workers(tmp_path, signum, status, said):
    for index in range(40):
        write_draft(tmp_path / f"draft{index:02}.txt", LONG_DRAFT)
    # A session of its own, as a terminal's foreground job: Ctrl-C reaches the whole
    # group. SIGINT as a terminal leaves it (a test runner in the background ignores it).
    process = subprocess.Popen([sys.executable, "-m", "reportlint", "-j", "2", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + TIMEOUT
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        workers = _children(process.pid)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(0.5)
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == status, stderr.decode("utf-8", "replace")
    one_error_line(stderr, said)
    deadline = time.monotonic() + 10
    while any(_running(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(worker) for worker in workers), "a worker outlived reportlint"


@pytest.mark.parametrize("with_git", [False, True])
def test_a_folder_that_cannot_be_read_is_reported_and_the_rest_linted(tmp_path, with_git):
    write_draft(tmp_path / "readable" / "draft.txt")
    locked = tmp_path / "locked"
    write_draft(locked / "draft.txt")
    if with_git:
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    locked.chmod(0)
    try:
        result = run_process(tmp_path, unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    one_error_line(result.stderr, "locked")
    assert "检查了 1 个文件" in result.stdout.decode("utf-8")
