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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Settings, glob_match, relative_posix
from .diagnostic import Diagnostic
from .linter import FileResult
from .parser import ParseError
from .readers import STDIN_NAME
from .rules import Rule
from .session import LintSession, Outcome, SessionOptions
from .source import SourceError


@dataclass
class RunResult:
    results: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files that could not be read
    notes: list[str] = field(default_factory=list)  # unused `allow` phrases
    failed: bool = False  # something reached its file's fail-on level
    rules: list[Rule] = field(default_factory=list)  # every rule that ran, by id


@dataclass(frozen=True)
class Job:
    path: str
    settings: Settings


def collect(paths: tuple[str, ...], session: LintSession) -> list[Job]:
    """The files to lint, in a stable order: explicit files as given, folders
    searched for the configured `include` globs minus `exclude` and what git
    ignores."""
    jobs: list[Job] = []
    for path in paths:
        if path != STDIN_NAME and Path(path).is_dir():
            for found in _search(Path(path), session):
                jobs.append(Job(str(found), session.settings_for(str(found))))
        else:
            jobs.append(Job(path, session.settings_for(path)))
    return jobs


def _search(directory: Path, session: LintSession) -> list[Path]:
    config = session.config_for(str(directory))
    base = config.path.parent if config.path else Path.cwd()
    found = []
    for candidate in _candidates(directory):
        settings = config.for_file(candidate)
        relative = relative_posix(candidate, base)
        # Extensions are matched as the readers choose them: ignoring case (C.HTM).
        lowered = relative[: len(relative) - len(candidate.suffix)] + candidate.suffix.lower()
        if not any(glob_match(relative, pattern) or glob_match(lowered, pattern) for pattern in settings.include):
            continue
        if any(glob_match(relative, pattern) for pattern in settings.exclude):
            continue
        found.append(candidate)
    return sorted(found)


def _candidates(directory: Path) -> Iterator[Path]:
    tracked = _git_files(directory)
    if tracked is not None:
        yield from (path for path in tracked if path.is_file())
        return
    for root, folders, files in os.walk(directory):
        folders[:] = [folder for folder in folders if not folder.startswith(".")]
        yield from (Path(root) / name for name in files if not name.startswith("."))


def _git_files(directory: Path) -> list[Path] | None:
    """Files git does not ignore under ``directory`` (tracked or not), or None
    outside a git work tree (or without git)."""
    import subprocess  # only folders are searched with git

    try:
        listing = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=directory, capture_output=True, check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    names = listing.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [directory / name for name in names if name and not any(part.startswith(".") for part in Path(name).parts)]


# -- the run -----------------------------------------------------------------------


def run(jobs: list[Job], session: LintSession, *, processes: int = 1,
        progress: Callable[[int, int], None] | None = None) -> RunResult:
    outcomes = _lint_all(jobs, session, processes, progress)
    result = RunResult()
    active = {rule.id: rule for settings in {job.settings for job in jobs} for rule in session.linter_for(settings)[0].rules}
    result.rules = [active[rule_id] for rule_id in sorted(active)]
    used_phrases: set[str] = set()
    for job, outcome in zip(jobs, outcomes):
        if isinstance(outcome, str):
            result.errors.append(outcome)
            continue
        used_phrases |= outcome.allowed
        file_result = session.apply_baseline(outcome.result, job.settings)
        result.results.append(file_result)
        if any(file_result.fails(d) for d in file_result.diagnostics):
            result.failed = True
    if session.options.report_unused:
        stale = session.stale_baseline_entries()
        if stale:
            result.results = _with_added(result.results, stale)
            result.failed = True
        configured = {phrase for job in jobs for phrase in job.settings.allow}
        result.notes = [f"配置 allow 中的“{phrase}”没有抑制任何问题，可以删除。" for phrase in sorted(configured - used_phrases)]
    return result


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


def _lint_job(session: LintSession, job: Job) -> Outcome | str:
    """A draft's outcome, or the message saying why it could not be read: one
    bad file must not stop the others."""
    try:
        return session.lint_path(job.path, job.settings)
    except (SourceError, ParseError) as error:
        return str(error)


def _lint_batch(options: SessionOptions, jobs: list[Job]) -> list[Outcome | str]:
    """A worker process's share of a run, linted by a session of its own."""
    session = LintSession(options)
    return [_lint_job(session, job) for job in jobs]


def _lint_all(jobs: list[Job], session: LintSession, processes: int, progress) -> list[Outcome | str]:
    workers = min(processes, len(jobs))
    outcomes: list[Outcome | str] = []
    if workers <= 1:
        for job in jobs:
            outcomes.append(_lint_job(session, job))
            if progress:
                progress(len(outcomes), len(jobs))
        return outcomes
    from concurrent.futures import ProcessPoolExecutor  # only for -j: it brings multiprocessing

    # Batches rather than single jobs, so that a worker's session serves many
    # drafts; results come back in input order.
    size = max(1, min(32, len(jobs) // (workers * 4)))
    batches = [jobs[start:start + size] for start in range(0, len(jobs), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in pool.map(_lint_batch, [session.options] * len(batches), batches):
            outcomes.extend(batch)
            if progress:
                progress(len(outcomes), len(jobs))
    return outcomes


def progress_printer(stream=sys.stderr) -> Callable[[int, int], None]:
    """A one-line progress counter on a terminal's stderr."""

    def show(done: int, total: int) -> None:
        stream.write(f"\r检查进度 {done}/{total}")
        if done == total:
            stream.write("\r" + " " * 24 + "\r")
        stream.flush()

    return show
