"""Writing the files reportlint is asked to write (--output-file, --fix,
--write-baseline, cache entries) without destroying anything else.

- A regular file, or a new path, is replaced atomically: a temporary file beside
  it is written, flushed to disk and renamed over it, with the old file's mode
  and owner; a reader never sees half a file and a kill leaves the old one whole.
- A symbolic link is followed: its target is written, the link stays a link.
- A file with several hard links is rewritten in place, so the names stay one file.
- Our own standard output or error (/dev/stdout), a character device
  (/dev/null) and a FIFO are written straight through, never replaced; a block
  device, a socket or a folder is refused.
- A read-only file is refused unless the caller forces it (``--fix --force``).

Temporary files are named ".NAME.reportlint-PID-XXXXXXXX.tmp"; one left behind by a
process that was killed is removed by the next write to the same file.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from .errors import ReportlintError
from .inputs import display_name

_TEMPORARY = ".{name}.reportlint-{pid}-"
_STALE = re.compile(r"(\d+)-\w+\.tmp")  # what follows the prefix of _TEMPORARY


_REASONS = {errno.ENOENT: "所在目录不存在", errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
            errno.EROFS: "文件系统只读", errno.ENOSPC: "磁盘已满"}


class OutputError(ReportlintError):
    """A file that cannot be written; the message names it."""


def write_file(path: str | Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` as the module says; ``force``
    writes a read-only file too. Raises OutputError."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = os.fspath(path)
    name = display_name(path)
    try:
        try:
            status = os.stat(path)
        except FileNotFoundError:  # a new file, or a link to one
            _replace(Path(os.path.realpath(path)), data, None)
            return
        stream = _standard_stream(status)
        if stream is not None:
            _write_descriptor(stream, data)
        elif stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode):
            _write_through(path, data, name)
        elif stat.S_ISDIR(status.st_mode):
            raise OutputError(f"{name}: 是目录，不能写入")
        elif not stat.S_ISREG(status.st_mode):
            raise OutputError(f"{name}: 不是普通文件（块设备或套接字），不写入")
        elif not status.st_mode & 0o222 and not force:
            raise OutputError(f"{name}: 文件只读，未写入（确需改写请加 --force）")
        else:
            _write_regular(path, data, status)
    except OSError as error:
        raise OutputError(f"{name}: 无法写入（{_REASONS.get(error.errno) or error.strerror or type(error).__name__}）") from None


def _standard_stream(status: os.stat_result) -> int | None:
    """1 or 2 when ``status`` is the file our standard output or error writes to
    (/dev/stdout, /proc/self/fd/1, or the file the shell redirected it to)."""
    for descriptor, stream in ((1, sys.stdout), (2, sys.stderr)):
        try:
            own = os.fstat(descriptor)
        except OSError:
            continue
        if (own.st_dev, own.st_ino) == (status.st_dev, status.st_ino):
            if stream is not None:
                stream.flush()
            return descriptor
    return None


def _write_descriptor(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view):]


def _write_through(path: str, data: bytes, name: str) -> None:
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX
    try:
        # Non-blocking open: a FIFO nobody reads is an error, not a hang.
        descriptor = os.open(path, os.O_WRONLY | nonblocking | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise OutputError(f"{name}: 管道没有读取方，未写入") from None
        raise
    try:
        if nonblocking:
            os.set_blocking(descriptor, True)
        _write_descriptor(descriptor, data)
    finally:
        os.close(descriptor)


def _write_regular(path: str, data: bytes, status: os.stat_result) -> None:
    target = Path(os.path.realpath(path))
    resolved = os.stat(target)
    if (resolved.st_dev, resolved.st_ino) != (status.st_dev, status.st_ino) or status.st_nlink > 1:
        # A name the links cannot be followed to (a descriptor of /proc), or one of several
        # hard links: replacing would split the file, so it is rewritten in place.
        _write_in_place(path, data)
    elif not _replace(target, data, status):
        _write_in_place(path, data)


def _write_in_place(path: str | Path, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _replace(target: Path, data: bytes, status: os.stat_result | None) -> bool:
    """Replace (or create) ``target`` atomically, keeping ``status``'s mode and
    owner; False, having written nothing, when the owner cannot be kept."""
    directory = target.parent
    _remove_stale_temporaries(directory, target.name)
    descriptor, temporary = tempfile.mkstemp(
        prefix=_TEMPORARY.format(name=target.name, pid=os.getpid()), suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if status is not None and not _keep_owner(handle.fileno(), status):
                return False
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file for its owner only: give it the old file's mode,
        # or for a new file the one the user's umask allows.
        os.chmod(temporary, stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
        temporary = None
        return True
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _keep_owner(descriptor: int, status: os.stat_result) -> bool:
    own = os.fstat(descriptor)
    if (own.st_uid, own.st_gid) == (status.st_uid, status.st_gid) or not hasattr(os, "fchown"):
        return True
    try:
        os.fchown(descriptor, status.st_uid, status.st_gid)
    except PermissionError:
        return False
    return True


def _remove_stale_temporaries(directory: Path, name: str) -> None:
    """Remove temporary files for ``name`` whose writing process no longer runs."""
    prefix = f".{name}.reportlint-"
    try:
        candidates = [entry for entry in os.scandir(directory) if entry.name.startswith(prefix)]
    except OSError:
        return
    for entry in candidates:
        match = _STALE.fullmatch(entry.name[len(prefix):])
        if match and not _running(int(match.group(1))):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _running(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process: keep what may be in use
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
