"""A lint session: the one way a draft becomes a file result.

The session owns what linting needs besides the draft — each draft's
configuration (found above it, or the ``--config`` file), the rule packs (loaded
once per set of packs), a linter per set of settings, last year's reports (read
once) and the baselines — and keeps each as long as the session lives. It turns
a source into a file result with every suppression applied, in this order:
suppression comments, configured `allow` phrases, the baseline.

The command line makes one session per command; each worker process of ``-j``
makes its own from the same picklable SessionOptions; the Python API makes one
per call (or the caller keeps one). Nothing is cached at module level, so a new
session sees files as they are now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .baseline import Baseline
from .config import DEFAULT, Config, Settings, find_config, load_config, severity_for
from .diagnostic import Diagnostic, Severity
from .inputs import STDIN_NAME, display_name, real_path
from .linter import FileResult, Linter, select_rules
from .readers import read_bytes, read_source, reader_for
from .rules import Rule, load_rules
from .source import Source
from .suppressions import AllowedPhrases, Directives


@dataclass(frozen=True)
class SessionOptions:
    """What the caller asks for (the command line's options, the API's
    arguments); None and empty mean "as configured"."""

    config: Path | None = None  # this configuration for every draft, instead of discovery
    discover: bool = True  # find each draft's configuration above it; else the defaults (unless `config`)
    select: tuple[str, ...] = ()  # replaces the configured `select`
    ignore: tuple[str, ...] = ()  # added to the configured `ignore`
    rules: tuple[Path, ...] = ()  # rule packs besides the configured ones
    fail_on: str | None = None
    baseline: Path | None = None  # replaces the configured `baseline`
    report_unused: bool = False  # report suppression comments that suppress nothing
    keep_documents: bool = False  # results keep the parsed document (the html format shows it)
    keep_originals: bool = False  # results keep the draft's bytes (the docx format copies a Word draft)
    encoding: str | None = None  # read text formats in this encoding
    stdin_filename: str | None = None  # names standard input and chooses its reader
    previous: str | None = None  # last year's report for every draft (--previous), as the user names it


@dataclass
class Outcome:
    """A draft linted, with its suppression comments and `allow` phrases
    applied; the baseline is applied afterwards, by the session that keeps its
    count (a worker's outcome comes back to the run's session)."""

    result: FileResult
    allowed: set[str]  # `allow` phrases that suppressed something


@dataclass
class _BaselineUse:
    baseline: Baseline
    remaining: Counter  # entries not yet matched in this session
    linted: dict[str, str] = field(default_factory=dict)  # entry path → the draft's path as given


class LintSession:
    """Lints drafts with ``options``; ``rules``, when given, replace the
    built-in rules and every rule pack (a session given rules lints in its own
    process)."""

    def __init__(self, options: SessionOptions | None = None, *, rules: Sequence[Rule] | None = None) -> None:
        self.options = options or SessionOptions()
        self._given_rules = list(rules) if rules is not None else None
        self._configs: dict[Path, Config] = {}  # by file
        self._nearest: dict[Path, Path | None] = {}  # folder → the configuration file that governs it
        self._packs: dict[tuple[Path, ...], list[Rule]] = {}
        self._linters: dict[Settings, tuple[Linter, str]] = {}
        self._previous: dict[str, Source] = {}
        self._baselines: dict[Path, _BaselineUse] = {}

    # -- configuration -----------------------------------------------------------

    def config_for(self, path: str) -> Config:
        """The configuration that governs a draft or folder ("-": the current folder)."""
        if self.options.config is not None:
            return self._config(self.options.config)
        if not self.options.discover:
            return DEFAULT
        start = Path.cwd() if path == STDIN_NAME else Path(path)
        folder = real_path(start if start.is_dir() else start.parent)
        if folder not in self._nearest:
            self._nearest[folder] = find_config(folder)
        found = self._nearest[folder]
        return DEFAULT if found is None else self._config(found)

    def settings_for(self, path: str) -> Settings:
        return self.config_for(path).for_file(Path.cwd() / "-" if path == STDIN_NAME else Path(path))

    def _config(self, path: Path) -> Config:
        if path not in self._configs:
            self._configs[path] = load_config(path)
        return self._configs[path]

    # -- rules -------------------------------------------------------------------

    def linter_for(self, settings: Settings) -> tuple[Linter, str]:
        """The linter for a draft's settings (drafts mostly share settings), and
        the fail-on level that applies to the draft."""
        if settings not in self._linters:
            chosen = select_rules(self._rules(settings), self.options.select or settings.select,
                                  settings.ignore + self.options.ignore)
            severities = {}
            active = []
            for rule in chosen:
                severity = severity_for(rule.id, rule.severity, settings)
                if severity is not None:
                    active.append(rule)
                    severities[rule.id] = severity
            linter = Linter(active, severities=severities, overrides=settings.profile, aliases=settings.agencies)
            self._linters[settings] = (linter, self.options.fail_on or settings.fail_on)
        return self._linters[settings]

    def _rules(self, settings: Settings) -> list[Rule]:
        if self._given_rules is not None:
            return self._given_rules
        packs = settings.rules + self.options.rules
        if packs not in self._packs:
            self._packs[packs] = load_rules(packs)
        return self._packs[packs]

    # -- reading -------------------------------------------------------------------

    def read(self, path: str) -> Source:
        """A draft, read by the reader its name calls for (SourceError if it cannot be)."""
        return self._decoded(path, read_bytes(path))

    def _decoded(self, path: str, data: bytes) -> Source:
        name = (self.options.stdin_filename if path == STDIN_NAME else None) or display_name(path)
        return reader_for(name)(data, name, self.options.encoding)

    def previous_report(self, path: str | Path) -> Source:
        """Last year's report at ``path``, read once (SourceError, naming it, if it cannot be)."""
        key = str(path)
        if key not in self._previous:
            self._previous[key] = read_source(path, encoding=self.options.encoding)
        return self._previous[key]

    def previous_for(self, settings: Settings) -> Source | None:
        """Last year's report for a draft: --previous, else the configured `previous`."""
        path = self.options.previous or settings.previous
        return self.previous_report(path) if path is not None else None

    # -- linting -------------------------------------------------------------------

    def lint(self, source: Source, settings: Settings | None = None, previous: Source | None = None) -> Outcome:
        """Lint a draft with its suppression comments and `allow` phrases applied.
        ``settings`` default to the draft's own; ``previous`` replaces the
        configured report of last year."""
        settings = settings if settings is not None else self.settings_for(source.path)
        linter, fail_on = self.linter_for(settings)
        result = linter.lint(source, previous if previous is not None else self.previous_for(settings))
        directives = Directives.parse(source)
        allowed = AllowedPhrases(settings.allow)
        kept = [d for d in result.diagnostics if not directives.suppresses(d)]
        kept = allowed.filter(source, kept)
        if self.options.report_unused:
            kept += directives.unused(source.path)
        kept.sort(key=Diagnostic.sort_key)
        document = result.document if self.options.keep_documents else None
        return Outcome(replace(result, diagnostics=tuple(kept), document=document, fail_on=Severity(fail_on)), allowed.used)

    def lint_path(self, path: str, settings: Settings | None = None) -> Outcome:
        """Read and lint a draft (SourceError or ParseError if it cannot be read)."""
        data = read_bytes(path)
        outcome = self.lint(self._decoded(path, data), settings if settings is not None else self.settings_for(path))
        if self.options.keep_originals:
            outcome.result = replace(outcome.result, original=data)
        return outcome

    def apply_baseline(self, result: FileResult, settings: Settings) -> FileResult:
        """A result without what its baseline accepts. Entries are spent, so a
        finding found once more than recorded is reported, and the drafts are
        remembered for ``stale_baseline_entries``."""
        use = self._baseline(settings)
        if use is None:
            return result
        use.linted[use.baseline.relative(result.path)] = result.path
        return replace(result, diagnostics=tuple(use.baseline.filter(result.diagnostics, use.remaining)))

    def stale_baseline_entries(self) -> list[Diagnostic]:
        """Baseline entries for the drafts linted so far that matched nothing: their finding is gone."""
        return [entry for use in self._baselines.values() for entry in use.baseline.stale(use.remaining, use.linted)]

    def check(self, source: Source, previous: Source | None = None) -> FileResult:
        """A draft's result with every suppression applied, the baseline included."""
        settings = self.settings_for(source.path)
        return self.apply_baseline(self.lint(source, settings, previous).result, settings)

    def check_path(self, path: str) -> FileResult:
        """Read a draft and check it (SourceError or ParseError if it cannot be read)."""
        return self.check(self.read(path))

    def fixable_diagnostics(self, source: Source, settings: Settings) -> list[Diagnostic]:
        """What --fix acts on in one draft: its diagnostics after every
        suppression (a baselined or suppressed finding is accepted as it stands).
        Each pass of a fix starts from the whole baseline."""
        diagnostics = list(self.lint(source, settings).result.diagnostics)
        use = self._baseline(settings)
        if use is not None:
            diagnostics = use.baseline.filter(diagnostics, Counter(use.baseline.entries))
        return [diagnostic for diagnostic in diagnostics if diagnostic.fix]

    def _baseline(self, settings: Settings) -> _BaselineUse | None:
        path = self.options.baseline or settings.baseline
        if path is None:
            return None
        if path not in self._baselines:
            loaded = Baseline.load(path)
            self._baselines[path] = _BaselineUse(loaded, Counter(loaded.entries))
        return self._baselines[path]
