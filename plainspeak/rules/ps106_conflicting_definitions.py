"""PS106: one acronym or term explained two different ways in the same paper."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.rules.base import Rule, register
from plainspeak.terms.definitions import EXPLICIT_KINDS, paper_definitions
from plainspeak.terms.normalise import text_key


@register
class ConflictingDefinitions(Rule):
    """Flags a term the paper explains twice with different meanings.

    What it flags:
        An acronym spelled out two different ways (CCG as "clinical
        commissioning group" and later as "care coordination group"), or a
        term given two different explanations ("X means ..."). The second
        explanation is flagged. Loose "X is a ..." sentences are not compared.

    Why it matters:
        A reader who learnt one meaning is misled by the other, or cannot
        tell which one applies.

    Example:
        The Place Board (PB) met. ... The Project Budget (PB) is £2m.

    Prefer:
        Give each idea its own short form, or spell both out in full.
    """

    code = "PS106"
    name = "conflicting-definitions"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        first: dict[str, tuple[str, str]] = {}
        for definition in paper_definitions(analysis):
            if definition.kind not in EXPLICIT_KINDS:
                continue
            key, meaning = text_key(definition.term), text_key(definition.definition)
            if key not in first:
                first[key] = (meaning, definition.definition)
                continue
            earlier, earlier_text = first[key]
            if meaning in earlier or earlier in meaning:
                continue
            yield analysis.finding(
                type(self), definition.start, definition.end,
                f"'{definition.term}' is explained here as '{definition.definition}' "
                f"but earlier as '{earlier_text}'.",
                term=definition.term,
            )
