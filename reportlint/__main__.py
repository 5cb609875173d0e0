"""The `reportlint` command: a run whose every input is unchanged is replayed
(reportlint/replay.py) before the command line and the linter are imported."""

import os
import sys


def main() -> None:
    from .errors import replace_what_cannot_be_encoded
    from .replay import replay

    replace_what_cannot_be_encoded(sys.stdout, sys.stderr)
    try:
        os.getcwd()
    except OSError:  # every relative path, and the search for configuration, start here
        sys.stderr.write("reportlint: 错误：当前工作目录已被删除或无法访问，请进入一个存在的目录后再运行\n")
        sys.exit(2)
    try:
        replay(sys.argv[1:])  # exits when the run is replayed
    except KeyboardInterrupt:
        from .guard import interrupted

        interrupted()
    from .cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
