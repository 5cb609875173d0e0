"""A lint run over many files: which files, in how many processes, and what
the run as a whole reports (baseline entries and `allow` phrases that matched
nothing).

The CLI makes a LintSession (reportlint/session.py) and hands it the paths
here; linting one draft is the session's business, formatting the results the
formatters'.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, Settings, glob_match, relative_posix
from .diagnostic import Diagnostic
from .errors import ReportlintError, shown
from .guard import worker_signals
from .inputs import STDIN_NAME, display_name, read_input
from .linter import FileResult
from .rules import Rule
from .session import LintSession, Outcome, SessionOptions
from .source import Omissions

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@dataclass(frozen=True)
class FileFailure:
    """A file that could not be read, linted or written: the others still are."""

    message: str  # one line naming the file
    details: str | None = None  # for a defect of reportlint, its traceback (shown with --debug)

    @classmethod
    def of(cls, path: str, error: BaseException) -> FileFailure:
        if isinstance(error, ReportlintError):
            return cls(str(error))
        return cls(f"{display_name(path)}: 检查时出错（{type(error).__name__}: {shown(str(error))}），其余文件照常检查；"
                   "这是 reportlint 的缺陷，请加 --debug 重新运行并报告",
                   "".join(traceback.format_exception(error)))


@dataclass
class RunResult:
    results: list[FileResult] = field(default_factory=list)
    errors: list[FileFailure] = field(default_factory=list)  # files that could not be read or linted
    notes: list[str] = field(default_factory=list)  # what was not read of a draft; unused `allow` phrases
    failed: bool = False  # something reached its file's fail-on level
    rules: Sequence[Rule] = ()  # every rule that ran, by id


@dataclass(frozen=True)
class Job:
    path: str
    settings: Settings


def collect(paths: tuple[str, ...], session: LintSession, *,
            force_exclude: bool = False) -> tuple[list[Job], list[FileFailure]]:
    """The files to lint, in a stable order: explicit files as given, folders
    searched for the configured `include` globs minus `exclude` and what git
    ignores; and the folders that could not be searched whole. With
    ``force_exclude`` (a pre-commit hook names every staged file), `exclude`
    applies to explicit files too, standard input by its --stdin-filename."""
    jobs: list[Job] = []
    problems: list[str] = []
    for path in paths:
        if path != STDIN_NAME and Path(path).is_dir():
            for found in _search(Path(path), session, problems):
                jobs.append(Job(str(found), session.settings_for(str(found))))
            continue
        named = session.options.stdin_filename if path == STDIN_NAME else path
        if force_exclude and named and _excluded(Path(named), session.config_for(path)):
            continue
        jobs.append(Job(path, session.settings_for(path)))
    return jobs, [FileFailure(problem) for problem in problems]


def _excluded(path: Path, config: Config) -> bool:
    relative = relative_posix(path, config.folder)
    return any(glob_match(relative, pattern) for pattern in config.base.exclude)


def _search(directory: Path, session: LintSession, problems: list[str]) -> list[Path]:
    config = session.config_for(str(directory))
    found = []
    for candidate in _candidates(directory, problems):
        relative = relative_posix(candidate, config.folder)
        # Extensions are matched as the readers choose them: ignoring case (C.HTM).
        lowered = relative[: len(relative) - len(candidate.suffix)] + candidate.suffix.lower()
        if not any(glob_match(relative, pattern) or glob_match(lowered, pattern) for pattern in config.base.include):
            continue
        if _excluded(candidate, config):
            continue
        found.append(candidate)
    return sorted(found)


def _candidates(directory: Path, problems: list[str]) -> Iterator[Path]:
    """Regular files (or links to them) under ``directory``: a FIFO, a device or a
    dangling link in a folder is passed over, never read; a folder that cannot be
    read is a problem of the run."""
    tracked = _git_files(directory, problems)
    if tracked is not None:
        yield from (path for path in tracked if path.is_file())
        return
    yield from _walk(directory, _gitignores_above(directory), problems)


# A .gitignore file and the folder its patterns are relative to.
_Gitignore = tuple[Path, "GitIgnoreSpec"]


def _walk(top: Path, gitignores: tuple[_Gitignore, ...], problems: list[str]) -> Iterator[Path]:
    """The files under ``top`` (hidden ones left out), without those the
    .gitignore files in force ignore, as git would (for a folder outside a
    git work tree, or a machine without git). Folders wait on a list, not on
    the call stack: a tree thousands of folders deep is searched like any other
    (the caller sorts what is found)."""
    pending = [(top, gitignores)]
    while pending:
        folder, gitignores = pending.pop()
        own = _gitignore(Path(os.path.abspath(folder)))
        if own is not None:
            gitignores = (*gitignores, own)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(f"{display_name(folder)}: 无法读取目录（{error.strerror}），其中的文件未检查")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            is_folder = entry.is_dir(follow_symlinks=False)
            if _ignored(path, is_folder, gitignores):
                continue
            if is_folder:
                subfolders.append((path, gitignores))
            elif os.path.isfile(path):  # a link loop is no file (DirEntry.is_file would raise)
                yield path
        pending.extend(reversed(subfolders))  # taken in name order, as the problems are reported


def _ignored(path: Path, is_folder: bool, gitignores: tuple[_Gitignore, ...]) -> bool:
    """Whether git would ignore a path: the deepest .gitignore with a pattern
    for it decides ("!" re-includes); a folder is matched with its "/"."""
    for base, spec in reversed(gitignores):
        relative = Path(os.path.abspath(path)).relative_to(base)
        verdict = spec.check_file(relative.as_posix() + ("/" if is_folder else "")).include
        if verdict is not None:
            return verdict
    return False


def _gitignores_above(directory: Path) -> tuple[_Gitignore, ...]:
    """The .gitignore files of the folders from the working directory down to
    ``directory``'s parent, when it is below the working directory. (Paths are
    absolute but not resolved, so that a linked folder stays where it was named.)"""
    directory, top = Path(os.path.abspath(directory)), Path.cwd()
    if top not in directory.parents:
        return ()
    above = [folder for folder in reversed(directory.parents) if folder == top or top in folder.parents]
    return tuple(found for found in map(_gitignore, above) if found is not None)


def _gitignore(folder: Path) -> _Gitignore | None:
    try:
        lines = read_input(folder / ".gitignore", OSError).decode("utf-8", "replace").splitlines()
    except OSError:  # none, or one that cannot be read
        return None
    from pathspec import GitIgnoreSpec  # only folders outside git need it

    return folder, GitIgnoreSpec.from_lines(lines)


def _git_files(directory: Path, problems: list[str]) -> list[Path] | None:
    """Files git does not ignore under ``directory`` (tracked or not), or None
    outside a git work tree (or without git). What git says on the way (a folder
    it cannot open) is a problem of the run: the list may be incomplete."""
    import subprocess  # only folders are searched with git

    try:
        listing = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=directory, capture_output=True, check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in listing.stderr.decode("utf-8", "replace").splitlines():
        problems.append(f"{display_name(directory)}: git: {line.strip()}")
    names = listing.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [directory / name for name in names if name and not any(part.startswith(".") for part in Path(name).parts)]


# -- the run -----------------------------------------------------------------------


def run(jobs: list[Job], session: LintSession, *, processes: int = 1,
        progress: Callable[[int, int], None] | None = None) -> RunResult:
    outcomes = _lint_all(jobs, session, processes, progress)
    result = RunResult(rules=_RulesThatRan(jobs, session))
    used_phrases: set[str] = set()
    for job, outcome in zip(jobs, outcomes):
        if isinstance(outcome, FileFailure):
            result.errors.append(outcome)
            continue
        used_phrases |= outcome.allowed
        file_result = session.apply_baseline(outcome.result, job.settings)
        result.results.append(file_result)
        if isinstance(file_result.source.origin, Omissions):
            result.notes += [f"{display_name(file_result.path)}: {note}" for note in file_result.source.origin.omissions()]
        if any(file_result.fails(d) for d in file_result.diagnostics):
            result.failed = True
    if session.options.report_unused:
        stale = session.stale_baseline_entries()
        if stale:
            result.results = _with_added(result.results, stale)
            result.failed = True
        configured = {phrase for job in jobs for phrase in job.settings.allow}
        result.notes += [f"配置 allow 中的“{phrase}”没有抑制任何问题，可以删除。" for phrase in sorted(configured - used_phrases)]
    return result


class _RulesThatRan(Sequence):
    """The rules of a run's drafts, by id, looked up when a format first reads
    them (SARIF describes them): a run whose results all come from the results
    cache, printed as text, loads no rule."""

    def __init__(self, jobs: list[Job], session: LintSession) -> None:
        self._settings = {job.settings for job in jobs}
        self._session = session

    @cached_property
    def _rules(self) -> list[Rule]:
        active = {rule.id: rule for settings in self._settings for rule in self._session.linter_for(settings)[0].rules}
        return [active[rule_id] for rule_id in sorted(active)]

    def __getitem__(self, index):
        return self._rules[index]

    def __len__(self) -> int:
        return len(self._rules)


def _with_added(results: list[FileResult], diagnostics: list[Diagnostic]) -> list[FileResult]:
    """Results with extra diagnostics added to the files they name."""
    extra: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        extra.setdefault(diagnostic.path, []).append(diagnostic)
    return [
        replace(r, diagnostics=tuple(sorted(r.diagnostics + tuple(extra[r.path]), key=Diagnostic.sort_key)))
        if r.path in extra else r
        for r in results
    ]


def _lint_job(session: LintSession, job: Job) -> Outcome | FileFailure:
    """A draft's outcome, or why it could not be read or linted: one bad file
    must not stop the others."""
    try:
        return session.lint_path(job.path, job.settings)
    except Exception as error:  # noqa: BLE001 - whatever happens to one file is that file's error
        return FileFailure.of(job.path, error)


def _lint_batch(options: SessionOptions, jobs: list[Job]) -> list[Outcome | FileFailure]:
    """A worker process's share of a run, linted by a session of its own."""
    session = LintSession(options)
    return [_lint_job(session, job) for job in jobs]


def _lint_all(jobs: list[Job], session: LintSession, processes: int, progress) -> list[Outcome | FileFailure]:
    workers = min(processes, len(jobs))
    if workers <= 1:
        outcomes: list[Outcome | FileFailure] = []
        for job in jobs:
            outcomes.append(_lint_job(session, job))
            if progress:
                progress(len(outcomes), len(jobs))
        return outcomes
    return _lint_in_workers(jobs, session.options, workers, progress or (lambda done, total: None))


def _lint_in_workers(jobs: list[Job], options: SessionOptions, workers: int, progress) -> list[Outcome | FileFailure]:
    """Lint in worker processes, in batches, so that a worker's session serves
    many drafts; results are kept in input order. A worker that dies (killed by
    the system for its memory, say) breaks the pool and every batch in flight:
    those drafts are linted again one at a time, each in a fresh worker, so that
    the one that kills its worker is found and reported and the others linted."""
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    from .replay import abandon

    abandon()  # the workers' reads are not seen here: the run cannot be recorded

    outcomes: list[Outcome | FileFailure | None] = [None] * len(jobs)
    size = max(1, min(32, len(jobs) // (workers * 4)))
    batches = [range(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
    again: list[int] = []
    done = 0
    with _worker_pool(workers) as pool:
        futures = {pool.submit(_lint_batch, options, [jobs[index] for index in batch]): batch for batch in batches}
        for future in as_completed(futures):
            batch = futures[future]
            try:
                outcomes[batch.start:batch.stop] = future.result()
            except BrokenProcessPool:
                again.extend(batch)
                continue
            done += len(batch)
            progress(done, len(jobs))
    again.sort()
    while again:
        with _worker_pool(1) as pool:
            while again:
                index = again.pop(0)
                try:
                    (outcomes[index],) = pool.submit(_lint_batch, options, [jobs[index]]).result()
                except BrokenProcessPool:
                    outcomes[index] = FileFailure(f"{display_name(jobs[index].path)}: 检查该文件的进程意外退出"
                                                  "（可能因内存不足被系统终止），未能检查")
                    break
                finally:
                    done += 1
                    progress(done, len(jobs))
    return outcomes


@contextmanager
def _worker_pool(workers: int):
    """A process pool whose workers are stopped, not waited for, when the run is
    interrupted (Ctrl-C, SIGTERM) or fails: none is left running after reportlint ends."""
    from concurrent.futures import ProcessPoolExecutor  # only for -j: it brings multiprocessing

    pool = ProcessPoolExecutor(max_workers=workers, initializer=worker_signals)
    try:
        yield pool
    except BaseException:
        # Python 3.14 has terminate_workers(); before it, the pool's processes are
        # only reachable this way (and only until shutdown() forgets them).
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def progress_printer(stream=sys.stderr) -> Callable[[int, int], None]:
    """A one-line progress counter on a terminal's stderr."""

    def show(done: int, total: int) -> None:
        stream.write(f"\r检查进度 {done}/{total}")
        if done == total:
            stream.write("\r" + " " * 24 + "\r")
        stream.flush()

    return show
