"""The statistics tables of a report, read into the schema of its edition.

This package reads them once per document (``Facts.tables``) into `StatTable`s
whose cells are addressed by the official row and column names, whatever
wording a draft used::

    table = facts.tables.get("表三")
    cell = table.cell("本年新收", "自然人")   # a TableCell, or None
    cell.value, cell.state, cell.span

Its modules: `model` (what a table and a reading are), `schemas` (the tables
declared as data), `cells` (a cell's value), `labels` (a label's row), `grid`
(tables the document holds as rows of cells), `glued` (web text that ran a
table's numbers together), and `reading` (the state of one document's reading).
"""

from __future__ import annotations

from ..document import Document
from ..profile import Profile
from .glued import read_glued
from .grid import read_grids
from .model import (
    AMOUNT,
    BLANK,
    CHANGE,
    COUNT,
    INVALID,
    NOT_APPLICABLE,
    NUMBER,
    ColumnSpec,
    RowSpec,
    StatTable,
    TableCell,
    Tables,
    TableSchema,
    Unreadable,
)
from .reading import Reading
from .schemas import SCHEMA_KEYS, SCHEMAS, table_label_pattern

__all__ = [
    "AMOUNT", "BLANK", "CHANGE", "COUNT", "INVALID", "NOT_APPLICABLE", "NUMBER", "SCHEMAS", "SCHEMA_KEYS",
    "ColumnSpec", "RowSpec", "StatTable", "TableCell", "TableSchema", "Tables", "Unreadable",
    "read_tables", "table_label_pattern",
]


def read_tables(document: Document, profile: Profile) -> Tables:
    """The statistics tables of a document: its grids first, then glued text for
    the tables no grid gave."""
    reading = Reading(document.text, profile)
    read_grids(reading, document)
    read_glued(reading)
    return reading.result()
