"""The "Words used in this paper" list every writer can add at the end.

Groups that co-produce with citizens often add a jargon buster to a paper: a
short table of the special words it uses and what they mean. This module
works out that list once: every glossary term found in the paper's text,
every term the paper explains itself, and every flagged term the glossary
can explain, each with its plain meaning, sorted as a reader looks them up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, TypeVar

from plainspeak.glossary.model import GlossarySet, Term
from plainspeak.paper import BlockKind, Paper
from plainspeak.result import PaperResult
from plainspeak.writers.notes import glossary_meaning, kind_of, name_in_paper, stands_for

T = TypeVar("T")

TITLE = "Words used in this paper"
INTRO = "These words appear in this paper. Each one is explained in plain English."


@dataclass(frozen=True, slots=True)
class WordEntry:
    """One line of the list: the word as the paper writes it and what it means."""

    term: str
    meaning: str
    source: str  # "glossary", "this paper", or "both" (the paper spells an acronym out, the glossary explains it)
    # Every form that names the same glossary entry ("BCF", "Better Care Fund"):
    # one entry in the list for them all, and each is explained in the text.
    forms: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """The entry's word and its other forms, each once."""
        return tuple(dict.fromkeys((self.term, *self.forms)))

    @property
    def slug(self) -> str:
        return slug(self.term)


def slug(text: str) -> str:
    """An id-safe form of a term: lower-case letters, digits and hyphens only."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return cleaned or "word"


def words_used(paper: Paper, result: PaperResult, glossaries: GlossarySet | None) -> list[WordEntry]:
    """The list, one entry per term (one per glossary entry, whatever forms the paper uses), sorted case-insensitively."""
    entries: dict[str, WordEntry] = {}
    listed: set[int] = set()  # the glossary entries listed already, by id

    def keep(entry: WordEntry, term: Term | None = None) -> None:
        if term is None:
            _keep(entries, entry)
        elif id(term) not in listed and _keep(entries, replace(entry, forms=term.forms())):
            listed.add(id(term))

    for definition in result.definitions:
        if definition.definition:
            meaning, source = definition.definition, "this paper"
            known = glossaries.lookup(definition.term)[:1] if glossaries is not None else []
            if known and _spelled_out(definition.term, definition.definition):
                # "CQC: Care Quality Commission" names the body but says nothing of what it does.
                meaning = stands_for(definition.term, definition.definition, known[0].definition)
                source = "both"
            keep(WordEntry(definition.term, meaning, source), known[0] if known else None)
    if glossaries is not None:
        # Everyday words with a special meaning ("place", "members") are listed
        # only when a rule flagged them: the paper may use them in their everyday sense.
        special = [t for t in glossaries.active_terms() if not t.common_word]
        for term, start, end in glossary_uses(_without_headings(paper), special):
            written = paper.text[start:end]
            keep(WordEntry(name_in_paper(term, written), glossary_meaning(term, written), "glossary"), term)
        for finding in result.findings:
            if kind_of(finding) == "term" and finding.term:
                for term in glossaries.lookup(finding.term)[:1]:
                    keep(WordEntry(name_in_paper(term, finding.text), glossary_meaning(term, finding.text),
                                   "glossary"), term)
    return sorted(entries.values(), key=lambda e: (e.term.casefold(), e.term))


def _spelled_out(term: str, definition: str) -> bool:
    """Whether the paper only says what an acronym stands for (in brackets, or in a table of abbreviations)."""
    return _is_acronym(term) and len(definition.split()) <= SPELLED_OUT_WORDS


# The longest name an acronym's letters spell out in the shipped glossaries is
# seven words; a longer explanation says what the thing is, and stands alone.
SPELLED_OUT_WORDS = 8


def uses_by_section(paper: Paper, entries: Iterable[WordEntry]) -> list[tuple[WordEntry, int, int]]:
    """Each entry's first use under each heading, as (entry, start, end); headings are not uses.

    A reader who opens the paper at its fifth section finds a word explained
    there too, not only where the paper first used it. Matched as
    :func:`glossary_uses` matches: acronyms with their case, words without,
    a plural allowed.
    """
    seen: set[tuple[str, str]] = set()
    uses: list[tuple[WordEntry, int, int]] = []
    for entry, start, end in _matches(_without_headings(paper), ((e, e.names()) for e in entries)):
        block = paper.block_at(start)
        key = (entry.term, block.section) if block is not None else None
        if key is not None and key not in seen:
            seen.add(key)
            uses.append((entry, start, end))
    return uses


def _matches(text: str, named: Iterable[tuple[T, tuple[str, ...]]]) -> Iterator[tuple[T, int, int]]:
    """Every use in ``text`` of any form of each item, in order, as (item, start, end).

    Acronyms match with their case, words without, and a plural ``s``/``es``
    is allowed; longer forms win, and a form two items share is the first's.
    """
    by_form: dict[str, T] = {}
    for item, forms in named:
        for form in forms:
            by_form.setdefault(form if _is_acronym(form) else form.casefold(), item)
    if not by_form:
        return
    for match in _pattern(tuple(by_form)).finditer(text):
        written = match.group("form")
        item = by_form.get(written if _is_acronym(written) else written.casefold()) or by_form.get(written.casefold())
        if item is not None:
            yield item, match.start(), match.end()


def _without_headings(paper: Paper) -> str:
    """The paper's text with headings blanked (offsets kept): a word's first use is in prose."""
    text = list(paper.text)
    for block in paper.blocks:
        if block.kind is BlockKind.HEADING:
            text[block.start : block.end] = " " * (block.end - block.start)
    return "".join(text)


def _keep(entries: dict[str, WordEntry], entry: WordEntry) -> bool:
    """Whether ``entry`` is listed: the paper's own explanation wins over the glossary's; otherwise the first use wins."""
    key = entry.term.casefold()
    if key in entries:
        return False
    entries[key] = entry
    return True


def glossary_uses(text: str, terms: Iterable[Term]) -> list[tuple[Term, int, int]]:
    """Each glossary term the text uses, once, with the offsets of its first use.

    Acronyms match with their case, words without, and a plural ``s``/``es``
    is allowed; longer forms win, so "adult social care precept" is not also
    counted as "precept".
    """
    found: dict[int, tuple[Term, int, int]] = {}
    for term, start, end in _matches(text, ((t, t.forms()) for t in terms)):
        found.setdefault(id(term), (term, start, end))
    return sorted(found.values(), key=lambda item: item[1])


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(forms, key=len, reverse=True)
    words = "|".join(re.escape(f) for f in ordered if not _is_acronym(f))
    acronyms = "|".join(re.escape(f) for f in ordered if _is_acronym(f))
    parts = []
    if words:
        parts.append(f"(?i:{words})")
    if acronyms:
        parts.append(f"(?:{acronyms})")
    body = "|".join(parts)
    return re.compile(rf"(?<![\w-])(?P<form>{body})(?:e?s)?(?![\w-])")
