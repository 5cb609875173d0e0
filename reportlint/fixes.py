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

from .diagnostic import Diagnostic
from .inputs import display_name, read_input
from .output import write_file
from .readers import input_format, reader_for
from .readers.text import decode_text, encode_text
from .source import Source, SourceError

MAX_PASSES = 10


@dataclass(frozen=True)
class FixOutcome:
    path: str  # as the file system names it (reportlint/inputs.py)
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
                fromfile=f"a/{display_name(self.path)}",
                tofile=f"b/{display_name(self.path)}",
            )
        )

    def write(self, *, force: bool = False) -> None:
        """Write the fixed text back (reportlint/output.py: a link's target, in
        place for hard links, with owner and mode kept; a read-only file only
        when ``force``d)."""
        write_file(self.path, _encoded(self.after, self.encoding, self.bom, self.path), force=force)


def fix_file(path: str, lint: Callable[[Source], list[Diagnostic]], encoding: str | None = None) -> FixOutcome:
    """Fix one file in memory; ``lint`` returns the diagnostics to act on (after
    suppressions). Raises SourceError for a file that cannot be decoded, and for
    Word documents and web pages, whose text is extracted from markup that a fix
    would have to rewrite."""
    name = display_name(path)
    read = reader_for(name)
    data = read_input(path, SourceError)
    source = read(data, name, encoding)
    if not input_format(source.format).fixable:
        raise SourceError(f"{name}: 只能就地修正文本和 Markdown 文件，请在原文件中修改")
    before, encoding, bom = decode_text(data, name, source.encoding)
    after, applied = fix_text(before, lambda text: read(_encoded(text, encoding, bom, path), name, encoding), lint)
    return FixOutcome(path, before, after, applied, encoding, bom)


def _encoded(text: str, encoding: str, bom: bool, path: str) -> bytes:
    """The fixed text in the file's encoding, or SourceError when a fix brought
    in a character the encoding lacks (a file read in a wrong --encoding)."""
    try:
        return encode_text(text, encoding, bom)
    except UnicodeEncodeError as error:
        raise SourceError(f"{display_name(path)}: 修正后的“{error.object[error.start:error.end]}”无法用 "
                          f"{encoding.upper()} 编码写回，未修改（文件的编码是否为 {encoding.upper()}？可用 --encoding 指定）"
                          ) from None


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
