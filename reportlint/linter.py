"""The linter: runs rules over a document and turns findings into diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .diagnostic import Diagnostic, Finding, Position, Severity
from .document import Document
from .facts import Facts
from .parser import parse
from .profile import Profile
from .rules import Rule
from .source import Source

INTERNAL_ERROR = "internal-error"


@dataclass(frozen=True)
class FileResult:
    path: str
    profile: Profile
    diagnostics: tuple[Diagnostic, ...]
    document: Document


def matches_prefix(rule_id: str, prefixes: Iterable[str]) -> bool:
    """Whether a rule id is one of, or falls under, the prefixes ("wording"
    covers "wording.placeholder"; "word" covers nothing)."""
    return any(rule_id == prefix or rule_id.startswith(prefix.rstrip(".") + ".") for prefix in prefixes)


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    chosen = [rule for rule in rules if not select or matches_prefix(rule.id, select)]
    return [rule for rule in chosen if not matches_prefix(rule.id, ignore)]


class Linter:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)

    def lint(self, source: Source, previous: Source | None = None) -> FileResult:
        """Lint a source; ``previous`` is last year's report, for the checks that compare the two."""
        document = parse(source)
        facts = Facts(document, previous=Facts(parse(previous)) if previous is not None else None)
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            try:
                for finding in rule.kind.check(facts):
                    diagnostics.append(_diagnostic(rule, finding, source))
            except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
                diagnostics.append(_internal_error(rule, error, source))
        diagnostics.sort(key=Diagnostic.sort_key)
        return FileResult(source.path, facts.profile, tuple(diagnostics), document)


def _diagnostic(rule: Rule, finding: Finding, source: Source) -> Diagnostic:
    line, column = source.position(finding.span.start)
    end_line, end_column = source.position(finding.span.end)
    fix = tuple(
        (Position(*source.position(edit.span.start)), Position(*source.position(edit.span.end)), edit.text)
        for edit in finding.edits
    )
    return Diagnostic(
        rule=rule.id,
        severity=rule.severity,
        message=rule.message.format_map(finding.args),
        path=source.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        suggestion=finding.edits[0].text if len(finding.edits) == 1 else None,
        fix=fix,
    )


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
    )
