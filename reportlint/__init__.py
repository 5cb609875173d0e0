"""reportlint: a compliance linter for Chinese government annual reports
(政府信息公开工作年度报告)."""

__version__ = "0.1.0"  # before the imports: modules below read it

from .api import lint_file, lint_text  # noqa: E402
from .diagnostic import Diagnostic, Severity  # noqa: E402

__all__ = ["Diagnostic", "Severity", "lint_file", "lint_text", "__version__"]
