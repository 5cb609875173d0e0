"""The statistics tables of a report, read into the schema of its edition.

Since 2019 every report carries three tables whose cells are tied by arithmetic
(domain.md §2): 表二 主动公开, 表三 收到和处理申请, 表四 行政复议和行政诉讼;
reports under the 2008 条例 often end with a 政府信息公开情况统计表. This module
reads them once per document (``Facts.tables``) into `StatTable`s whose cells are
addressed by the official row and column names, whatever wording a draft used:

    table = facts.tables.get("表三")
    cell = table.cell("本年新收", "自然人")   # a TableCell, or None
    cell.value, cell.state, cell.span

Tables reach this module in two forms:

- **grids**: `Table` blocks of the document — pipe-separated rows (Markdown or
  converted HTML), tab-separated rows pasted from Word, rows aligned with runs of
  spaces (all three made by reportlint.parser), and tables that other readers
  (docx, HTML) hand over as rows of cells. Labels are the leading cells of a
  row, values the cells after them; a row's label decides its schema row.
- **glued text**: web extractions that flatten a table into a paragraph with its
  numbers run together ("一、本年新收政府信息公开申请数量713000074二、上年结转…").
  The official labels are found in order and the digits between them split
  into cells. A split is accepted only when it is the only one possible, or the
  only one that satisfies the row's own sum (表三: 总计 = the six applicant
  columns; 表四: 总计 = 维持 + 纠正 + 其他 + 尚未审结 in each block). Any other
  run is recorded as `Unreadable` and its cells stay unknown: the model never
  guesses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from .document import Document, Span, Table, TableRow
from .profile import Edition, Profile

# Cell states.
NUMBER = "number"
BLANK = "blank"  # nothing written
NOT_APPLICABLE = "not-applicable"  # "/" or a dash: the draft says the cell does not apply
INVALID = "invalid"  # text that is no admissible value for its column

# What a column holds.
COUNT = "count"  # a non-negative integer
CHANGE = "change"  # an integer that may be negative (60号 表二 本年增/减)
AMOUNT = "amount"  # money: decimals and a unit (元, 万元) allowed


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    holds: str = COUNT


@dataclass(frozen=True)
class RowSpec:
    """A row of a schema. ``name`` is how messages show it (with its official
    number); ``pattern`` recognises the wording variants of its label;
    ``marker`` is its official number, which glued text runs into the digits
    before it."""

    key: str
    name: str
    pattern: re.Pattern[str]
    marker: str = ""
    columns: tuple[ColumnSpec, ...] = ()
    group: str | None = None


@dataclass(frozen=True)
class TableSchema:
    key: str  # 表二, 表三, 表四, 统计表
    title: str
    rows: tuple[RowSpec, ...]
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # named sets of row or column keys

    def row(self, key: str) -> RowSpec | None:
        return next((row for row in self.rows if row.key == key), None)

    @property
    def column_keys(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for row in self.rows:
            for column in row.columns:
                seen.setdefault(column.key, None)
        return tuple(seen)


@dataclass(frozen=True)
class TableCell:
    text: str
    span: Span
    state: str
    value: Decimal | None  # for NUMBER cells; NOT_APPLICABLE and BLANK count as 0 in sums
    glued: bool = False  # split out of glued digits

    @property
    def amount(self) -> Decimal:
        """The value a sum uses."""
        return self.value if self.value is not None else Decimal(0)


@dataclass(frozen=True)
class StatTable:
    schema: TableSchema
    edition: str
    cells: dict[tuple[str, str], TableCell]
    span: Span
    unread: frozenset[str] = frozenset()  # rows present in the draft whose cells could not be read

    @property
    def key(self) -> str:
        return self.schema.key

    def cell(self, row: str, column: str) -> TableCell | None:
        return self.cells.get((row, column))

    def row_keys(self) -> list[str]:
        """Rows read, in schema order."""
        present = {row for row, _ in self.cells}
        return [row.key for row in self.schema.rows if row.key in present]

    def column_keys(self) -> list[str]:
        present = {column for _, column in self.cells}
        return [column for column in self.schema.column_keys if column in present]


@dataclass(frozen=True)
class Unreadable:
    """A row whose cells could not be told apart: glued digits with several
    possible splits, or a row with the wrong number of values."""

    table: str
    row: str  # the row's name
    text: str
    span: Span
    reason: str  # "glued" or "columns"


@dataclass(frozen=True)
class Tables:
    tables: dict[str, StatTable]
    unreadable: tuple[Unreadable, ...]

    def get(self, key: str) -> StatTable | None:
        return self.tables.get(key)

    def __iter__(self) -> Iterator[StatTable]:
        return iter(self.tables.values())


# -- schemas ---------------------------------------------------------------------------


def _rows(columns: tuple[ColumnSpec, ...], specs: Sequence[tuple], group: str | None = None) -> list[RowSpec]:
    """RowSpecs from (key, name, pattern, marker) tuples sharing columns and group."""
    return [RowSpec(key, name, re.compile(pattern), marker, columns, group) for key, name, pattern, marker in specs]


_APPLICANTS = tuple(ColumnSpec(key) for key in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"))
_RESULTS_NOT_DISCLOSED = (
    ("国家秘密", "（三）1.属于国家秘密", r"国家秘密", "1."),
    ("法律法规禁止", "（三）2.其他法律行政法规禁止公开", r"法律行政法规禁止|法律法规禁止", "2."),
    ("三安全一稳定", "（三）3.危及“三安全一稳定”", r"三安全一稳定|危及", "3."),
    ("第三方合法权益", "（三）4.保护第三方合法权益", r"第三方", "4."),
    ("内部事务信息", "（三）5.属于三类内部事务信息", r"内部事务", "5."),
    ("过程性信息", "（三）6.属于四类过程性信息", r"过程性", "6."),
    ("行政执法案卷", "（三）7.属于行政执法案卷", r"执法案卷", "7."),
    ("行政查询事项", "（三）8.属于行政查询事项", r"行政查询", "8."),
)
_RESULTS_UNAVAILABLE = (
    ("本机关不掌握", "（四）1.本机关不掌握相关政府信息", r"不掌握", "1."),
    ("没有现成信息", "（四）2.没有现成信息需要另行制作", r"没有现成|另行制作", "2."),
    ("补正后仍不明确", "（四）3.补正后申请内容仍不明确", r"补正后|仍不明确", "3."),
)
_RESULTS_NOT_PROCESSED = (
    ("信访举报投诉", "（五）1.信访举报投诉类申请", r"信访|举报投诉", "1."),
    ("重复申请", "（五）2.重复申请", r"重复申请", "2."),
    ("公开出版物", "（五）3.要求提供公开出版物", r"出版物", "3."),
    ("大量反复申请", "（五）4.无正当理由大量反复申请", r"大量反复", "4."),
    ("确认或重新出具", "（五）5.要求行政机关确认或重新出具已获取信息", r"重新出具|确认或重新", "5."),
)
# 30号 splits （六）其他处理 into three rows; 60号 has it as one.
_RESULTS_OTHER_2021 = (
    ("逾期不补正", "（六）1.申请人逾期不补正", r"逾期不补正|不补正", "1."),
    ("逾期未缴费", "（六）2.申请人逾期未缴纳费用", r"缴纳费用|收费通知|未缴费", "2."),
    ("其他处理其他", "（六）3.其他", r"^其他$", "3."),
)
_RESULTS_OTHER_2019 = (("其他处理", "（六）其他处理", r"其他处理", "（六）"),)

_TABLE3_HEAD = (
    ("本年新收", "一、本年新收", r"本年新收|本年度?收到", "一、"),
    ("上年结转", "二、上年结转", r"上年度?结转", "二、"),
    ("予以公开", "（一）予以公开", r"予以公开", "（一）"),
    ("部分公开", "（二）部分公开", r"部分公开(?:[（(][^）)]*[）)])?", "（二）"),
)
_TABLE3_TAIL = (
    ("办理结果总计", "（七）总计", r"^总计$|^合计$", "（七）"),
    ("结转下年度", "四、结转下年度继续办理", r"结转下一?年度", "四、"),
)
# Labels of the groups of result rows: a label cell, heading or glued text that
# names the group, not a row of numbers.
_TABLE3_GROUPS = (
    ("不予公开", re.compile(r"不予公开")),
    ("无法提供", re.compile(r"无法提供")),
    ("不予处理", re.compile(r"不予处理")),
    ("其他处理", re.compile(r"其他处理|^其他$")),
)


def _table3() -> TableSchema:
    """表三 with both forms of （六）: a draft fills one, and the sums take what is there."""
    rows = (
        _rows(_APPLICANTS, _TABLE3_HEAD)
        + _rows(_APPLICANTS, _RESULTS_NOT_DISCLOSED, "不予公开")
        + _rows(_APPLICANTS, _RESULTS_UNAVAILABLE, "无法提供")
        + _rows(_APPLICANTS, _RESULTS_NOT_PROCESSED, "不予处理")
        + _rows(_APPLICANTS, _RESULTS_OTHER_2021 + _RESULTS_OTHER_2019, "其他处理")
        + _rows(_APPLICANTS, _TABLE3_TAIL)
    )
    results = tuple(row.key for row in rows if row.key in {"予以公开", "部分公开"} or row.group)
    result_groups = {group: tuple(row.key for row in rows if row.group == group) for group, _ in _TABLE3_GROUPS}
    return TableSchema(
        "表三",
        "收到和处理政府信息公开申请情况",
        tuple(rows),
        {
            **result_groups,
            "办理结果": results,
            "法人或其他组织": ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
            "申请人": ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
        },
    )


TABLE3 = _table3()
# The keys of the rows of （六） that only one edition has.
_OTHER_2021 = {key for key, *_ in _RESULTS_OTHER_2021}
_OTHER_2019 = {key for key, *_ in _RESULTS_OTHER_2019}


_OUTCOMES = tuple(ColumnSpec(key) for key in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
TABLE4 = TableSchema(
    "表四",
    "政府信息公开行政复议、行政诉讼情况",
    tuple(_rows(_OUTCOMES, (
        ("行政复议", "行政复议", r"行政复议|^复议$", ""),
        ("直接起诉", "行政诉讼（未经复议直接起诉）", r"直接起诉|未经复议", ""),
        ("复议后起诉", "行政诉讼（复议后起诉）", r"复议后起诉", ""),
    ))),
    {"行政诉讼": ("直接起诉", "复议后起诉")},
)
_OUTCOME_HEADER = re.compile(r"结果维持")
# Words of 表三's column headers, which no row label holds.
_COLUMN_HEADER = re.compile(r"自然人|法人或其他组织|商业企业|科研机构|申请人情况")


def _columns(*specs: str | tuple[str, str]) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(spec) if isinstance(spec, str) else ColumnSpec(*spec) for spec in specs)


_T2_2021_DOCUMENTS = _columns("本年制发件数", "本年废止件数", "现行有效件数")
_T2_2021_DECISIONS = _columns("本年处理决定数量")
_T2_2019_DOCUMENTS = _columns("本年新制作数量", "本年新公开数量", "对外公开总数量")
_T2_2019_ITEMS = _columns("上一年项目数量", ("本年增/减", CHANGE), "处理决定数量")


def _table2(edition: str) -> TableSchema:
    if edition == Edition.STANDARD_2019:
        rows = (
            _rows(_T2_2019_DOCUMENTS, (
                ("规章", "规章", r"规章", ""),
                ("规范性文件", "规范性文件", r"(?:行政)?规范性文件", ""),
            ))
            + _rows(_T2_2019_ITEMS, (
                ("行政许可", "行政许可", r"行政许可", ""),
                ("其他对外管理服务事项", "其他对外管理服务事项", r"其他对外管理服务事项", ""),
                ("行政处罚", "行政处罚", r"行政处罚", ""),
                ("行政强制", "行政强制", r"行政强制", ""),
            ))
            + _rows(_columns("上一年项目数量", ("本年增/减", CHANGE)), (
                ("行政事业性收费", "行政事业性收费", r"行政事业性收费", ""),
            ))
            + _rows(_columns("采购项目数量", ("采购总金额", AMOUNT)), (
                ("政府集中采购", "政府集中采购", r"政府集中采购", ""),
            ))
        )
    else:
        rows = (
            _rows(_T2_2021_DOCUMENTS, (
                ("规章", "规章", r"规章", ""),
                ("规范性文件", "行政规范性文件", r"(?:行政)?规范性文件", ""),
            ))
            + _rows(_T2_2021_DECISIONS, (
                ("行政许可", "行政许可", r"行政许可", ""),
                ("行政处罚", "行政处罚", r"行政处罚", ""),
                ("行政强制", "行政强制", r"行政强制", ""),
            ))
            + _rows(_columns(("本年收费金额（万元）", AMOUNT)), (
                ("行政事业性收费", "行政事业性收费", r"行政事业性收费", ""),
            ))
        )
    return TableSchema("表二", "主动公开政府信息情况", tuple(rows))


# Column headers that only one edition's 表二 has.
_TABLE2_HEADERS = {
    Edition.STANDARD_2021: re.compile(r"本年制发|本年废止|现行有效|本年处理决定|本年收费金额"),
    Edition.STANDARD_2019: re.compile(r"本年新制作|本年新公开|对外公开总|上一年项目|本年增|采购项目|采购总金额"),
}

# The pre-2019 statistics table: its rows differ from one province to another;
# these are the rows whose 历年累计 a next year's table continues.
_STATISTICS_COLUMNS = _columns("本年度", "历年累计")
STATISTICS = TableSchema(
    "统计表",
    "政府信息公开情况统计表",
    tuple(_rows(_STATISTICS_COLUMNS, (
        ("主动公开数", "主动公开信息数", r"^主动公开(?:政府)?(?:信息|文件)(?:总)?数", ""),
        ("网站公开数", "政府网站公开数", r"网站公开", ""),
        ("公报公开数", "政府公报公开数", r"公报公开", ""),
        ("申请总数", "受理依申请公开总数", r"^受理.*申请.*(?:总数|数)$", ""),
        ("当面申请数", "当面申请数", r"当面申请", ""),
        ("传真申请数", "传真申请数", r"^传真申请", ""),
        ("电子邮件申请数", "电子邮件申请数", r"电子邮件申请", ""),
        ("网上申请数", "网上申请数", r"网上申请", ""),
        ("信函申请数", "信函申请数", r"^信函申请", ""),
        ("信函传真申请数", "信函、传真申请数", r"信函、?传真申请", ""),
        ("其他形式申请数", "其他形式申请数", r"其[他它]形式申请", ""),
        ("答复总数", "对申请的答复总数", r"^(?:对申请的?)?答复(?:总)?数$", ""),
        ("同意公开答复数", "同意公开答复数", r"^同意公开", ""),
        ("同意部分公开答复数", "同意部分公开答复数", r"同意部分公开", ""),
        ("不予公开答复数", "不予公开答复数", r"否决公开|不予公开|不同意公开", ""),
        ("其他类型答复数", "其他类型答复数", r"其他类型答复", ""),
        ("收费减免金额", "收费减免金额", r"收费", ""),
        ("行政复议数", "行政复议数", r"^行政复议", ""),
        ("行政诉讼数", "行政诉讼数", r"^行政诉讼", ""),
        ("行政申诉数", "行政申诉数", r"申诉", ""),
    ))),
)

SCHEMA_KEYS = ("表二", "表三", "表四", "统计表")


# -- cells ----------------------------------------------------------------------------

_NOT_APPLICABLE = re.compile(r"[/／\\]|[-－—–~～]+|无")
_INTEGER = re.compile(r"[0-9][0-9,，]*|[0-9]{1,3}(?: [0-9]{3})+")
_SIGNED = re.compile(r"(?P<sign>[-－+＋])?\s*(?P<digits>[0-9]+)")
_AMOUNT = re.compile(r"(?P<number>[0-9][0-9,，]*(?:\.[0-9]+)?)\s*(?P<unit>万元|元)?")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def read_cell(text: str, span: Span, holds: str = COUNT) -> TableCell:
    """A cell's state and value, as its column allows."""
    written = text.strip().translate(_FULL_WIDTH)
    if not written:
        return TableCell(text, span, BLANK, None)
    if _NOT_APPLICABLE.fullmatch(written):
        return TableCell(text, span, NOT_APPLICABLE, None)
    value: Decimal | None = None
    if holds == AMOUNT:
        match = _AMOUNT.fullmatch(written)
        if match:  # a unit written in the cell ("251000元") is the draft's to state
            value = Decimal(match["number"].replace(",", "").replace("，", ""))
    elif holds == CHANGE:
        match = _SIGNED.fullmatch(written)
        if match:
            value = Decimal(match["digits"]) * (-1 if match["sign"] in ("-", "－") else 1)
    elif _INTEGER.fullmatch(written):
        value = Decimal(re.sub(r"[,， ]", "", written))
    if value is None:
        return TableCell(text, span, INVALID, None)
    return TableCell(text, span, NUMBER, value)


def _is_value_text(text: str) -> bool:
    """Whether a grid cell holds a value (or is blank) rather than a label."""
    written = text.strip().translate(_FULL_WIDTH)
    return not written or bool(_VALUE_LIKE.fullmatch(written))


_VALUE_LIKE = re.compile(r"[-－+＋]?\s*[0-9][0-9,，. ]*\s*(?:万元|元|件|条|个|项|%|％)?|[/／\\]|[-－—–~～]+|无")


# -- labels ---------------------------------------------------------------------------

_LEADING_MARKER = re.compile(
    r"^(?:其中[：:]?)?\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[（(]?[0-9]{1,2}[）)]|[0-9]{1,2}[.．、](?![0-9]))"
)
_LABEL_NOISE = re.compile(r"[\s“”\"'‘’]")


def normalise_label(text: str) -> str:
    """A label without numbering, quotes and spaces: "（三）1. 属于国家秘密" → "属于国家秘密"."""
    label = _LABEL_NOISE.sub("", text)
    while True:
        stripped = _LEADING_MARKER.sub("", label, count=1)
        if stripped == label:
            return label
        label = stripped


def match_row(schema: TableSchema, label: str, group: str | None) -> RowSpec | None:
    """The schema row a label names; rows of the current group win, and a row
    whose pattern only matches inside its group ("3.其他") needs that group."""
    normalised = normalise_label(label)
    if not normalised:
        return None
    candidates = [row for row in schema.rows if row.pattern.search(normalised)]
    if group is not None:
        in_group = [row for row in candidates if row.group == group]
        if in_group:
            return in_group[0]
    outside = [row for row in candidates if not row.pattern.pattern.startswith("^其他$")]
    return outside[0] if outside else None


def _group_of(label: str) -> str | None:
    normalised = normalise_label(label)
    for group, pattern in _TABLE3_GROUPS:
        if pattern.search(normalised):
            return group
    return None


# -- reading grids ----------------------------------------------------------------------


@dataclass
class _TableBuilder:
    schema: TableSchema
    edition: str
    cells: dict[tuple[str, str], TableCell] = field(default_factory=dict)
    unread: set[str] = field(default_factory=set)
    start: int | None = None
    end: int = 0

    def put(self, row: RowSpec, cells: Sequence[TableCell]) -> None:
        """Cells of a row, in the order of its columns (fewer cells fill the first columns)."""
        for column, cell in zip(row.columns, cells):
            self.cells.setdefault((row.key, column.key), cell)
            self.start = cell.span.start if self.start is None else min(self.start, cell.span.start)
            self.end = max(self.end, cell.span.end)

    def build(self) -> StatTable | None:
        if not self.cells or self.start is None:
            return None
        return StatTable(self.schema, self.edition, dict(self.cells), Span(self.start, self.end), frozenset(self.unread))


class _Reader:
    """Reads the document's grids and glued text into schema tables."""

    def __init__(self, document: Document, profile: Profile) -> None:
        self.document = document
        self.text = document.text
        self.edition = profile.edition
        standard = self.edition if self.edition != Edition.FREE_2008 else Edition.STANDARD_2021
        self.builders = {
            "表二": {edition: _TableBuilder(_table2(edition), edition) for edition in (Edition.STANDARD_2019, Edition.STANDARD_2021)},
            "表三": _TableBuilder(TABLE3, standard),
            "表四": _TableBuilder(TABLE4, standard),
            "统计表": _TableBuilder(STATISTICS, Edition.FREE_2008),
        }
        self.unreadable: list[Unreadable] = []
        self.grid_spans: list[Span] = []

    def read(self) -> Tables:
        context = ""
        for item in _in_order(self.document):
            if isinstance(item, Table):
                self._grid(item, context)
                context = ""
            else:
                context = item
        self._glued()
        tables: dict[str, StatTable] = {}
        table2 = self._table2()
        if table2:
            tables["表二"] = table2
        for key in ("表三", "表四", "统计表"):
            built = self.builders[key].build()
            if built:
                tables[key] = built
        return Tables(tables, tuple(sorted(self.unreadable, key=lambda item: item.span.start)))

    def _table2(self) -> StatTable | None:
        built = {edition: builder.build() for edition, builder in self.builders["表二"].items()}
        preferred = self.edition if self.edition in built and built[self.edition] else None
        if preferred:
            return built[preferred]
        return next((table for table in built.values() if table), None)

    # -- grids --

    def _grid(self, table: Table, context: str) -> None:
        rows = [row for row in table.rows if not row.separator]
        labelled = [(row, *_split_row(row)) for row in rows]
        header_text = " ".join(cell.text for row, labels, values in labelled if not values or all(
            not cell.text.strip() for cell in values) for cell in row.cells)
        counts: dict[str, int] = {}
        for _, labels, values in labelled:
            for kind in self._kinds_of(labels, values):
                counts[kind] = counts.get(kind, 0) + 1
        if _OUTCOME_HEADER.search(header_text):
            counts["表四"] = counts.get("表四", 0) + 1
        if not counts:
            return
        kind = max(counts, key=lambda key: (counts[key], key == "表三"))
        self.grid_spans.append(table.span)
        if kind == "表三":
            self._grid_table3(labelled, context)
        elif kind == "表四":
            self._grid_table4(labelled, context)
        elif kind == "表二":
            self._grid_table2(labelled, header_text)
        else:
            self._grid_statistics(labelled)

    def _kinds_of(self, labels: list, values: list) -> set[str]:
        """The tables a labelled row of values could belong to."""
        if not labels or not values:
            return set()
        label = labels[-1].text
        kinds = set()
        if match_row(self.builders["表三"].schema, label, None) or _group_of(label):
            kinds.add("表三")
        if any(row.pattern.fullmatch(normalise_label(label)) for builder in self.builders["表二"].values()
               for row in builder.schema.rows):
            kinds.add("表二")
        if match_row(TABLE4, label, None):
            kinds.add("表四")
        if len(labels) >= 2 and match_row(STATISTICS, labels[0].text, None):
            kinds.add("统计表")
        return kinds

    def _grid_table3(self, labelled, context: str) -> None:
        builder = self.builders["表三"]
        schema = builder.schema
        group = _group_of(context)
        for row, labels, values in labelled:
            if not labels:
                continue
            if not values:  # the label of a group of rows
                group = _group_of(labels[-1].text) or group
                continue
            if any(_COLUMN_HEADER.search(label.text) for label in labels):
                continue  # 自然人 | 法人或其他组织 | 总计, padded with empty cells
            for label in labels[:-1]:
                group = _group_of(label.text) or group
            spec = match_row(schema, labels[-1].text, group)
            if spec is None:
                group = _group_of(labels[-1].text) or group
                continue
            group = spec.group or group
            self._put_values(builder, spec, values, row)

    def _grid_table4(self, labelled, context: str) -> None:
        builder = self.builders["表四"]
        block = match_row(TABLE4, context, None)
        width = len(_OUTCOMES)
        for row, labels, values in labelled:
            if not values or all(not cell.text.strip() for cell in values):
                if labels:
                    block = match_row(TABLE4, labels[-1].text, None) or block
                continue
            spec = match_row(TABLE4, labels[-1].text, None) if labels else block
            if len(values) == width * len(TABLE4.rows) and not labels:
                for index, block_spec in enumerate(TABLE4.rows):
                    chunk = values[index * width:(index + 1) * width]
                    builder.put(block_spec, [read_cell(cell.text, cell.span) for cell in chunk])
            elif spec is not None:
                self._put_values(builder, spec, values, row)

    def _grid_table2(self, labelled, header_text: str) -> None:
        header_edition = next((edition for edition, pattern in _TABLE2_HEADERS.items() if pattern.search(header_text)), None)
        for row, labels, values in labelled:
            if not labels or not values:
                continue
            editions = [header_edition] if header_edition else [self.edition, Edition.STANDARD_2021, Edition.STANDARD_2019]
            for edition in editions:
                builder = self.builders["表二"].get(edition)
                if builder is None:
                    continue
                spec = next((spec for spec in builder.schema.rows if spec.pattern.fullmatch(normalise_label(labels[-1].text))), None)
                if spec is not None and (len(spec.columns) == len(values) or edition == editions[-1]):
                    self._put_values(builder, spec, values, row)
                    break

    def _grid_statistics(self, labelled) -> None:
        """Rows of 统计表; a table of this year's figures alone has one value column."""
        builder = self.builders["统计表"]
        for row, labels, values in labelled:
            if not labels or not values:
                continue
            spec = match_row(STATISTICS, labels[0].text, None)
            if spec is not None and len(values) == 1:
                builder.put(spec, [read_cell(values[0].text, values[0].span)])
            elif spec is not None:
                self._put_values(builder, spec, values, row)

    def _put_values(self, builder: _TableBuilder, spec: RowSpec, values, row: TableRow) -> None:
        width = len(spec.columns)
        if len(values) < width:
            self._unreadable(builder, [spec], Unreadable(builder.schema.key, spec.name, _row_text(row), row.span, "columns"))
            return
        builder.put(spec, [read_cell(cell.text, cell.span, column.holds)
                           for cell, column in zip(_aligned_values(values, width), spec.columns)])

    def _unreadable(self, builder: _TableBuilder, rows: Sequence[RowSpec], row: Unreadable) -> None:
        self.unreadable.append(row)
        builder.unread.update(spec.key for spec in rows)

    # -- glued text --

    def _glued(self) -> None:
        if "表三" not in self._grid_tables():
            self._glued_rows(self.builders["表三"], _glued_sequences_table3(self.edition), _row_sum)
        if "表二" not in self._grid_tables():
            self._glued_table2()
        if "表四" not in self._grid_tables():
            self._glued_table4()
        if "统计表" not in self._grid_tables():
            self._glued_statistics()

    def _grid_tables(self) -> set[str]:
        found = {key for key in ("表三", "表四", "统计表") if self.builders[key].cells}
        if any(builder.cells for builder in self.builders["表二"].values()):
            found.add("表二")
        return found

    def _outside_grids(self, position: int) -> bool:
        return not any(span.start <= position < span.end for span in self.grid_spans)

    def _glued_rows(self, builder: _TableBuilder, sequences: list[list[RowSpec]], constraint) -> None:
        """Read rows whose labels follow each other in the text, each followed by its digits."""
        for rows in sequences:
            found = _find_in_order(self.text, rows, self._outside_grids)
            if found is None:
                continue
            for spec, start, end in _runs(found):
                self._glued_run(builder, spec, start, end, constraint)
            return

    def _glued_run(self, builder: _TableBuilder, spec: RowSpec, start: int, end: int | None, constraint) -> None:
        run = _RUN.match(self.text, start, end if end is not None else len(self.text))
        tokens = [(match.group(), match.start()) for match in _NUMBER_TOKEN.finditer(self.text, run.start(), run.end())]
        if not tokens:
            return
        split = split_digits(tokens, len(spec.columns), constraint, decimals=spec.columns[0].holds == AMOUNT)
        span = Span(tokens[0][1], tokens[-1][1] + len(tokens[-1][0]))
        if split is None:
            self._unreadable(builder, [spec], Unreadable(builder.schema.key, spec.name, self.text[span.start:span.end], span, "glued"))
            return
        builder.put(spec, [
            TableCell(text, Span(at, at + len(text)), NUMBER, Decimal(text), glued=True) for text, at in split
        ])

    def _glued_table2(self) -> None:
        anchor = _TABLE2_ANCHOR.search(self.text)
        while anchor and not self._outside_grids(anchor.start()):
            anchor = _TABLE2_ANCHOR.search(self.text, anchor.end())
        if anchor is None:
            return
        header = self.text[anchor.start():anchor.start() + 200]
        edition = next((edition for edition, pattern in _TABLE2_HEADERS.items() if pattern.search(header)), self.edition)
        builder = self.builders["表二"].get(edition) or self.builders["表二"][Edition.STANDARD_2021]
        # A body without, say, 行政许可 leaves its row out: the rows found are read.
        found = _find_in_order(self.text, list(builder.schema.rows), self._outside_grids, anchor.start(), window=120,
                               complete=False)
        if found is None:
            return
        for spec, start, end in _runs(found):
            self._glued_run(builder, spec, start, end, None)

    def _glued_table4(self) -> None:
        last = None
        for match in _TABLE4_HEADER.finditer(self.text):
            if self._outside_grids(match.start()):
                last = match
        if last is None:
            return
        run = _RUN.match(self.text, last.end())
        tokens = [(match.group(), match.start()) for match in _NUMBER_TOKEN.finditer(self.text, run.start(), run.end())]
        if not tokens:
            return
        width = len(_OUTCOMES)
        split = split_digits(tokens, width * len(TABLE4.rows), _blocks_sum(width))
        builder = self.builders["表四"]
        if split is None:
            span = Span(tokens[0][1], tokens[-1][1] + len(tokens[-1][0]))
            self._unreadable(builder, TABLE4.rows, Unreadable("表四", "数据", self.text[span.start:span.end], span, "glued"))
            return
        for index, spec in enumerate(TABLE4.rows):
            builder.put(spec, [
                TableCell(text, Span(at, at + len(text)), NUMBER, Decimal(text), glued=True)
                for text, at in split[index * width:(index + 1) * width]
            ])

    def _glued_statistics(self) -> None:
        anchor = _STATISTICS_ANCHOR.search(self.text)
        if anchor is None or not self._outside_grids(anchor.start()):
            return
        builder = self.builders["统计表"]
        for match in _STATISTICS_ROW.finditer(self.text, anchor.end()):
            spec = match_row(STATISTICS, match["label"], None)
            if spec is None:
                continue
            digits_end = match.end("run")
            if self.text[digits_end:digits_end + 1] in ("、", ".", "．") and match["run"].rstrip()[-1:].isdigit():
                digits_end = match.start("run") + len(match["run"].rstrip()) - 1  # the next row's number
            self._glued_run(builder, spec, match.start("run"), digits_end, _not_above_cumulative)


def _split_row(row: TableRow) -> tuple[list, list]:
    """(label cells, value cells): the labels lead (after any empty cells a
    merged label left), the values are everything from the first value on, so
    that a stray word among the values is a bad value, not a label."""
    cells = list(row.cells)
    index = 0
    while index < len(cells) and not cells[index].text.strip():
        index += 1
    labels = []
    while index < len(cells) and not _is_value_text(cells[index].text):
        labels.append(cells[index])
        index += 1
    return labels, cells[index:]


def _aligned_values(values: list, width: int) -> list:
    """The ``width`` value cells of a row that has more: surplus empty cells are
    padding, before the values (a label merged over two columns) or after them
    (a rectangular grid made from a table with merged cells); otherwise the
    values are the last cells."""
    surplus = len(values) - width
    if surplus > 0 and not any(cell.text.strip() for cell in values[width:]):
        return values[:width]
    return values[-width:]


def _row_text(row: TableRow) -> str:
    return " | ".join(cell.text for cell in row.cells)


def _in_order(document: Document) -> Iterator[str | Table]:
    """Headings, paragraphs (as text) and tables in document order."""
    def blocks(items):
        for block in items:
            yield block if isinstance(block, Table) else block.text

    yield from blocks(document.preamble)
    for section in document.walk_sections():
        yield section.heading.text
        yield from blocks(section.blocks)


# -- glued digits ---------------------------------------------------------------------

_RUN = re.compile(r"[\s0-9０-９.．]*")
_NUMBER_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_TABLE2_ANCHOR = re.compile(r"第二十条第[（(]一[）)]项")
_TABLE4_HEADER = re.compile(r"结果维持\s*结果纠正\s*其他结果\s*尚未审结\s*总计")
# The header of the statistics table ends with its two columns: "2011 年度 历年累计".
_STATISTICS_ANCHOR = re.compile(r"统计表\s*指标名称[^0-9]{0,20}?[0-9]{4}\s*年度?\s*历年累计")
_STATISTICS_ROW = re.compile(
    r"(?P<label>(?:其中[：:])?\s*(?:[0-9]{1,2}[.．、])?\s*[\u4e00-\u9fff][\u4e00-\u9fff、]*?)\s*(?:条|件|万元|元|个|项|次)\s*(?P<run>[0-9](?:[0-9]| (?=[0-9]))*)"
)
# At most this many ways to split a run are tried; longer runs are unreadable.
_MAX_SPLITS = 200_000


def _glued_sequences_table3(edition: str) -> list[list[RowSpec]]:
    """The row orders glued text may follow: the edition's form of （六）, then the other."""
    form_2021 = [row for row in TABLE3.rows if row.key not in _OTHER_2019]
    form_2019 = [row for row in TABLE3.rows if row.key not in _OTHER_2021]
    return [form_2019, form_2021] if edition == Edition.STANDARD_2019 else [form_2021, form_2019]


def _find_in_order(text: str, rows: list[RowSpec], usable: Callable[[int], bool], start: int = 0,
                   window: int = 300, complete: bool = True) -> list[tuple[RowSpec, int, int]] | None:
    """Where each row's label starts and ends, found in order, each within
    ``window`` characters of the one before. None when the first row is not
    found, or when ``complete`` and any row is missing."""
    found: list[tuple[RowSpec, int, int]] = []
    position = start
    for row in rows:
        pattern = _glued_label(row)
        limit = len(text) if not found else min(len(text), position + window)
        match = pattern.search(text, position, limit)
        while match and not usable(match.start()):
            match = pattern.search(text, match.end(), limit)
        if match is None:
            if complete or not found:
                return None
            continue
        found.append((row, match.start(), match.end()))
        position = match.end()
    return found


def _runs(found: list[tuple[RowSpec, int, int]]) -> Iterator[tuple[RowSpec, int, int | None]]:
    """Each row with where its digits may lie: from its label's end to the next label's start."""
    following = [start for _, start, _ in found[1:]] + [None]
    for (row, _, end), next_start in zip(found, following):
        yield row, end, next_start


# Labels whose distinctive words are not their pattern in glued text.
_GLUED_WORDS = {
    "本年新收": "本年新收[^0-9]{0,20}",
    "上年结转": "上年度?结转[^0-9]{0,20}",
    "结转下年度": "结转下一?年度(?:继续办理)?",
    "办理结果总计": "总计",
}


def _glued_label(row: RowSpec) -> re.Pattern[str]:
    """A row's label in glued text. The official number is part of the label
    when written ("…00000003.危及…": the 3. belongs to the next label, not to
    the digits), possibly a few words before the words the pattern knows
    ("2.申请人逾期未按收费通知…")."""
    marker = ""
    if row.marker:
        marker = re.escape(row.marker[:-1]) + "[.．、]" if row.marker.endswith(".") else re.escape(row.marker)
        marker = marker.replace("（", "[（(]").replace("）", "[）)]")
    if row.pattern.pattern == "^其他$":
        return re.compile(f"{marker}\\s*其他(?!处理|结果|法律)")
    words = _GLUED_WORDS.get(row.key, f"(?:{row.pattern.pattern.strip('^$')})[^0-9（(]{{0,40}}")
    numbered = f"(?:{marker}\\s*[^0-9]{{0,24}}?)?" if marker else ""
    return re.compile(f"{numbered}{words}(?:[（(][^）)0-9]*[）)])?[”\"]?")


def split_digits(tokens: list[tuple[str, int]], count: int, constraint=None, *, decimals: bool = False):
    """Split runs of digits into ``count`` numbers: [(text, offset)], or None when
    the split is not determined.

    ``tokens`` are the runs as written (separated by spaces) with their offsets;
    each run may hold several numbers glued together. A number has no leading
    zero (except 0 itself). The split is taken when it is the only one, or the
    only one ``constraint`` (a predicate on the values) accepts.
    """
    if decimals or any("." in text for text, _ in tokens):
        if len(tokens) == count and all(_plain_number(text) for text, _ in tokens):
            return list(tokens)
        return None
    digits = sum(len(text) for text, _ in tokens)
    if digits < count:
        return None
    candidates = []
    for split in _splits(tokens, count):
        candidates.append(split)
        if len(candidates) > _MAX_SPLITS:
            return None
    if len(candidates) == 1:
        return candidates[0]
    if constraint is None:
        return None
    accepted = [split for split in candidates if constraint([int(text) for text, _ in split])]
    return accepted[0] if len(accepted) == 1 else None


def _plain_number(text: str) -> bool:
    return bool(re.fullmatch(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", text))


def _splits(tokens: list[tuple[str, int]], count: int) -> Iterator[list[tuple[str, int]]]:
    """Every way to cut each token into numbers without leading zeros, ``count`` in all."""
    if not tokens:
        if count == 0:
            yield []
        return
    (text, offset), rest = tokens[0], tokens[1:]
    rest_digits = sum(len(token) for token, _ in rest)
    for pieces in range(1, min(len(text), count - len(rest)) + 1):
        if count - pieces > rest_digits:
            continue
        for cuts in combinations(range(1, len(text)), pieces - 1):
            bounds = (0, *cuts, len(text))
            numbers = [(text[a:b], offset + a) for a, b in zip(bounds, bounds[1:])]
            if any(len(number) > 1 and number[0] == "0" for number, _ in numbers):
                continue
            for tail in _splits(rest, count - pieces):
                yield numbers + tail


def _row_sum(values: list[int]) -> bool:
    """表三: the last column (总计) is the sum of the others."""
    return values[-1] == sum(values[:-1])


def _blocks_sum(width: int):
    def holds(values: list[int]) -> bool:
        return all(
            values[start + width - 1] == sum(values[start:start + width - 1]) for start in range(0, len(values), width)
        )

    return holds


def _not_above_cumulative(values: list[int]) -> bool:
    """统计表: this year's figure does not exceed the running total."""
    return values[0] <= values[1]


def read_tables(document: Document, profile: Profile) -> Tables:
    """The statistics tables of a document (see the module docstring)."""
    return _Reader(document, profile).read()
