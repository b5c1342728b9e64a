"""PS902: text in a PDF that comes out as character codes, not words."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.rules.base import Rule, register
from plainspeak.rules.ps901_no_text_layer import notice_findings


@register
class UnreadableText(Rule):
    """Flags PDF text that comes out as character codes such as ``(cid:71)``.

    What it flags:
        Pages whose fonts do not say which letters their shapes are, so the
        text reads as codes rather than words.

    Why it matters:
        Screen readers, search and copy-and-paste meet the same codes, so the
        page is closed to anyone who cannot read it by eye.

    Example:
        A PDF made by printing to a file with fonts that lack a ToUnicode map.

    Prefer:
        Export the PDF again from the original document with fonts embedded
        as text (for example "Save as PDF" in Word).
    """

    code = "PS902"
    name = "unreadable-text"
    severity = Severity.ERROR

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from notice_findings(analysis, type(self))
