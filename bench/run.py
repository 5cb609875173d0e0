"""Benchmarks: how time and memory grow with the size of a draft.

    .venv/bin/python bench/run.py [--sizes 1 4 16]

builds drafts of about 1, 4 and 16 MB (UTF-8) from the seed report — its title
once, then its body repeated — and lints each with the built-in rules in a fresh
process, which reports the seconds spent reading and decoding the file, then
parsing it and running the rules, and its peak resident memory (the Python
interpreter with reportlint and its rules loaded takes about 30 MB). Sizes are MB of the file; the table printed is the
one the README quotes. A bench, not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed-chuxiong-sci-tech-2016.txt"
MB = 1024 * 1024


def draft_of_size(megabytes: float) -> str:
    title, *body = SEED.read_text(encoding="utf-8").split("\n")
    block = "\n".join(body) + "\n"
    copies = max(1, round(megabytes * MB / len(block.encode("utf-8"))))
    return title + "\n" + block * copies


def measure(path: str) -> dict:
    """Lint one file in this process; what a fresh process spends on it."""
    from reportlint.linter import Linter
    from reportlint.rules import load_rules
    from reportlint.source import read_source

    rules = load_rules()
    started = time.perf_counter()
    source = read_source(path)
    read = time.perf_counter()
    result = Linter(rules).lint(source)
    linted = time.perf_counter()
    return {
        "characters": len(source.text),
        "read": read - started,
        "lint": linted - read,
        "diagnostics": len(result.diagnostics),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], help="draft sizes in MB")
    parser.add_argument("--measure", metavar="FILE", help=argparse.SUPPRESS)  # the child process
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure(arguments.measure)))
        return
    print("| size | characters | read and decode | parse and check | diagnostics | peak memory |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as directory:
        for size in arguments.sizes:
            path = Path(directory) / f"draft-{size:g}mb.txt"
            path.write_text(draft_of_size(size), encoding="utf-8")
            child = subprocess.run(
                [sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True, check=True
            )
            figures = json.loads(child.stdout)
            print(
                f"| {path.stat().st_size / MB:.1f} MB | {figures['characters']:,} | {figures['read']:.2f} s "
                f"| {figures['lint']:.2f} s | {figures['diagnostics']:,} "
                f"| {figures['peak_rss_mb']:.0f} MB |"
            )


if __name__ == "__main__":
    main()
