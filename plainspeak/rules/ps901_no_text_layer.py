"""PS901: a PDF page with no text layer."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Location, Severity
from plainspeak.rules.base import Rule, register


@register
class NoTextLayer(Rule):
    """Flags PDF pages that are pictures of text, with nothing plainspeak can read.

    What it flags:
        A page of a PDF that has no text layer: a scan, or text turned into
        shapes. plainspeak cannot check what it cannot read.

    Why it matters:
        A page no checker can read is a page no screen reader can read either,
        so some readers cannot use it at all.

    Example:
        A signed letter scanned and added as the last pages of a report.

    Prefer:
        Publish the paper from the document it was written in, or run OCR on
        the scan and check the result.
    """

    code = "PS901"
    name = "no-text-layer"
    severity = Severity.ERROR

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from notice_findings(analysis, type(self))


def notice_findings(analysis: Analysis, rule: type[Rule]) -> Iterable[Finding]:
    """Turn the loader's notices with this rule's code into findings."""
    for notice in analysis.paper.notices:
        if notice.code != rule.code:
            continue
        yield Finding(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,  # a configured severity is applied by the engine
            message=notice.message,
            start=0,
            end=0,
            text="",
            location=Location(paragraph=notice.paragraph, page=notice.page, line=notice.line),
            context=f"page {notice.page}",
        )
