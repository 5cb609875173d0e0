"""The statistics tables, declared as data: rows, columns, groups and layout.

Since 2019 every report carries three tables whose cells are tied by arithmetic
(domain.md §2): 表二 主动公开 (its rows and columns differ between 60号 and
30号), 表三 收到和处理申请 (30号 splits （六）其他处理 into three rows), 表四
行政复议和行政诉讼; reports under the 2008 条例 often end with a
政府信息公开情况统计表, whose rows differ from one province to another.

The declarations are Python literals rather than a YAML file: the parser needs
the table labels on every run (`table_label_pattern`), and literals cost no
loading, keep each pattern next to its row and fail at import when mistyped.
A row is ``(key, name, pattern)``, with a mapping of further `RowSpec` fields
when it needs them; its ``marker`` and ``lead`` come from its name unless given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..profile import Edition
from .labels import split_markers
from .model import (
    AFTER_HEADER,
    AMOUNT,
    CHANGE,
    LABELLED_ROWS,
    ROWS_WITH_UNITS,
    AtMost,
    ColumnSpec,
    GluedLayout,
    GridLayout,
    GroupHeading,
    RowSpec,
    SumOfOthers,
    TableLayout,
    TableSchema,
)


def _columns(*specs: str | tuple[str, str]) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(spec) if isinstance(spec, str) else ColumnSpec(*spec) for spec in specs)


def _rows(columns: tuple[ColumnSpec, ...], specs: Sequence[tuple], group: str | None = None,
          editions: tuple[Edition, ...] = ()) -> tuple[RowSpec, ...]:
    """RowSpecs sharing columns, group and editions."""
    rows = []
    for key, name, pattern, *more in specs:
        markers, label = split_markers(name)
        fields = {"marker": markers[-1] if markers else "", "lead": label, **(more[0] if more else {})}
        rows.append(RowSpec(key, name, re.compile(pattern), columns=columns, group=group, editions=editions, **fields))
    return tuple(rows)


# -- 表二 ------------------------------------------------------------------------------


def _named(*names: str) -> tuple[tuple[str, str, str], ...]:
    """Rows of 表二, whose labels are their names: keyed by name, matched whole."""
    return tuple((name, name, f"^{name}$") for name in names)


_TABLE2_2021 = TableSchema(
    "表二",
    "主动公开政府信息情况",
    _rows(_columns("本年制发件数", "本年废止件数", "现行有效件数"),
          _named("规章") + (("规范性文件", "行政规范性文件", r"^(?:行政)?规范性文件$"),))
    + _rows(_columns("本年处理决定数量"), _named("行政许可", "行政处罚", "行政强制"))
    + _rows(_columns(("本年收费金额（万元）", AMOUNT)), _named("行政事业性收费")),
    editions=(Edition.STANDARD_2021,),
    edition_header=re.compile(r"本年制发|本年废止|现行有效|本年处理决定|本年收费金额"),
)

_TABLE2_2019 = TableSchema(
    "表二",
    "主动公开政府信息情况",
    _rows(_columns("本年新制作数量", "本年新公开数量", "对外公开总数量"),
          _named("规章") + (("规范性文件", "规范性文件", r"^(?:行政)?规范性文件$"),))
    + _rows(_columns("上一年项目数量", ("本年增/减", CHANGE), "处理决定数量"),
            _named("行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"))
    + _rows(_columns("上一年项目数量", ("本年增/减", CHANGE)), _named("行政事业性收费"))
    + _rows(_columns("采购项目数量", ("采购总金额", AMOUNT)), _named("政府集中采购")),
    editions=(Edition.STANDARD_2019,),
    edition_header=re.compile(r"本年新制作|本年新公开|对外公开总|上一年项目|本年增|采购项目|采购总金额"),
)

# -- 表三 ------------------------------------------------------------------------------
# One schema holds both forms of （六）: a draft fills one, and the sums take what is there.

_APPLICANTS = _columns("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_TABLE3_ROWS = (
    _rows(_APPLICANTS, (
        ("本年新收", "一、本年新收", r"本年新收|本年度?收到", {"glued_words": "本年新收[^0-9]{0,20}"}),
        ("上年结转", "二、上年结转", r"上年度?结转", {"glued_words": "上年度?结转[^0-9]{0,20}"}),
        ("予以公开", "（一）予以公开", r"予以公开"),
        ("部分公开", "（二）部分公开", r"部分公开(?:[（(][^）)]*[）)])?"),
    ))
    + _rows(_APPLICANTS, (
        ("国家秘密", "（三）1.属于国家秘密", r"国家秘密", {"lead": "属于"}),
        ("法律法规禁止", "（三）2.其他法律行政法规禁止公开", r"法律行政法规禁止|法律法规禁止", {"lead": "其他法律行政法规"}),
        ("三安全一稳定", "（三）3.危及“三安全一稳定”", r"三安全一稳定|危及", {"lead": "危及"}),
        ("第三方合法权益", "（三）4.保护第三方合法权益", r"第三方", {"lead": "保护第三方"}),
        ("内部事务信息", "（三）5.属于三类内部事务信息", r"内部事务", {"lead": "属于"}),
        ("过程性信息", "（三）6.属于四类过程性信息", r"过程性", {"lead": "属于"}),
        ("行政执法案卷", "（三）7.属于行政执法案卷", r"执法案卷", {"lead": "属于"}),
        ("行政查询事项", "（三）8.属于行政查询事项", r"行政查询", {"lead": "属于"}),
    ), "不予公开")
    + _rows(_APPLICANTS, (
        ("本机关不掌握", "（四）1.本机关不掌握相关政府信息", r"不掌握", {"lead": "本机关不掌握"}),
        ("没有现成信息", "（四）2.没有现成信息需要另行制作", r"没有现成|另行制作", {"lead": "没有现成信息"}),
        ("补正后仍不明确", "（四）3.补正后申请内容仍不明确", r"补正后|仍不明确", {"lead": "补正后"}),
    ), "无法提供")
    + _rows(_APPLICANTS, (
        ("信访举报投诉", "（五）1.信访举报投诉类申请", r"信访|举报投诉", {"lead": "信访举报"}),
        ("重复申请", "（五）2.重复申请", r"重复申请"),
        ("公开出版物", "（五）3.要求提供公开出版物", r"出版物"),
        ("大量反复申请", "（五）4.无正当理由大量反复申请", r"大量反复", {"lead": "无正当理由"}),
        ("确认或重新出具", "（五）5.要求行政机关确认或重新出具已获取信息", r"重新出具|确认或重新", {"lead": "要求行政机关确认"}),
    ), "不予处理")
    + _rows(_APPLICANTS, (
        ("逾期不补正", "（六）1.申请人逾期不补正", r"逾期不补正|不补正",
         {"lead": "申请人无正当理由"}),
        ("逾期未缴费", "（六）2.申请人逾期未缴纳费用", r"缴纳费用|收费通知|未缴费",
         {"lead": "申请人逾期"}),
        ("其他处理其他", "（六）3.其他", r"^其他$", {"common_word": True, "glued_words": "其他(?!处理|结果|法律)"}),
    ), "其他处理", (Edition.STANDARD_2021,))
    + _rows(_APPLICANTS, (("其他处理", "（六）其他处理", r"其他处理"),), "其他处理", (Edition.STANDARD_2019,))
    + _rows(_APPLICANTS, (
        ("办理结果总计", "（七）总计", r"^总计$|^合计$", {"glued_words": "总计"}),
        ("结转下年度", "四、结转下年度继续办理", r"结转下一?年度",
         {"lead": "结转下年度", "glued_words": "结转下一?年度(?:继续办理)?"}),
    ))
)
# 三、本年度办理结果 heads rows that their own labels tell apart.
_TABLE3_HEADINGS = (GroupHeading("办理结果", "本年度办", None),) + tuple(
    GroupHeading(group, group, re.compile(pattern)) for group, pattern in (
        ("不予公开", r"不予公开"),
        ("无法提供", r"无法提供"),
        ("不予处理", r"不予处理"),
        ("其他处理", r"其他处理|^其他$"),
    )
)
_TABLE3 = TableSchema(
    "表三",
    "收到和处理政府信息公开申请情况",
    _TABLE3_ROWS,
    editions=(Edition.STANDARD_2021, Edition.STANDARD_2019),
    groups={
        **{group: tuple(row.key for row in _TABLE3_ROWS if row.group == group)
           for group in ("不予公开", "无法提供", "不予处理", "其他处理")},
        "办理结果": ("予以公开", "部分公开", *(row.key for row in _TABLE3_ROWS if row.group)),
        "法人或其他组织": ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
        "申请人": ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
    },
    headings=_TABLE3_HEADINGS,
)

# -- 表四 ------------------------------------------------------------------------------

_TABLE4 = TableSchema(
    "表四",
    "政府信息公开行政复议、行政诉讼情况",
    _rows(_columns("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"), (
        ("行政复议", "行政复议", r"行政复议|^复议$"),
        ("直接起诉", "行政诉讼（未经复议直接起诉）", r"直接起诉|未经复议"),
        ("复议后起诉", "行政诉讼（复议后起诉）", r"复议后起诉"),
    )),
    editions=(Edition.STANDARD_2021, Edition.STANDARD_2019),
    groups={"行政诉讼": ("直接起诉", "复议后起诉")},
)

# -- 统计表 ----------------------------------------------------------------------------
# The rows whose 历年累计 a next year's table continues.

_STATISTICS = TableSchema(
    "统计表",
    "政府信息公开情况统计表",
    _rows(_columns("本年度", "历年累计"), (
        ("主动公开数", "主动公开信息数", r"^主动公开(?:政府)?(?:信息|文件)(?:总)?数"),
        ("网站公开数", "政府网站公开数", r"网站公开"),
        ("公报公开数", "政府公报公开数", r"公报公开"),
        ("申请总数", "受理依申请公开总数", r"^受理.*申请.*(?:总数|数)$"),
        ("当面申请数", "当面申请数", r"当面申请"),
        ("传真申请数", "传真申请数", r"^传真申请"),
        ("电子邮件申请数", "电子邮件申请数", r"电子邮件申请"),
        ("网上申请数", "网上申请数", r"网上申请"),
        ("信函申请数", "信函申请数", r"^信函申请"),
        ("信函传真申请数", "信函、传真申请数", r"信函、?传真申请"),
        ("其他形式申请数", "其他形式申请数", r"其[他它]形式申请"),
        ("答复总数", "对申请的答复总数", r"^(?:对申请的?)?答复(?:总)?数$"),
        ("同意公开答复数", "同意公开答复数", r"^同意公开"),
        ("同意部分公开答复数", "同意部分公开答复数", r"同意部分公开"),
        ("不予公开答复数", "不予公开答复数", r"否决公开|不予公开|不同意公开"),
        ("其他类型答复数", "其他类型答复数", r"其他类型答复"),
        ("收费减免金额", "收费减免金额", r"收费"),
        ("行政复议数", "行政复议数", r"^行政复议"),
        ("行政诉讼数", "行政诉讼数", r"^行政诉讼"),
        ("行政申诉数", "行政申诉数", r"申诉"),
    )),
    editions=(Edition.FREE_2008,),
    label_shape=r"[^\s，,。；;（(）)]{0,10}(?:公开数|申请数|答复数)",
)

# -- layouts ---------------------------------------------------------------------------
# In the order tables are reported.

LAYOUTS = (
    TableLayout(
        "表二", (_TABLE2_2021, _TABLE2_2019), GridLayout(),
        # The rows found after the table's first block, 第二十条第（一）项, are read.
        GluedLayout(LABELLED_ROWS, anchor=re.compile(r"第二十条第[（(]一[）)]项"), window=120, complete=False),
    ),
    TableLayout(
        "表三", (_TABLE3,),
        GridLayout(column_header=re.compile(r"自然人|法人或其他组织|商业企业|科研机构|申请人情况"), wins_ties=True),
        GluedLayout(LABELLED_ROWS, constraint=SumOfOthers("总计")),
    ),
    TableLayout(
        "表四", (_TABLE4,), GridLayout(blocks=True, header=re.compile(r"结果维持")),
        GluedLayout(AFTER_HEADER, constraint=SumOfOthers("总计")),
    ),
    TableLayout(
        "统计表", (_STATISTICS,), GridLayout(unit_cell=True, first_column_alone=True),
        # The header ends with the table's two columns: "2011 年度 历年累计".
        GluedLayout(ROWS_WITH_UNITS, anchor=re.compile(r"统计表\s*指标名称[^0-9]{0,20}?[0-9]{4}\s*年度?\s*历年累计"),
                    constraint=AtMost("本年度", "历年累计"), units=("条", "件", "万元", "元", "个", "项", "次")),
    ),
)

SCHEMA_KEYS = tuple(layout.key for layout in LAYOUTS)
# Every schema of a table, whatever the edition: the terms a rule may name.
SCHEMAS = {layout.key: layout.schemas for layout in LAYOUTS}


def table_label_pattern() -> re.Pattern[str]:
    """Text that opens a numbered label of a statistics table ("上年结转政府信息公开
    申请数量", "属于国家秘密"). In flattened web pages these look like headings
    ("…数量640020470二、上年结转…") but are table rows. A label opens with the
    lead of a numbered row or of a group heading; a common word ("其他") is a
    label only when nothing follows it."""
    leads: dict[str, None] = {}
    for layout in LAYOUTS:
        for schema in layout.schemas:
            for row in schema.rows:
                if row.marker:
                    leads[re.escape(row.lead) + ("$" if row.common_word else "")] = None
            leads.update((re.escape(heading.lead), None) for heading in schema.headings)
            if schema.label_shape:
                leads[schema.label_shape] = None
    return re.compile("|".join(leads))
