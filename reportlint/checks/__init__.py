"""The registry of kinds: the one place that maps a rule's `kind` to its code.

Modules are imported on first use, so a run loads only the kinds its rules use.
"""

from __future__ import annotations

from importlib import import_module

from .base import Kind

KINDS: dict[str, str] = {
    "existence": "reportlint.checks.existence:Existence",
    "substitution": "reportlint.checks.substitution:Substitution",
    "repetition": "reportlint.checks.repetition:Repetition",
    "consistency": "reportlint.checks.consistency:Consistency",
    "required_sections": "reportlint.checks.required_sections:RequiredSections",
    "heading_sequence": "reportlint.checks.heading_sequence:HeadingSequence",
    "punctuation": "reportlint.checks.punctuation:Punctuation",
    "breakdown": "reportlint.checks.breakdown:BreakdownCheck",
    "rate": "reportlint.checks.rate:Rate",
    "report_year": "reportlint.checks.report_year:ReportYear",
    "statistics_period": "reportlint.checks.statistics_period:StatisticsPeriod",
    "repeated_count": "reportlint.checks.repeated_count:RepeatedCount",
    "approximation": "reportlint.checks.approximation:Approximation",
    "enumeration_count": "reportlint.checks.enumeration_count:EnumerationCount",
    "agency": "reportlint.checks.agency:Agency",
    "publication_date": "reportlint.checks.publication_date:PublicationDate",
    "preamble_parts": "reportlint.checks.preamble_parts:PreambleParts",
    "copied_text": "reportlint.checks.copied_text:CopiedText",
    "table_identity": "reportlint.checks.table_identity:TableIdentity",
    "table_cells": "reportlint.checks.table_cells:TableCells",
    "table_text": "reportlint.checks.table_text:TableText",
}


def kind_class(name: str) -> type[Kind]:
    """The class implementing a kind; KeyError for an unknown name."""
    module_name, class_name = KINDS[name].split(":")
    return getattr(import_module(module_name), class_name)
