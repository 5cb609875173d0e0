"""The command line: thin glue between files, the linter and the formatters.

``reportlint [OPTIONS] PATH...`` lints (the ``check`` command is the default);
``reportlint rules``, ``explain RULE`` and ``inspect FILE`` show what the linter
knows. Exit status: 0 when nothing reaches ``--fail-on``, 1 when something does,
2 for usage, input or rule errors (and reportlint's own defects), 130 and 143
when interrupted or terminated (reportlint/guard.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import replay
from ._version import __version__
from .config import CONFIG_SCHEMA, FAIL_ON, describe
from .errors import replace_what_cannot_be_encoded, visible
from .formatters import DOCUMENT_FORMATS, OUTPUT_FORMATS, document_renderer, renderer
from .guard import EXIT_ERROR, fail, guarded, say
from .inputs import STDIN_NAME, display_name, real_path
from .output import write_file
from .readers import read_source
from .readers.text import text_encoding
from .rules import Rule, load_rules
from .runner import FileFailure, Job, collect, progress_printer, run
from .session import LintSession, SessionOptions

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


class _DefaultCommandGroup(click.Group):
    """A group whose first argument, when it is not a command, is a path for the
    default command: ``reportlint draft.txt`` is ``reportlint check draft.txt``.
    Every command runs guarded (reportlint/guard.py); ``--debug`` may stand
    anywhere before ``--``."""

    default_command = "check"
    debug = False

    def main(self, args=None, *rest, **extra):
        replace_what_cannot_be_encoded(sys.stdout, sys.stderr)
        args = list(sys.argv[1:] if args is None else args)
        end = args.index("--") if "--" in args else len(args)
        self.debug = "--debug" in args[:end]
        args = [arg for index, arg in enumerate(args) if arg != "--debug" or index >= end]
        return super().main(args, *rest, **extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands and args[0] not in ("--help", "-h", "--version", "-V"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        with guarded(self.debug):
            return super().invoke(ctx)


def _echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """A line to the standard streams as set up above, control characters made
    visible (reportlint/errors.py). (click's own streams would take an ASCII
    console for a misconfigured locale and send it UTF-8.)"""
    shown = visible(message)
    click.echo(shown, file=sys.stderr if err else sys.stdout, nl=nl)
    replay.note_output("stderr" if err else "stdout", shown + ("\n" if nl else ""))


@click.group(cls=_DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="reportlint")
@click.option("--debug", is_flag=True, help="出现内部错误时显示完整的调用栈（可写在任何位置）。")
def main(debug: bool) -> None:
    """reportlint：政府信息公开工作年度报告合规检查工具。"""


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _load(rule_dirs: tuple[str, ...]) -> list[Rule]:
    return load_rules([Path(directory) for directory in rule_dirs])


def _check_encoding(ctx, param, value: str | None) -> str | None:
    if value is not None:
        try:
            text_encoding(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    return value


def _reading_options(command):
    """--encoding and --stdin-filename, shared by the commands that read drafts."""
    command = click.option("--stdin-filename", metavar="NAME",
                           help="标准输入（-）的文件名：用于输出，并按其扩展名选择读取方式（如 draft.docx）。")(command)
    return click.option("--encoding", callback=_check_encoding, metavar="NAME",
                        help="按此编码读取文本、Markdown 和网页文件，不自动识别（如 gbk、utf-16）。")(command)


def _use_color(choice: str) -> bool:
    """--color always or never; else, as no-color.org and force-color.org ask:
    a non-empty NO_COLOR turns colour off, then a non-empty FORCE_COLOR on (a
    CI log that shows colours), a dumb terminal gets none, and otherwise colour
    goes to a terminal only."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return os.environ.get("TERM") != "dumb" and sys.stdout.isatty()


_RULES_OPTION = click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
                             help="另外加载该目录中的规则包。")


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="使用该配置文件（.reportlint.yaml 或 pyproject.toml），不再逐级向上查找。")
@click.option("--format", "output_format", type=click.Choice(sorted(OUTPUT_FORMATS)), default="text", show_default=True,
              help="输出格式。")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default=None,
              help="出现该级别及以上的问题时退出码为 1（默认按配置，未配置时为 warning）。")
@click.option("--select", multiple=True, metavar="PREFIX", help="只运行这些规则（按规则编号前缀，逗号分隔）。")
@click.option("--ignore", multiple=True, metavar="PREFIX", help="不运行这些规则（按规则编号前缀，逗号分隔）。")
@_RULES_OPTION
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="文本输出是否着色（auto：按 NO_COLOR、FORCE_COLOR、TERM=dumb，否则仅在终端着色）。")
@click.option("--quiet", "-q", is_flag=True, help="只输出问题，不输出汇总行和进度等说明。")
@click.option("--output-file", "-o", type=click.Path(), metavar="FILE",
              help="把结果写入文件，而不是标准输出（--format docx 检查多个草稿时为文件夹）。")
@click.option("--exit-zero", is_flag=True, help="发现问题时退出码仍为 0（输入或规则出错时仍为 2）。")
@click.option("--statistics", is_flag=True, help="只输出各规则的问题数。")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="不报告基线文件中已记录的问题。")
@click.option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="把当前发现的全部问题记入基线文件。")
@click.option("--report-unused", is_flag=True, help="报告没有抑制任何问题的抑制注释、allow 项和失效的基线条目。")
@click.option("--fix", is_flag=True, help="就地修正可安全自动修正的问题（保留文件编码、BOM 和换行符）。")
@click.option("--diff", is_flag=True, help="只显示 --fix 会做的修改，不写文件。")
@click.option("--force", is_flag=True, help="与 --fix 一起：只读文件也修正（默认跳过并报错）。")
@click.option("--force-exclude", is_flag=True,
              help="配置中的 exclude 也用于命令行上点名的文件（pre-commit 钩子用它跳过排除的文件）。")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="并行进程数（0 表示按 CPU 核数）。")
@_reading_options
@click.option("--previous", type=click.Path(dir_okay=False), metavar="FILE",
              help="上年度的年度报告：核对上年结转、现行有效件数等跨年数据，并检查与上年雷同的内容。")
@click.option("--no-cache", is_flag=True, envvar="REPORTLINT_NO_CACHE",
              help="不读也不写结果缓存（默认：文件、规则、配置、上年报告和版本都未变时直接给出上次的结果；"
                   "也可设环境变量 REPORTLINT_NO_CACHE=1）。")
def check(paths, config_file, output_format, fail_on, select, ignore, rule_dirs, color, quiet, output_file, exit_zero,
          statistics, baseline_file, write_baseline_file, report_unused, fix, diff, force, force_exclude, jobs, encoding,
          stdin_filename, previous, no_cache) -> None:
    """检查年度报告草稿（.txt、.md、.docx、.html 文件，目录，或 - 表示标准输入）。"""
    per_draft = output_format in DOCUMENT_FORMATS
    if per_draft and (not output_file or statistics or write_baseline_file):
        fail(f"--format {output_format} 为每个草稿生成一个文档：请用 --output-file 指定 .docx 文件"
             "（检查多个草稿时指定文件夹），且不与 --statistics、--write-baseline 同用")
    if (no_cache or fix or diff or write_baseline_file or output_file
            or any(path == STDIN_NAME or os.path.isdir(path) for path in paths)):
        replay.abandon()  # a run that writes files, reads standard input or searches folders is not replayed
    for path in paths:
        replay.note_draft(path)
    session = LintSession(SessionOptions(
        config=Path(config_file) if config_file else None,
        select=_split(select),
        ignore=_split(ignore),
        rules=tuple(Path(directory) for directory in rule_dirs),
        fail_on=fail_on,
        baseline=Path(baseline_file) if baseline_file and not write_baseline_file else None,
        report_unused=report_unused,
        keep_documents=output_format == "html",
        keep_originals=per_draft,
        encoding=encoding,
        stdin_filename=stdin_filename,
        previous=previous,
        cache=not no_cache,
    ))
    if previous is not None:
        session.previous_report(previous)
    work, problems = collect(paths, session, force_exclude=force_exclude)
    if previous is not None and len(work) != 1:
        fail(f"--previous 只能与一个待检查的文件一起使用（现有 {len(work)} 个）")
    targets = _document_targets(work, session, Path(output_file)) if per_draft else {}
    if fix or diff:
        changed, failures = _fix(work, session, write=not diff, force=force, quiet=quiet)
        problems += failures
        if diff:
            _report_failures(problems)
            sys.exit(EXIT_ERROR if problems else EXIT_FINDINGS if changed else EXIT_CLEAN)
    progress = progress_printer() if sys.stderr.isatty() and len(work) > 1 and not quiet else None
    outcome = run(work, session, processes=jobs or os.cpu_count() or 1, progress=progress)
    failures = problems + outcome.errors
    if write_baseline_file:
        from .baseline import write_baseline

        count = write_baseline(Path(write_baseline_file), (d for r in outcome.results for d in r.diagnostics))
        if not quiet:
            _echo(f"已把 {count} 个问题记入基线 {write_baseline_file}。", err=True)
        _report_failures(failures)
        sys.exit(EXIT_ERROR if failures else EXIT_CLEAN)
    if per_draft:
        _write_documents(document_renderer(output_format), outcome.results, targets)
    else:
        rendered = _rendered(output_format, outcome, statistics, color, output_file, quiet)
        _report(rendered, output_file, for_people=output_format == "text" or statistics)
    for note in outcome.notes:
        _echo(f"reportlint: 提示：{note}", err=True)
    _report_failures(failures)
    if failures:
        sys.exit(EXIT_ERROR)
    status = EXIT_FINDINGS if outcome.failed and not exit_zero else EXIT_CLEAN
    replay.finish(status)
    sys.exit(status)


def _report_failures(failures: list[FileFailure]) -> None:
    """Say why each file that failed failed (with --debug, how a defect came about)."""
    for failure in failures:
        if main.debug and failure.details:
            click.echo(failure.details, file=sys.stderr)
        say(f"reportlint: 错误：{failure.message}")


def _rendered(output_format: str, outcome, statistics: bool, color: str, output_file: str | None, quiet: bool) -> str:
    if statistics:
        from .formatters.statistics import render_statistics

        return render_statistics(outcome.results)
    use_color = output_format == "text" and output_file is None and _use_color(color)
    render = renderer(output_format)
    if quiet and output_format == "text":
        from .formatters.text import render_findings as render  # the same lines, without the summary
    return render(outcome.results, color=use_color, rules=outcome.rules)


def _report(output: str, output_file: str | None, *, for_people: bool) -> None:
    """The report to its file, or to standard output: text for people in the
    console's encoding (what it cannot show replaced), a document for a program
    (JSON, XML, CSV, a page) in UTF-8, as each format declares, whatever the
    console's encoding: `> out.csv` on a Chinese Windows console must not write
    GBK with "?" for 𠮷."""
    binary = getattr(sys.stdout, "buffer", None)
    if output_file:
        write_file(output_file, output)
    elif for_people or binary is None:  # (a text-only stream put in place of standard output)
        sys.stdout.write(output)
        replay.note_output("stdout", output)
    else:
        sys.stdout.flush()
        binary.write(output.encode("utf-8"))
        binary.flush()
        replay.note_output("stdout", output, binary=True)


def _document_targets(work: list[Job], session: LintSession, output: Path) -> dict[str, Path]:
    """Where each draft's document goes, by the draft's path in results: to
    ``output`` for one draft, into the folder ``output`` for several (or when it
    is a folder), under the draft's path (a ".docx" added unless it ends so)."""
    names = [(session.options.stdin_filename or STDIN_NAME) if job.path == STDIN_NAME else display_name(job.path)
             for job in work]
    if len(names) == 1 and not output.is_dir():
        if output.suffix.lower() != ".docx":
            fail(f"{output}: 输出文件应以 .docx 结尾")
        targets = {names[0]: output}
    elif output.exists() and not output.is_dir():
        fail(f"{output}: 检查多个草稿时 --output-file 应为文件夹")
    else:
        targets = {name: output / _within_folder(name) for name in names}
    drafts = {real_path(job.path) for job in work if job.path != STDIN_NAME}
    if any(real_path(target) in drafts for target in targets.values()):
        fail(f"{output}: 输出会覆盖被检查的草稿，请换一个文件或文件夹")
    return targets


def _within_folder(name: str) -> Path:
    """A draft's document in the output folder: its path below the working
    folder (its name when it lies elsewhere), ending in .docx."""
    relative = Path(os.path.relpath(real_path(name)))
    if relative.parts[:1] == ("..",):
        relative = Path(relative.name)
    return relative if relative.suffix.lower() == ".docx" else relative.with_name(relative.name + ".docx")


def _write_documents(render, results, targets: dict[str, Path]) -> None:
    for result in results:
        target = targets[result.path]
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail(f"{target.parent}: 无法创建文件夹（{error.strerror}）")
        write_file(target, render(result))


def _fix(work: list[Job], session: LintSession, *, write: bool, force: bool,
         quiet: bool) -> tuple[bool, list[FileFailure]]:
    """Fix (or, without ``write``, show the diff for) every file: whether any
    changed, and the files that could not be fixed (the others still are)."""
    from .fixes import fix_file

    if any(job.path == STDIN_NAME for job in work):
        fail("不能就地修正标准输入")
    changed, failures = False, []
    for job in work:
        try:
            outcome = fix_file(job.path, lambda source, job=job: session.fixable_diagnostics(source, job.settings),
                               session.options.encoding)
            if outcome.changed and write:
                outcome.write(force=force)
                if not quiet:
                    _echo(f"{display_name(job.path)}: {outcome.done.format(applied=outcome.applied)}", err=True)
            elif outcome.changed:
                sys.stdout.write(outcome.diff())
        except Exception as error:  # noqa: BLE001 - one file that cannot be fixed must not stop the others
            failures.append(FileFailure.of(job.path, error))
            continue
        changed |= outcome.changed
    return changed, failures


@main.command("config")
@click.argument("path", default=".", metavar="[PATH]")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="使用该配置文件，不再逐级向上查找。")
@click.option("--schema", is_flag=True, help="输出 .reportlint.yaml 的 JSON Schema（供编辑器补全和校验）。")
def show_config(path, config_file, schema) -> None:
    """显示对某个文件（默认当前目录）生效的配置。"""
    if schema:
        from importlib import resources

        _echo(resources.files("reportlint").joinpath("schemas", CONFIG_SCHEMA).read_text(encoding="utf-8"), nl=False)
        return
    session = LintSession(SessionOptions(config=Path(config_file) if config_file else None))
    _echo(describe(session.settings_for(path)))


@main.command("rules")
@_RULES_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式（json：每条规则的编号、级别、说明、提示信息和示例）。")
def list_rules(rule_dirs, output_format) -> None:
    """列出全部规则，按规则包分组（标“可修正”的规则可用 --fix 自动修正）。"""
    rules = _load(rule_dirs)
    if output_format == "json":
        import json

        _echo(json.dumps([rule.to_dict() for rule in rules], ensure_ascii=False, indent=2))
        return
    group = None
    for rule in rules:
        if rule.group != group:
            if group is not None:
                _echo()
            _echo(f"[{rule.group}]")
            group = rule.group
        fixable = "可修正" if rule.fixable else ""
        _echo(f"  {rule.id:<36} {rule.severity.value:<8} {fixable:<4} {rule.summary}")


@main.command()
@click.argument("rule_id", metavar="RULE")
@_RULES_OPTION
def explain(rule_id, rule_dirs) -> None:
    """说明一条规则：检查什么、为什么，以及正反示例。"""
    rules = {rule.id: rule for rule in _load(rule_dirs)}
    rule = rules.get(rule_id)
    if rule is None:
        close = [known for known in rules if known.startswith(rule_id) or rule_id in known]
        hint = f"；相近的规则：{'、'.join(close[:5])}" if close else "；用 reportlint rules 查看全部规则"
        fail(f"没有规则 {rule_id}{hint}")
    lines = [
        f"{rule.id}（{rule.severity.value}，类型 {rule.kind.name}{'，可用 --fix 自动修正' if rule.fixable else ''}）",
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
    lines += ["", "错误示例："]
    for example in rule.examples.bad:
        lines.append(f"  ✗ {_one_line(example.text)}")
        if example.match is not None:
            lines.append(f"    指出：“{_one_line(example.match)}”")
        if example.fix is not None:
            lines.append(f"    修正后：{_one_line(example.fix)}")
    _echo("\n".join(lines))


def _one_line(example: str) -> str:
    return example.strip().replace("\n", " ⏎ ")


@main.command()
@click.argument("path", metavar="FILE")
@click.option("--tree", is_flag=True, help="列出全部节点（标题、段落、句子、表格行）及其位置。")
@_reading_options
def inspect(path, tree, encoding, stdin_filename) -> None:
    """显示工具对文件的理解：编码、报告概况（年度、机关、版式）和提纲。"""
    from . import inspection
    from .parser import parse
    from .profile import infer_profile

    document = parse(read_source(path, encoding=encoding, name=stdin_filename if path == STDIN_NAME else None))
    profile = infer_profile(document)
    lines = inspection.summary(document, profile)
    lines += inspection.tree(document) if tree else inspection.outline(document)
    lines += inspection.statistics_tables(document, profile)
    _echo("\n".join(lines))
