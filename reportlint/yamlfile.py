"""Reading the YAML files users write (rule files, .reportlint.yaml): through the
safe-open of reportlint/inputs.py, as UTF-8, with the safe loader only, and
errors that name the file and line.

Two shapes are refused before any value is built: a document that expands to
more than ``MAX_NODES`` values (YAML aliases repeat a value without copying it,
so 495 bytes can stand for a billion strings, and every reader of the data —
validation, an error message, the cache — would walk them all), and a mapping
key that is not text (``1: x`` beside ``name: y`` cannot even be sorted).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import shown
from .inputs import display_name, read_input

# The most values a file may expand to: a rule pack's largest dictionary holds a few thousand.
MAX_NODES = 200_000
_TEXT_KEYS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:merge")


def read_mapping(path: Path, error: type[Exception], what: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The mapping a YAML file holds, and the 1-based line of each of its keys.
    Raises ``error`` with a one-line message naming the file (and line)."""
    return parse_mapping(read_input(path, error), display_name(path), error, what)


def parse_mapping(data: bytes, name: str, error: type[Exception], what: str) -> tuple[dict[str, Any], dict[str, int]]:
    """``read_mapping`` for the bytes of a file already read; ``name`` names it."""
    import yaml  # only when a YAML file is read: rule packs come from a cache when they can

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise error(f"{name}: {what}应为 UTF-8 编码（第 {problem.start} 字节处不是）") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        _check_shape(node, name, error)
        if not isinstance(node, yaml.MappingNode):
            raise error(f"{name}: {what}应为一个映射（键: 值）")
        lines = {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
        return loader.construct_document(node), lines
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        raise error(f"{where}: YAML 语法错误（{shown(getattr(problem, 'problem', None) or str(problem))}）") from None
    finally:
        loader.dispose()


def _check_shape(root, name: str, error: type[Exception]) -> None:
    """Count the values ``root`` expands to, each shared node as often as it is
    used (in time proportional to the nodes, not to the expansion), and check
    that every mapping key is text."""
    import yaml

    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # being counted: the node's ancestors
    pending = [(root, False)]
    while pending:
        node, counted = pending.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.MappingNode):
            for key, _ in node.value:
                if key.tag not in _TEXT_KEYS:
                    raise error(f"{name}:{key.start_mark.line + 1}: 键 {shown(key.value)} 应为文字（加引号）")
            children = [child for pair in node.value for child in pair]
        else:
            children = node.value if isinstance(node, yaml.SequenceNode) else []
        if not counted:
            if id(node) in open_nodes:
                raise error(f"{name}:{node.start_mark.line + 1}: YAML 别名引用了自身，无法展开")
            open_nodes.add(id(node))
            pending.append((node, True))
            pending.extend((child, False) for child in children)
            continue
        open_nodes.discard(id(node))
        sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
        if sizes[id(node)] > MAX_NODES:
            raise error(f"{name}: YAML 展开后超过 {MAX_NODES:,} 个值（别名重复引用过多），拒绝读取")
