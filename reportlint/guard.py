"""The command line's last line of defence: whatever happens, a command ends with
one line on standard error and an exit status that says what happened, never a
traceback (``--debug`` prints it too).

- 2: an error the user can act on (a ReportlintError, whose message names the
  file), or a defect of reportlint (any other exception: one line naming it and
  saying how to report it);
- 130: interrupted (Ctrl-C); 143: terminated (SIGTERM). Both are raised as
  exceptions in the main thread, so that what is running cleans up on the way
  out (the runner stops its worker processes).

The statuses 0 and 1 (no findings, findings) are the commands' own.
"""

from __future__ import annotations

import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from .errors import ReportlintError, shown, visible

EXIT_ERROR = 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM
_PACKAGE = Path(__file__).resolve().parent


class Terminated(BaseException):
    """SIGTERM, as an exception (a BaseException, so that no ``except Exception``
    on the way takes it for a file's error)."""


def say(message: str) -> None:
    """One line on standard error, whatever the message holds (sys.stderr as the
    command line set it up: what the console cannot show is replaced)."""
    click.echo(visible(message).replace("\n", "␊"), file=sys.stderr)


def fail(message: str) -> NoReturn:
    """Report an error the user can act on and exit with status 2."""
    say(f"reportlint: 错误：{message}")
    sys.exit(EXIT_ERROR)


def interrupted() -> NoReturn:
    """Ctrl-C: say so and exit with status 130."""
    say("reportlint: 已中断（Ctrl-C），检查未完成")
    sys.exit(EXIT_INTERRUPTED)


@contextmanager
def guarded(debug: bool) -> Iterator[None]:
    """Run a command so that every way it can end is one line and a status."""
    with _sigterm_raised():
        try:
            yield
        except ReportlintError as error:
            fail(str(error))
        except KeyboardInterrupt:
            interrupted()
        except Terminated:
            say("reportlint: 收到终止信号（SIGTERM），检查未完成")
            sys.exit(EXIT_TERMINATED)
        except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
            raise  # click ends these itself
        except Exception as error:  # noqa: BLE001 - the last line of defence
            if debug:
                traceback.print_exc()
            say(defect_line(error))
            sys.exit(EXIT_ERROR)


def defect_line(error: BaseException) -> str:
    """What reportlint says about an exception that is its own defect."""
    return (f"reportlint: 内部错误：{type(error).__name__}: {shown(str(error))}{_where(error)}。"
            "这是 reportlint 的缺陷，请加 --debug 重新运行，把命令、出错的文件和输出报告给维护者")


def _where(error: BaseException) -> str:
    """The innermost place in reportlint's own code that the error passed through."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        if path.is_relative_to(_PACKAGE):
            return f"（{path.relative_to(_PACKAGE.parent).as_posix()}:{frame.lineno}）"
    return ""


@contextmanager
def _sigterm_raised() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def worker_signals() -> None:
    """Signals in a worker process: SIGTERM ends it at once (the handler above is
    inherited with the fork), and Ctrl-C, which the terminal sends to every
    process of the group, is left to the main process, which stops the workers."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
