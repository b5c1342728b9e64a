"""JUnit XML: one test suite per paper, one test case per rule, for CI test tabs.

A rule's case fails when the paper has findings from it at or above the fail
level; findings below it are listed in the case's ``system-out`` and the case
passes. A paper that could not be read is one errored case. No times are
written: a report of the same papers is the same bytes.
"""

from __future__ import annotations

import re
from typing import Sequence
from xml.etree import ElementTree as ET

from plainspeak.config import settings_for
from plainspeak.engine import enabled_rules
from plainspeak.findings import Finding, Severity
from plainspeak.reporters.notes import RunNotes
from plainspeak.reporters.text import finding_line
from plainspeak.result import PaperResult
from plainspeak.safe_text import printable
from plainspeak.settings import Settings

MEDIA_TYPE = "application/xml"
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def paper_suite(result: PaperResult, settings: Settings) -> ET.Element:
    # A name is shown as the text report shows it: XML cannot hold most control
    # characters, and an attribute's newline would be read back as a space.
    name = printable(result.path)
    suite = ET.Element("testsuite", name=name)
    if result.error is not None:
        case = ET.SubElement(suite, "testcase", classname=name, name="read the paper")
        error = ET.SubElement(case, "error", type=result.error.kind.code, message=xml_safe(result.error.line()))
        error.text = xml_safe(result.error.line())
        _count(suite, tests=1, failures=0, errors=1)
        return suite
    paper_settings = settings_for(settings, result.path)
    codes = {rule.code: rule.name for rule in enabled_rules(paper_settings)}
    codes.update((f.code, f.name) for f in result.findings)
    failures = 0
    for code in sorted(codes):
        found = [f for f in result.findings if f.code == code]
        failures += _rule_case(suite, result.path, f"{code} {codes[code]}", found, paper_settings.fail_on)
    _count(suite, tests=len(codes), failures=failures, errors=0)
    return suite


def _rule_case(suite: ET.Element, path: str, name: str, found: list[Finding], fail_on: Severity | None) -> int:
    case = ET.SubElement(suite, "testcase", classname=printable(path), name=name)
    failing = [f for f in found if fail_on is not None and f.severity >= fail_on]
    if failing:
        plural = "s" if len(failing) != 1 else ""
        failure = ET.SubElement(case, "failure", type=name.split()[0],
                                message=f"{len(failing)} finding{plural} at or above {fail_on.value}")
        failure.text = xml_safe("\n".join(finding_line(path, f) for f in failing))
    rest = [f for f in found if fail_on is None or not f.severity >= fail_on]
    if rest:
        ET.SubElement(case, "system-out").text = xml_safe("\n".join(finding_line(path, f) for f in rest))
    return 1 if failing else 0


def _count(element: ET.Element, *, tests: int, failures: int, errors: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))


def render(results: Sequence[PaperResult], settings: Settings | None = None,
           run: RunNotes | None = None) -> str:
    settings = settings or Settings()
    root = ET.Element("testsuites", name="plainspeak")
    suites = [paper_suite(result, settings) for result in results]
    root.extend(suites)
    _count(root, tests=sum(int(s.get("tests")) for s in suites),
           failures=sum(int(s.get("failures")) for s in suites),
           errors=sum(int(s.get("errors")) for s in suites))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
