"""``plainspeak_definitions``: the explanations a block gives of its own words.

It finds, in reading order, "Long Form (LF)" and "LF (Long Form)" pairs,
"LF, or LF-short," and "also called the ICB", "X means ...", "X refers to /
is defined as / stands for ...", "by X we mean ...", "X is a / are the ..."
at the start of a sentence, "X – a ..." after a dash, and glosses in brackets
("the precept (the part of council tax that ...)"). Results are plain dicts
on ``doc._.plainspeak_definitions``: ``term``, ``definition``, ``kind`` and
the block offsets ``start``/``end`` of the term. The paper-level view, with
glossary sections and footnotes, is :mod:`plainspeak.terms.definitions`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from plainspeak.glossary.model import GlossarySet
from plainspeak.nlp.abbreviations import find_pairs
from plainspeak.nlp.doc_text import doc_text
from plainspeak.settings import Settings
from plainspeak.terms import cues

NAME = "plainspeak_definitions"

if not Doc.has_extension("plainspeak_definitions"):
    Doc.set_extension("plainspeak_definitions", default=None)


def block_definitions(text: str) -> list[dict]:
    """Every definition ``text`` gives, as plain dicts sorted by the term's offset."""
    found: list[dict] = []
    for pair in find_pairs(text):
        found.append(_entry(pair.short, pair.long, "acronym", pair.short_start, pair.short_end))
    for finder in cues.FINDERS:
        for term, definition, kind, start in finder(text):
            found.append(_entry(term, definition, kind, start, start + len(term)))
    unique: dict[tuple, dict] = {}
    for item in found:  # the first finder to see a term wins: letter-matched pairs come first
        unique.setdefault((item["start"], item["term"], item["kind"]), item)
    return sorted(unique.values(), key=lambda d: (d["start"], d["kind"]))


def _entry(term: str, definition: str, kind: str, start: int, end: int) -> dict:
    return {"term": term, "definition": definition.strip(), "kind": kind, "start": start, "end": end}


class DefinitionFinder:
    """Annotates each Doc with the definitions its text gives."""

    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.plainspeak_definitions = block_definitions(doc_text(doc))
        return doc


@Language.factory(NAME, assigns=["doc._.plainspeak_definitions"])
def make_definition_finder(nlp: Language, name: str) -> DefinitionFinder:
    return DefinitionFinder(nlp, name)


def add_to(nlp: Language, settings: Settings, glossaries: GlossarySet) -> None:
    """Add the finder; it reads only text, so its place in the pipeline is free."""
    nlp.add_pipe(NAME, last=True)
