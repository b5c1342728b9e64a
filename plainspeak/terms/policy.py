"""Shared judgements for the term rules: what a group has accepted, what is known."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from plainspeak.findings import Severity
from plainspeak.terms.normalise import text_key
from plainspeak.terms.wordlists import word_set

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis
    from plainspeak.glossary.model import Term


def accepted(analysis: "Analysis", forms: Iterable[str]) -> bool:
    """Whether the settings accept any of ``forms`` (or name it as a name)."""
    def compute() -> frozenset[str]:
        settings = analysis.settings
        return frozenset(text_key(t) for t in {*settings.accepted_terms, *settings.names})

    keys = analysis.memo("accepted-keys", compute)
    return any(text_key(form) in keys for form in forms if form)


def widely_known(analysis: "Analysis", acronym: str) -> bool:
    """Acronyms most readers know (shipped list plus ``settings.widely_known``)."""
    known = word_set("widely_known_acronyms.txt") | set(analysis.settings.widely_known)
    return acronym in known or acronym.upper() in known


def severity_by_category(table: dict[str, str], category: str, default: Severity) -> Severity:
    """The severity a category's table entry names, else ``default``."""
    named = table.get(category)
    return Severity.parse(named) if named else default


def terms_by_key(analysis: "Analysis") -> dict[str, list["Term"]]:
    """Active glossary entries grouped by key (several for an acronym with several meanings)."""
    def compute() -> dict[str, list["Term"]]:
        grouped: dict[str, list["Term"]] = {}
        for term in analysis.glossaries.active_terms():
            grouped.setdefault(term.key, []).append(term)
        return grouped

    return analysis.memo("terms-by-key", compute)


def terms_for_acronym(analysis: "Analysis", acronym: str) -> list["Term"]:
    """Glossary entries written as, or with an alias of, ``acronym``."""
    def compute() -> dict[str, list["Term"]]:
        table: dict[str, list["Term"]] = {}
        for term in analysis.glossaries.active_terms():
            for form in term.forms():
                if form.isupper() or form == term.term and term.is_acronym:
                    table.setdefault(form, []).append(term)
        return table

    return analysis.memo("terms-by-acronym", compute).get(acronym, [])
