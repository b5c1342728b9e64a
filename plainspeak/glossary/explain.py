"""Answer "what does this word mean?" from the glossaries, in plain words.

Matching is forgiving in one careful step at a time: the exact form first
(capital-only acronyms by their capitals), then the same letters in any case,
and only then close spellings, which are offered as "did you mean", never
answered as if they were the word asked about.
"""

from __future__ import annotations

import datetime as _dt
import difflib

from plainspeak.glossary.model import GlossarySet, Status, Term

CLOSE_ENOUGH = 0.8
MAX_SUGGESTIONS = 3


def find_entries(glossaries: GlossarySet, text: str) -> list[Term]:
    """Entries for ``text``: the user's own glossaries first (they were layered last)."""
    text = " ".join(text.split())
    found = glossaries.lookup(text)
    if not found:
        folded = text.casefold()
        found = [t for t in glossaries.active_terms() if any(f.casefold() == folded for f in t.forms())]
    return list(reversed(found))


def suggestions(glossaries: GlossarySet, text: str) -> list[str]:
    """Up to three known forms spelt like ``text``, closest first."""
    forms: dict[str, str] = {}
    for term in glossaries.active_terms():
        for form in term.forms():
            forms.setdefault(form.casefold(), form)
    close = difflib.get_close_matches(" ".join(text.split()).casefold(), list(forms),
                                      n=MAX_SUGGESTIONS, cutoff=CLOSE_ENOUGH)
    return [forms[c] for c in close]


def explain_lines(term: Term) -> list[str]:
    """The answer for one entry, a line per thing a reader may want to know."""
    heading = f"{term.term} stands for \"{term.expansion}\"." if term.expansion else f"{term.term}"
    lines = [heading, f"What it means: {term.definition}"]
    optional = (("Say instead", term.say_instead), ("More about it", term.explanation),
                ("For example", term.example), ("Where this applies", term.scope))
    lines.extend(f"{label}: {' '.join(value.split())}" for label, value in optional if value)
    lines.append(agreement_line(term))
    return lines


def agreement_line(term: Term) -> str:
    """Who agreed the wording and when, or that nobody has yet."""
    if term.status is Status.AGREED:
        who = _names(term.agreed_by) or "your group"
        when = f" on {_long_date(term.agreed_on)}" if term.agreed_on else ""
        return f"Agreed by {who}{when}."
    if term.status is Status.RETIRED:
        return "Your group no longer uses this definition."
    return "This is a starter definition; your group has not agreed it yet."


def _names(names: tuple[str, ...]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _long_date(iso: str) -> str:
    try:
        day = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def unknown_lines(text: str, close: list[str]) -> list[str]:
    """What to say when no glossary has the word."""
    word = " ".join(text.split())
    if close:
        options = " or ".join(f'"{c}"' for c in close)
        return [f'There is no entry for "{word}". Did you mean {options}?',
                f'If not, you can ask your group to explain it: plainspeak ask "{word}"']
    return [f'There is no entry for "{word}" yet.',
            f'To ask your group to explain it, run: plainspeak ask "{word}"']
