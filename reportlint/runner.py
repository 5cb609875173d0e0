"""A lint run over many files: which files, with which settings, in how many
processes, and what survives the suppressions.

The CLI parses options into RunOptions and hands the paths here; formatting
the results is the formatters' business.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .baseline import Baseline
from .config import Config, Settings, discover, forget_loaded, glob_match, load_config, relative_posix, severity_for
from .diagnostic import Diagnostic, Severity
from .linter import FileResult, Linter, select_rules
from .parser import ParseError
from .rules import Rule, load_rules
from .readers import STDIN_NAME, read_source
from .source import Source, SourceError
from .suppressions import AllowedPhrases, Directives


@dataclass(frozen=True)
class RunOptions:
    """What the command line says; None and empty mean "as configured"."""

    config: Path | None = None
    select: tuple[str, ...] = ()  # replaces the configured `select`
    ignore: tuple[str, ...] = ()  # added to the configured `ignore`
    rules: tuple[Path, ...] = ()  # rule packs besides the configured ones
    fail_on: str | None = None
    baseline: Path | None = None
    report_unused: bool = False
    jobs: int = 1
    keep_documents: bool = False  # results keep the parsed document (the html format shows it)
    encoding: str | None = None  # read text formats in this encoding
    stdin_filename: str | None = None  # names standard input and chooses its reader
    previous: Source | None = None  # last year's report (--previous), for a run over one draft


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


def settings_for(path: str, options: RunOptions) -> Settings:
    return config_for(path, options).for_file(Path.cwd() / "-" if path == STDIN_NAME else Path(path))


def config_for(path: str, options: RunOptions) -> Config:
    if options.config is not None:
        return load_config(options.config)
    return discover(Path.cwd() if path == STDIN_NAME else Path(path))


def collect(paths: tuple[str, ...], options: RunOptions) -> list[Job]:
    """The files to lint, in a stable order: explicit files as given, folders
    searched for the configured `include` globs minus `exclude` and what git
    ignores. A run starts here, so what earlier runs cached is dropped."""
    forget_loaded()
    _LINTERS.clear()
    _PACKS.clear()
    _PREVIOUS.clear()
    jobs: list[Job] = []
    for path in paths:
        if path != STDIN_NAME and Path(path).is_dir():
            for found in _search(Path(path), options):
                jobs.append(Job(str(found), settings_for(str(found), options)))
        else:
            jobs.append(Job(path, settings_for(path, options)))
    return jobs


def _search(directory: Path, options: RunOptions) -> list[Path]:
    config = config_for(str(directory), options)
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


# -- linting one file (in this process or a worker) ------------------------------

_LINTERS: dict[tuple, tuple[Linter, str]] = {}
_PACKS: dict[tuple[Path, ...], list[Rule]] = {}
_PREVIOUS: dict[Path, Source] = {}


def linter_for(settings: Settings, options: RunOptions) -> tuple[Linter, str]:
    """The linter for a file's settings (cached: files mostly share settings),
    and the fail-on level that applies to it."""
    key = (settings, options.select, options.ignore, options.rules, options.fail_on)
    if key not in _LINTERS:
        packs = tuple(settings.rules) + tuple(options.rules)
        if packs not in _PACKS:
            _PACKS[packs] = load_rules(list(packs))
        chosen = select_rules(_PACKS[packs], options.select or settings.select, settings.ignore + options.ignore)
        severities = {}
        active = []
        for rule in chosen:
            severity = severity_for(rule.id, rule.severity, settings)
            if severity is not None:
                active.append(rule)
                severities[rule.id] = severity
        linter = Linter(active, severities=severities, overrides=settings.profile, aliases=settings.agencies)
        _LINTERS[key] = (linter, options.fail_on or settings.fail_on)
    return _LINTERS[key]


@dataclass
class Outcome:
    result: FileResult | None
    error: str | None
    allowed: set[str]  # `allow` phrases that suppressed something
    fail_on: str = "warning"


def read_job(job: Job, options: RunOptions) -> Source:
    """A job's draft, read by the reader its name calls for (SourceError if it cannot be)."""
    name = options.stdin_filename if job.path == STDIN_NAME else None
    return read_source(job.path, encoding=options.encoding, name=name)


def lint_job(job: Job, options: RunOptions) -> Outcome:
    try:
        return lint_source(read_job(job, options), job.settings, options)
    except (SourceError, ParseError) as error:
        return Outcome(None, str(error), set())


def previous_for(settings: Settings, options: RunOptions) -> Source | None:
    """Last year's report for a draft: --previous, else the configured `previous`
    (read once per run; SourceError, naming it, if it cannot be read)."""
    if options.previous is not None or settings.previous is None:
        return options.previous
    if settings.previous not in _PREVIOUS:
        _PREVIOUS[settings.previous] = read_source(settings.previous, encoding=options.encoding)
    return _PREVIOUS[settings.previous]


def lint_source(source: Source, settings: Settings, options: RunOptions) -> Outcome:
    linter, fail_on = linter_for(settings, options)
    result = linter.lint(source, previous_for(settings, options))
    directives = Directives.parse(source)
    allowed = AllowedPhrases(settings.allow)
    kept = [d for d in result.diagnostics if not directives.suppresses(d)]
    kept = allowed.filter(source, kept)
    if options.report_unused:
        kept += directives.unused(source.path)
    kept.sort(key=Diagnostic.sort_key)
    document = result.document if options.keep_documents else None
    return Outcome(replace(result, diagnostics=tuple(kept), document=document), None, allowed.used, fail_on)


# -- the run -----------------------------------------------------------------------


def run(jobs: list[Job], options: RunOptions, progress: Callable[[int, int], None] | None = None) -> RunResult:
    outcomes = _lint_all(jobs, options, progress)
    result = RunResult()
    active = {rule.id: rule for settings in {job.settings for job in jobs} for rule in linter_for(settings, options)[0].rules}
    result.rules = [active[rule_id] for rule_id in sorted(active)]
    # Each baseline in use, with what is left of its entries and the drafts it covered.
    baselines: dict[Path, tuple[Baseline, Counter, dict[str, str]]] = {}
    used_phrases: set[str] = set()
    for job, outcome in zip(jobs, outcomes):
        if outcome.error:
            result.errors.append(outcome.error)
            continue
        file_result = outcome.result
        used_phrases |= outcome.allowed
        baseline_path = baseline_for(job, options)
        if baseline_path is not None:
            if baseline_path not in baselines:
                loaded = Baseline.load(baseline_path)
                baselines[baseline_path] = (loaded, Counter(loaded.entries), {})
            baseline, remaining, linted = baselines[baseline_path]
            linted[baseline.relative(file_result.path)] = file_result.path
            file_result = replace(file_result, diagnostics=tuple(baseline.filter(file_result.diagnostics, remaining)))
        result.results.append(file_result)
        threshold = Severity(outcome.fail_on).rank
        if any(d.severity.rank >= threshold for d in file_result.diagnostics):
            result.failed = True
    if options.report_unused:
        stale = [entry for baseline, remaining, linted in baselines.values() for entry in baseline.stale(remaining, linted)]
        if stale:
            result.results = _with_added(result.results, stale)
            result.failed = True
        configured = {phrase for job in jobs for phrase in job.settings.allow}
        result.notes = [f"配置 allow 中的“{phrase}”没有抑制任何问题，可以删除。" for phrase in sorted(configured - used_phrases)]
    return result


def baseline_for(job: Job, options: RunOptions) -> Path | None:
    return options.baseline or job.settings.baseline


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


def _lint_all(jobs: list[Job], options: RunOptions, progress) -> list[Outcome]:
    workers = min(options.jobs, len(jobs))
    if workers <= 1:
        outcomes = []
        for index, job in enumerate(jobs):
            outcomes.append(lint_job(job, options))
            if progress:
                progress(index + 1, len(jobs))
        return outcomes
    from concurrent.futures import ProcessPoolExecutor  # only for -j: it brings multiprocessing

    # Workers keep their own linter caches; results come back in input order.
    chunk = max(1, min(32, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        outcomes = []
        for index, outcome in enumerate(pool.map(lint_job, jobs, [options] * len(jobs), chunksize=chunk)):
            outcomes.append(outcome)
            if progress:
                progress(index + 1, len(jobs))
        return outcomes


def progress_printer(stream=sys.stderr) -> Callable[[int, int], None]:
    """A one-line progress counter on a terminal's stderr."""

    def show(done: int, total: int) -> None:
        stream.write(f"\r检查进度 {done}/{total}")
        if done == total:
            stream.write("\r" + " " * 24 + "\r")
        stream.flush()

    return show


def fixable_diagnostics(job: Job, source: Source, options: RunOptions) -> list[Diagnostic]:
    """What --fix acts on in one file: its diagnostics after every suppression
    (a baselined or suppressed finding is accepted as it stands)."""
    diagnostics = list(lint_source(source, job.settings, options).result.diagnostics)
    baseline_path = baseline_for(job, options)
    if baseline_path is not None:
        baseline = Baseline.load(baseline_path)
        diagnostics = baseline.filter(diagnostics, Counter(baseline.entries))
    return [diagnostic for diagnostic in diagnostics if diagnostic.fix]
