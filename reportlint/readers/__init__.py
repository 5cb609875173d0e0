"""Readers: bytes of one file format to a Source, chosen by the file's extension.

Each reader is ``read(data, path, encoding) -> Source`` and raises SourceError
(naming the file) for anything it cannot read; modules are imported on first
use, so linting text files never loads the Word or HTML libraries.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import PurePath

READERS: dict[str, str] = {
    ".txt": "reportlint.source:decode",
    ".md": "reportlint.readers.markdown:read",
    ".markdown": "reportlint.readers.markdown:read",
    ".docx": "reportlint.readers.docx:read",
    ".html": "reportlint.readers.html:read",
    ".htm": "reportlint.readers.html:read",
    ".doc": "reportlint.readers.docx:refuse_binary_word",
}
# Files a directory argument is searched for.
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")
# Standard input, files without an extension and unknown extensions are text.
_DEFAULT = READERS[".txt"]


def reader_for(name: str) -> Callable:
    """The reader for a file name (its extension, ignoring case)."""
    module_name, function = READERS.get(PurePath(name).suffix.lower(), _DEFAULT).split(":")
    return getattr(import_module(module_name), function)
