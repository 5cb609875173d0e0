"""`--format html`: one self-contained page for the editors who fix a draft.

The page shows each file's profile and counts, its text line by line with every
diagnostic's span highlighted by severity (the message shows on hover or focus),
a side panel listing the diagnostics by section and by rule (each entry jumps to
its highlight), filters by severity and rule, and an index when there are
several files. CSS and JavaScript are inline (html.css, html.js beside this
module); nothing is fetched, so the page opens from disk.

Safety: every piece of document text, message, path and profile value goes
through ``escape``; the script only ever sets ``textContent``. As a second wall,
the page's Content-Security-Policy allows no network access and runs only the
inline style and script whose hashes it names, so markup that slipped through
would still run nothing.
"""

from __future__ import annotations

import base64
import hashlib
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources

from ..diagnostic import MOST_SERIOUS_FIRST, Diagnostic, Severity
from ..document import Document
from ..inspection import summary as profile_lines
from ..linter import FileResult
from ..rules import Rule
from .reports import PROFILE_COLUMNS, report_rows
from .text import summary as summary_sentence

PREAMBLE_GROUP = "标题与前言"


@dataclass(frozen=True)
class _Entry:
    """A diagnostic with its number on the page (unique across files), the
    character offsets of its span into the document text, every stretch of
    text it highlights (its span and each place its fix edits: all the
    half-width marks of a line, not only the first), and the key its "done"
    tick is kept under (unique in the file, stable for the same text)."""

    number: int
    diagnostic: Diagnostic
    start: int
    end: int
    stretches: tuple[tuple[int, int], ...]
    tick: str


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    css, script = _asset("html.css"), _asset("html.js")
    numbered = _number(results)
    known = {rule.id: rule for rule in rules}
    title = "年度报告检查结果" + (f"：{results[0].path}" if len(results) == 1 else "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_policy(css, script)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<header class="page-head">',
        "<h1>年度报告检查结果</h1>",
        f'<p class="summary">{escape(summary_sentence(results))}</p>',
        "</header>",
        _filters(results),
    ]
    if len(results) > 1:
        parts.append(_index(results, rules))
    parts.extend(_file(index, result, entries, known) for index, (result, entries) in enumerate(numbered))
    parts += ['<div id="tip" role="tooltip" hidden></div>', f"<script>{script}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _policy(css: str, script: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"

    return (f"default-src 'none'; style-src {digest(css)}; script-src {digest(script)}; "
            "base-uri 'none'; form-action 'none'")


def _number(results: list[FileResult]) -> list[tuple[FileResult, list[_Entry]]]:
    numbered, number = [], 0
    for result in results:
        offset = result.source.offset_in_text
        entries, ticks = [], Counter()
        for diagnostic in result.diagnostics:
            start, end = offset(diagnostic.line, diagnostic.column), offset(diagnostic.end_line, diagnostic.end_column)
            end = max(start, end)
            edits = [(offset(first.line, first.column), offset(last.line, last.column)) for first, last, _ in diagnostic.fix]
            ticks[diagnostic.fingerprint] += 1
            entries.append(_Entry(number, diagnostic, start, end, _union([(start, end), *edits]),
                                  f"{diagnostic.fingerprint}-{ticks[diagnostic.fingerprint]}"))
            number += 1
        numbered.append((result, entries))
    return numbered


def _union(stretches: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Non-empty stretches merged where they overlap or touch, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(stretch for stretch in stretches if stretch[0] < stretch[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _counts(diagnostics: Iterable[Diagnostic]) -> Counter:
    return Counter(diagnostic.severity for diagnostic in diagnostics)


def _filters(results: list[FileResult]) -> str:
    diagnostics = [diagnostic for result in results for diagnostic in result.diagnostics]
    severities = _counts(diagnostics)
    rules = Counter(diagnostic.rule for diagnostic in diagnostics)
    severity_boxes = "".join(
        f'<label class="toggle" data-sev="{severity.value}"><input type="checkbox" name="severity" '
        f'value="{severity.value}" checked> {severity.label} <span class="n">{severities[severity]}</span></label>'
        for severity in MOST_SERIOUS_FIRST
    )
    rule_boxes = "".join(
        f'<label><input type="checkbox" name="rule" value="{escape(rule)}" checked> '
        f'<code>{escape(rule)}</code> <span class="n">{count}</span></label>'
        for rule, count in sorted(rules.items())
    )
    return (
        '<form id="filters" class="toolbar" aria-label="筛选">'
        f'<fieldset><legend>显示</legend>{severity_boxes}</fieldset>'
        f'<details class="rules"><summary>按规则筛选（{len(rules)} 条规则）</summary>'
        f'<fieldset>{rule_boxes or "<p>没有问题。</p>"}</fieldset></details>'
        '<label class="hide-done"><input type="checkbox" name="hide-done"> 隐藏已改</label>'
        '<input type="search" name="search" placeholder="搜索问题、规则或原文" aria-label="搜索问题" autocomplete="off">'
        '<p class="keys"><kbd>j</kbd>/<kbd>k</kbd>（或 <kbd>n</kbd>/<kbd>p</kbd>）：下一个、上一个问题</p>'
        "</form>"
    )


def _index(results: list[FileResult], rules: Sequence[Rule]) -> str:
    """A table of the reports, one row each, sortable by any column (html.js):
    the profile a supervisor compares reports by, the counts, the most
    frequent problems, and a link to each report's part of the page."""
    head = [*PROFILE_COLUMNS, *(severity.label for severity in MOST_SERIOUS_FIRST), "主要问题"]
    rows = []
    for index, row in enumerate(report_rows(results, rules)):
        path, *profile = row.profile_cells()
        cells = [f'<td data-sort="{escape(path)}"><a href="#f{index}">{escape(path)}</a></td>']
        cells += [f'<td data-sort="{escape(value)}">{escape(value)}</td>' for value in profile]
        cells += [f'<td data-sev="{severity.value}" data-sort="{row.counts[severity]}">{row.counts[severity]}</td>'
                  for severity in MOST_SERIOUS_FIRST]
        frequent = "、".join(f"<code>{escape(rule)}</code> ×{count}" for rule, count in row.frequent)
        cells.append(f'<td data-sort="{escape(row.frequent[0][0]) if row.frequent else ""}">{frequent}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    headers = "".join(f'<th aria-sort="none"><button type="button">{escape(name)}</button></th>' for name in head)
    return (
        '<nav class="index" aria-label="报告一览"><h2>报告一览 <span class="n">点击表头排序</span></h2>'
        f'<table class="sortable"><thead><tr>{headers}</tr></thead><tbody>{"".join(rows)}</tbody></table></nav>'
    )


def _file(index: int, result: FileResult, entries: list[_Entry], known: dict[str, Rule]) -> str:
    # "Done" ticks are kept in the browser under the text's hash: the same
    # draft shows its ticks again, an edited one starts afresh.
    content = hashlib.sha256(result.source.text.encode("utf-8", "surrogatepass")).hexdigest()
    return "\n".join([
        f'<section class="file" id="f{index}" data-content="{content}">',
        _file_head(result),
        '<div class="file-body">',
        f'<article class="doc" aria-label="报告正文">\n{_text(result.document, entries)}\n</article>',
        f'<aside class="panel" aria-label="问题列表">\n{_panel(result.document, entries, known)}\n</aside>',
        "</div></section>",
    ])


def _file_head(result: FileResult) -> str:
    rows = []
    for line in profile_lines(result.document, result.profile):
        key, _, value = line.partition("：")
        rows.append(f"<div><dt>{escape(key)}</dt><dd>{escape(value)}</dd></div>")
    counts = _counts(result.diagnostics)
    badges = "".join(
        f'<span class="count" data-sev="{severity.value}">{severity.label} {counts[severity]}</span>'
        for severity in MOST_SERIOUS_FIRST
    )
    ticked = f'<span class="ticked">已改 <span class="n">0</span>/{len(result.diagnostics)}</span>' if result.diagnostics else ""
    return (
        f'<header class="file-head"><h2>{escape(result.path)}</h2>'
        f'<dl class="profile">{"".join(rows)}</dl><p class="counts">{badges}{ticked}</p></header>'
    )


def _text(document: Document, entries: list[_Entry]) -> str:
    """The document, one element per line, each diagnostic's span cut into
    <mark> segments. Where spans overlap, a segment lists every diagnostic that
    covers it and takes the colour of the most serious one. An empty span (a
    finding about the whole file) gets a visible pin of its own. The title and
    headings are set in bold, so the text reads like the report."""
    source = document.source
    text = source.text
    starts, ends, pins, anchors = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    for entry in entries:
        (pins if entry.start == entry.end else anchors)[entry.start].append(entry)
        for start, end in entry.stretches:
            starts[start].append(entry)
            ends[end].append(entry)
    emphasis_starts, emphasis_ends = _emphasis(document)
    boundaries = sorted(set(starts) | set(ends) | set(pins) | set(anchors) | set(emphasis_starts) | set(emphasis_ends))

    active: dict[int, Severity] = {}
    emphasis: str | None = None
    lines = []
    for number, line_start in enumerate(source.line_starts, 1):
        line_end = source.line_starts[number] - 1 if number < len(source.line_starts) else len(text)
        pieces, position = [], line_start
        for boundary in boundaries[bisect_left(boundaries, line_start):bisect_right(boundaries, line_end)]:
            if boundary > position:
                pieces.append(_segment(text[position:boundary], active, emphasis))
                position = boundary
            for entry in ends.get(boundary, ()):
                del active[entry.number]
            if boundary in emphasis_ends:
                emphasis = None
            emphasis = emphasis_starts.get(boundary, emphasis)
            for entry in pins.get(boundary, ()):
                pieces.append(f'<span class="anchor" id="d{entry.number}"></span>'
                              + _mark("", {entry.number: entry.diagnostic.severity}, "pin"))
            for entry in anchors.get(boundary, ()):  # where the panel's entry jumps to
                pieces.append(f'<span class="anchor" id="d{entry.number}"></span>')
            for entry in starts.get(boundary, ()):
                active[entry.number] = entry.diagnostic.severity
        if line_end > position:
            pieces.append(_segment(text[position:line_end], active, emphasis))
        lines.append(f'<div class="line"><span class="ln">{number}</span><span class="tx">{"".join(pieces)}</span></div>')
    return "\n".join(lines)


def _emphasis(document: Document) -> tuple[dict[int, str], set[int]]:
    """Where the title and the headings start (with their CSS class) and end."""
    spans = [(heading.span, f"h{heading.marker.level}") for heading in document.headings()]
    if document.title:
        spans.append((document.title.span, "title"))
    return {span.start: css_class for span, css_class in spans}, {span.end for span, _ in spans}


def _segment(text: str, active: dict[int, Severity], emphasis: str | None) -> str:
    html = _mark(text, active) if active else escape(text)
    return f'<strong class="{emphasis}">{html}</strong>' if emphasis else html


def _mark(text: str, covering: dict[int, Severity], extra_class: str = "") -> str:
    numbers = " ".join(str(number) for number in sorted(covering))
    worst = max(covering.values(), key=lambda severity: severity.rank)
    classes = " ".join(filter(None, ["hl", extra_class, "multi" if len(covering) > 1 else ""]))
    return f'<mark class="{classes}" data-d="{numbers}" data-sev="{worst.value}" tabindex="0">{escape(text)}</mark>'


def _panel(document: Document, entries: list[_Entry], known: dict[str, Rule]) -> str:
    if not entries:
        return '<p class="clean">未发现问题。</p>'
    by_section = _group_by_section(document, entries)
    by_rule: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_rule[entry.diagnostic.rule].append(entry)
    rule_order = sorted(by_rule, key=lambda rule: (-max(e.diagnostic.severity.rank for e in by_rule[rule]), rule))
    return (
        '<div class="views" role="group" aria-label="分组方式">'
        '<button type="button" data-view="section" aria-pressed="true">按章节</button>'
        '<button type="button" data-view="rule" aria-pressed="false">按规则</button></div>'
        '<div class="view" data-view="section">'
        + "\n".join(_group(label, group, known) for label, group in by_section)
        + '</div><div class="view" data-view="rule">'
        + "\n".join(_group(rule, by_rule[rule], known, code=True) for rule in rule_order)
        + "</div>"
    )


def _group_by_section(document: Document, entries: list[_Entry]) -> list[tuple[str, list[_Entry]]]:
    """Entries under the top-level section their span starts in; those before
    the first section go under the title and preamble."""
    sections = document.sections
    section_starts = [section.span.start for section in sections]
    groups: dict[int, list[_Entry]] = defaultdict(list)
    for entry in entries:
        groups[bisect_right(section_starts, entry.start) - 1].append(entry)
    labels = {-1: PREAMBLE_GROUP}
    labels.update({i: section.heading.marker.text + section.heading.text for i, section in enumerate(sections)})
    return [(labels[i], groups[i]) for i in sorted(groups)]


def _group(label: str, entries: list[_Entry], known: dict[str, Rule], *, code: bool = False) -> str:
    """A group of the panel; a rule's group (``code``) opens with its summary."""
    heading = f"<code>{escape(label)}</code>" if code else escape(label)
    summary = known[label].summary if code and label in known else ""
    about = f'<p class="about">{escape(summary)}</p>' if summary else ""
    items = "\n".join(_panel_entry(entry, known.get(entry.diagnostic.rule)) for entry in entries)
    return (f'<section class="group"><h3>{heading} <span class="n">{len(entries)}</span></h3>{about}'
            f"<ol>{items}</ol></section>")


def _panel_entry(entry: _Entry, rule: Rule | None) -> str:
    """An entry: a link to the highlight (severity, place, message, rule), the
    suggested text with a button that copies it, the rule's explanation, and
    a "done" tick (html.js keeps it)."""
    diagnostic = entry.diagnostic
    where = f"第{diagnostic.line}行第{diagnostic.column}字"
    # A human-readable place from the reader (a docx paragraph, say).
    location = diagnostic.location
    place = f'<span class="location">{escape(str(location))}</span>' if location else ""
    more = []
    if diagnostic.suggestion:
        suggestion = escape(diagnostic.suggestion)
        more.append(f'<p class="suggestion">建议改为<q>{suggestion}</q>'
                    f'<button type="button" class="copy" data-copy="{suggestion}">复制</button></p>')
    if rule is not None:
        more.append(f'<details class="why"><summary>规则说明</summary><p>{escape(rule.description)}</p></details>')
    more.append(f'<label class="tick"><input type="checkbox" data-tick="{entry.tick}"> 已改</label>')
    return (
        f'<li><a class="entry" href="#d{entry.number}" data-d="{entry.number}" data-sev="{diagnostic.severity.value}" '
        f'data-rule="{escape(diagnostic.rule)}">'
        f'<span class="badge">{diagnostic.severity.label}</span>'
        f'<span class="where">{where}</span>{place}'
        f'<span class="msg">{escape(diagnostic.message)}</span>'
        f'<code class="rule">{escape(diagnostic.rule)}</code></a>'
        f'<div class="more">{"".join(more)}</div></li>'
    )
