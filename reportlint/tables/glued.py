"""Web text that flattens a table into a paragraph with its numbers run together
("一、本年新收政府信息公开申请数量713000074二、上年结转…").

Each table's `GluedLayout` declares how such text writes it: its rows' labels
in order, each followed by its digits (表二, 表三); its column keys followed by
every row's digits in one run (表四); or rows in any order, each a label, a unit
and its digits (统计表). The digits of a run are split into cells only when one
split is possible, or one satisfies the table's declared constraint (表三: 总计 =
the six applicant columns; 表四: 总计 = 维持 + 纠正 + 其他 + 尚未审结 in each
block; 统计表: 本年度 ≤ 历年累计). Any other run is recorded as `Unreadable` and
its cells stay unknown: the model never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import cache
from itertools import accumulate, combinations, pairwise

from ..document import Span
from ..text.chars import DIGITS, HAN, ITEM_MARKER
from .labels import match_row
from .model import (
    AFTER_HEADER,
    AMOUNT,
    LABELLED_ROWS,
    NUMBER,
    ROWS_WITH_UNITS,
    AtMost,
    RowSpec,
    SumOfOthers,
    TableCell,
    TableLayout,
    TableSchema,
    Unreadable,
)
from .reading import Reading
from .schemas import LAYOUTS

_RUN = re.compile(rf"[\s{DIGITS}.．]*")
_NUMBER_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# A table's column headers follow its anchor within this many characters.
_HEADER_REACH = 200
# The name of an unreadable run that holds every row of a table.
_WHOLE_TABLE = "数据"
# At most this many ways to split a run are tried; longer runs are unreadable.
_MAX_SPLITS = 200_000


def read_glued(reading: Reading) -> None:
    """Every table that no grid of the document gave cells for, from the text."""
    readers = {LABELLED_ROWS: _labelled_rows, AFTER_HEADER: _after_header, ROWS_WITH_UNITS: _rows_with_units}
    for layout in LAYOUTS:
        if not reading.has_cells(layout):
            readers[layout.glued.form](reading, layout)


def _labelled_rows(reading: Reading, layout: TableLayout) -> None:
    """Rows whose labels follow each other in the text, each followed by its digits,
    in the form of the first edition whose labels are all found (or, when the
    layout does not need them all, whose first label is)."""
    glued = layout.glued
    start, header = 0, ""
    if glued.anchor is not None:
        anchor = _first_outside_grids(reading, glued.anchor)
        if anchor is None:
            return
        start = anchor.start()
        header = reading.text[start:start + _HEADER_REACH]
    for schema in dict.fromkeys(reading.candidates(layout, header)):
        for edition in dict.fromkeys([reading.edition, *schema.editions]):
            if edition not in schema.editions:
                continue
            found = _find_in_order(reading.text, schema.rows_of(edition), reading.outside_grids, start,
                                   glued.window, glued.complete)
            if found is None:
                continue
            for spec, label_end, next_label in _runs(found):
                _read_run(reading, schema, spec, label_end, next_label, glued.constraint)
            return


def _after_header(reading: Reading, layout: TableLayout) -> None:
    """Every row's digits in one run after the last header of column keys."""
    schema = reading.candidates(layout, "")[0]
    header = re.compile(r"\s*".join(re.escape(key) for key in schema.column_keys))
    last = None
    for match in header.finditer(reading.text):
        if reading.outside_grids(match.start()):
            last = match
    if last is None:
        return
    tokens = _tokens(reading.text, last.end(), len(reading.text))
    if not tokens:
        return
    widths = [len(spec.columns) for spec in schema.rows]
    constraint = layout.glued.constraint

    def each_row_holds(values: list[int]) -> bool:
        chunks = _chunks(values, widths)
        return all(constraint.holds(spec.columns, chunk) for spec, chunk in zip(schema.rows, chunks))

    split = split_digits(tokens, sum(widths), each_row_holds if constraint else None)
    if split is None:
        _unreadable(reading, schema, schema.rows, _WHOLE_TABLE, tokens)
        return
    for spec, chunk in zip(schema.rows, _chunks(split, widths)):
        reading.builder(schema).put(spec, _cells(chunk))


def _rows_with_units(reading: Reading, layout: TableLayout) -> None:
    """Rows after the table's anchor, each a label, a unit and its digits."""
    anchor = _first_outside_grids(reading, layout.glued.anchor)
    if anchor is None:
        return
    schema = reading.candidates(layout, "")[0]
    text = reading.text
    for match in _unit_row(layout.glued.units).finditer(text, anchor.end()):
        spec = match_row(schema, match["label"], None)
        if spec is None:
            continue
        digits_end = match.end("run")
        if text[digits_end:digits_end + 1] in ("、", ".", "．") and match["run"].rstrip()[-1:].isdigit():
            digits_end = match.start("run") + len(match["run"].rstrip()) - 1  # the next row's number
        _read_run(reading, schema, spec, match.start("run"), digits_end, layout.glued.constraint)


@cache
def _unit_row(units: tuple[str, ...]) -> re.Pattern[str]:
    """A row label, possibly numbered, then its unit and the run of digits after it."""
    return re.compile(
        rf"(?P<label>(?:其中[：:])?\s*(?:{ITEM_MARKER})?\s*[{HAN}][{HAN}、]*?)\s*"
        rf"(?:{'|'.join(map(re.escape, units))})\s*(?P<run>[0-9](?:[0-9]| (?=[0-9]))*)"
    )


def _first_outside_grids(reading: Reading, pattern: re.Pattern[str]) -> re.Match[str] | None:
    anchor = pattern.search(reading.text)
    while anchor and not reading.outside_grids(anchor.start()):
        anchor = pattern.search(reading.text, anchor.end())
    return anchor


def _read_run(reading: Reading, schema: TableSchema, spec: RowSpec, start: int, end: int | None,
              constraint: SumOfOthers | AtMost | None) -> None:
    """A row's cells from the digits between ``start`` and ``end``."""
    tokens = _tokens(reading.text, start, end if end is not None else len(reading.text))
    if not tokens:
        return
    holds = (lambda values: constraint.holds(spec.columns, values)) if constraint else None
    split = split_digits(tokens, len(spec.columns), holds, decimals=spec.columns[0].holds == AMOUNT)
    if split is None:
        _unreadable(reading, schema, [spec], spec.name, tokens)
        return
    reading.builder(schema).put(spec, _cells(split))


def _unreadable(reading: Reading, schema: TableSchema, rows: Sequence[RowSpec], name: str,
                tokens: list[tuple[str, int]]) -> None:
    span = Span(tokens[0][1], tokens[-1][1] + len(tokens[-1][0]))
    reading.unreadable_row(schema, rows, Unreadable(schema.key, name, reading.text[span.start:span.end], span, "glued"))


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The runs of digits from ``start``, as written, with their offsets."""
    run = _RUN.match(text, start, end)
    return [(match.group(), match.start()) for match in _NUMBER_TOKEN.finditer(text, run.start(), run.end())]


def _cells(split: list[tuple[str, int]]) -> list[TableCell]:
    return [TableCell(text, Span(at, at + len(text)), NUMBER, Decimal(text), glued=True) for text, at in split]


def _chunks(values: list, widths: list[int]) -> list[list]:
    """``values`` cut into consecutive pieces of the given widths."""
    return [values[start:end] for start, end in pairwise([0, *accumulate(widths)])]


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


def _glued_label(row: RowSpec) -> re.Pattern[str]:
    """A row's label in glued text. The official number is part of the label
    when written ("…00000003.危及…": the 3. belongs to the next label, not to
    the digits), possibly a few words before the words the pattern knows
    ("2.申请人逾期未按收费通知…")."""
    marker = ""
    if row.marker:
        marker = re.escape(row.marker[:-1]) + "[.．、]" if row.marker.endswith(".") else re.escape(row.marker)
        marker = marker.replace("（", "[（(]").replace("）", "[）)]")
    if row.common_word:
        return re.compile(f"{marker}\\s*{row.glued_words}")
    words = row.glued_words or f"(?:{row.pattern.pattern.strip('^$')})[^0-9（(]{{0,40}}"
    numbered = f"(?:{marker}\\s*[^0-9]{{0,24}}?)?" if marker else ""
    return re.compile(f"{numbered}{words}(?:[（(][^）)0-9]*[）)])?[”\"]?")


def split_digits(tokens: list[tuple[str, int]], count: int, constraint: Callable[[list[int]], bool] | None = None,
                 *, decimals: bool = False) -> list[tuple[str, int]] | None:
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
