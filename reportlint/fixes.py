"""Safe fixes: `--fix` applies the edits of fixable rules, `--diff` shows them.

Only rules marked `fixable: true` contribute edits, and only edits that cannot
change meaning are marked so (half-width to full-width punctuation, «» to 《》,
doubled marks, exact law titles). Edits are applied to the text exactly as the
file holds it — its encoding, BOM and newlines (even mixed ones) — so every byte
outside an edit stays as it was; the file is replaced atomically. Fixing repeats
until nothing more changes (an edit can make another possible), at most
MAX_PASSES times.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .diagnostic import Diagnostic
from .output import write_atomically
from .readers import input_format, reader_for
from .readers.text import decode_text, encode_text
from .source import Source, SourceError

MAX_PASSES = 10


@dataclass(frozen=True)
class FixOutcome:
    path: str
    before: str  # the text as written, before and after fixing
    after: str
    applied: int
    encoding: str
    bom: bool

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{self.path}",
                tofile=f"b/{self.path}",
            )
        )

    def write(self) -> None:
        write_atomically(Path(self.path), encode_text(self.after, self.encoding, self.bom))


def fix_file(path: str, lint: Callable[[Source], list[Diagnostic]], encoding: str | None = None) -> FixOutcome:
    """Fix one file in memory; ``lint`` returns the diagnostics to act on (after
    suppressions). Raises SourceError for a file that cannot be decoded, and for
    Word documents, web pages and PDF, whose text is extracted from markup that
    a fix would have to rewrite."""
    read = reader_for(path)
    data = Path(path).read_bytes()
    source = read(data, path, encoding)
    read_as = input_format(source.format)
    if not read_as.fixable:
        raise SourceError(f"{path}: 只能就地修正文本和 Markdown 文件，请在{read_as.edit_in}中修改")
    before, encoding, bom = decode_text(data, path, source.encoding)
    after, applied = fix_text(before, lambda text: read(encode_text(text, encoding, bom), path, encoding), lint)
    return FixOutcome(path, before, after, applied, encoding, bom)


def fix_text(text: str, read: Callable[[str], Source], lint: Callable[[Source], list[Diagnostic]]) -> tuple[str, int]:
    """``text`` (as written) with the fixes of ``lint``'s diagnostics applied,
    pass after pass, and the number of edits; ``read`` makes a Source of it."""
    applied = 0
    for _ in range(MAX_PASSES):
        edits = _edits(source := read(text), lint(source))
        if not edits:
            break
        text = _apply(text, edits)
        applied += len(edits)
    return text, applied


def _edits(source: Source, diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    """Non-overlapping edits as (start, end, text) offsets into the text as written.

    A diagnostic's edits are taken all or none ("《《A》》" loses one 《 and one 》
    together): one that overlaps an edit already taken waits for the next pass."""
    fixes = sorted(
        sorted(
            (
                source.written_offset(source.offset(start.line, start.column)),
                source.written_offset(source.offset(end.line, end.column)),
                replacement,
            )
            for start, end, replacement in diagnostic.fix
        )
        for diagnostic in diagnostics
        if diagnostic.fix
    )
    chosen: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []  # the spans chosen so far, sorted
    for edits in fixes:
        if any(_overlaps(taken, start, end) for start, end, _ in edits):
            continue
        for start, end, replacement in edits:
            insort(taken, (start, end))
            chosen.append((start, end, replacement))
    chosen.sort()
    return chosen


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) reaches into a taken span. Taken spans do not overlap,
    so the one that starts last before ``end`` is the only one to look at."""
    index = bisect_left(taken, (end, -1))
    return index > 0 and taken[index - 1][1] > start


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with sorted, non-overlapping edits applied (in one pass: a line
    with thousands of marks to fix must not be copied once per mark)."""
    pieces = []
    position = 0
    for start, end, replacement in edits:
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
