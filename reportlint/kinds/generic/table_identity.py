"""table_identity: cells of a statistics table that must add up.

A rule names a table and two lists of terms that must have equal sums, for
every row or for every column of the table:

    table: 表三
    for_each: column
    left: [办理结果总计, 结转下年度]
    right: [本年新收, 上年结转]

With ``for_each: column`` the terms are rows (or named groups of rows, such as
办理结果) and the identity is checked in each column; with ``for_each: row`` they
are columns (or groups, such as 申请人). A term written ``-X`` is subtracted;
``上年.X`` is the cell of last year's report (``--previous``), and a rule with
such terms is silent when no previous report is given, or when it is not the
report of the year before.

An instance is skipped when one of its cells was not read (another edition's
row, an unreadable glued row), when a cell is no number (table_cells reports
it), or when every cell on one side is blank: a side nobody filled in has
nothing to add up, and the blank cells are reported on their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ...diagnostic import Finding
from ...facts import Facts
from ...genre import REPORTS
from ...tables import BLANK, INVALID, SCHEMA_KEYS, StatTable, TableCell
from ..base import Kind
from ..options import Text
from ..table_options import TableLines

PREVIOUS = TableLines.PREVIOUS
# Groups with more members than this show as one figure in messages.
_SPELLED_OUT = 6


@dataclass(frozen=True)
class _Term:
    name: str
    sign: int
    previous: bool

    @classmethod
    def parse(cls, text: str) -> _Term:
        sign = -1 if text.startswith("-") else 1
        name = text.lstrip("-").strip()
        previous = name.startswith(PREVIOUS)
        return cls(name.removeprefix(PREVIOUS), sign, previous)


@dataclass(frozen=True)
class _Part:
    """A term resolved in one instance: its cells and how messages show it."""

    label: str
    sign: int
    cells: tuple[TableCell, ...]

    @property
    def total(self) -> Decimal:
        return sum((cell.amount for cell in self.cells), Decimal(0)) * self.sign


class TableIdentity(Kind):
    name = "table_identity"
    reads = REPORTS
    options = {
        "table": Text(required=True, choices=SCHEMA_KEYS),
        "for_each": Text(required=True, choices=("row", "column")),
        "left": TableLines(required=True, signed=True),
        "right": TableLines(required=True, signed=True),
        "only": TableLines(instances=True),
    }
    message_args = frozenset({"table", "where", "left", "right", "difference"})

    def __init__(self, options, scope=None):
        super().__init__(options, scope)
        self.left = [_Term.parse(term) for term in self.left]
        self.right = [_Term.parse(term) for term in self.right]
        self.needs_previous = any(term.previous for term in self.left + self.right)

    def check(self, facts: Facts) -> Iterator[Finding]:
        table = facts.tables.get(self.table)
        if table is None:
            return
        previous = None
        if self.needs_previous:
            if facts.previous is None or not _consecutive(facts.previous.profile.year, facts.profile.year):
                return
            previous = facts.previous.tables.get(self.table)
            if previous is None:
                return
        instances = table.column_keys() if self.for_each == "column" else table.row_keys()
        for instance in instances:
            if self.only and instance not in self.only:
                continue
            left = self._resolve(self.left, table, previous, instance)
            right = self._resolve(self.right, table, previous, instance)
            if left is None or right is None or not _comparable(left) or not _comparable(right):
                continue
            left_total = sum((part.total for part in left), Decimal(0))
            right_total = sum((part.total for part in right), Decimal(0))
            if left_total == right_total:
                continue
            where = f"“{instance}”列" if self.for_each == "column" else f"“{table.schema.row(instance).name}”行"
            yield Finding(left[0].cells[0].span, {
                "table": self.table,
                "where": where,
                "left": _expression(left, left_total),
                "right": _expression(right, right_total),
                "difference": _number(abs(left_total - right_total)),
            }, proven=not any(cell.glued for part in left + right for cell in part.cells))

    def _resolve(self, terms: list[_Term], table: StatTable, previous: StatTable | None, instance: str) -> list[_Part] | None:
        parts: list[_Part] = []
        for term in terms:
            found = self._parts(term, previous if term.previous else table, instance)
            if not found:
                return None
            parts.extend(found)
        return parts

    def _parts(self, term: _Term, table: StatTable, instance: str) -> list[_Part]:
        """A term's cells in one instance; a small group is spelled out member by
        member, a large one stays one figure. Empty when a lone cell is missing."""
        schema = table.schema
        prefix = "上年报告" if term.previous else ""
        group = schema.groups.get(term.name)
        members = group or (term.name,)
        found = []
        for member in members:
            if member in table.unread or instance in table.unread:
                return []  # a sum with an unknown part cannot be checked
            cell = table.cell(instance, member) if self.for_each == "row" else table.cell(member, instance)
            if cell is None:
                if group is None:
                    return []
                continue
            label = schema.row(member).name if self.for_each == "column" else member
            found.append(_Part(prefix + label, term.sign, (cell,)))
        if group is not None and len(group) > _SPELLED_OUT and found:
            cells = tuple(cell for part in found for cell in part.cells)
            return [_Part(f"{prefix}{term.name}各项", term.sign, cells)]
        return found


def _consecutive(last_year: int | None, year: int | None) -> bool:
    """Whether the previous report is last year's (unknown years are given the benefit of the doubt)."""
    return last_year is None or year is None or last_year == year - 1


def _comparable(parts: list[_Part]) -> bool:
    cells = [cell for part in parts for cell in part.cells]
    if any(cell.state == INVALID for cell in cells):
        return False
    return not all(cell.state == BLANK for cell in cells)


def _expression(parts: list[_Part], total: Decimal) -> str:
    """"（七）总计767＋四、结转下年度72＝839"; a single term stands alone."""
    terms = []
    for index, part in enumerate(parts):
        sign = "－" if part.sign < 0 else ("＋" if index else "")
        if len(part.cells) == 1:
            terms.append(f"{sign}{part.label}{_shown(part.cells[0])}")
        else:
            terms.append(f"{sign}{part.label}合计{_number(abs(part.total))}")
    text = "".join(terms)
    return text if len(parts) == 1 else f"{text}＝{_number(total)}"


def _shown(cell: TableCell) -> str:
    return "（空白）" if cell.state == BLANK else _number(cell.amount)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != value.to_integral() else str(int(value))
