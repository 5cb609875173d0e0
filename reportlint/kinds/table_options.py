"""Option types that name parts of the statistics tables (see options.py):
tables, rows, columns and cells, checked against the tables' schemas in every
edition when the rule loads."""

from __future__ import annotations

from typing import Any

from .options import InvalidValue, Option, Strings, string_list


class TableNames(Option):
    """A list of the statistics tables (表二, 表三, 表四, 统计表); by default all."""

    type_name = "表名列表"

    def __init__(self, **kwargs) -> None:
        from ..tables import SCHEMA_KEYS

        super().__init__(default=SCHEMA_KEYS, **kwargs)

    def parse(self, value, parsed):
        from ..tables import SCHEMA_KEYS

        return Strings(choices=SCHEMA_KEYS).parse(value, parsed)


def _table_names(table: str) -> tuple[frozenset[str], frozenset[str]]:
    """The row and the column names a term of ``table`` may use, in any edition:
    keys and the schema's named groups (a group may stand on either axis)."""
    from ..tables import SCHEMAS

    schemas = SCHEMAS[table]
    groups = {name for schema in schemas for name in schema.groups}
    rows = {row.key for schema in schemas for row in schema.rows} | groups
    columns = {column for schema in schemas for column in schema.column_keys} | groups
    return frozenset(rows), frozenset(columns)


def _check_name(name: str, known: frozenset[str], table: str, what: str) -> None:
    if name not in known:
        raise InvalidValue(f"{table}没有{what}“{name}”，可用：{'、'.join(sorted(known))}")


class TableTerms(Option):
    """Cells of the rule's ``table`` written ``行.列`` ("本年新收.总计"); a row or
    column may be a group of the table's schema ("法人或其他组织", "不予公开") and
    the row ``*`` is every row. A list of terms, or with ``single`` one term;
    parsed to (row, column) pairs. A name the table's schema does not have is
    an error."""

    type_name = "单元格（行.列）"

    def __init__(self, *, single: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.single = single

    def parse(self, value, parsed):
        rows, columns = _table_names(parsed["table"])
        if self.single:
            return self._term(value, parsed["table"], rows, columns)
        if not isinstance(value, list) or not value:
            raise InvalidValue("应为单元格（行.列）的非空列表")
        return tuple(self._term(term, parsed["table"], rows, columns) for term in value)

    @staticmethod
    def _term(term: Any, table: str, rows: frozenset[str], columns: frozenset[str]) -> tuple[str, str]:
        if not isinstance(term, str) or term.count(".") != 1 or not all(term.split(".")):
            raise InvalidValue(f"单元格应写作“行.列”，如“本年新收.总计”，此处为“{term}”")
        row, column = term.split(".")
        if row != "*":
            _check_name(row, rows, table, "行")
        _check_name(column, columns, table, "列")
        return row, column


class TableLines(Option):
    """The terms of an identity checked ``for_each`` row or column of the rule's
    ``table``: columns (``for_each: row``) or rows (``for_each: column``), or
    groups of them; with ``signed``, a name may be written ``-X`` (subtracted)
    or ``上年.X`` (last year's report). With ``instances``, the rows or columns
    the identity is checked in, instead. A name the table's schema does not have
    is an error."""

    type_name = "行或列的列表"
    PREVIOUS = "上年."

    def __init__(self, *, signed: bool = False, instances: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.signed = signed
        self.instances = instances

    def parse(self, value, parsed):
        items = string_list(value)
        table = parsed["table"]
        rows, columns = _table_names(table)
        by_row = (parsed["for_each"] == "row") != self.instances
        for item in items:
            name = item.lstrip("-").strip().removeprefix(self.PREVIOUS) if self.signed else item
            _check_name(name, columns if by_row else rows, table, "列" if by_row else "行")
        return items


class TableRows(Option):
    """Rows of the tables named by the rule's ``tables``: a list, or with
    ``single`` one row."""

    type_name = "行的列表"

    def __init__(self, *, single: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.single = single

    def parse(self, value, parsed):
        if self.single and not isinstance(value, str):
            raise InvalidValue("应为一行的名称")
        items = (value,) if self.single else string_list(value)
        for table in parsed["tables"]:
            rows, _ = _table_names(table)
            for item in items:
                _check_name(item, rows, table, "行")
        return items[0] if self.single else items
