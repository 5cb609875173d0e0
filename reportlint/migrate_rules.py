"""Bring rule files written for reportlint 0.1 up to date, in place.

In 0.1, twelve kinds bundled several checks, chosen by a ``check:`` key
(``kind: punctuation`` with ``check: doubled``). Each check is now a kind of its
own, named ``<area>.<check>`` (``kind: punctuation.doubled``), and five
single-purpose kinds moved into their areas (``rate`` is ``numbers.rate``).

    python -m reportlint.migrate_rules RULES_DIR_OR_FILE...

rewrites the ``kind:`` line, deletes the ``check:`` line, and deletes options
that the old kind accepted but the chosen check never read (they were ignored;
now they are errors). Everything else in the file — comments, order, quoting —
stays as it was. Files already up to date are left alone; the exit status is 0,
or 2 when a file could not be read or names an unknown kind and check.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .errors import ReportlintError, visible
from .inputs import display_name, read_input
from .output import write_file

# (old kind, old check) → new kind; (old kind, None) for kinds that had no check.
RENAMED = {
    ("punctuation", "doubled"): "punctuation.doubled",
    ("punctuation", "unpaired"): "punctuation.unpaired",
    ("punctuation", "book_title"): "punctuation.book_title_marks",
    ("punctuation", "book_title_nesting"): "punctuation.book_title_nesting",
    ("punctuation", "half_width"): "punctuation.half_width",
    ("punctuation", "ordinal"): "punctuation.ordinal_marker",
    ("punctuation", "stray_space"): "punctuation.stray_space",
    ("heading_sequence", "numbering"): "structure.heading_numbering",
    ("heading_sequence", "style"): "structure.heading_style",
    ("heading_sequence", "shi"): "structure.heading_enumeration_mix",
    ("heading_sequence", "enumeration"): "structure.enumeration_sequence",
    ("preamble_parts", "missing"): "structure.preamble_missing_part",
    ("preamble_parts", "unlisted"): "structure.preamble_unlisted_part",
    ("breakdown", "exceed"): "numbers.parts_exceed_total",
    ("breakdown", "short"): "numbers.parts_short_of_total",
    ("breakdown", "subset"): "numbers.subset_exceeds_total",
    ("breakdown", "share"): "numbers.share_of_total",
    ("report_year", "stale"): "numbers.report_year",
    ("report_year", "plan"): "numbers.plan_year",
    ("rate", None): "numbers.rate",
    ("statistics_period", None): "numbers.statistics_period",
    ("repeated_count", None): "numbers.repeated_count",
    ("approximation", None): "numbers.approximation",
    ("enumeration_count", None): "numbers.enumeration_count",
    ("agency", "self_reference"): "facts.self_reference",
    ("agency", "other_agency"): "facts.other_agency",
    ("publication_date", "deadline"): "facts.publication_deadline",
    ("publication_date", "before_period"): "facts.date_before_period_end",
    ("copied_text", "report"): "previous.report_similarity",
    ("copied_text", "section"): "previous.copied_section",
    ("copied_text", "paragraph"): "previous.copied_paragraph",
    ("table_cells", "value"): "tables.cell_value",
    ("table_cells", "blank"): "tables.blank_cells",
    ("table_cells", "unreadable"): "tables.unreadable",
    ("table_cells", "nonzero"): "tables.impossible_rows",
    ("table_text", "figure"): "tables.text_figures",
    ("table_text", "outcome"): "tables.text_outcome_claim",
    ("table_text", "share"): "tables.text_results_share",
}

_COMMON_KEYS = frozenset({"kind", "message", "severity", "description", "examples", "scope", "link", "fixable"})
# A top-level key of a rule file: "kind: punctuation", "check: 'doubled'".
_TOP_KEY = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s+(?P<value>[^#\n]*?))?\s*(?:#.*)?$")


class MigrationError(ReportlintError):
    """A rule file that cannot be migrated; the message names it."""


def migrate_text(text: str) -> tuple[str, list[str]]:
    """The rule file's text brought up to date, and the options deleted."""
    from .kinds import kind_class  # the new kinds know which options they read

    lines = text.splitlines(keepends=True)
    blocks = _top_level_blocks(lines)
    values = {key: _scalar(lines[start]) for key, start, _ in blocks}
    old_kind, old_check = values.get("kind"), values.get("check")
    new_kind = RENAMED.get((old_kind, old_check))
    if new_kind is None:
        if old_check is None:
            return text, []  # a generic kind, or already migrated
        raise MigrationError(f"未知的类型与检查组合：kind: {old_kind}, check: {old_check}")
    declared = kind_class(new_kind).options
    dropped = [key for key, _, _ in blocks if key not in _COMMON_KEYS and key != "check" and key not in declared]
    removed = {"check", *dropped}
    kept: list[str] = []
    for key, start, end in blocks:
        if key in removed:
            continue
        if key == "kind":
            kept.append(re.sub(r"(kind\s*:\s*)['\"]?[A-Za-z_]+['\"]?", lambda m: m.group(1) + new_kind, lines[start], count=1))
            kept.extend(lines[start + 1:end])
        else:
            kept.extend(lines[start:end])
    prologue = lines[:blocks[0][1]] if blocks else lines
    return "".join(prologue + kept), dropped


def _top_level_blocks(lines: list[str]) -> list[tuple[str, int, int]]:
    """(key, first line, end line) of each top-level key with its value's lines."""
    starts = []
    for index, line in enumerate(lines):
        match = _TOP_KEY.match(line) if line[:1] not in (" ", "\t", "#", "-", "\n", "\r") else None
        if match:
            starts.append((match["key"], index))
    ends = [start for _, start in starts[1:]] + [len(lines)]
    return [(key, start, end) for (key, start), end in zip(starts, ends)]


def _scalar(line: str) -> str | None:
    match = _TOP_KEY.match(line)
    value = match["value"] if match else None
    return value.strip("'\"") if value else None


def migrate_file(path: Path) -> list[str]:
    """Migrate one file in place; what was done, as lines to print."""
    try:
        text = read_input(path, MigrationError).decode("utf-8")
    except UnicodeDecodeError as error:
        raise MigrationError(f"{display_name(path)}: 应为 UTF-8 编码（第 {error.start} 字节处不是）") from None
    try:
        migrated, dropped = migrate_text(text)
    except MigrationError as error:
        raise MigrationError(f"{display_name(path)}: {error}") from None
    if migrated == text:
        return []
    write_file(path, migrated)
    notes = [f"{display_name(path)}: 已更新"]
    notes += [f"{display_name(path)}: 删去了该检查不读取的键 {key}" for key in dropped]
    return notes


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__.strip().split("\n\n")[2].strip(), file=sys.stderr)
        return 2
    status = 0
    for argument in arguments:
        root = Path(argument)
        files = sorted(root.rglob("*.yaml")) if root.is_dir() else [root]
        for path in files:
            try:
                for note in migrate_file(path):
                    print(note)
            except ReportlintError as error:  # a file that cannot be read or written back
                print(f"reportlint: 错误：{visible(str(error))}", file=sys.stderr)
                status = 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
