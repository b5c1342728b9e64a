"""PS904: a PDF page of scattered characters left out."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.rules.base import Rule, register
from plainspeak.rules.ps901_no_text_layer import notice_findings


@register
class ScatteredText(Rule):
    """Flags PDF pages whose text is thousands of scattered characters, left out unread.

    What it flags:
        A page of a PDF whose text layer is mostly single characters placed
        one by one, in no order a reader could follow: a map, a chart or a
        drawing whose labels became loose letters, or a file made to flood a
        checker. plainspeak leaves the page out rather than check junk.

    Why it matters:
        A screen reader reads such a page as a stream of loose letters, so
        a reader who cannot see it gets nothing from it.

    Example:
        A site plan exported to PDF with every label letter placed on its own.

    Prefer:
        Give the drawing a text summary in the paper, and export the PDF again
        from the original document so that real text stays text.
    """

    code = "PS904"
    name = "scattered-text"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from notice_findings(analysis, type(self))
