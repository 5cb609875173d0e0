"""Rules: YAML files that instantiate a kind with data, a message and a severity.

A rule's id is its path inside its pack: rules/wording/placeholder.yaml is
``wording.placeholder``. Keys common to every rule are kept apart from each kind's
own keys; an unknown key, an unknown kind, a bad pattern or a message naming a
value the kind does not supply is an error that names the file, line and key.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .cache import ContentCache
from .diagnostic import Severity, bounded
from .errors import ReportlintError, shown
from .inputs import display_name, read_input
from .replay import note_listing
from .yamlfile import parse_mapping

if TYPE_CHECKING:
    from .kinds.base import Kind

COMMON_KEYS = ("kind", "message", "severity", "description", "examples", "scope", "link", "fixable")
REQUIRED_KEYS = ("kind", "message", "severity", "description", "examples")

class RuleError(ReportlintError):
    """A rule file that cannot be used. The message names the file (and line)."""


@dataclass(frozen=True)
class BadExample:
    """Text a rule must report; ``match``, when given, is the text one of its
    diagnostics must point at, and ``fix`` the whole text after ``--fix``."""

    text: str
    match: str | None = None
    fix: str | None = None


@dataclass(frozen=True)
class Examples:
    good: tuple[str, ...]
    bad: tuple[BadExample, ...]
    previous: str | None = None  # last year's report, for rules that compare the two


@dataclass(frozen=True)
class Rule:
    id: str
    path: Path
    kind: Kind
    message: str
    severity: Severity
    description: str
    examples: Examples
    link: str | None = None
    fixable: bool = False  # its edits cannot change meaning: --fix applies them

    @property
    def group(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def summary(self) -> str:
        """The first line of the description."""
        return self.description.strip().splitlines()[0] if self.description.strip() else ""

    def to_dict(self) -> dict:
        """The rule as `reportlint rules --format json` lists it."""
        return {
            "id": self.id,
            "group": self.group,
            "kind": self.kind.name,
            "severity": self.severity.value,
            "fixable": self.fixable,
            "summary": self.summary,
            "description": self.description,
            "message": self.message,
            "link": self.link,
            "examples": {
                "good": list(self.examples.good),
                "bad": [{"text": bad.text, "match": bad.match, "fix": bad.fix} for bad in self.examples.bad],
                "previous": self.examples.previous,
            },
        }


def matches_prefix(rule_id: str, prefixes: Iterable[str]) -> bool:
    """Whether a rule id is one of, or falls under, the prefixes ("wording"
    covers "wording.placeholder"; "word" covers nothing)."""
    return any(rule_id == prefix or rule_id.startswith(prefix.rstrip(".") + ".") for prefix in prefixes)


def builtin_rules_dir() -> Path:
    """The built-in rule pack: inside the installed package (a wheel ships it as
    reportlint/rules), or the top-level rules/ of a source checkout."""
    package = Path(__file__).resolve().parent  # a folder, never a zip: rule files are read as files
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


def rule_files(directory: Path) -> list[tuple[str, Path]]:
    """(id, path) of every rule file of a pack, sorted by id. A folder of the pack
    that cannot be read, or a file name that is not UTF-8 (it could not be an
    id), is a RuleError."""

    def unreadable(error: OSError) -> None:
        raise RuleError(f"{display_name(error.filename)}: 无法读取规则目录（{error.strerror}）")

    found = []
    top = os.fspath(directory)
    for root, folders, files in os.walk(top, onerror=unreadable):
        note_listing(root, files + folders)
        folders[:] = [folder for folder in folders if not folder.startswith(".")]
        # Strings, not Paths, while walking: every session lists the pack.
        relative = os.path.relpath(root, top)
        prefix = "" if relative == os.curdir else relative.replace(os.sep, ".") + "."
        for name in files + folders:
            if name.endswith(".yaml") and not name.startswith("."):
                rule_id = prefix + name[: -len(".yaml")]
                path = Path(root, name)
                if display_name(rule_id) != rule_id:
                    raise RuleError(f"{display_name(path)}: 规则文件名不是 UTF-8 编码，不能作规则编号，请改名")
                found.append((rule_id, path))
    return sorted(found)


def load_pack(directory: Path) -> list[Rule]:
    """The rules of a pack."""
    if not directory.is_dir():
        raise RuleError(f"{display_name(directory)}: 规则目录不存在")
    files = tuple(rule_files(directory))
    return list(_built_pack(files, tuple(read_input(path, RuleError) for _, path in files)))


# A process that opens many sessions (a program calling lint_text, a test suite)
# builds each pack once: the key is every file's id, path and content, and kinds
# keep no state between documents, so the rules are shared. An error is not kept.
@lru_cache(maxsize=8)
def _built_pack(files: tuple[tuple[str, Path], ...], contents: tuple[bytes, ...]) -> tuple[Rule, ...]:
    """Reading rule files is most of the cost of starting up, so the data of a
    pack that loaded without error is kept in a cache entry keyed by the files'
    contents and verified on load (see reportlint/cache.py): a later run builds
    the same rules from it without reading YAML."""
    cache = ContentCache("rules", [__version__, *((rule_id, data) for (rule_id, _), data in zip(files, contents))])
    rules = _from_cache(cache.read(), list(files))
    if rules is not None:
        return tuple(rules)
    parsed = [(rule_id, path, *parse_mapping(data, display_name(path), RuleError, "规则文件"))
              for (rule_id, path), data in zip(files, contents)]
    rules = [build_rule(rule_id, path, data, lines) for rule_id, path, data, lines in parsed]
    cache.write([[rule_id, data] for rule_id, _, data, _ in parsed])
    return tuple(rules)


def _from_cache(cached: Any, files: list[tuple[str, Path]]) -> list[Rule] | None:
    """The rules built from a verified cache entry, or None when it does not hold
    this pack's rules (an entry of another shape is rebuilt, never a crash)."""
    if not isinstance(cached, list) or len(cached) != len(files):
        return None
    rules = []
    for entry, (rule_id, path) in zip(cached, files):
        if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == rule_id and isinstance(entry[1], dict)):
            return None
        try:
            rules.append(build_rule(rule_id, path, entry[1], {}))
        except RuleError:
            return None
    return rules


def load_rules(extra_packs: list[Path] | tuple[Path, ...] = ()) -> list[Rule]:
    """The built-in rules and those of extra packs; an id defined twice is an error."""
    rules: dict[str, Rule] = {}
    for directory in (builtin_rules_dir(), *extra_packs):
        for rule in load_pack(Path(directory)):
            if rule.id in rules:
                raise RuleError(f"{rule.path}: 规则 {rule.id} 与 {rules[rule.id].path} 重名")
            rules[rule.id] = rule
    return sorted(rules.values(), key=lambda rule: rule.id)


def build_rule(rule_id: str, path: Path, data: dict[str, Any], lines: dict[str, int]) -> Rule:
    """A rule from the data of its file; ``lines`` gives the line of each key for errors."""
    # The kinds are imported with the first rule built, not with this module:
    # a run whose results come from the results cache builds none.
    from .kinds import kind_class, kind_names
    from .kinds.base import scope_option_error
    from .kinds.options import OptionError

    def fail(key: str, problem: str) -> RuleError:
        line = lines.get(key)
        where = f"{display_name(path)}:{line}" if line else display_name(path)
        return RuleError(f"{where}: {bounded(key, 60)}: {problem}")

    for key in REQUIRED_KEYS:
        if key not in data:
            raise fail(key, "缺少必需的键")
    kind_name = data["kind"]
    if not isinstance(kind_name, str):
        raise fail("kind", f"应为一个类型的名称（此处为 {shown(kind_name)}）")
    try:
        kind_type = kind_class(kind_name)
    except KeyError:
        hint = "（0.1 版的规则文件请先用 python -m reportlint.migrate_rules 更新）" if "check" in data else ""
        raise fail("kind", f"未知的类型“{bounded(kind_name, 60)}”{hint}，可用：{'、'.join(kind_names())}") from None
    for key in ("message", "description"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise fail(key, "应为非空字符串")
    try:
        severity = Severity.parse(data["severity"])
    except ValueError as error:
        raise fail("severity", str(error)) from None
    scope = data.get("scope")
    if scope is not None and not kind_type.scoped:
        raise fail("scope", f"{kind_name} 类规则不支持 scope")
    problem = scope_option_error(scope)
    if problem:
        raise fail("scope", problem)
    link = data.get("link")
    if link is not None and not isinstance(link, str):
        raise fail("link", "应为字符串")
    fixable = data.get("fixable", False)
    if not isinstance(fixable, bool):
        raise fail("fixable", "应为 true 或 false")
    examples = _examples(data["examples"], fail, fixable)
    _check_message(data["message"], kind_type, fail)
    own = {key: value for key, value in data.items() if key not in COMMON_KEYS}
    try:
        kind = kind_type.from_rule(own, scope)
    except OptionError as error:
        raise fail(error.key, str(error)) from None
    return Rule(rule_id, path, kind, data["message"].strip(), severity, data["description"].strip(), examples, link,
                fixable)


def _examples(value: Any, fail, fixable: bool) -> Examples:
    if not isinstance(value, dict) or set(value) - {"good", "bad", "previous"}:
        raise fail("examples", "应为含 good 和 bad 两个列表的映射（可另加 previous：上年报告）")
    good, bad = value.get("good"), value.get("bad")
    if not isinstance(good, list) or not good or not all(isinstance(item, str) for item in good):
        raise fail("examples", "good 应为非空的字符串列表")
    if not isinstance(bad, list) or not bad:
        raise fail("examples", "bad 应为非空的列表（每项为文本，或含 text、match、fix 的映射）")
    previous = value.get("previous")
    if previous is not None and not isinstance(previous, str):
        raise fail("examples", "previous 应为字符串（上年报告的文本）")
    return Examples(tuple(good), tuple(_bad_example(item, fail, fixable) for item in bad), previous)


def _bad_example(item: Any, fail, fixable: bool) -> BadExample:
    if isinstance(item, str):
        return BadExample(item)
    if not isinstance(item, dict) or "text" not in item or set(item) - {"text", "match", "fix"} or not all(
        isinstance(part, str) for part in item.values()
    ):
        raise fail("examples", "bad 的每一项应为文本，或含 text（必需）、match、fix 三个字符串键的映射")
    if "fix" in item and not fixable:
        raise fail("examples", "只有可修正的规则（fixable: true）的示例才能给出 fix")
    return BadExample(item["text"], item.get("match"), item.get("fix"))


def _check_message(message: str, kind_type: type[Kind], fail) -> None:
    """A message names the kind's values as plain ``{name}``: a format spec could
    pad a value to gigabytes (``{match:>100000000}``) or fail on its type
    (``{match:d}``), and an attribute or index reaches into Python objects."""
    try:
        fields = [(field, spec, conversion) for _, field, spec, conversion in string.Formatter().parse(message)
                  if field is not None]
    except ValueError as error:
        raise fail("message", f"格式无效（{error}）") from None
    known = "、".join("{" + arg + "}" for arg in sorted(kind_type.message_args))
    for field, spec, conversion in fields:
        written = bounded("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}", 60)
        if spec or conversion or not field.isidentifier():
            raise fail("message", f"占位符 {written} 只能写成 {{名称}}，不带格式、转换、属性或下标（{kind_type.name} 类规则可用：{known}）")
        if field not in kind_type.message_args:
            raise fail("message", f"未知的占位符 {written}（{kind_type.name} 类规则可用：{known}）")
