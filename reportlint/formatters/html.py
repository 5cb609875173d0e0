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

from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..inspection import summary as profile_lines
from ..linter import FileResult
from ..rules import Rule
from .text import summary as summary_sentence

SEVERITY_NAMES = {severity: severity.label for severity in Severity}
# Severities from the most to the least serious: the order of counts and filters.
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
PREAMBLE_GROUP = "标题与前言"


@dataclass(frozen=True)
class _Entry:
    """A diagnostic with its number on the page (unique across files) and its
    character offsets into the document text."""

    number: int
    diagnostic: Diagnostic
    start: int
    end: int


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    css, script = _asset("html.css"), _asset("html.js")
    numbered = _number(results)
    summaries = {rule.id: rule.summary for rule in rules}
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
        parts.append(_index(results))
    parts.extend(_file(index, result, entries, summaries) for index, (result, entries) in enumerate(numbered))
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
        source = result.source
        entries = []
        for diagnostic in result.diagnostics:
            # Kept inside the text: a span a kind let run past the end still ends on the page.
            start = min(source.offset(diagnostic.line, diagnostic.column), len(source.text))
            end = min(source.offset(diagnostic.end_line, diagnostic.end_column), len(source.text))
            entries.append(_Entry(number, diagnostic, start, max(start, end)))
            number += 1
        numbered.append((result, entries))
    return numbered


def _counts(diagnostics: Iterable[Diagnostic]) -> Counter:
    return Counter(diagnostic.severity for diagnostic in diagnostics)


def _filters(results: list[FileResult]) -> str:
    diagnostics = [diagnostic for result in results for diagnostic in result.diagnostics]
    severities = _counts(diagnostics)
    rules = Counter(diagnostic.rule for diagnostic in diagnostics)
    severity_boxes = "".join(
        f'<label class="toggle" data-sev="{severity.value}"><input type="checkbox" name="severity" '
        f'value="{severity.value}" checked> {SEVERITY_NAMES[severity]} <span class="n">{severities[severity]}</span></label>'
        for severity in SEVERITIES
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
        "</form>"
    )


def _index(results: list[FileResult]) -> str:
    rows = []
    for index, result in enumerate(results):
        counts = _counts(result.diagnostics)
        cells = "".join(f'<td data-sev="{severity.value}">{counts[severity]}</td>' for severity in SEVERITIES)
        rows.append(f'<tr><td><a href="#f{index}">{escape(result.path)}</a></td>{cells}</tr>')
    head = "".join(f"<th>{SEVERITY_NAMES[severity]}</th>" for severity in SEVERITIES)
    return (
        '<nav class="index" aria-label="文件索引"><h2>文件</h2><table>'
        f"<thead><tr><th>文件</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></nav>"
    )


def _file(index: int, result: FileResult, entries: list[_Entry], summaries: dict[str, str]) -> str:
    return "\n".join([
        f'<section class="file" id="f{index}">',
        _file_head(result),
        '<div class="file-body">',
        f'<article class="doc" aria-label="报告正文">\n{_text(result.document, entries)}\n</article>',
        f'<aside class="panel" aria-label="问题列表">\n{_panel(result.document, entries, summaries)}\n</aside>',
        "</div></section>",
    ])


def _file_head(result: FileResult) -> str:
    rows = []
    for line in profile_lines(result.document, result.profile):
        key, _, value = line.partition("：")
        rows.append(f"<div><dt>{escape(key)}</dt><dd>{escape(value)}</dd></div>")
    counts = _counts(result.diagnostics)
    badges = "".join(
        f'<span class="count" data-sev="{severity.value}">{SEVERITY_NAMES[severity]} {counts[severity]}</span>'
        for severity in SEVERITIES
    )
    return (
        f'<header class="file-head"><h2>{escape(result.path)}</h2>'
        f'<dl class="profile">{"".join(rows)}</dl><p class="counts">{badges}</p></header>'
    )


def _text(document: Document, entries: list[_Entry]) -> str:
    """The document, one element per line, each diagnostic's span cut into
    <mark> segments. Where spans overlap, a segment lists every diagnostic that
    covers it and takes the colour of the most serious one. An empty span (a
    finding about the whole file) gets a visible pin of its own. The title and
    headings are set in bold, so the text reads like the report."""
    source = document.source
    text = source.text
    starts, ends, pins = defaultdict(list), defaultdict(list), defaultdict(list)
    for entry in entries:
        if entry.start == entry.end:
            pins[entry.start].append(entry)
        else:
            starts[entry.start].append(entry)
            ends[entry.end].append(entry)
    emphasis_starts, emphasis_ends = _emphasis(document)
    boundaries = sorted(set(starts) | set(ends) | set(pins) | set(emphasis_starts) | set(emphasis_ends))

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
            for entry in starts.get(boundary, ()):
                pieces.append(f'<span class="anchor" id="d{entry.number}"></span>')
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


def _panel(document: Document, entries: list[_Entry], summaries: dict[str, str]) -> str:
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
        + "\n".join(_group(label, group) for label, group in by_section)
        + '</div><div class="view" data-view="rule">'
        + "\n".join(_group(rule, by_rule[rule], code=True, summary=summaries.get(rule, "")) for rule in rule_order)
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


def _group(label: str, entries: list[_Entry], *, code: bool = False, summary: str = "") -> str:
    heading = f"<code>{escape(label)}</code>" if code else escape(label)
    about = f'<p class="about">{escape(summary)}</p>' if summary else ""
    items = "\n".join(f"<li>{_panel_entry(entry)}</li>" for entry in entries)
    return (f'<section class="group"><h3>{heading} <span class="n">{len(entries)}</span></h3>{about}'
            f"<ol>{items}</ol></section>")


def _panel_entry(entry: _Entry) -> str:
    diagnostic = entry.diagnostic
    where = f"第{diagnostic.line}行第{diagnostic.column}字"
    # A human-readable place from the reader (a docx paragraph, say).
    location = diagnostic.location
    place = f'<span class="location">{escape(str(location))}</span>' if location else ""
    return (
        f'<a class="entry" href="#d{entry.number}" data-d="{entry.number}" data-sev="{diagnostic.severity.value}" '
        f'data-rule="{escape(diagnostic.rule)}">'
        f'<span class="badge">{SEVERITY_NAMES[diagnostic.severity]}</span>'
        f'<span class="where">{where}</span>{place}'
        f'<span class="msg">{escape(diagnostic.message)}</span>'
        f'<code class="rule">{escape(diagnostic.rule)}</code></a>'
    )
