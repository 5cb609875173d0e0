"""Reading the YAML files users write (rule files, .reportlint.yaml): the safe
loader only, and errors that name the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_mapping(path: Path, error: type[Exception], what: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The mapping a YAML file holds, and the 1-based line of each of its keys.
    Raises ``error`` with a one-line message naming the file (and line)."""
    import yaml  # only when a YAML file is read: rule packs come from a cache when they can

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"{path}: 无法读取{what}（{problem}）") from None
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise error(f"{where}: YAML 语法错误（{getattr(problem, 'problem', problem)}）") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise error(f"{path}: {what}应为一个映射（键: 值）")
    lines = {
        key.value: key.start_mark.line + 1
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return data, lines
