"""Readers: bytes of one file format to a Source, chosen by the file's extension.

INPUT_FORMATS is the one list of the formats reportlint reads: what a folder is
searched for, the pre-commit hook's file pattern, what ``inspect`` calls a file
and what ``--fix`` may edit all follow from it (tests/test_registries.py keeps
the hook, the README and the command line in step).

Each reader is ``read(data, path, encoding) -> Source`` and raises SourceError
(naming the file) for anything it cannot read; modules are imported on first
use, so linting text files never loads the Word or HTML libraries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePath

from ..inputs import display_name, read_input
from ..source import Source, SourceError


@dataclass(frozen=True)
class InputFormat:
    name: str  # the Source's ``format``
    label: str  # how `reportlint inspect` names it
    suffixes: tuple[str, ...]  # lower case; a file's extension is matched ignoring case
    reader: str  # "module:function"
    # "module:function" that makes a draft --fix edits (reportlint/fixes.py) of
    # the file's bytes and Source; None: --fix cannot write this format back (a
    # web page's text is extracted from markup it does not edit).
    fixer: str | None
    # The file is text in an encoding (detected, or named by --encoding), which `inspect` names.
    encoded: bool = True
    # Where --fix, refusing a format it cannot write back, tells the user to make the edits.
    edit_in: str = "原文件"


INPUT_FORMATS = (
    InputFormat("text", "文本", (".txt",), "reportlint.readers.text:read", fixer="reportlint.fixes:text_draft"),
    InputFormat("markdown", "Markdown", (".md", ".markdown"), "reportlint.readers.markdown:read",
                fixer="reportlint.fixes:text_draft"),
    InputFormat("docx", "Word 文档", (".docx",), "reportlint.readers.docx:read", fixer="reportlint.word.revisions:word_draft",
                encoded=False),
    InputFormat("html", "网页", (".html", ".htm"), "reportlint.readers.html:read", fixer=None),
    InputFormat("pdf", "PDF", (".pdf",), "reportlint.readers.pdf:read", fixer=None, encoded=False,
                edit_in="导出这份 PDF 的原稿（如 Word 文档）"),
)
# Files a directory argument is searched for.
DOCUMENT_SUFFIXES = tuple(suffix for input_format in INPUT_FORMATS for suffix in input_format.suffixes)
# Extensions that are not read but refused with a reason.
_REFUSED = {".doc": "reportlint.readers.docx:refuse_binary_word"}
# Standard input, files without an extension and unknown extensions are text.
_DEFAULT = INPUT_FORMATS[0]
_BY_SUFFIX = {suffix: input_format.reader for input_format in INPUT_FORMATS for suffix in input_format.suffixes}
_BY_NAME = {input_format.name: input_format for input_format in INPUT_FORMATS}


def input_format(name: str) -> InputFormat:
    """The format a Source's ``format`` names."""
    return _BY_NAME[name]


def reader_for(name: str) -> Callable[[bytes, str, str | None], Source]:
    """The reader for a file name (its extension, ignoring case)."""
    suffix = PurePath(name).suffix.lower()
    module_name, function = _REFUSED.get(suffix, _BY_SUFFIX.get(suffix, _DEFAULT.reader)).split(":")
    return getattr(import_module(module_name), function)


def read_source(path: str | Path, *, encoding: str | None = None, name: str | None = None) -> Source:
    """Read a file (or standard input for "-") into a Source with the reader its
    extension calls for. ``name`` stands for the file in diagnostics and chooses
    the reader (``--stdin-filename``), else the path as a person reads it (see
    reportlint/inputs.py); ``encoding`` overrides detection."""
    name = name or display_name(path)
    return reader_for(name)(read_bytes(path), name, encoding)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, or of standard input for "-", through the safe-open
    of reportlint/inputs.py (SourceError, naming the file, when it cannot be read)."""
    return read_input(path, SourceError)
