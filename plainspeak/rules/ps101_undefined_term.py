"""PS101: a glossary term the paper never explains."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.glossary.model import Term
from plainspeak.rules.base import Rule, register
from plainspeak.terms.definitions import defined_terms
from plainspeak.terms.policy import accepted, severity_by_category, terms_by_key
from plainspeak.terms.uses import Use, first_running, glossary_uses


@register
class UndefinedTerm(Rule):
    """Flags the first use of a glossary term that the paper does not explain.

    What it flags:
        A word or phrase from the glossaries in force (precept, virement,
        outturn) used in running text when the paper gives no explanation of
        it anywhere. Only the first use is flagged, and the suggestion is the
        glossary's plain definition. Words that are also everyday words
        (``common_word`` entries) are flagged only in a longer technical form;
        for a ``common_word`` acronym, only the acronym is flagged (PS102).

    Why it matters:
        A reader without a finance or health background cannot join a
        decision about money they cannot follow.

    Example:
        The virement was agreed by the board.

    Prefer:
        The board agreed a virement (moving money from one budget to another).
    """

    code = "PS101"
    name = "undefined-term"
    severity = Severity.SUGGESTION
    options = {
        "severity_by_category": {"budget": "warning", "legal": "warning", "health": "warning",
                                 "social care": "warning"},
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        defined = defined_terms(analysis)
        table = self.option(analysis, "severity_by_category")
        by_key = terms_by_key(analysis)

        def text_of(use: Use) -> str:
            return analysis.paper.text[use.start:use.end]

        # An everyday word ("system", "tariff") is only clearly jargon in a longer
        # technical form, so its first use is the first such form, wherever the
        # bare word came before. For an acronym, the words it stands for are the
        # everyday form ("learning disability"), so none of its uses count here.
        uses = [use for use in glossary_uses(analysis, acronym_forms=False)
                if not (by_key.get(use.key) and _everyday(by_key[use.key][0], text_of(use)))]
        for key, use in first_running(uses).items():
            entries = by_key.get(key, [])
            if not entries:
                continue
            entry = entries[0]
            text = text_of(use)
            forms = [form for e in entries for form in e.forms()] + [text]
            if accepted(analysis, forms) or defined.find(forms):
                continue
            yield analysis.finding(
                type(self), use.start, use.end,
                f"'{text}' is not explained in the paper; say what it means at its first use.",
                term=entry.term, suggestion=entry.definition,
                severity=severity_by_category(table, entry.category, self.severity),
            )


def _everyday(entry: Term, text: str) -> bool:
    """A use of a ``common_word`` entry that is the everyday word alone."""
    return entry.common_word and (entry.is_acronym or " " not in text.strip() and "-" not in text)
