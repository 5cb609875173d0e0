"""What a user is told when reportlint cannot do something: one line that names
the file and says what to do, never a traceback, and never a message whose
length grows with the input (a value quoted from a user's file is shown with
``shown``, a bounded repr).

``visible`` makes any text safe to print on a terminal or to put in XML.

Every error a user can act on — a draft that cannot be read, a broken rule pack,
configuration or baseline, an output that cannot be written — is a
``ReportlintError``; the command line prints its message and exits with status 2.
Anything else that escapes is reportlint's own defect (docs/reliability.md).
"""

from __future__ import annotations

import re
import reprlib

from .inputs import display_name

# How long a value quoted in an error message may be, in characters.
SHOWN_LIMIT = 80


class ReportlintError(Exception):
    """An error the user can act on; its message is one line that names the file."""


_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = SHOWN_LIMIT
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = _REPR.maxfrozenset = 5


def shown(value: object) -> str:
    """A short, one-line repr of a value read from a user's file: a YAML alias
    bomb, a ten-megabyte string or a 5,000-digit number is shown in a few dozen
    characters."""
    try:
        text = _REPR.repr(value)
    except ValueError:  # an integer too long to convert to text at all
        text = f"<{type(value).__name__}>"
    return text if len(text) <= SHOWN_LIMIT else text[:SHOWN_LIMIT - 1] + "…"


# C0 and C1 control characters but tab and newline, and what XML cannot hold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def visible(text: str) -> str:
    """Text as it may reach a terminal or an XML file: a control character (an
    escape sequence in a draft or a file name, Word's soft break \\x0b) becomes its
    Unicode control picture (␛, ␋) or U+FFFD, and a byte of a file name that is not
    UTF-8 becomes U+FFFD; tab and newline stay. A character of a draft stays one
    character, so columns still count."""
    return _CONTROL.sub(_picture, display_name(text))


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def replace_what_cannot_be_encoded(*streams) -> None:
    """A console that cannot show a character (a Chinese Windows console in GBK
    has no 𠮷 and no ✓; an ASCII one has no Chinese) gets "?" in its place
    instead of a crash halfway through the output."""
    for stream in streams:
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
