"""Typed option declarations: what a kind's rules may set, checked in one place.

A kind declares its options as a mapping from key to an ``Option`` of a type
below. ``parse_options`` checks a rule file's own keys against it: an unknown
key, a missing required key, a value of the wrong type or shape, a pattern that
does not compile, an edition, level or table that does not exist, or a table
term that is not in its table's schema is an ``OptionError`` naming the key
(the rule loader adds the file and line). A kind's code receives the parsed
values — compiled patterns, tuples, mappings — and never sees a bad one.

Options are parsed in the order they are declared, and a type may read options
declared before it (``Patterns`` reads ``ignorecase``, ``TableTerms`` reads
``table``).
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping
from typing import Any

from ..document import Span
from ..patterns import PatternError, RuleMatch, RulePattern, compile_alternatives, compile_pattern
from ..profile import Edition, Level


class OptionError(ValueError):
    """A bad option value; ``key`` names the option in the rule file."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class InvalidValue(ValueError):
    """A value that is not of its option's type; the option's key is added later."""


_MISSING = object()


class Option:
    """One option: its type (the subclass), whether a rule must set it, and the
    value it takes when a rule does not (already parsed)."""

    type_name = ""

    def __init__(self, *, required: bool = False, default: Any = None) -> None:
        self.required = required
        self.default = default

    def parse(self, value: Any, parsed: Mapping[str, Any]) -> Any:
        """The parsed value; ``parsed`` holds the options declared before this one."""
        raise NotImplementedError


def parse_options(declared: Mapping[str, Option], raw: Mapping[str, Any],
                  context: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A rule's own keys checked against a kind's declarations, parsed, with
    defaults for the options the rule does not set. ``context`` holds the
    options around a record being parsed (a claim's cells name cells of the
    rule's ``table``)."""
    for key in raw:
        if key not in declared:
            known = "、".join(declared) or "无"
            raise OptionError(str(key), f"未知的键（此类规则可用的键：{known}）")
    parsed: dict[str, Any] = {}
    for key, option in declared.items():
        value = raw.get(key, _MISSING)
        if value is _MISSING:
            if option.required:
                raise OptionError(key, "缺少必需的键")
            parsed[key] = option.default
            continue
        try:
            parsed[key] = option.parse(value, ChainMap(parsed, context or {}))
        except InvalidValue as error:
            raise OptionError(key, str(error)) from None
    return parsed


# -- scalars ------------------------------------------------------------------------


class Text(Option):
    """A non-empty string; with ``choices``, one of them."""

    type_name = "字符串"

    def __init__(self, *, choices: tuple[str, ...] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.choices = choices

    def parse(self, value, parsed):
        if not isinstance(value, str) or not value.strip():
            raise InvalidValue("应为非空字符串")
        if self.choices is not None and value not in self.choices:
            raise InvalidValue(f"应为以下之一：{'、'.join(self.choices)}")
        return value


class Flag(Option):
    type_name = "true 或 false"

    def __init__(self, *, default: bool = False) -> None:
        super().__init__(default=default)

    def parse(self, value, parsed):
        if not isinstance(value, bool):
            raise InvalidValue("应为 true 或 false")
        return value


class Integer(Option):
    type_name = "整数"

    def __init__(self, *, minimum: int | None = None, at_least: str | None = None, **kwargs) -> None:
        """``at_least`` names an earlier option this one may not be below."""
        super().__init__(**kwargs)
        self.minimum = minimum
        self.at_least = at_least

    def parse(self, value, parsed):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue("应为整数")
        if self.minimum is not None and value < self.minimum:
            raise InvalidValue(f"应不小于 {self.minimum}")
        if self.at_least is not None and value < parsed[self.at_least]:
            raise InvalidValue(f"应不小于 {self.at_least}")
        return value


class Ratio(Option):
    """A share such as 0.8: more than 0, at most 1."""

    type_name = "比例"

    def parse(self, value, parsed):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise InvalidValue("应为 0 到 1 之间的比例（如 0.8）")
        return value


class MonthDay(Option):
    """A day of the year written MM-DD (a deadline); parsed to (month, day)."""

    type_name = "日期（MM-DD）"
    _FORMAT = re.compile(r"(?P<month>[01]?[0-9])-(?P<day>[0-3]?[0-9])")

    def parse(self, value, parsed):
        match = self._FORMAT.fullmatch(str(value))
        if not match or not 1 <= int(match["month"]) <= 12 or not 1 <= int(match["day"]) <= 31:
            raise InvalidValue("日期应写作 MM-DD")
        return int(match["month"]), int(match["day"])


# -- strings and patterns -------------------------------------------------------------


def string_list(value: Any, *, non_empty: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise InvalidValue("应为非空字符串的列表")
    if non_empty and not value:
        raise InvalidValue("不能为空列表")
    return tuple(value)


class Strings(Option):
    """A list of non-empty strings; with ``choices``, each one of them."""

    type_name = "字符串列表"

    def __init__(self, *, choices: tuple[str, ...] | None = None, default: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(default=default, **kwargs)
        self.choices = choices

    def parse(self, value, parsed):
        items = string_list(value)
        if self.choices is not None:
            unknown = [item for item in items if item not in self.choices]
            if unknown:
                raise InvalidValue(f"未知的值“{unknown[0]}”，应为：{'、'.join(self.choices)}")
        return items


class Pattern(Option):
    """One regular expression (RE2), compiled."""

    type_name = "正则表达式"

    def parse(self, value, parsed):
        if not isinstance(value, str) or not value:
            raise InvalidValue("应为非空的正则表达式")
        try:
            return compile_pattern(value)
        except PatternError as error:
            raise InvalidValue(str(error)) from None


class ListOf(Option):
    """A list whose items are each parsed by an option of their own (a list of
    patterns that must all be found, each compiled alone)."""

    type_name = "列表"

    def __init__(self, item: Option, **kwargs) -> None:
        super().__init__(**kwargs)
        self.item = item

    def parse(self, value, parsed):
        if not isinstance(value, list) or not value:
            raise InvalidValue("应为非空列表")
        items = []
        for index, item in enumerate(value, 1):
            try:
                items.append(self.item.parse(item, parsed))
            except InvalidValue as error:
                raise InvalidValue(f"第 {index} 项：{error}") from None
        return tuple(items)


class Patterns(Option):
    """A list of regular expressions compiled into one (None when a rule may
    leave it empty and does). ``ignorecase`` names the flag option that applies."""

    type_name = "正则表达式列表"

    def __init__(self, *, ignorecase: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ignorecase = ignorecase

    def parse(self, value, parsed):
        patterns = string_list(value)
        try:
            return compile_alternatives(list(patterns), ignorecase=bool(self.ignorecase and parsed[self.ignorecase]))
        except PatternError as error:
            raise InvalidValue(str(error)) from None


class Swap(Option):
    """A mapping from a pattern to its replacement (which may refer to the
    pattern's groups, ``\\1``), compiled into one pattern that finds them all
    (see ``Swaps``). ``ignorecase`` names the flag option that applies."""

    type_name = "映射（错误写法: 正确写法）"

    def __init__(self, *, ignorecase: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ignorecase = ignorecase

    def parse(self, value, parsed):
        if not isinstance(value, dict) or not value:
            raise InvalidValue("应为非空的映射（错误写法: 正确写法）")
        for wrong, right in value.items():
            if not isinstance(wrong, str) or not wrong or not isinstance(right, str):
                raise InvalidValue(f"“{wrong}”：错误写法和正确写法都应为字符串")
        ignorecase = bool(self.ignorecase and parsed[self.ignorecase])
        # One combined pattern; each alternative is a named group, so the
        # alternative that matched is match.lastgroup.
        combined = "|".join(f"(?P<s{index}>{wrong})" for index, wrong in enumerate(value))
        try:
            pattern = compile_pattern(combined, ignorecase=ignorecase)
        except PatternError as combined_error:
            for wrong in value:  # name the key at fault
                try:
                    compile_pattern(wrong, ignorecase=ignorecase)
                except PatternError as error:
                    raise InvalidValue(f"“{wrong}”：{error}") from None
            raise InvalidValue(str(combined_error)) from None
        return Swaps(pattern, tuple(value), tuple(value.values()), ignorecase)


class Swaps:
    """Wrong forms and their replacements, found by one pattern."""

    def __init__(self, pattern: RulePattern, wrongs: tuple[str, ...], rights: tuple[str, ...], ignorecase: bool) -> None:
        self.pattern = pattern
        self.wrongs = wrongs
        self.rights = rights
        self.ignorecase = ignorecase
        self._alone: dict[int, RulePattern] = {}  # single keys, compiled when one matches

    def replacement(self, text: str, match: RuleMatch, within: Span) -> str:
        """The replacement for a match of ``pattern``, its groups expanded."""
        index = int(match.lastgroup[1:])
        # The same alternative alone, to expand \1 with its own groups.
        if index not in self._alone:
            self._alone[index] = compile_pattern(self.wrongs[index], ignorecase=self.ignorecase)
        alone = self._alone[index].match(text, match.start(), within.end)
        return alone.expand(self.rights[index]) if alone else self.rights[index]


class Groups(Option):
    """A list of groups, each a list of at least two non-empty strings."""

    type_name = "字符串列表的列表"

    def __init__(self, *, example: str, default: tuple = (), **kwargs) -> None:
        super().__init__(default=default, **kwargs)
        self.example = example

    def parse(self, value, parsed):
        if not isinstance(value, list) or not value or not all(
            isinstance(group, list) and len(group) >= 2 and all(isinstance(item, str) and item for item in group)
            for group in value
        ):
            raise InvalidValue(f"每一组应为至少两个非空字符串，如 {self.example}")
        return tuple(tuple(group) for group in value)


# -- the vocabulary of reports -------------------------------------------------------


class Editions(Option):
    """A mapping from an edition of the format (free-2008, standard-2019,
    standard-2021) to a value of the type ``of``; or, without ``of``, a list of
    editions."""

    type_name = "版式"

    def __init__(self, of: Option | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.of = of

    def parse(self, value, parsed):
        if self.of is None:
            return frozenset(Strings(choices=tuple(Edition)).parse(value, parsed))
        if not isinstance(value, dict) or not value:
            raise InvalidValue(f"应为以版式为键的映射，版式为：{'、'.join(Edition)}")
        result = {}
        for edition, item in value.items():
            if Edition.parse(edition) is None:
                raise InvalidValue(f"未知的版式“{edition}”，应为：{'、'.join(Edition)}")
            try:
                result[edition] = self.of.parse(item, parsed)
            except InvalidValue as error:
                raise InvalidValue(f"{edition}：{error}") from None
        return result


class Levels(Option):
    """A list of administrative levels (province, city, county, township)."""

    type_name = "层级列表"

    def parse(self, value, parsed):
        return frozenset(Strings(choices=tuple(Level)).parse(value, parsed))


class HeadingLevels(Option):
    """A list of heading levels: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）."""

    type_name = "标题层级列表"

    def parse(self, value, parsed):
        if not isinstance(value, list) or not value or not all(
            isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 4 for level in value
        ):
            raise InvalidValue("应为 1 到 4 的整数列表（1：一、，2：（一），3：1.，4：（1））")
        return frozenset(value)


class Record(Option):
    """A mapping with declared fields, each an option of its own type; parsed
    to a dict of the parsed fields."""

    type_name = "映射"

    def __init__(self, fields: Mapping[str, Option], **kwargs) -> None:
        super().__init__(**kwargs)
        self.fields = dict(fields)

    def parse(self, value, parsed):
        if not isinstance(value, dict):
            raise InvalidValue(f"应为含 {'、'.join(self.fields)} 的映射")
        try:
            return parse_options(self.fields, value, parsed)
        except OptionError as error:
            raise InvalidValue(f"{error.key}：{error}") from None


class Records(ListOf):
    """A list of records (mappings with declared fields)."""

    type_name = "映射列表"

    def __init__(self, fields: Mapping[str, Option], **kwargs) -> None:
        super().__init__(Record(fields), **kwargs)
