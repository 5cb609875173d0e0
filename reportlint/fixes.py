"""Safe fixes: `--fix` applies the edits of fixable rules, `--diff` shows them.

Only rules marked `fixable: true` contribute edits, and only edits that cannot
change meaning are marked so (half-width to full-width punctuation, «» to 《》,
doubled marks, exact law titles). Fixing repeats until nothing more changes (an
edit can make another possible), at most MAX_PASSES times; the file is
written back as reportlint/output.py writes (atomically, a link's target, hard
links kept, owner and mode kept, a read-only file only with --force).

Each input format that --fix may edit names, in the registry of input formats,
how a draft of it takes edits (a ``Draft``):

- text and Markdown (``TextDraft``): edits are applied to the text exactly as
  the file holds it — its encoding, BOM and newlines (even mixed ones) — so
  every byte outside an edit stays as it was;
- Word (reportlint/word/revisions.py): edits become tracked changes by
  reportlint, for the editor to accept or reject; an edit of text Word draws
  itself (a list number) or spanning paragraphs is left for the editor.

`--diff` shows the text reportlint reads before and after (for Word, the text
with the changes accepted).
"""

from __future__ import annotations

import difflib
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

from .diagnostic import Diagnostic
from .inputs import display_name, read_input
from .output import write_file
from .readers import input_format, reader_for
from .readers.text import decode_text, encode_text
from .source import Source, SourceError

MAX_PASSES = 10


class Draft(Protocol):
    """A draft --fix edits: its text for the diff, its Source for the linter, and
    how it takes edits."""

    text: str  # as the diff shows it
    # What --fix tells the user it did, with the number of edits: "已修正 3 处。"
    done: str

    @property
    def source(self) -> Source: ...

    def editable(self, start: int, end: int) -> bool:
        """Whether an edit from ``start`` to ``end`` (offsets into the text as
        written) can be made."""

    def edited(self, edits: list[tuple[int, int, str]]) -> Draft:
        """The draft with sorted, non-overlapping, editable edits made."""

    def data(self) -> bytes:
        """The file's new bytes."""


@dataclass(frozen=True)
class FixOutcome:
    path: str  # as the file system names it (reportlint/inputs.py)
    before: str  # the draft's text before and after fixing, as the diff shows it
    after: str
    applied: int
    data: bytes  # what the file becomes
    done: str  # the draft's message for what was done (Draft.done)

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
        """Write the fixed draft back; a read-only file only when ``force``d."""
        write_file(self.path, self.data, force=force)


def fix_file(path: str, lint: Callable[[Source], list[Diagnostic]], encoding: str | None = None) -> FixOutcome:
    """Fix one file in memory; ``lint`` returns the diagnostics to act on (after
    suppressions). Raises SourceError for a file that cannot be read, and for a
    format whose text --fix cannot write back (a web page, a PDF)."""
    name = display_name(path)
    data = read_input(path, SourceError)
    source = reader_for(name)(data, name, encoding)
    read_as = input_format(source.format)
    if read_as.fixer is None:
        raise SourceError(f"{name}: 只能就地修正文本、Markdown 和 Word 文件，请在{read_as.edit_in}中修改")
    module_name, function = read_as.fixer.split(":")
    draft = getattr(import_module(module_name), function)(data, source, encoding)
    fixed, applied = fix_draft(draft, lint)
    return FixOutcome(path, draft.text, fixed.text, applied, fixed.data(), draft.done)


def fix_draft(draft: Draft, lint: Callable[[Source], list[Diagnostic]]) -> tuple[Draft, int]:
    """``draft`` with the fixes of ``lint``'s diagnostics made, pass after pass,
    and the number of edits."""
    applied = 0
    for _ in range(MAX_PASSES):
        source = draft.source
        edits = _edits(source, [d for d in lint(source) if _editable(draft, source, d)])
        if not edits:
            break
        draft = draft.edited(edits)
        applied += len(edits)
    return draft, applied


@dataclass(frozen=True)
class TextDraft:
    """A text or Markdown file: ``text`` as written (newlines included)."""

    text: str
    encoding: str
    bom: bool
    read: Callable[[str], Source]
    name: str = "<text>"  # the file, as errors name it
    done = "已修正 {applied} 处。"

    @property
    def source(self) -> Source:
        return self.read(self.text)

    def editable(self, start: int, end: int) -> bool:
        return True

    def edited(self, edits: list[tuple[int, int, str]]) -> TextDraft:
        return TextDraft(_apply(self.text, edits), self.encoding, self.bom, self.read, self.name)

    def data(self) -> bytes:
        return _encoded(self.text, self.encoding, self.bom, self.name)


def text_draft(data: bytes, source: Source, encoding: str | None) -> TextDraft:
    """The draft of a text or Markdown file (the registry's fixer for both); the
    Source's encoding is the one the user chose or the one detected."""
    path = source.path
    text, written_in, bom = decode_text(data, path, source.encoding)
    read = reader_for(path)
    return TextDraft(text, written_in, bom,
                     lambda written: read(_encoded(written, written_in, bom, path), path, written_in), path)


def _encoded(text: str, encoding: str, bom: bool, name: str) -> bytes:
    """The fixed text in the file's encoding, or SourceError when a fix brought
    in a character the encoding lacks (a file read in a wrong --encoding)."""
    try:
        return encode_text(text, encoding, bom)
    except UnicodeEncodeError as error:
        raise SourceError(f"{name}: 修正后的“{error.object[error.start:error.end]}”无法用 "
                          f"{encoding.upper()} 编码写回，未修改（文件的编码是否为 {encoding.upper()}？可用 --encoding 指定）"
                          ) from None


def fix_text(text: str, read: Callable[[str], Source], lint: Callable[[Source], list[Diagnostic]]) -> tuple[str, int]:
    """``text`` (as written) with the fixes of ``lint``'s diagnostics applied,
    pass after pass, and the number of edits; ``read`` makes a Source of it."""
    fixed, applied = fix_draft(TextDraft(text, "utf-8", False, read), lint)
    return fixed.text, applied


def _editable(draft: Draft, source: Source, diagnostic: Diagnostic) -> bool:
    """Whether every edit of a diagnostic can be made (its edits are taken all or none)."""
    return all(
        draft.editable(source.written_offset(source.offset(start.line, start.column)),
                       source.written_offset(source.offset(end.line, end.column)))
        for start, end, _ in diagnostic.fix
    )


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
