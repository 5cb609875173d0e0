"""`--format junit`: JUnit XML for CI systems that show test reports: one test
suite per file, one failing test case per diagnostic, one passing case for a
clean file."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..linter import FileResult
from ..rules import Rule


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    suites = ET.Element("testsuites", name="reportlint")
    total = failures = 0
    for result in results:
        count = len(result.diagnostics)
        suite = ET.SubElement(suites, "testsuite", name=result.path, tests=str(max(count, 1)), failures=str(count))
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", classname=result.path, name="reportlint")
        for d in result.diagnostics:
            case = ET.SubElement(suite, "testcase", classname=result.path, name=f"{d.rule} {d.line}:{d.column}")
            failure = ET.SubElement(case, "failure", message=d.located_message, type=d.severity.value)
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.severity.value} [{d.rule}] {d.located_message}"
        total += max(count, 1)
        failures += count
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
