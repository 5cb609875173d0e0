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
from typing import TYPE_CHECKING

from .config import Config, Settings, glob_match, relative_posix
from .diagnostic import Diagnostic
from .linter import FileResult
from .parser import ParseError
from .readers import STDIN_NAME
from .rules import Rule
from .session import LintSession, Outcome, SessionOptions
from .source import SourceError

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


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


def collect(paths: tuple[str, ...], session: LintSession, *, force_exclude: bool = False) -> list[Job]:
    """The files to lint, in a stable order: explicit files as given, folders
    searched for the configured `include` globs minus `exclude` and what git
    ignores. With ``force_exclude`` (a pre-commit hook names every staged
    file), `exclude` applies to explicit files too, standard input by its
    --stdin-filename."""
    jobs: list[Job] = []
    for path in paths:
        if path != STDIN_NAME and Path(path).is_dir():
            for found in _search(Path(path), session):
                jobs.append(Job(str(found), session.settings_for(str(found))))
            continue
        named = session.options.stdin_filename if path == STDIN_NAME else path
        if force_exclude and named and _excluded(Path(named), session.config_for(path)):
            continue
        jobs.append(Job(path, session.settings_for(path)))
    return jobs


def _excluded(path: Path, config: Config) -> bool:
    relative = relative_posix(path, config.folder)
    return any(glob_match(relative, pattern) for pattern in config.base.exclude)


def _search(directory: Path, session: LintSession) -> list[Path]:
    config = session.config_for(str(directory))
    found = []
    for candidate in _candidates(directory):
        relative = relative_posix(candidate, config.folder)
        # Extensions are matched as the readers choose them: ignoring case (C.HTM).
        lowered = relative[: len(relative) - len(candidate.suffix)] + candidate.suffix.lower()
        if not any(glob_match(relative, pattern) or glob_match(lowered, pattern) for pattern in config.base.include):
            continue
        if _excluded(candidate, config):
            continue
        found.append(candidate)
    return sorted(found)


def _candidates(directory: Path) -> Iterator[Path]:
    tracked = _git_files(directory)
    if tracked is not None:
        yield from (path for path in tracked if path.is_file())
        return
    yield from _walk(directory, _gitignores_above(directory))


# A .gitignore file and the folder its patterns are relative to.
_Gitignore = tuple[Path, "GitIgnoreSpec"]


def _walk(folder: Path, gitignores: tuple[_Gitignore, ...]) -> Iterator[Path]:
    """The files under ``folder`` (hidden ones left out), without those the
    .gitignore files in force ignore, as git would (for a folder outside a
    git work tree, or a machine without git)."""
    own = _gitignore(Path(os.path.abspath(folder)))
    if own is not None:
        gitignores = (*gitignores, own)
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        is_folder = entry.is_dir(follow_symlinks=False)
        if _ignored(path, is_folder, gitignores):
            continue
        if is_folder:
            yield from _walk(path, gitignores)
        elif entry.is_file():
            yield path


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
    path = folder / ".gitignore"
    if not path.is_file():
        return None
    from pathspec import GitIgnoreSpec  # only folders outside git need it

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return folder, GitIgnoreSpec.from_lines(lines)


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
