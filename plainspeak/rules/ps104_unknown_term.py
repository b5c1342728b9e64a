"""PS104: a rare word or technical phrase no glossary knows and the paper does not explain."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.rules.base import Rule, register
from plainspeak.terms.candidates import unknown_terms


@register
class UnknownTerm(Rule):
    """Flags rare words and technical phrases that may need explaining.

    What it flags:
        A word that is rare in everyday English (outturn, virement,
        cohorting), or a noun phrase built round a less common noun that the
        paper uses more than once (surge modelling), when no glossary holds it
        and the paper does not explain it. Names of people, places and
        organisations, headings and the local names register are left alone.
        These are candidates for the group to define, so the rule is a
        suggestion and stays quiet when unsure.

    Why it matters:
        Words the writer uses every day at work can be new to every citizen
        at the table.

    Example:
        Services will use cohorting to manage demand.

    Prefer:
        Services will group patients with the same infection together
        (cohorting) to manage demand.
    """

    code = "PS104"
    name = "unknown-term"
    severity = Severity.SUGGESTION
    options = {"min_phrase_uses": 2}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for start, end, text in unknown_terms(analysis, self.option(analysis, "min_phrase_uses")):
            yield analysis.finding(
                type(self), start, end,
                f"'{text}' may be unfamiliar to readers; explain it, or add it to the group's glossary.",
                term=text,
            )
