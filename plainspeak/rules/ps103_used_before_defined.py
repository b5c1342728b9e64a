"""PS103: a term used before the paper explains it."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Location, Severity
from plainspeak.rules.base import Rule, register
from plainspeak.terms.order import judged_definitions, occurrences


@register
class UsedBeforeDefined(Rule):
    """Flags the first use of a term that comes before the paper explains it.

    What it flags:
        A term or acronym that the paper does explain, but only after using
        it: "The LCH plan ..." on page 1 and "Leeds Community Healthcare
        (LCH)" on page 3. Uses in headings do not count. Explanations in a
        glossary section or a footnote are reference material and are not
        judged on order.

    Why it matters:
        A reader meets the word, does not understand it, and may stop before
        reaching the explanation.

    Example:
        The ICB will decide. ... The Integrated Care Board (ICB) meets monthly.

    Prefer:
        Explain the term where it is first used: The Integrated Care Board
        (ICB) will decide.
    """

    code = "PS103"
    name = "used-before-defined"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for definition in judged_definitions(analysis):
            first = next(iter(occurrences(analysis, definition.term)), None)
            if first is None or first[0] >= definition.start:
                continue
            if analysis.paper.block_index_at(first[0]) == analysis.paper.block_index_at(definition.start):
                continue  # explained within the same paragraph: the reader has it at hand
            first, end = first
            text = analysis.paper.text[first:end]
            where = Location(**definition.location).spoken()
            yield analysis.finding(
                type(self), first, end,
                f"'{text}' is used here but only explained later ({where}).",
                term=definition.term, suggestion=f"{definition.term}: {definition.definition}",
            )
