"""`--format junit`: JUnit XML for CI systems that show test reports: one test
suite per file, one failing test case per diagnostic, one passing case for a
clean file. XML 1.0 cannot hold most control characters (Word's soft break
\\x0b, an escape sequence in a draft): they are written as their control pictures."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..errors import visible
from ..linter import FileResult
from ..rules import Rule


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    suites = ET.Element("testsuites", name="reportlint")
    total = failures = 0
    for result in results:
        count = len(result.diagnostics)
        path = visible(result.path)
        suite = ET.SubElement(suites, "testsuite", name=path, tests=str(max(count, 1)), failures=str(count))
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", classname=path, name="reportlint")
        for d in result.diagnostics:
            message = visible(d.located_message)
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{d.rule} {d.line}:{d.column}")
            failure = ET.SubElement(case, "failure", message=message, type=d.severity.value)
            failure.text = f"{path}:{d.line}:{d.column}: {d.severity.value} [{d.rule}] {message}"
        total += max(count, 1)
        failures += count
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
