"""reportlint: a compliance linter for Chinese government annual reports
(政府信息公开工作年度报告)."""

from importlib import import_module

from ._version import __version__

# Where each public name lives. They are imported on first use, so that a
# command that needs only part of the package (a cached result, `reportlint
# rules`) does not import the linter behind the API.
_EXPORTS = {"Diagnostic": ".diagnostic", "Severity": ".diagnostic", "lint_file": ".api", "lint_text": ".api"}

__all__ = ["Diagnostic", "Severity", "lint_file", "lint_text", "__version__"]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name], __name__), name)
