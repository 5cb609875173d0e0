"""One bad file is that file's error (issue 13, case 3 and the crashes of case 6):
a folder with poisoned files still reports the others and exits 2, with -j 1 and
-j 2; a worker process that dies is survived; anything unexpected ends in one
line and exit 2, with the traceback only under --debug."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from running import TIMEOUT, one_error_line, run_cli, write_draft

from reportlint import cli
from reportlint.readers import text as text_reader
from reportlint.runner import collect, run
from reportlint.session import LintSession

POISONED = {
    "broken.docx": b"PK\x03\x04 not really a zip",
    "binary.txt": b"\x00\x01\x02 a NUL means binary",
    "old.doc": b"\xd0\xcf\x11\xe0",
    "undecodable.txt": b"\xff\xfe\xfd\x81\x30",
}


@pytest.fixture
def folder(tmp_path):
    for index in range(300):
        write_draft(tmp_path / f"draft{index:03}.txt")
    for name, data in POISONED.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_with_poisoned_files_reports_the_others_and_exits_2(folder, jobs):
    # The folder search finds the .txt and .docx files; the .doc is named.
    result = run_cli("-j", jobs, "--select", "wording.placeholder", "--statistics", folder, folder / "old.doc")
    assert result.exit_code == 2
    assert "300  wording.placeholder" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("reportlint: 错误：")]
    assert sorted(line.split(": ")[1].rsplit("/", 1)[1] for line in errors) == sorted(POISONED)
    assert "Traceback" not in result.stderr


def test_an_unexpected_error_in_one_file_is_that_files_error(tmp_path, monkeypatch):
    write_draft(tmp_path / "a.txt")
    write_draft(tmp_path / "b.txt")
    original = text_reader.read

    def read(data, path, encoding=None):
        if path.endswith("a.txt"):
            raise ZeroDivisionError("a defect")
        return original(data, path, encoding)

    monkeypatch.setattr(text_reader, "read", read)
    result = run_cli(tmp_path)
    assert result.exit_code == 2
    assert "检查了 1 个文件" in result.stdout
    line = one_error_line(result.stderr, "a.txt: 检查时出错（ZeroDivisionError: 'a defect'）")
    assert "--debug" in line
    debugged = run_cli(tmp_path, "--debug")
    assert debugged.exit_code == 2 and "Traceback" in debugged.stderr and "ZeroDivisionError" in debugged.stderr


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="a worker killed by a signal")
def test_a_worker_that_dies_is_that_files_error_and_the_others_are_linted(tmp_path, monkeypatch):
    """As when the system's OOM killer ends a worker: the pool breaks, every
    batch in flight is linted again one by one, and only the draft that kills
    its worker again is reported as an error."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the sabotage below reaches worker processes only when they are forked")
    for index in range(40):
        write_draft(tmp_path / f"draft{index:02}.txt")
    original = LintSession.lint_path

    def lint_path(self, path, settings=None):
        if path.endswith("draft17.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, path, settings)

    monkeypatch.setattr(LintSession, "lint_path", lint_path)
    session = LintSession()
    jobs, problems = collect((str(tmp_path),), session)
    outcome = run(jobs, session, processes=2)
    assert not problems and len(outcome.results) == 39
    (failure,) = outcome.errors
    assert "draft17.txt: 检查该文件的进程意外退出" in failure.message


def test_an_unexpected_error_anywhere_is_one_line_and_exit_2(tmp_path, monkeypatch):
    def broken(name):
        raise RuntimeError("a defect\nover two lines")

    monkeypatch.setattr(cli, "renderer", broken)
    result = run_cli(write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 2
    line = one_error_line(result.stderr, "内部错误：RuntimeError: 'a defect\\nover two lines'（reportlint/cli.py:")
    assert "--debug" in line
    debugged = run_cli("--debug", write_draft(tmp_path / "draft.txt"))
    assert debugged.exit_code == 2 and "Traceback (most recent call last)" in debugged.stderr


def test_interrupted_with_ctrl_c_exits_130(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    result = run_cli(write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 130
    one_error_line(result.stderr, "已中断")



def test_a_working_folder_that_was_deleted_is_one_line_and_exit_2(tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    command = [sys.executable, "-c", f"import os, runpy, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
               "sys.argv = ['reportlint', 'draft.txt']; runpy.run_module('reportlint', run_name='__main__')"]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT)
    assert done.returncode == 2
    one_error_line(done.stderr, "当前工作目录已被删除")
