"""The command line: thin glue between files, the linter and the formatters.

``reportlint [OPTIONS] PATH...`` lints (the ``check`` command is the default);
``reportlint rules``, ``explain RULE`` and ``inspect FILE`` show what the linter
knows. Exit status: 0 when nothing reaches ``--fail-on``, 1 when something does,
2 for usage, input or rule errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from . import __version__, inspection
from .diagnostic import Severity
from .formatters import FORMATS, renderer
from .linter import Linter, select_rules
from .parser import parse
from .profile import infer_profile
from .rules import Rule, RuleError, load_rules
from .output import write_atomically
from .source import STDIN_NAME, SourceError, read_source

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Files a directory argument is searched for.
DOCUMENT_SUFFIXES = (".txt", ".md")


class _DefaultCommandGroup(click.Group):
    """A group whose first argument, when it is not a command, is a path for the
    default command: ``reportlint draft.txt`` is ``reportlint check draft.txt``."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main() -> None:
    """reportlint：政府信息公开工作年度报告合规检查工具。"""


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _load(rule_dirs: tuple[str, ...], select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> list[Rule]:
    try:
        rules = load_rules([Path(directory) for directory in rule_dirs])
    except RuleError as error:
        _fail(str(error))
    return select_rules(rules, _split(select), _split(ignore))


def _fail(message: str) -> None:
    click.echo(f"reportlint: 错误：{message}", err=True)
    sys.exit(EXIT_ERROR)


def _documents(paths: tuple[str, ...]) -> Iterator[str]:
    for path in paths:
        if path != STDIN_NAME and Path(path).is_dir():
            found = sorted(
                candidate
                for candidate in Path(path).rglob("*")
                if candidate.suffix.lower() in DOCUMENT_SUFFIXES
                and candidate.is_file()
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            )
            yield from (str(candidate) for candidate in found)
        else:
            yield path


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="输出格式。")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="出现该级别及以上的问题时退出码为 1。")
@click.option("--select", multiple=True, metavar="PREFIX", help="只运行这些规则（按规则编号前缀，逗号分隔）。")
@click.option("--ignore", multiple=True, metavar="PREFIX", help="不运行这些规则（按规则编号前缀，逗号分隔）。")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="另外加载该目录中的规则包。")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="文本输出是否着色（auto：仅在终端且未设置 NO_COLOR 时）。")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="把结果写入文件，而不是标准输出。")
@click.option("--exit-zero", is_flag=True, help="发现问题时退出码仍为 0（输入或规则出错时仍为 2）。")
@click.option("--previous", type=click.Path(dir_okay=False), metavar="FILE",
              help="上年度的年度报告：核对上年结转、现行有效件数等跨年数据，并检查与上年雷同的内容。")
def check(paths, output_format, fail_on, select, ignore, rule_dirs, color, output_file, exit_zero, previous) -> None:
    """检查年度报告草稿（文件、目录，或 - 表示标准输入）。"""
    linter = Linter(_load(rule_dirs, select, ignore))
    documents = list(_documents(paths))
    last_year = None
    if previous is not None:
        if len(documents) != 1:
            _fail(f"--previous 只能与一个待检查的文件一起使用（现有 {len(documents)} 个）")
        try:
            last_year = read_source(previous)
        except SourceError as error:
            _fail(str(error))
    results, input_errors = [], []
    for path in documents:
        try:
            source = read_source(path)
        except SourceError as error:
            input_errors.append(str(error))
            continue
        results.append(linter.lint(source, last_year))
    use_color = output_format == "text" and output_file is None and _use_color(color)
    output = renderer(output_format)(results, color=use_color)
    if output_file:
        try:
            write_atomically(Path(output_file), output)
        except OSError as error:
            _fail(f"{output_file}: 无法写入（{error.strerror}）")
    else:
        sys.stdout.write(output)
    for message in input_errors:
        click.echo(f"reportlint: 错误：{message}", err=True)
    if input_errors:
        sys.exit(EXIT_ERROR)
    threshold = Severity(fail_on).rank
    failed = any(d.severity.rank >= threshold for result in results for d in result.diagnostics)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


@main.command("rules")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="另外加载该目录中的规则包。")
def list_rules(rule_dirs) -> None:
    """列出全部规则，按规则包分组。"""
    group = None
    for rule in _load(rule_dirs):
        if rule.group != group:
            if group is not None:
                click.echo()
            click.echo(f"[{rule.group}]")
            group = rule.group
        click.echo(f"  {rule.id:<36} {rule.severity.value:<8} {rule.summary}")


@main.command()
@click.argument("rule_id", metavar="RULE")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="另外加载该目录中的规则包。")
def explain(rule_id, rule_dirs) -> None:
    """说明一条规则：检查什么、为什么，以及正反示例。"""
    rules = {rule.id: rule for rule in _load(rule_dirs)}
    rule = rules.get(rule_id)
    if rule is None:
        close = [known for known in rules if known.startswith(rule_id) or rule_id in known]
        hint = f"；相近的规则：{'、'.join(close[:5])}" if close else "；用 reportlint rules 查看全部规则"
        _fail(f"没有规则 {rule_id}{hint}")
    lines = [
        f"{rule.id}（{rule.severity.value}，类型 {rule.kind.name}）",
        "",
        rule.description,
        "",
        f"提示信息：{rule.message}",
    ]
    if rule.link:
        lines.append(f"依据：{rule.link}")
    if rule.examples.previous:
        lines += ["", "示例所对照的上年报告：", f"  {_one_line(rule.examples.previous)}"]
    lines += ["", "正确示例："] + [f"  ✓ {_one_line(example)}" for example in rule.examples.good]
    lines += ["", "错误示例："] + [f"  ✗ {_one_line(example)}" for example in rule.examples.bad]
    click.echo("\n".join(lines))


def _one_line(example: str) -> str:
    return example.strip().replace("\n", " ⏎ ")


@main.command()
@click.argument("path", metavar="FILE")
@click.option("--tree", is_flag=True, help="列出全部节点（标题、段落、句子、表格行）及其位置。")
def inspect(path, tree) -> None:
    """显示工具对文件的理解：报告概况（年度、机关、版式）和提纲。"""
    try:
        source = read_source(path)
    except SourceError as error:
        _fail(str(error))
    document = parse(source)
    lines = inspection.summary(document, infer_profile(document))
    lines += inspection.tree(document) if tree else inspection.outline(document)
    click.echo("\n".join(lines))
