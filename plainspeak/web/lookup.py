"""Look a word up for the web page, with the same matching as ``plainspeak explain``.

The exact form is tried first, then the same letters in any case (both by
:func:`plainspeak.glossary.explain.find_entries`), and only then close
spellings, which the page shows under "Did you mean", never as the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plainspeak.glossary.explain import agreement_line, find_entries, suggestions
from plainspeak.glossary.model import GlossarySet, Term

MAX_QUERY = 120


@dataclass(frozen=True, slots=True)
class EntryView:
    """One entry, as the page shows it."""

    term: str
    expansion: str
    definition: str
    say_instead: str
    explanation: str
    example: str
    scope: str
    category: str
    status: str
    agreement: str


@dataclass(slots=True)
class LookupResult:
    query: str
    found: list[EntryView] = field(default_factory=list)
    close: list[EntryView] = field(default_factory=list)


def entry_view(term: Term) -> EntryView:
    def tidy(value: str) -> str:
        return " ".join(value.split())

    return EntryView(term.term, tidy(term.expansion), tidy(term.definition), tidy(term.say_instead),
                     tidy(term.explanation), tidy(term.example), tidy(term.scope), term.category,
                     term.status.value, agreement_line(term))


def clean_query(text: str | None) -> str:
    return " ".join((text or "").split())[:MAX_QUERY]


def look_up(glossaries: GlossarySet, text: str) -> LookupResult:
    """What the glossaries say about ``text``, or the entries spelt most like it."""
    query = clean_query(text)
    result = LookupResult(query)
    if not query:
        return result
    result.found = _unique(find_entries(glossaries, query))
    if not result.found:
        for form in suggestions(glossaries, query):
            result.close.extend(_unique(find_entries(glossaries, form)))
        result.close = _dedupe(result.close)
    return result


def browse(glossaries: GlossarySet, text: str = "", category: str = "") -> list[EntryView]:
    """Entries in force, alphabetically; ``text`` narrows to forms or definitions containing it."""
    needle = clean_query(text).casefold()
    chosen = []
    for term in glossaries.active_terms():
        if category and term.category != category:
            continue
        haystack = " ".join((*term.forms(), term.definition)).casefold()
        if needle and needle not in haystack:
            continue
        chosen.append(term)
    chosen.sort(key=lambda t: (t.term.casefold(), t.scope))
    return _unique(chosen)


def _unique(terms: list[Term]) -> list[EntryView]:
    return _dedupe([entry_view(t) for t in terms])


def _dedupe(views: list[EntryView]) -> list[EntryView]:
    return list(dict.fromkeys(views))
