"""The reviewed corpus: a verdict for every warning and error on every real report.

Each real report in ../shared (corpus/, corpus/pingtan-archive/, corpus/web-pages/,
seeds/) has a verdict file here, ``verdicts/<folder>/<file stem>.yaml``: a YAML
list, one finding per line, sorted by position, each written as

    - {rule: wording.draft-time, at: "1:2605", text: "截止目前", verdict: TP, reason: "…"}

``at`` is the line and column where the finding's span starts and ``text`` the
span's text (the first line of it, at most 40 characters), both in the text
reportlint reads (for a web page, the extracted text that `inspect --tree`
shows). Two findings of one rule on one span (a list of missing parts on the
title) are told apart by ``n: 2``, ``n: 3`` … in the order of their messages.
The reports are read-only copies, so positions never move unless a reader or
the span of a check changes; then the test names the entry to update.

``verdict`` is TP (the office that wrote the report would agree it is a defect)
or FP (it would not), and ``reason`` says why in one line. FP entries stay when
their false alarm is fixed: they record what was fixed.

Run ``python tests/corpus/verdicts.py`` for the precision table of the current
code (docs/accuracy.md explains it).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))

from conftest import SHARED  # noqa: E402

from reportlint.diagnostic import Diagnostic, Severity  # noqa: E402
from reportlint.session import LintSession, SessionOptions  # noqa: E402

VERDICTS = Path(__file__).resolve().parent / "verdicts"
# Where the real reports are, under ../shared, and which files of each folder are reports.
FOLDERS = {"corpus": "*.txt", "corpus/pingtan-archive": "*.txt", "corpus/web-pages": "*.html", "seeds": "*.txt"}
_TEXT_LENGTH = 40
VERDICT_VALUES = ("TP", "FP")


def real_reports() -> list[Path]:
    """Every real report under ../shared ([] where it is absent)."""
    return [path for folder, pattern in FOLDERS.items() if (SHARED / folder).is_dir()
            for path in sorted((SHARED / folder).glob(pattern))]


def verdict_file(report: Path) -> Path:
    return VERDICTS / report.parent.relative_to(SHARED) / f"{report.stem}.yaml"


@dataclass(frozen=True)
class Key:
    """What identifies a finding across runs: its rule, where its span starts, its text."""

    rule: str
    at: str
    text: str
    n: int = 1

    def sort_key(self) -> tuple:
        line, column = (int(part) for part in self.at.split(":"))
        return line, column, self.rule, self.text, self.n


@dataclass(frozen=True)
class Verdict:
    key: Key
    verdict: str
    reason: str

    def line(self) -> str:
        return entry_line(self.key, self.verdict, self.reason)


@dataclass(frozen=True)
class Finding:
    """A warning or error of the current run, with its key."""

    key: Key
    severity: str
    message: str

    def entry(self) -> str:
        """The line to add to the verdict file: choose the verdict, write the reason."""
        return entry_line(self.key, "TP|FP", "…") + f"  # {self.severity}: {self.message}"


def entry_line(key: Key, verdict: str, reason: str) -> str:
    fields = [f"rule: {key.rule}", f'at: "{key.at}"', f"text: {_quoted(key.text)}"]
    if key.n != 1:
        fields.append(f"n: {key.n}")
    return "- {" + ", ".join([*fields, f"verdict: {verdict}", f"reason: {_quoted(reason)}"]) + "}"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def load_verdicts(path: Path) -> list[Verdict]:
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    verdicts = []
    for entry in entries:
        assert entry.get("verdict") in VERDICT_VALUES, f"{path}: verdict must be TP or FP: {entry}"
        assert str(entry.get("reason", "")).strip(), f"{path}: every verdict needs a reason: {entry}"
        key = Key(entry["rule"], str(entry["at"]), str(entry["text"]), int(entry.get("n", 1)))
        verdicts.append(Verdict(key, entry["verdict"], str(entry["reason"])))
    return verdicts


def write_verdicts(report: Path, verdicts: list[Verdict]) -> None:
    """Write a report's verdict file, sorted, one entry a line (so that branches
    adding entries merge line by line)."""
    path = verdict_file(report)
    path.parent.mkdir(parents=True, exist_ok=True)
    ordered = sorted(verdicts, key=lambda verdict: verdict.key.sort_key())
    header = f"# Reviewed warnings and errors of ../shared/{report.relative_to(SHARED)} (format: tests/corpus/verdicts.py)\n"
    path.write_text(header + "".join(verdict.line() + "\n" for verdict in ordered), encoding="utf-8")


def findings(report: Path, session: LintSession | None = None) -> list[Finding]:
    """The warnings and errors reportlint reports on a real report now, keyed."""
    session = session or LintSession(SessionOptions(discover=False))
    source = session.read(str(report))
    diagnostics = [d for d in session.check(source).diagnostics if d.severity in (Severity.WARNING, Severity.ERROR)]
    counts: Counter = Counter()
    keyed = []
    for diagnostic in sorted(diagnostics, key=Diagnostic.sort_key):
        start = source.offset(diagnostic.line, diagnostic.column)
        line_end = source.line_bounds(start)[1]
        end = min(source.offset(diagnostic.end_line, diagnostic.end_column), line_end, start + _TEXT_LENGTH)
        base = (diagnostic.rule, f"{diagnostic.line}:{diagnostic.column}", source.text[start:end])
        counts[base] += 1
        keyed.append(Finding(Key(*base, counts[base]), diagnostic.severity.value, diagnostic.message))
    return keyed


@dataclass
class Review:
    """A report's findings set against its verdicts."""

    report: Path
    unreviewed: list[Finding]  # a warning or error without a verdict
    false_alarms: list[Verdict]  # an FP verdict whose finding is still reported
    lost: list[Verdict]  # a TP verdict whose finding is no longer reported
    matched: list[tuple[Finding, Verdict]]

    def moved(self, finding: Finding) -> Verdict | None:
        """A lost verdict of the same rule and text, or the same rule and place:
        the finding's span moved, or took in more or less text."""
        return next((v for v in self.lost if v.key.rule == finding.key.rule and v.key.n == finding.key.n
                     and (v.key.text == finding.key.text or v.key.at == finding.key.at)), None)


def review(report: Path, session: LintSession | None = None) -> Review:
    verdicts = {verdict.key: verdict for verdict in load_verdicts(verdict_file(report))}
    found = findings(report, session)
    found_keys = {finding.key for finding in found}
    matched = [(finding, verdicts[finding.key]) for finding in found if finding.key in verdicts]
    return Review(
        report,
        unreviewed=[finding for finding in found if finding.key not in verdicts],
        false_alarms=[verdict for _, verdict in matched if verdict.verdict == "FP"],
        lost=[verdict for key, verdict in verdicts.items() if verdict.verdict == "TP" and key not in found_keys],
        matched=matched,
    )


def precision_table(reviews: list[Review]) -> str:
    """Precision of the warnings and errors now reported, per rule and overall,
    errors and warnings apart (unreviewed findings are counted apart)."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for report_review in reviews:
        for finding, verdict in report_review.matched:
            counts[(finding.key.rule, finding.severity)][verdict.verdict] += 1
        for finding in report_review.unreviewed:
            counts[(finding.key.rule, finding.severity)]["?"] += 1
    lines = ["| rule | severity | TP | FP | unreviewed | precision |", "|---|---|---|---|---|---|"]
    totals: dict[str, Counter] = defaultdict(Counter)
    for (rule, severity), count in sorted(counts.items()):
        lines.append(f"| {rule} | {severity} | {count['TP']} | {count['FP']} | {count['?']} | {_precision(count)} |")
        totals[severity].update(count)
        totals["warning+error"].update(count)
    for label in ("error", "warning", "warning+error"):
        count = totals[label]
        lines.append(f"| **all** | {label} | {count['TP']} | {count['FP']} | {count['?']} | {_precision(count)} |")
    return "\n".join(lines)


def _precision(count: Counter) -> str:
    return share(count["TP"], count["TP"] + count["FP"])


def share(part: int, whole: int) -> str:
    """``part`` as a percentage of ``whole``, to one decimal ("—" of nothing)."""
    return f"{100 * part / whole:.1f}%" if whole else "—"


if __name__ == "__main__":
    session = LintSession(SessionOptions(discover=False))
    print(precision_table([review(report, session) for report in real_reports()]))
