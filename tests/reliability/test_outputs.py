"""What reportlint writes, and what it never replaces (issue 13, cases 1, 6, 8
and 10): --output-file on devices, FIFOs and links to our own standard output;
--fix on links, on files of another owner, on read-only files and folders;
--write-baseline into a missing folder; temporary files left by a killed run."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from running import DRAFT, TIMEOUT, one_error_line, requires_root, run_cli, run_process, write_draft

from reportlint import output

FIXED = "某局2016年政府信息公开工作年度报告\n一、概述\n本局做好工作工作，行政决xx。\n"


@requires_root
def test_output_to_a_character_device_writes_through_it(tmp_path):
    """As root, -o on a character device once replaced it with a regular file
    (reportlint -o /dev/null would have replaced the system's /dev/null)."""
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    result = run_cli("-o", null, write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 1, result.output
    assert stat.S_ISCHR(null.stat().st_mode)


def test_output_to_dev_null_works(tmp_path, monkeypatch):
    """-o /dev/null itself; a tripwire makes sure no rename ever touches it."""
    def refuse(source, target, *args, **kwargs):
        raise AssertionError(f"renamed {source} over {target}")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    result = run_cli("-o", "/dev/null", write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 1, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.slow
@pytest.mark.parametrize("target", ["/dev/stdout", "/proc/self/fd/1", "link"])
def test_output_to_our_own_standard_output(tmp_path, target):
    """-o /dev/stdout, /proc/self/fd/1 or a link to it writes to the pipe it is,
    whether run as root or not, and a link stays a link."""
    if target == "link":
        target = tmp_path / "link"
        target.symlink_to("/proc/self/fd/1")
    result = run_process("-o", target, write_draft(tmp_path / "draft.txt"))
    assert result.returncode == 1, result.stderr
    assert "wording.placeholder" in result.stdout.decode("utf-8")
    assert not isinstance(target, Path) or target.is_symlink()


@pytest.mark.slow
def test_output_to_standard_output_redirected_to_a_file_appends_as_the_shell_asked(tmp_path):
    log = tmp_path / "log.txt"
    log.write_text("earlier lines\n", encoding="utf-8")
    inode = log.stat().st_ino
    with open(log, "ab") as handle:
        result = run_process("-o", "/dev/stdout", write_draft(tmp_path / "draft.txt"), stdout=handle, stderr=subprocess.PIPE,
                             capture_output=False)
    assert result.returncode == 1, result.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier lines\n") and "wording.placeholder" in text
    assert log.stat().st_ino == inode


@pytest.mark.slow
def test_output_to_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_process("-o", fifo, write_draft(tmp_path / "draft.txt"))
    reader.join(TIMEOUT)
    assert result.returncode == 1, result.stderr
    assert b"wording.placeholder" in received[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.slow
def test_output_to_a_fifo_nobody_reads_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = run_process("-o", fifo, write_draft(tmp_path / "draft.txt"))
    assert result.returncode == 2
    one_error_line(result.stderr, "管道没有读取方")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_into_a_missing_folder_is_one_line(tmp_path):
    result = run_cli("-o", tmp_path / "absent" / "out.txt", write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 2
    one_error_line(result.stderr, "所在目录不存在")


def test_write_baseline_into_a_missing_folder_is_one_line(tmp_path):
    result = run_cli("--write-baseline", tmp_path / "nodir" / "b.json", write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 2
    one_error_line(result.stderr, "nodir")


def test_output_to_a_read_only_file_is_refused(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("kept\n", encoding="utf-8")
    out.chmod(0o444)
    result = run_cli("-o", out, write_draft(tmp_path / "draft.txt"))
    assert result.exit_code == 2
    one_error_line(result.stderr, "只读")
    assert out.read_text(encoding="utf-8") == "kept\n"


# -- --fix ------------------------------------------------------------------------


def test_fix_on_a_symlink_fixes_its_target_and_keeps_the_link(tmp_path):
    target = write_draft(tmp_path / "real" / "draft.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = run_cli("--fix", "--select", "punctuation", link)
    assert result.exit_code in (0, 1), result.output
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_hard_links_one_file(tmp_path):
    first = write_draft(tmp_path / "a.txt")
    second = tmp_path / "b.txt"
    os.link(first, second)
    result = run_cli("--fix", "--select", "punctuation", first)
    assert result.exit_code in (0, 1), result.output
    assert first.stat().st_ino == second.stat().st_ino and first.stat().st_nlink == 2
    assert second.read_text(encoding="utf-8") == FIXED


@requires_root
def test_fix_as_root_keeps_owner_and_mode(tmp_path):
    draft = write_draft(tmp_path / "draft.txt")
    os.chown(draft, 1234, 2345)
    draft.chmod(0o640)
    result = run_cli("--fix", "--select", "punctuation", draft)
    assert result.exit_code in (0, 1), result.output
    status = draft.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (1234, 2345, 0o640)
    assert draft.read_text(encoding="utf-8") == FIXED


def test_fix_refuses_a_read_only_file_unless_forced(tmp_path):
    draft = write_draft(tmp_path / "draft.txt")
    draft.chmod(0o444)
    refused = run_cli("--fix", "--select", "punctuation", draft)
    assert refused.exit_code == 2
    one_error_line(refused.stderr, "只读")
    assert draft.read_text(encoding="utf-8") == DRAFT
    forced = run_cli("--fix", "--force", "--select", "punctuation", draft)
    assert forced.exit_code in (0, 1), forced.output
    assert draft.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(draft.stat().st_mode) == 0o444


@pytest.mark.slow
def test_fix_in_a_read_only_folder_is_that_files_error(tmp_path):
    locked = write_draft(tmp_path / "locked" / "draft.txt")
    free = write_draft(tmp_path / "free" / "draft.txt")
    locked.parent.chmod(0o555)
    try:
        result = run_process("--fix", "--select", "punctuation", locked, free, unprivileged=True)
    finally:
        locked.parent.chmod(0o755)
    assert result.returncode == 2
    one_error_line(result.stderr, "没有写入权限")
    assert locked.read_text(encoding="utf-8") == DRAFT
    assert free.read_text(encoding="utf-8") == FIXED


def test_fix_in_an_encoding_that_cannot_hold_the_fix_changes_nothing(tmp_path):
    """--fix --encoding latin-1 on a GBK file: latin-1 reads any bytes, but the
    《 of a fix cannot be written back in it."""
    text = "某局2016年政府信息公开工作年度报告\n编印<<楚雄科技>>期刊。\n"
    draft = write_draft(tmp_path / "draft.txt", text, encoding="gbk")
    result = run_cli("--fix", "--encoding", "latin-1", draft)
    assert result.exit_code == 2
    one_error_line(result.stderr, "无法用 LATIN-1 编码写回")
    assert draft.read_bytes() == text.encode("gbk")


# -- temporary files ------------------------------------------------------------------


@pytest.mark.slow
def test_a_temporary_file_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    """kill -9 between writing the temporary file and renaming it (made certain
    here by killing the writer from inside the write), then a second write."""
    target = tmp_path / "out.txt"
    killed = subprocess.run([sys.executable, "-c", f"""
import os, signal
from reportlint import output
os.fsync = lambda descriptor: os.kill(os.getpid(), signal.SIGKILL)
output.write_file({str(target)!r}, "x" * 1_000_000)
"""], timeout=TIMEOUT)
    assert killed.returncode == -9
    (left,) = [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
    assert left.stat().st_size == 1_000_000 and not target.exists()
    output.write_file(target, "whole\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.txt"]
    assert target.read_text(encoding="utf-8") == "whole\n"


def test_a_temporary_file_of_a_running_writer_is_left_alone(tmp_path):
    target = tmp_path / "out.txt"
    alive = tmp_path / f".out.txt.reportlint-{os.getppid()}-abcdefgh.tmp"
    alive.write_bytes(b"in progress")
    output.write_file(target, "whole\n")
    assert alive.exists() and target.read_text(encoding="utf-8") == "whole\n"
