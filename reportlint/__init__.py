"""reportlint: a compliance linter for Chinese government annual reports
(政府信息公开工作年度报告)."""

from ._version import __version__
from .api import lint_file, lint_text
from .diagnostic import Diagnostic, Severity

__all__ = ["Diagnostic", "Severity", "lint_file", "lint_text", "__version__"]
