"""The linter: runs rules over a document and turns findings into diagnostics."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diagnostic import Diagnostic, Finding, Position, Severity, bounded
from .profile_model import Profile, ProfileOverrides
from .rules import Rule, matches_prefix
from .source import Omissions, Source

if TYPE_CHECKING:
    from .document import Document

INTERNAL_ERROR = "internal-error"


@dataclass(frozen=True)
class FileResult:
    path: str
    profile: Profile
    diagnostics: tuple[Diagnostic, ...]
    source: Source
    # The parsed document, for formats that show its structure (html); a run
    # drops it otherwise, so that worker processes do not send it back.
    document: Document | None
    # The draft's bytes, for formats that copy the original (docx); likewise
    # kept only when asked for.
    original: bytes | None = None
    # The level from which a diagnostic fails the run (the file's `fail-on`,
    # stamped by the session): the exit status and JUnit's failures follow it.
    fail_on: Severity = Severity.WARNING

    def fails(self, diagnostic: Diagnostic) -> bool:
        return diagnostic.severity.rank >= self.fail_on.rank


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    chosen = [rule for rule in rules if not select or matches_prefix(rule.id, select)]
    return [rule for rule in chosen if not matches_prefix(rule.id, ignore)]


class Linter:
    """Runs rules over documents.

    ``severities`` overrides a rule's default severity (by rule id);
    ``overrides`` fixes profile fields the document does not state yet, and
    ``aliases`` are the agency's other names (both from configuration).
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        *,
        severities: Mapping[str, Severity] | None = None,
        overrides: ProfileOverrides | None = None,
        aliases: tuple[str, ...] = (),
    ) -> None:
        self.rules = list(rules)
        self.severities = dict(severities or {})
        self.overrides = overrides or ProfileOverrides()
        self.aliases = aliases

    def lint(self, source: Source, previous: Source | None = None) -> FileResult:
        """Lint a source; ``previous`` is last year's report, for the checks that compare the two."""
        with _collector_paused():
            return self._lint(source, previous)

    def _lint(self, source: Source, previous: Source | None) -> FileResult:
        # The parser, the number layer and the views the checks share are
        # imported by the first lint, not with the linter: a run whose results
        # come from the results cache needs none of them.
        from .facts import Facts
        from .genre import Genre
        from .parser import parse
        from .profile import infer_profile

        document = parse(source)
        profile = infer_profile(document).overridden(self.overrides, self.aliases)
        facts = Facts(document, profile, previous=Facts(parse(previous)) if previous is not None else None)
        diagnostics: list[Diagnostic] = []
        genre = facts.genre.genre
        if genre is Genre.REPORT and isinstance(source.origin, Omissions) and source.origin.omissions():
            # Pages that could not be read (a PDF's scanned pages): what was read
            # is checked as an excerpt is, so that no part or table is called
            # missing because it is on a picture; the run's note names the pages.
            genre = Genre.EXCERPT
        for rule in self.rules:
            if genre not in rule.kind.reads:
                continue
            severity = self.severities.get(rule.id, rule.severity)
            try:
                for finding in rule.kind.check(facts):
                    stated = severity if finding.proven or severity.rank <= Severity.WARNING.rank else Severity.WARNING
                    diagnostics.append(_diagnostic(rule, stated, finding, source))
            except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
                diagnostics.append(_internal_error(rule, error, source))
        diagnostics.sort(key=Diagnostic.sort_key)
        return FileResult(source.path, facts.profile, tuple(diagnostics), source, document)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing and checking a long draft allocates millions of objects without
    cycles (tokens, nodes, matches), which reference counting frees; the cyclic
    garbage collector's passes over them made time grow faster than the draft
    (16 MB: 12.7 s with it, 7.5 s without)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def fingerprint(rule_id: str, source: Source, start: int, end: int) -> str:
    """A fingerprint of a finding that survives edits elsewhere: the rule and the
    text of the span with a little context on its line, spaces ignored — not its
    line number, so a finding keeps it when lines are inserted above. Of a very
    long span only its two ends count, so that thousands of findings over a long
    stretch (5,000 nested 《) cost no more than short ones."""
    text = source.text
    before = text[max(0, start - _CONTEXT):start]
    after = text[end:end + _CONTEXT]
    before = before[before.rfind("\n") + 1:]
    newline = after.find("\n")
    after = after if newline == -1 else after[:newline]
    if end - start > 2 * _SPAN_ENDS:
        spanned = text[start:start + _SPAN_ENDS] + text[end - _SPAN_ENDS:end]
    else:
        spanned = text[start:end]
    context = before + spanned + after
    digest = hashlib.sha256(f"{rule_id}\x00{''.join(context.split())}".encode())
    return digest.hexdigest()[:16]


# Characters of context on each side of a span that its fingerprint covers.
_CONTEXT = 12
# Of a span longer than twice this, the fingerprint covers this much at each end.
_SPAN_ENDS = 4000


def _diagnostic(rule: Rule, severity: Severity, finding: Finding, source: Source) -> Diagnostic:
    line, column = source.position(finding.span.start)
    end_line, end_column = source.position(finding.span.end)
    fix = tuple(
        (Position(*source.position(edit.span.start)), Position(*source.position(edit.span.end)), edit.text)
        for edit in finding.edits
    )
    return Diagnostic(
        rule=rule.id,
        severity=severity,
        message=rule.message.format_map(
            {name: bounded(value) if isinstance(value, str) else value for name, value in finding.args.items()}
        ),
        path=source.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        suggestion=_suggestion(finding),
        fix=fix if rule.fixable else (),
        fingerprint=fingerprint(rule.id, source, finding.span.start, finding.span.end),
        location=source.location(finding.span.start, finding.span.end),
    )


def _suggestion(finding: Finding) -> str | None:
    if finding.suggestion is not None:
        return bounded(finding.suggestion)
    return bounded(finding.edits[0].text) if len(finding.edits) == 1 else None


def _internal_error(rule: Rule, error: Exception, source: Source) -> Diagnostic:
    return Diagnostic(
        rule=INTERNAL_ERROR,
        severity=Severity.ERROR,
        message=f"规则 {rule.id} 运行出错（{type(error).__name__}: {error}），其余规则照常检查",
        path=source.path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        fingerprint=fingerprint(INTERNAL_ERROR, source, 0, 0),
    )
