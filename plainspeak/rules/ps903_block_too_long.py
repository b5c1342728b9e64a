"""PS903: a block too long to check."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.rules.base import Rule, register
from plainspeak.rules.ps901_no_text_layer import notice_findings


@register
class BlockTooLong(Rule):
    """Flags a paragraph so long that plainspeak leaves it out rather than check it.

    What it flags:
        A single paragraph of more than 200,000 characters: text with no
        paragraph breaks at all, such as a whole report pasted as one line.

    Why it matters:
        Nobody reads a wall of text that size, and plainspeak cannot check it
        in reasonable time, so its jargon and hard passages go unreported.

    Example:
        A text export in which every paragraph break was lost.

    Prefer:
        Put the paragraph breaks back (export the paper again), then check it.
    """

    code = "PS903"
    name = "block-too-long"
    severity = Severity.ERROR

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from notice_findings(analysis, type(self))
