"""Configuration: `[tool.reportlint]` in pyproject.toml, or `.reportlint.yaml`.

For each linted file the nearest configuration wins, found by walking up from
the file's folder (in one folder, .reportlint.yaml before pyproject.toml);
`--config FILE` replaces discovery. A lint session (reportlint/session.py)
keeps the configurations it has loaded; this module keeps none. Paths inside a
configuration (rule packs, the baseline, the previous report) are relative to
the file that names them.
Options on the command line win over the file: --select replaces its `select`,
--ignore adds to its `ignore`.

A bad key or value is a ConfigError naming the file and the key.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from .diagnostic import Severity, bounded
from .errors import ReportlintError, shown
from .inputs import display_name, read_input, real_path
from .profile_model import Body, Edition, Level, ProfileOverrides
from .readers import DOCUMENT_SUFFIXES
from .replay import note_not_found
from .rules import matches_prefix
from .yamlfile import read_mapping

CONFIG_NAMES = (".reportlint.yaml", "pyproject.toml")
# The JSON Schema of a configuration, for editors (reportlint/schemas/; `reportlint config --schema`).
CONFIG_SCHEMA = "reportlint-config.schema.json"
FAIL_ON = ("error", "warning", "info")
OFF = "off"


class ConfigError(ReportlintError):
    """A configuration file that cannot be used; the message names file and key."""


@dataclass(frozen=True)
class Settings:
    """The effective settings for one file."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule-id prefix, level or "off")
    fail_on: str = "warning"
    rules: tuple[Path, ...] = ()  # extra rule packs
    profile: ProfileOverrides = field(default_factory=ProfileOverrides)
    agencies: tuple[str, ...] = ()  # the office's own names besides the one in the title
    allow: tuple[str, ...] = ()  # accepted phrases: nothing inside them is reported
    previous: Path | None = None
    baseline: Path | None = None
    include: tuple[str, ...] = tuple(f"*{suffix}" for suffix in DOCUMENT_SUFFIXES)
    exclude: tuple[str, ...] = ()
    source: Path | None = None  # the file these settings came from


@dataclass(frozen=True)
class _Override:
    files: tuple[str, ...]
    values: dict[str, Any]


@dataclass(frozen=True)
class Config:
    """A loaded configuration file: base settings and per-file overrides."""

    path: Path | None
    base: Settings
    overrides: tuple[_Override, ...] = ()

    @property
    def folder(self) -> Path:
        """Where its globs are relative to: its own folder (the working directory without a file)."""
        return self.path.parent if self.path else Path.cwd()

    def for_file(self, path: str | Path) -> Settings:
        """The settings for one file: the base, then each override whose globs match."""
        settings = self.base
        relative = relative_posix(Path(path), self.folder)
        for override in self.overrides:
            if any(glob_match(relative, pattern) for pattern in override.files):
                settings = _apply(settings, override.values)
        return settings


DEFAULT = Config(None, Settings())

# Keys that apply to a whole run, not to single files.
_TOP_LEVEL_ONLY = {"include", "exclude", "baseline", "overrides", "rules"}


def load_config(path: Path) -> Config:
    """Load a configuration file (.yaml/.yml, or pyproject.toml's [tool.reportlint])."""
    path = real_path(path)
    data = _read(path)
    where = _Where(path)
    unknown = set(data) - set(_PARSERS) - {"overrides"}
    if unknown:
        raise where.error(sorted(unknown)[0], f"未知的配置项（可用：{'、'.join(sorted([*_PARSERS, 'overrides']))}）")
    values = {key: _PARSERS[key](value, where, key) for key, value in data.items() if key != "overrides"}
    base = _apply(Settings(source=path), values)
    listed = _list(data.get("overrides", []), where, "overrides")
    overrides = tuple(_parse_override(item, where, index) for index, item in enumerate(listed))
    return Config(path, base, overrides)


def find_config(folder: Path) -> Path | None:
    """The nearest configuration file in ``folder`` or above it, or None."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                note_not_found(candidate)  # one created here would govern the draft
            elif name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    tool = _toml(path).get("tool")
    return isinstance(tool, dict) and "reportlint" in tool


def _read(path: Path) -> dict[str, Any]:
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        tool = _toml(path).get("tool", {})
        data = tool.get("reportlint", {}) if isinstance(tool, dict) else None
    else:
        data, _ = read_mapping(path, ConfigError, "配置文件")
    if not isinstance(data, dict):
        raise ConfigError(f"{display_name(path)}: 配置应为一个映射（键: 值）")
    return data


def _toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib  # only when a pyproject.toml is found
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    name = display_name(path)
    try:
        return tomllib.loads(read_input(path, ConfigError).decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{name}: 应为 UTF-8 编码（第 {error.start} 字节处不是）") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{name}: TOML 语法错误（{error}）") from None


@dataclass(frozen=True)
class _Where:
    path: Path

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{display_name(self.path)}: {bounded(key, 60)}: {problem}")

    def resolve(self, value: str) -> Path:
        return real_path(self.path.parent / value)


def _list(value: Any, where: _Where, key: str) -> list:
    if not isinstance(value, list):
        raise where.error(key, "应为列表")
    return value


def _strings(value: Any, where: _Where, key: str) -> tuple[str, ...]:
    items = _list(value, where, key)
    if not all(isinstance(item, str) and item for item in items):
        raise where.error(key, "每一项都应为非空字符串")
    return tuple(items)


def _choice(choices: tuple[str, ...]):
    def parse(value: Any, where: _Where, key: str) -> str:
        if value not in choices:
            raise where.error(key, f"应为以下之一：{'、'.join(choices)}（此处为 {shown(value)}）")
        return value

    return parse


def _severity(value: Any, where: _Where, key: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise where.error(key, "应为映射（规则编号前缀: error、warning、info 或 off）")
    parsed = []
    for prefix, level in value.items():
        if level is False:
            level = OFF  # YAML 1.1 reads a bare `off` as false
        if level not in (*FAIL_ON, OFF):
            raise where.error(f"{key}.{prefix}", f"应为 error、warning、info 或 off（此处为 {shown(level)}）")
        parsed.append((str(prefix), level))
    return tuple(parsed)


def _profile(value: Any, where: _Where, key: str) -> ProfileOverrides:
    if not isinstance(value, dict):
        raise where.error(key, "应为映射（year、agency、edition、level、body、published）")
    value = dict(value)
    if isinstance(value.get("published"), str):  # TOML and quoted YAML dates
        try:
            value["published"] = date.fromisoformat(value["published"])
        except ValueError:
            pass  # reported below
    # Each item's parser gives its value, or None when the item is not one.
    parsers = {
        "year": lambda v: v if isinstance(v, int) and not isinstance(v, bool) and 1990 <= v <= 2100 else None,
        "agency": lambda v: v if isinstance(v, str) and v else None,
        "edition": Edition.parse,
        "level": Level.parse,
        "body": Body.parse,
        "published": lambda v: v if isinstance(v, date) and not isinstance(v, datetime) else None,
    }
    hints = {"year": "四位数年份", "agency": "非空字符串", "edition": "、".join(Edition), "level": "、".join(Level),
             "body": "、".join(Body), "published": "日期（如 2012-04-11）"}
    parsed = {}
    for name, item in value.items():
        if name not in parsers:
            raise where.error(f"{key}.{name}", "未知的项（可用：year、agency、edition、level、body、published）")
        parsed[name] = parsers[name](item)
        if parsed[name] is None:
            raise where.error(f"{key}.{name}", f"应为{hints[name]}（此处为 {shown(item)}）")
    return ProfileOverrides(**parsed)


def _path(value: Any, where: _Where, key: str) -> Path:
    if not isinstance(value, str) or not value:
        raise where.error(key, "应为路径字符串")
    return where.resolve(value)


def _paths(value: Any, where: _Where, key: str) -> tuple[Path, ...]:
    return tuple(where.resolve(item) for item in _strings(value, where, key))


_PARSERS = {
    "select": _strings,
    "ignore": _strings,
    "severity": _severity,
    "fail-on": _choice(FAIL_ON),
    "rules": _paths,
    "profile": _profile,
    "agencies": _strings,
    "allow": _strings,
    "previous": _path,
    "baseline": _path,
    "include": _strings,
    "exclude": _strings,
}
_FIELDS = {"fail-on": "fail_on"}


def _parse_override(item: Any, where: _Where, index: int) -> _Override:
    key = f"overrides[{index}]"
    if not isinstance(item, dict) or "files" not in item:
        raise where.error(key, "应为含 files（文件 glob 列表）的映射")
    files = _strings(item["files"], where, f"{key}.files")
    values = {}
    for name, value in item.items():
        if name == "files":
            continue
        if name not in _PARSERS or name in _TOP_LEVEL_ONLY:
            allowed = sorted(set(_PARSERS) - _TOP_LEVEL_ONLY)
            raise where.error(f"{key}.{name}", f"不能按文件覆盖的配置项（可用：files、{'、'.join(allowed)}）")
        values[name] = _PARSERS[name](value, where, f"{key}.{name}")
    return _Override(files, values)


def _apply(settings: Settings, values: dict[str, Any]) -> Settings:
    changes = {}
    for key, value in values.items():
        name = _FIELDS.get(key, key)
        if name == "severity":
            value = settings.severity + value  # later entries win
        elif name == "profile":
            value = replace(settings.profile, **value.values())
        changes[name] = value
    return replace(settings, **changes)


def relative_posix(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` with "/" (as globs are matched), or as given
    when it is not below ``base``."""
    try:
        return PurePosixPath(real_path(path).relative_to(real_path(base))).as_posix()
    except ValueError:
        return PurePosixPath(path).as_posix()


def glob_match(relative: str, pattern: str) -> bool:
    """Whether a path relative to the configuration matches a glob: "*" and "?"
    stay within a folder, "**" spans folders ("drafts/**/*.txt"); a pattern
    without "/" ("*.md", "old") matches the name of the file or of any folder."""
    if "/" not in pattern.rstrip("/"):
        return any(fnmatch.fnmatchcase(part, pattern.rstrip("/")) for part in PurePosixPath(relative).parts)
    return _glob_regex(pattern.strip("/")).fullmatch(relative) is not None


@cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out) + "(?:/.*)?")


def severity_for(rule_id: str, default: Severity, settings: Settings) -> Severity | None:
    """The severity a rule runs at under ``settings`` (None: switched off). The
    longest matching prefix wins; among equal ones, the later entry."""
    best: tuple[int, str] | None = None
    for prefix, level in settings.severity:
        if matches_prefix(rule_id, (prefix,)):
            if best is None or len(prefix) >= best[0]:
                best = (len(prefix), level)
    if best is None:
        return default
    return None if best[1] == OFF else Severity(best[1])


def describe(settings: Settings) -> str:
    """The effective settings, as `reportlint config` prints them."""
    def listed(values) -> str:
        values = [str(value) for value in values]
        return "、".join(values) if values else "（无）"

    profile = settings.profile.values()
    lines = [
        f"配置文件：{settings.source or '（无，使用默认设置）'}",
        f"select：{listed(settings.select) if settings.select else '（全部规则）'}",
        f"ignore：{listed(settings.ignore)}",
        f"severity：{listed(f'{prefix}={level}' for prefix, level in settings.severity)}",
        f"fail-on：{settings.fail_on}",
        f"rules：{listed(settings.rules)}",
        f"profile：{listed(f'{key}={value}' for key, value in profile.items())}",
        f"agencies：{listed(settings.agencies)}",
        f"allow：{listed(settings.allow)}",
        f"previous：{settings.previous or '（无）'}",
        f"baseline：{settings.baseline or '（无）'}",
        f"include：{listed(settings.include)}",
        f"exclude：{listed(settings.exclude)}",
    ]
    return "\n".join(lines)
