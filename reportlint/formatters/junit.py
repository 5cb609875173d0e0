"""`--format junit`: JUnit XML for CI systems that show test reports: one test
suite per file and one test case per diagnostic. A diagnostic at or above its
file's `fail-on` level is a failing case; one below it is a passing case with
the diagnostic in its system-out, so the report fails exactly when the exit
status does. A clean file has one passing case.

A case is named by its rule and the text it points at ("wording.placeholder
“xx”"), not by its line, so CI systems that follow a test across builds keep
following it when lines are inserted above."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..diagnostic import Diagnostic, bounded
from ..errors import visible
from ..linter import FileResult
from ..rules import Rule

# The longest quote of a span in a test name, in characters.
_QUOTE_LENGTH = 24


def render(results: list[FileResult], *, color: bool = False, rules: Sequence[Rule] = ()) -> str:
    suites = ET.Element("testsuites", name="reportlint")
    total = failures = 0
    for result in results:
        failing = sum(result.fails(d) for d in result.diagnostics)
        cases = max(len(result.diagnostics), 1)
        suite = ET.SubElement(suites, "testsuite", name=result.path, tests=str(cases), failures=str(failing))
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", classname=result.path, name="reportlint")
        for d, name in zip(result.diagnostics, _case_names(result)):
            case = ET.SubElement(suite, "testcase", classname=result.path, name=name)
            line = f"{d.path}:{d.line}:{d.column}: {d.severity.value} [{d.rule}] {d.located_message}"
            if result.fails(d):
                ET.SubElement(case, "failure", message=d.located_message, type=d.severity.value).text = line
            else:
                ET.SubElement(case, "system-out").text = line
        total += cases
        failures += failing
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ET.indent(suites)
    # XML 1.0 cannot hold most control characters (Word's soft break \x0b quoted
    # from a draft): they are written as their control pictures.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + visible(ET.tostring(suites, encoding="unicode")) + "\n"


def _case_names(result: FileResult) -> list[str]:
    """Each diagnostic's test name, unique within its file: the rule and the
    quoted span (the message for a finding about the whole file). Where names
    repeat, the fingerprint (which covers the text around the span) tells the
    cases apart, and for findings alike in that too, their order."""
    names = [_name(result, d) for d in result.diagnostics]
    repeated = Counter(names)
    names = [f"{name} [{d.fingerprint[:8]}]" if repeated[name] > 1 else name for name, d in zip(names, result.diagnostics)]
    repeated, seen = Counter(names), Counter()
    unique = []
    for name in names:
        seen[name] += 1
        unique.append(f"{name} #{seen[name]}" if repeated[name] > 1 else name)
    return unique


def _name(result: FileResult, d: Diagnostic) -> str:
    source = result.source
    spanned = source.text[source.offset_in_text(d.line, d.column):source.offset_in_text(d.end_line, d.end_column)]
    spanned = " ".join(spanned.split())
    return f"{d.rule} “{bounded(spanned, _QUOTE_LENGTH)}”" if spanned else f"{d.rule}: {d.message}"
