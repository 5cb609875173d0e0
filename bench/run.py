"""Benchmarks for reportlint: what a pre-commit hook and a province's worth of
reports cost, measured against the peer linters installed on this machine.

    .venv/bin/python bench/run.py [--peers DIR] [--files 1000] [--repeat 15] [--only single,marginal,...] [--json FILE]

Sections (all by default; --only picks some):

- single: wall time of `reportlint --no-cache DRAFT` on one 12 KB report (the
  seed), in a fresh process each time (after a warm-up run that leaves Python's
  bytecode and reportlint's rule-pack cache in place, as on a user's machine),
  alternating with the peers' CLIs on the same file (AutoCorrect's, proselint,
  zhlint, textlint) when they are installed: --repeat rounds of one run each,
  medians and the median of the per-round ratios to AutoCorrect's CLI.
- cached: wall time of `reportlint DRAFT` run again with nothing changed (the
  pre-commit hook's case: the run is replayed), and of a command line not run
  before on a draft whose results are cached.
- marginal: in one process, the cost of one more 12 KB of report over a corpus
  of --files report variants built from fixtures/ and ../shared/corpus (each
  variant differs); AutoCorrect's Python binding on the same texts when it is
  installed.
- memory: peak resident memory of `reportlint --no-cache DRAFT` on the seed.
- jobs: `reportlint --no-cache -j 1` against `-j 2` over the corpus of variants (median of 3).
- sizes: 1, 4 and 16 MB drafts (the seed's body repeated), each in a fresh
  process: reading, then parsing and checking, and peak memory.
- hostile: the small inputs of issue 13 that once took minutes or gigabytes
  (quadratic markup, a .docx bomb, a YAML alias bomb, a padding format spec, an
  oversized file, /dev/zero on standard input), each in a fresh process: exit
  status, wall time and peak memory (docs/reliability.md).
- pdf: the six-page PDF report fixtures/pdf/gbt9704-layout.pdf (a standard
  report set as GB/T 9704 sets official documents, printed by Chromium): in a
  fresh process, reading it (pdfplumber imported included), then parsing and
  checking, and peak memory; and the wall time of `reportlint --no-cache REPORT.pdf`
  (median of --repeat runs).

It prints one table, each target with its figure and the peers' figures from
the same run, and writes the figures as JSON (--json, default
bench/results.json; a run of some sections, --only, replaces those and keeps
the others). A bench, not a test: figures depend on the machine.
Peers live outside the project: --peers DIR names a folder with a virtual
environment DIR/venv (pip install autocorrect-py proselint) and DIR/node_modules
(npm install zhlint textlint textlint-rule-prh autocorrect-node); without it
they are looked up on PATH, in ./node_modules/.bin and in this interpreter.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed-chuxiong-sci-tech-2016.txt"
SIX_PAGE_PDF = ROOT / "fixtures" / "pdf" / "gbt9704-layout.pdf"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
REPORTLINT = str(Path(sys.executable).parent / "reportlint")
KB = 1024
MB = 1024 * KB
SECTIONS = ("single", "cached", "marginal", "memory", "jobs", "sizes", "hostile", "pdf")
# Commands run as users run them: with Python's bytecode cache (some machines
# set PYTHONDONTWRITEBYTECODE, and then every run compiles every module again)
# and reportlint's caches, in a folder of the bench's own (main() sets it).
ENVIRONMENT = {key: value for key, value in os.environ.items()
               if key not in ("PYTHONDONTWRITEBYTECODE", "REPORTLINT_NO_CACHE", "REPORTLINT_CACHE_DIR")}
# The targets (docs/performance.md).
TARGETS = {"single_ms": 100, "single_ratio": 1.0, "marginal_ms": 4.0, "cached_ms": 40, "peak_mb": 60,
           "speedup": 1.7, "growth": 4.5}


# -- the drafts --------------------------------------------------------------------


def report_texts() -> list[str]:
    """The reports variants are made from: the project's fixtures, and the real
    reports of ../shared/corpus where it exists."""
    paths = sorted((ROOT / "fixtures").glob("*.txt"))
    if SHARED_CORPUS.is_dir():
        paths += sorted(SHARED_CORPUS.glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def variants(count: int, seed: int = 2016) -> list[str]:
    """``count`` distinct reports: each a base report with its years, figures and
    paragraph order changed, so that no two texts are the same."""
    bases = report_texts()
    chooser = random.Random(seed)
    out = []
    for index in range(count):
        lines = bases[index % len(bases)].split("\n")
        head, body = lines[:2], lines[2:]
        if len(body) > 4:  # swap two body paragraphs, keeping the outline mostly in place
            first, second = chooser.sample(range(len(body)), 2)
            body[first], body[second] = body[second], body[first]
        shift = chooser.randint(-3, 3)
        text = "\n".join(head + body)
        text = re.sub(r"20(1[0-9]|2[0-5])年", lambda m, shift=shift: f"20{int(m.group(1)) + shift:02d}年", text)
        text = re.sub(r"(?<![0-9])([1-9][0-9]{1,3})(?=[件条次篇个人])",
                      lambda m, index=index: str(int(m.group(1)) + index % 7), text)
        out.append(text + f"\n（本稿编号{index}）\n")
    return out


def draft_of_size(megabytes: float) -> str:
    title, *body = SEED.read_text(encoding="utf-8").split("\n")
    block = "\n".join(body) + "\n"
    copies = max(1, round(megabytes * MB / len(block.encode("utf-8"))))
    return title + "\n" + block * copies


# -- measuring ---------------------------------------------------------------------


def wall_time(command: list[str], cwd: Path | None = None, environment: dict | None = None) -> float:
    """Seconds one run of ``command`` took."""
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=cwd, env=environment or ENVIRONMENT)
    return time.perf_counter() - started


def wall_times(command: list[str], repeat: int, cwd: Path | None = None) -> list[float]:
    """Seconds each of ``repeat`` runs of ``command`` took (after one warm-up run)."""
    wall_time(command, cwd)
    return [wall_time(command, cwd) for _ in range(repeat)]


def alternating_times(commands: dict[str, list[str]], repeat: int, cwd: Path) -> dict[str, list[float]]:
    """Seconds of ``repeat`` rounds in which each command runs once, in turn (after
    one warm-up run each): commands measured side by side meet the same load."""
    for command in commands.values():
        wall_time(command, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(wall_time(command, cwd))
    return times


def timed_runs(command: list[str], repeat: int) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds) of each of ``repeat`` runs of ``command``
    (after one warm-up run): on a shared machine the CPU time varies less."""
    subprocess.run(command, capture_output=True, env=ENVIRONMENT)
    runs = []
    for _ in range(repeat):
        before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        subprocess.run(command, capture_output=True, env=ENVIRONMENT)
        after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - started
        runs.append((wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
    return runs


def peak_memory_mb(command: list[str]) -> float:
    """Peak resident memory of one run of ``command``."""
    subprocess.run(command, capture_output=True, env=ENVIRONMENT)  # bytecode written
    return one_run(command)["peak_mb"]


def one_run(command: list[str], stdin: str | None = None) -> dict:
    """Exit status, wall time and peak resident memory of one run of ``command``
    (a child of a fresh helper process, so that earlier children do not count)."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "stdin = open(sys.argv[1], 'rb') if sys.argv[1] else None\n"
        "started = time.perf_counter()\n"
        "status = subprocess.run(sys.argv[2:], capture_output=True, stdin=stdin).returncode\n"
        "print(json.dumps({'status': status, 'seconds': round(time.perf_counter() - started, 2),\n"
        "                  'peak_mb': round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}))"
    )
    result = subprocess.run([sys.executable, "-c", probe, stdin or "", *command], capture_output=True, text=True,
                            check=True, env=ENVIRONMENT)
    return json.loads(result.stdout)


def peers(work: Path, folder: Path | None) -> dict[str, list[str]]:
    """The peer linters' command lines for one file in ``work`` (the file name is
    appended); textlint gets a dictionary rule (prh) configured in ``work``."""
    found = {}
    modules = (folder or Path.cwd()) / "node_modules"

    def which(name: str) -> str | None:
        if (modules / ".bin" / name).exists():
            return str(modules / ".bin" / name)
        return None if folder else shutil.which(name)

    if which("autocorrect"):
        found["AutoCorrect (CLI)"] = [which("autocorrect"), "--lint"]
    proselint = str((folder / "venv" / "bin" if folder else Path(sys.executable).parent) / "proselint")
    if Path(proselint).exists():
        found["proselint"] = [proselint, "check"]
    if which("zhlint"):
        found["zhlint"] = [which("zhlint")]
    if which("textlint") and (modules / "textlint-rule-prh").is_dir():
        (work / "prh.yml").write_text(
            "version: 1\nrules:\n  - expected: 两学一做\n    pattern: 一学两做\n  - expected: 人士\n    pattern: 人事\n",
            encoding="utf-8",
        )
        (work / ".textlintrc.json").write_text('{"rules": {"prh": {"rulePaths": ["prh.yml"]}}}', encoding="utf-8")
        found["textlint (prh)"] = [which("textlint"), "--rules-base-directory", str(modules)]
    return found


# -- sections ----------------------------------------------------------------------


def single(arguments, work: Path) -> dict:
    draft = work / "draft.txt"  # peers such as zhlint want a relative path
    shutil.copy(SEED, draft)
    commands = {"reportlint": [REPORTLINT, "--no-cache", "draft.txt"]}
    commands |= {name: [*command, "draft.txt"] for name, command in peers(work, arguments.peers).items()}
    times = alternating_times(commands, arguments.repeat, work)
    figures = {"file_kb": round(draft.stat().st_size / KB, 1)}
    figures |= {f"{name}_ms": round(statistics.median(runs) * 1000, 1) for name, runs in times.items()}
    if "AutoCorrect (CLI)" in times:
        ratios = [ours / theirs for ours, theirs in zip(times["reportlint"], times["AutoCorrect (CLI)"])]
        figures["ratio_to_autocorrect"] = round(statistics.median(ratios), 2)
    return figures


def cached(arguments, work: Path) -> dict:
    """The replayed run (the same command line again), and a run of a command
    line not seen before whose draft's results are cached: a new TERM value,
    which is part of a replay's key (reportlint/replay.py) but not of the
    results'."""
    draft = work / "draft.txt"
    shutil.copy(SEED, draft)
    replayed = wall_times([REPORTLINT, "draft.txt"], arguments.repeat, work)
    results_cached = [wall_time([REPORTLINT, "draft.txt"], work, {**ENVIRONMENT, "TERM": f"bench-{round_}"})
                      for round_ in range(arguments.repeat)]
    return {"reportlint_ms": round(statistics.median(replayed) * 1000, 1),
            "results_cached_ms": round(statistics.median(results_cached) * 1000, 1)}


def marginal(arguments, work: Path) -> dict:
    from reportlint.linter import Linter
    from reportlint.rules import load_rules
    from reportlint.source import from_text

    texts = variants(arguments.files)
    linter = Linter(load_rules())
    for text in texts[:20]:  # warm up: lazily built parts, the grammar
        linter.lint(from_text(text))
    size = sum(len(text.encode("utf-8")) for text in texts)
    started = time.perf_counter()
    for text in texts:
        linter.lint(from_text(text))
    elapsed = time.perf_counter() - started
    figures = {
        "documents": len(texts),
        "average_kb": round(size / len(texts) / KB, 1),
        "per_document_ms": round(elapsed / len(texts) * 1000, 2),
        "per_12kb_ms": round(elapsed / size * 12 * KB * 1000, 2),
    }
    python = arguments.peers / "venv" / "bin" / "python" if arguments.peers else Path(sys.executable)
    corpus = work / "variants.json"
    corpus.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    timing = (
        "import json, sys, time\n"
        "import autocorrect_py\n"
        "texts = json.loads(open(sys.argv[1], encoding='utf-8').read())\n"
        "started = time.perf_counter()\n"
        "for text in texts:\n"
        "    autocorrect_py.lint_for(text, 'draft.txt')\n"
        "print(time.perf_counter() - started)"
    )
    peer = subprocess.run([str(python), "-c", timing, str(corpus)], capture_output=True, text=True)
    if peer.returncode == 0:  # else AutoCorrect's Python binding is not installed
        figures["autocorrect_py_per_12kb_ms"] = round(float(peer.stdout) / size * 12 * KB * 1000, 2)
    return figures


def memory(arguments, work: Path) -> dict:
    return {"peak_mb": round(peak_memory_mb([REPORTLINT, "--no-cache", str(SEED)]), 1)}


def jobs(arguments, work: Path) -> dict:
    folder = work / "corpus"
    folder.mkdir()
    for index, text in enumerate(variants(arguments.files)):
        (folder / f"report-{index:04d}.txt").write_text(text, encoding="utf-8")
    figures = {"files": arguments.files}
    for count in (1, 2):
        times = wall_times([REPORTLINT, "--no-cache", "--exit-zero", "-j", str(count), str(folder)], 3)
        figures[f"j{count}_s"] = round(statistics.median(times), 2)
    figures["speedup"] = round(figures["j1_s"] / figures["j2_s"], 2)
    return figures


def sizes(arguments, work: Path) -> dict:
    figures = {}
    for size in arguments.sizes:
        path = work / f"draft-{size:g}mb.txt"
        path.write_text(draft_of_size(size), encoding="utf-8")
        figures[f"{size:g}mb"] = measured(path) | {"mb": round(path.stat().st_size / MB, 1)}
    return figures


HOSTILE_PAGES = {
    "html: 1 MB of '</'": "</" * 500_000,
    "html: 1 MB of unclosed '<!--'": "<!--x>" * 170_000,
    "html: 20k <span> and 20k <td>": "<span>" * 20_000 + "<td>" * 20_000,
    "html: 1 MB of elements": "<p>x</p>" * 125_000,
}
_BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + index)}: &{chr(98 + index)} [{', '.join(['*' + chr(97 + index)] * 9)}]" for index in range(8)]
    + ["select: *i"]
) + "\n"


def hostile(arguments, work: Path) -> dict:
    cases: dict[str, tuple[list[str], str | None]] = {}
    for name, page in HOSTILE_PAGES.items():
        path = work / f"page-{len(cases)}.html"
        path.write_text(page, encoding="utf-8")
        cases[name] = ([str(path)], None)
    bomb = work / "bomb.docx"
    bomb.write_bytes(_docx_bomb(40))
    cases[f"docx: {bomb.stat().st_size // KB} KB unpacking to 40 MB"] = ([str(bomb)], None)
    laughs = work / "laughs.yaml"
    laughs.write_text(_BILLION_LAUGHS, encoding="utf-8")
    cases[f"yaml: {len(_BILLION_LAUGHS)}-byte alias bomb as configuration"] = (["--config", str(laughs), str(SEED)], None)
    pack = work / "pack" / "office"
    pack.mkdir(parents=True)
    (pack / "padded.yaml").write_text(
        "kind: existence\nseverity: error\nmessage: '{match:>100000000}'\ndescription: x\npatterns: [xx]\n"
        "examples: {good: [a], bad: [xx]}\n", encoding="utf-8")
    cases["rule message {match:>100000000}"] = (["--rules", str(pack.parent), str(SEED)], None)
    oversized = work / "oversized.txt"
    with open(oversized, "wb") as handle:
        handle.truncate(33 * MB)
    cases["33 MB file"] = ([str(oversized)], None)
    cases["/dev/zero on standard input"] = (["-"], "/dev/zero")
    return {name: one_run([REPORTLINT, "--no-cache", *command], stdin) for name, (command, stdin) in cases.items()}


def _docx_bomb(megabytes: int) -> bytes:
    """A minimal .docx whose document.xml unpacks to ``megabytes``."""
    import io
    import zipfile

    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph = "<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>".encode()
    body = paragraph * (megabytes * MB // len(paragraph))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{main}"><w:body>'.encode() + body
                         + b"</w:body></w:document>")
    return buffer.getvalue()


def pdf(arguments, work: Path) -> dict:
    figures = measured(SIX_PAGE_PDF) | {"file_kb": round(SIX_PAGE_PDF.stat().st_size / KB)}
    figures["pages"] = int(re.search(r"共 (\d+) 页", figures.pop("overview")).group(1))
    walls, cpus = zip(*timed_runs([REPORTLINT, "--no-cache", str(SIX_PAGE_PDF)], arguments.repeat))
    figures["reportlint_ms"] = round(statistics.median(walls) * 1000)
    figures["reportlint_cpu_ms"] = round(statistics.median(cpus) * 1000)
    figures["load_average"] = round(os.getloadavg()[0], 1)
    return figures


def measured(path: Path) -> dict:
    """`measure` of a file, in a fresh process."""
    child = subprocess.run([sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True, check=True)
    return json.loads(child.stdout)


def own_peak_kb() -> int:
    """Peak resident memory of this program. Linux keeps ``ru_maxrss`` across exec, so a
    child of this bench would also count the bench's own memory at the fork; the
    high-water mark of /proc (VmHWM) is the new program's alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(path: str) -> dict:
    """Lint one file in this (fresh) process: reading, then parsing and checking."""
    from reportlint.linter import Linter
    from reportlint.readers import read_source
    from reportlint.rules import load_rules
    from reportlint.source import Overview

    rules = load_rules()
    started, started_cpu = time.perf_counter(), time.process_time()
    source = read_source(path)
    read, read_cpu = time.perf_counter(), time.process_time()
    result = Linter(rules).lint(source)
    linted = time.perf_counter()
    return {
        "characters": len(source.text),
        "read_s": round(read - started, 3),
        "read_cpu_s": round(read_cpu - started_cpu, 3),
        "lint_s": round(linted - read, 3),
        "diagnostics": len(result.diagnostics),
        "peak_mb": round(own_peak_kb() / 1024, 1),
        "overview": " ".join(source.origin.overview()) if isinstance(source.origin, Overview) else "",
    }


# -- the table ---------------------------------------------------------------------


def _verdict(figure: float, target: float, unit: str, at_least: bool = False) -> str:
    met = figure >= target if at_least else figure <= target
    return f"{'≥' if at_least else '≤'} {target:g}{unit} ({'met' if met else 'not met'})"


def table(results: dict) -> str:
    rows = ["| measure | reportlint | target | peers, same run |", "|---|---|---|---|"]
    if "single" in results:
        single = results["single"]
        peer_times = {key[:-3]: value for key, value in single.items() if key.endswith("_ms") and key != "reportlint_ms"}
        peer_text = ", ".join(f"{name} {value:.0f} ms" for name, value in peer_times.items()) or "none installed"
        rows.append(f"| cold run on one {single['file_kb']} KB report (`--no-cache`), wall time, median "
                    f"| {single['reportlint_ms']:.0f} ms | {_verdict(single['reportlint_ms'], TARGETS['single_ms'], ' ms')} "
                    f"| {peer_text} |")
        if "ratio_to_autocorrect" in single:
            ratio = single["ratio_to_autocorrect"]
            rows.append(f"| the same, to AutoCorrect's CLI (median of the rounds' ratios) | {ratio:.2f}× "
                        f"| {_verdict(ratio, TARGETS['single_ratio'], '×')} | AutoCorrect (CLI) 1.00× |")
    if "cached" in results:
        figure = results["cached"]["reportlint_ms"]
        rows.append(f"| the same report again, nothing changed (the run replayed), wall time, median | {figure:.0f} ms "
                    f"| {_verdict(figure, TARGETS['cached_ms'], ' ms')} | |")
        if "results_cached_ms" in results["cached"]:
            rows.append(f"| the same report, its results cached, by a command line not run before, wall time, median "
                        f"| {results['cached']['results_cached_ms']:.0f} ms | | |")
    if "marginal" in results:
        marginal = results["marginal"]
        peer = marginal.get("autocorrect_py_per_12kb_ms")
        rows.append(f"| one more 12 KB report, in one process ({marginal['documents']} variants, "
                    f"{marginal['average_kb']} KB on average) | {marginal['per_12kb_ms']:.2f} ms "
                    f"| {_verdict(marginal['per_12kb_ms'], TARGETS['marginal_ms'], ' ms')} "
                    f"| {f'AutoCorrect (Python) {peer:.2f} ms' if peer is not None else 'none installed'} |")
    if "memory" in results:
        figure = results["memory"]["peak_mb"]
        rows.append(f"| peak memory, one report | {figure:.0f} MB | {_verdict(figure, TARGETS['peak_mb'], ' MB')} | |")
    if "jobs" in results:
        jobs = results["jobs"]
        rows.append(f"| {jobs['files']} files, -j 1 / -j 2 | {jobs['j1_s']:.2f} s / {jobs['j2_s']:.2f} s "
                    f"({jobs['speedup']:.2f}×) | {_verdict(jobs['speedup'], TARGETS['speedup'], '×', at_least=True)} | |")
    if "sizes" in results:
        sizes = results["sizes"]
        for figures in sizes.values():
            rows.append(f"| {figures['mb']} MB draft: read / parse and check / peak memory | {figures['read_s']:.2f} s / "
                        f"{figures['lint_s']:.2f} s / {figures['peak_mb']:.0f} MB | | |")
        if "4mb" in sizes and "16mb" in sizes:
            ratio = sizes["16mb"]["lint_s"] / sizes["4mb"]["lint_s"]
            rows.append(f"| 16 MB time / 4 MB time | {ratio:.2f}× | {_verdict(ratio, TARGETS['growth'], '×')} | |")
    for name, run in results.get("hostile", {}).items():
        rows.append(f"| hostile: {name}: exit status / time / peak memory | {run['status']} / {run['seconds']:.2f} s / "
                    f"{run['peak_mb']:.0f} MB | 2 or a report, ≤ 30 s | |")
    if "pdf" in results:
        pdf = results["pdf"]
        rows.append(f"| {pdf['pages']}-page PDF report ({pdf['file_kb']} KB): read (CPU) / parse and check / peak memory "
                    f"| {pdf['read_s']:.2f} s ({pdf['read_cpu_s']:.2f} s) / {pdf['lint_s']:.2f} s / {pdf['peak_mb']:.0f} MB "
                    f"| read < 1 s | |")
        rows.append(f"| {pdf['pages']}-page PDF report, `reportlint --no-cache REPORT.pdf` wall time (CPU), median "
                    f"| {pdf['reportlint_ms']} ms ({pdf['reportlint_cpu_ms']} ms; load average {pdf['load_average']}) | | |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peers", type=Path, help="folder of the peers: venv/ (pip) and node_modules/ (npm)")
    parser.add_argument("--files", type=int, default=1000, help="report variants for marginal and jobs")
    parser.add_argument("--repeat", type=int, default=15, help="runs per wall-time measurement")
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], help="draft sizes in MB")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections to run, comma-separated")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"), help="where to write the figures")
    parser.add_argument("--measure", metavar="FILE", help=argparse.SUPPRESS)  # the child process of `sizes`
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure(arguments.measure)))
        return
    chosen = [name for name in arguments.only.split(",") if name]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                 "platform": platform.platform(), "load_before": os.getloadavg()}}
    with tempfile.TemporaryDirectory() as directory:
        # reportlint's caches start empty, in a folder of the bench's own.
        ENVIRONMENT["REPORTLINT_CACHE_DIR"] = os.environ["REPORTLINT_CACHE_DIR"] = str(Path(directory) / "cache")
        os.environ.pop("REPORTLINT_NO_CACHE", None)
        for name in chosen:
            work = Path(directory) / name
            work.mkdir()
            results[name] = globals()[name](arguments, work)
            print(f"{name}: {json.dumps(results[name], ensure_ascii=False)}", file=sys.stderr)
    results["machine"]["load_after"] = os.getloadavg()
    print(table(results))
    print(f"load average (1, 5, 15 min) before: {results['machine']['load_before']}, "
          f"after: {results['machine']['load_after']}")
    write_figures(Path(arguments.json), results, complete=set(chosen) == set(SECTIONS))


def write_figures(path: Path, results: dict, *, complete: bool) -> None:
    """Write the figures; a partial run (--only) replaces its own sections and keeps the others'.

    The sections of a partial run carry their own machine reading, since the file's top-level
    one describes the run that measured the rest.
    """
    if not complete and path.exists():
        figures = json.loads(path.read_text(encoding="utf-8"))
        for name, section in results.items():
            if name != "machine":
                figures[name] = {**section, "machine": results["machine"]}
        results = figures
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
