"""`--statistics`: how many diagnostics each rule produced, most first."""

from __future__ import annotations

from collections import Counter

from ..linter import FileResult


def render_statistics(results: list[FileResult]) -> str:
    counts = Counter((d.rule, d.severity.value) for result in results for d in result.diagnostics)
    fixable = Counter(d.rule for result in results for d in result.diagnostics if d.fix)
    if not counts:
        return f"未发现问题（检查了 {len(results)} 个文件）。\n"
    width = max(len(rule) for rule, _ in counts)
    lines = [
        f"{count:>6}  {rule:<{width}}  {severity:<7}{'  可自动修正' if fixable[rule] else ''}".rstrip()
        for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    lines.append(f"共 {sum(counts.values())} 个问题（检查了 {len(results)} 个文件）。")
    return "\n".join(lines) + "\n"
