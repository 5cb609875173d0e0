"""Reading the files a user names — drafts, rule files, configuration,
baselines, cache entries — in one way that cannot hang, exhaust memory or crash.

- Only regular files are read. A FIFO, a device such as /dev/zero or a socket is
  refused before it is opened for reading (a FIFO would wait forever for a
  writer, /dev/zero never ends); standard input is read through "-".
- At most ``MAX_INPUT_BYTES`` are read; a larger file is refused with its size.
- Every failure is one error naming the file, of the caller's error type.

A file name that is not UTF-8 (a GBK name from a Windows archive) reaches Python
with surrogate escapes: it is kept as it is for I/O and shown with replacement
characters (``display_name``) wherever a person or a UTF-8 format reads it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

# The largest file read: eight times the longest report measured (docs/performance.md
# shows time and memory growing linearly up to 16 MB).
MAX_INPUT_BYTES = 32 * 2**20
STDIN_NAME = "-"

_NONBLOCKING = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_BINARY = getattr(os, "O_BINARY", 0)  # Windows
# Told of every file read (its path and bytes) while a run is recorded for
# replaying (reportlint/replay.py); None otherwise.
_observer = None


def observe_reads(observer) -> None:
    """Have ``observer(path, data)`` called for every file read from now on (None: no longer)."""
    global _observer
    _observer = observer


def read_input(path: str | Path, error: type[Exception], *, limit: int = MAX_INPUT_BYTES, observed: bool = True) -> bytes:
    """The bytes of a regular file (or of standard input for "-"), or ``error``
    with a one-line message naming the file. A read that is ``observed`` is
    what a run depends on (a cache's own entries are not)."""
    data = _read(path, error, limit)
    if observed and _observer is not None:
        _observer(path, data)
    return data


def _read(path: str | Path, error: type[Exception], limit: int) -> bytes:
    name = display_name(path)
    if str(path) == STDIN_NAME:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise error(f"{name}: 没有标准输入")
        return _bounded_read(stream, name, error, limit)
    try:
        # stat before open: opening some devices has effects of its own.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise error(_not_regular(path, name))
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCKING | _BINARY)
    except OSError as problem:
        raise error(f"{name}: {_reason(problem, path)}") from None
    with open(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):  # replaced between stat and open
            raise error(_not_regular(path, name))
        if status.st_size > limit:
            raise error(_too_large(name, status.st_size, limit))
        try:
            return _bounded_read(handle, name, error, limit, expected=status.st_size)
        except OSError as problem:
            raise error(f"{name}: {_reason(problem, path)}") from None


def _bounded_read(stream, name: str, error: type[Exception], limit: int, expected: int | None = None) -> bytes:
    """At most ``limit`` bytes. A file of known size is read as that size and one
    byte more (to see it grow): asking for the whole limit at once would allocate
    it, which costs more than reading a rule file."""
    first = limit if expected is None else min(expected, limit)
    data = stream.read(first + 1)
    if first < len(data) <= limit:
        data += stream.read(limit + 1 - len(data))
    if len(data) > limit:
        raise error(_too_large(name, None, limit))
    return data


def _too_large(name: str, size: int | None, limit: int) -> str:
    actual = f"{size / 2**20:.0f} MB，" if size is not None else ""
    return f"{name}: 文件过大（{actual}上限为 {limit // 2**20} MB），不读取"


def _not_regular(path: str | Path, name: str) -> str:
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        return f"{name}: 是目录，不是文件"
    return f"{name}: 不是普通文件（设备、管道或套接字），不读取"


def _reason(problem: OSError, path: str | Path) -> str:
    if problem.errno == errno.ENOENT:
        return "是失效的符号链接（指向的文件不存在）" if os.path.islink(path) else "文件不存在"
    if problem.errno == errno.ELOOP:
        return "符号链接循环，无法读取"
    if problem.errno in (errno.EACCES, errno.EPERM):
        return "没有读取权限"
    if problem.errno == errno.EISDIR:
        return "是目录，不是文件"
    return f"无法读取（{problem.strerror or type(problem).__name__}）"


def display_name(path: str | Path) -> str:
    """A path as a person reads it: bytes that are not UTF-8 (kept by Python as
    surrogate escapes) become U+FFFD, so that text output, JSON and XML stay valid."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def real_path(path: str | Path) -> Path:
    """The absolute path with symbolic links resolved as far as they go: a link
    loop or a missing file ends the resolution instead of raising (Path.resolve
    raises RuntimeError on a loop before Python 3.13)."""
    return Path(os.path.realpath(path))
