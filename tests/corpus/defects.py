"""The real defects of the corpus, and the share of them reportlint catches (recall).

Each real report of ../shared/corpus (and its subfolders) has a defect file here,
``defects/<folder>/<file stem>.yaml``: the defects a careful editor marks in it
(the known defects of SOURCES.md and those a close reading finds), one a line:

    - {class: confusable, text: "严守环保底限", at: "底限", what: "守住的是底线", caught_by: wording.confusable-words}

``text`` is a passage of the report, as reportlint reads it (for a web page, the
extracted text that `inspect --tree` shows), that holds the defect; it occurs once
in the report, or ``n: 2`` says which occurrence. ``at`` is the defect within it
(by default the whole passage). A defect of the whole report (a part missing, a
late publication) has no ``text``. ``class`` is one of CLASSES; ``what`` says what
is wrong and what to write; ``source: SOURCES.md`` marks the defects listed there.

``caught_by`` names the rule that reports the defect at warning or error now: a
defect with a passage is caught when a warning or error of that rule overlaps
``at``, a defect of the whole report when that rule reports a warning or error
anywhere in it. A defect without ``caught_by`` is a miss, and ``missed`` says why.

Run ``python tests/corpus/defects.py`` for the recall of the current code
(docs/accuracy.md explains it).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))

from conftest import SHARED  # noqa: E402
from verdicts import real_reports, share  # noqa: E402

from reportlint.diagnostic import Severity  # noqa: E402
from reportlint.session import LintSession, SessionOptions  # noqa: E402

DEFECTS = Path(__file__).resolve().parent / "defects"

# What kind of defect each is; "15.N" is the class of issue 15 it belongs to.
CLASSES = {
    "statistics-period": "15.1 the statistics period empty, garbled or short of the year",
    "breakdown": "15.2 parts that do not add up to their total",
    "percentage": "15.3 a percentage or rate that does not match its counts",
    "table-narrative": "15.4 the narrative against the statistics tables",
    "other-body": "15.5 another body's text or name",
    "fixed-phrase": "15.6 one wrong character in a fixed phrase or idiom",
    "de-di": "15.7 的 for 地 before a verb",
    "confusable": "15.8 a word that exists, but not in this context",
    "openness-principle": "15.9 the openness principle worded or punctuated wrongly",
    "punctuation": "15.10 punctuation",
    "stale-wording": "15.11 a date or wording of the drafting day or of a past period",
    "missing-number": "15.12 a number missing before its noun",
    "two-digit-year": "15.13 a year written with two digits",
    "placeholder": "15.14 a placeholder left in the text",
    "doubled-phrase": "15.15 a phrase of six or more characters written twice",
    "citation": "15.16 a document number or title cited wrongly",
    "markup": "15.17 Word or HTML markup left in the text",
    "preamble-parts": "15.18 the preamble's list of parts against the body",
    "plan-year": "15.19 plans dated the report year",
    "law-title": "the title of the 条例 written wrongly",
    "typo": "a miswritten or missing character in a word",
    "repeated-word": "a word written twice in a row",
    "wording": "a missing, stray or misplaced word; a figure without its unit",
    "required-section": "a part the 条例 or the format requires is missing",
    "deadline": "published after the legal deadline",
    "self-reference": "我县, 全市 … naming another division than the report's own",
    "enumeration": "一是…三是 with a gap",
    "heading-numbering": "heading numbers that skip or repeat",
    "heading-style": "one level of headings numbered in two ways",
    "table-sum": "a statistics table that does not add up, or blank cells",
    "cross-year": "a figure that contradicts last year's report",
    "report-year": "a year other than the report year for its own figures",
    "number-format": "how a number or date is written (GB/T 15835)",
}
_WARN_OR_ERROR = (Severity.WARNING, Severity.ERROR)


def corpus_reports() -> list[Path]:
    """Every real report of ../shared/corpus and its subfolders ([] where it is absent)."""
    return [path for path in real_reports() if path.relative_to(SHARED).parts[0] == "corpus"]


def defect_file(report: Path) -> Path:
    return DEFECTS / report.parent.relative_to(SHARED) / f"{report.stem}.yaml"


@dataclass(frozen=True)
class Defect:
    klass: str
    what: str
    text: str | None = None
    at: str | None = None
    n: int = 1
    caught_by: str | None = None
    missed: str | None = None
    source: str | None = None

    def describe(self) -> str:
        return f"{self.klass} “{self.at or self.text or self.what}”"


def load_defects(path: Path) -> list[Defect]:
    if not path.is_file():
        return []
    defects = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        assert entry.get("class") in CLASSES, f"{path}: unknown class (see CLASSES in defects.py): {entry}"
        assert str(entry.get("what", "")).strip(), f"{path}: every defect says what is wrong: {entry}"
        assert not (entry.get("caught_by") and entry.get("missed")), f"{path}: caught_by or missed, not both: {entry}"
        defects.append(Defect(entry["class"], str(entry["what"]), entry.get("text"), entry.get("at"),
                              int(entry.get("n", 1)), entry.get("caught_by"), entry.get("missed"), entry.get("source")))
    return defects


@dataclass
class Recall:
    """A report's defects set against what reportlint reports on it now."""

    report: Path
    caught: list[Defect] = field(default_factory=list)
    missed: list[Defect] = field(default_factory=list)
    lost: list[Defect] = field(default_factory=list)  # caught_by, but that rule no longer reports it
    newly_caught: list[tuple[Defect, str]] = field(default_factory=list)  # a miss a warning or error now covers
    problems: list[str] = field(default_factory=list)  # a passage not found in the report


def recall(report: Path, session: LintSession | None = None) -> Recall:
    session = session or LintSession(SessionOptions(discover=False))
    source = session.read(str(report))
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for diagnostic in session.check(source).diagnostics:
        if diagnostic.severity in _WARN_OR_ERROR:
            start = source.offset(diagnostic.line, diagnostic.column)
            spans[diagnostic.rule].append((start, max(start + 1, source.offset(diagnostic.end_line, diagnostic.end_column))))
    result = Recall(report)
    for defect in load_defects(defect_file(report)):
        where = _locate(source.text, defect)
        if defect.text is not None and where is None:
            result.problems.append(f"{defect.describe()}: passage “{defect.text}” (occurrence {defect.n}) not found")
            continue
        covering = sorted(rule for rule, found in spans.items()
                          if found and (where is None or any(start < where[1] and where[0] < end for start, end in found)))
        if defect.caught_by:
            (result.caught if defect.caught_by in covering else result.lost).append(defect)
        else:
            result.missed.append(defect)
            if where is not None and covering:
                result.newly_caught.append((defect, ", ".join(covering)))
    return result


def _locate(text: str, defect: Defect) -> tuple[int, int] | None:
    """Where ``at`` lies in the report: in the n-th occurrence of the passage."""
    if defect.text is None:
        return None
    start = -1
    for _ in range(defect.n):
        start = text.find(defect.text, start + 1)
        if start < 0:
            return None
    if defect.n == 1 and text.find(defect.text, start + 1) >= 0:
        return None  # ambiguous: the passage must say which occurrence
    offset = defect.text.find(defect.at) if defect.at else 0
    if offset < 0:
        return None
    return start + offset, start + offset + len(defect.at or defect.text)


def recall_table(results: list[Recall]) -> str:
    """Defects caught at warning or error, per class and overall."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for result in results:
        for defect in result.caught:
            counts[defect.klass]["caught"] += 1
        for defect in result.missed + result.lost:
            counts[defect.klass]["missed"] += 1
    lines = ["| class | defects | caught | recall |", "|---|---|---|---|"]
    total: Counter = Counter()
    for klass in CLASSES:
        count = counts.get(klass)
        if count:
            lines.append(f"| {klass} ({CLASSES[klass]}) | {count['caught'] + count['missed']} | {count['caught']} | {_share(count)} |")
            total.update(count)
    lines.append(f"| **all** | {total['caught'] + total['missed']} | {total['caught']} | {_share(total)} |")
    return "\n".join(lines)


def _share(count: Counter) -> str:
    return share(count["caught"], count["caught"] + count["missed"])


if __name__ == "__main__":
    session = LintSession(SessionOptions(discover=False))
    print(recall_table([recall(report, session) for report in corpus_reports()]))
