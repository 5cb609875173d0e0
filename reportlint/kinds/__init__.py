"""The kinds: where a rule's ``kind`` finds its code.

A name without a dot is a generic kind, in kinds/generic/<name>.py
(``existence``); ``<area>.<check>`` is a built-in check, in
kinds/<area>/<check>.py (``punctuation.doubled``). Each such module defines one
Kind whose ``name`` is that name; modules whose names start with "_" hold what
the checks of an area share. Modules are imported on first use, so a run loads
only the kinds its rules use: adding a check is adding its module (and a rule).
"""

from __future__ import annotations

import pkgutil
import re
from importlib import import_module
from pathlib import Path

from .base import Kind

_NAME = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?")
_HERE = Path(__file__).parent


def kind_class(name: str) -> type[Kind]:
    """The class implementing a kind; KeyError for an unknown name."""
    if not isinstance(name, str) or not _NAME.fullmatch(name) or name.startswith("_"):
        raise KeyError(name)
    area, _, check = name.rpartition(".")
    module_name = f"{__name__}.{area or 'generic'}.{check}"
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name is not None and module_name.startswith(error.name):
            raise KeyError(name) from None
        raise
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, Kind) and getattr(value, "name", None) == name:
            return value
    raise KeyError(name)


def kind_names() -> list[str]:
    """Every kind, by name: the generic ones, then the checks of each area."""
    names = []
    for area in sorted(path.name for path in _HERE.iterdir() if path.is_dir() and not path.name.startswith("_")):
        for module in pkgutil.iter_modules([str(_HERE / area)]):
            if not module.name.startswith("_"):
                names.append(module.name if area == "generic" else f"{area}.{module.name}")
    return sorted(names, key=lambda name: ("." in name, name))
