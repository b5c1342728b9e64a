"""The paper's own definitions, gathered across blocks in reading order.

:func:`paper_definitions` is what ``PaperResult.definitions`` holds and what
the PS1xx rules consult (through :class:`DefinedTerms`) before flagging a
term: a term the paper explains is never reported as undefined.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Iterable

from plainspeak.paper import BlockKind
from plainspeak.result import Definition
from plainspeak.terms.cues import this_means
from plainspeak.terms.normalise import text_key
from plainspeak.terms.sections import footnote_entries, section_entries

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis

# Kinds a reader can look up wherever they are: they are not judged on order.
REFERENCE_KINDS = frozenset({"glossary-section", "footnote"})
# Kinds that say plainly "this is what the word means" (not "X is a ...").
EXPLICIT_KINDS = frozenset(
    {"acronym", "means", "bracket-gloss", "dash-gloss", "called", "is-called"}
) | REFERENCE_KINDS


def paper_definitions(analysis: "Analysis") -> list[Definition]:
    """Every definition the paper gives, sorted by where its term is."""
    return analysis.memo("definitions", lambda: _collect(analysis))


def _collect(analysis: "Analysis") -> list[Definition]:
    found: list[Definition] = []
    notes = (BlockKind.FOOTNOTE, BlockKind.ENDNOTE)
    for block, doc in analysis.blocks():
        for item in doc._.plainspeak_definitions or []:
            kind = "footnote" if block.kind in notes else item["kind"]
            found.append(_definition(analysis, item["term"], item["definition"], kind,
                                     block.start + item["start"]))
    found += _carried_over(analysis)
    for term, meaning, start in section_entries(analysis.paper):
        found.append(_definition(analysis, term, meaning, "glossary-section", start))
    for term, meaning, start in footnote_entries(analysis.paper):
        found.append(_definition(analysis, term, meaning, "footnote", start))
    unique = {(d.start, d.term, d.kind): d for d in found}
    return sorted(unique.values(), key=lambda d: (d.start, d.kind))


def _carried_over(analysis: "Analysis") -> list[Definition]:
    """ "... signed up to Pharmacy First." then a new paragraph "This means ..."."""
    found = []
    blocks = analysis.paper.blocks
    for previous, block in zip(blocks, blocks[1:]):
        if not block.text.startswith(("This means", "That means")):
            continue
        joined = previous.text.rstrip() + " " + block.text
        for term, meaning, _kind, start in this_means(joined):
            if start < len(previous.text):
                found.append(_definition(analysis, term, meaning, "means", previous.start + start))
    return found


def _definition(analysis: "Analysis", term: str, meaning: str, kind: str, start: int) -> Definition:
    location = {k: v for k, v in asdict(analysis.location(start)).items() if v not in (None, "")}
    return Definition(term=term, definition=meaning, kind=kind, start=start,
                      end=start + len(term), location=location)


class DefinedTerms:
    """Look up whether, and where, the paper explains a term in any of its forms."""

    def __init__(self, definitions: Iterable[Definition]) -> None:
        self.by_key: dict[str, list[Definition]] = {}
        for definition in definitions:
            for key in _keys(definition):
                self.by_key.setdefault(key, []).append(definition)

    def find(self, forms: Iterable[str]) -> list[Definition]:
        """Definitions of any of ``forms``, earliest first (a longer defined phrase counts)."""
        wanted = {text_key(form) for form in forms if form}
        found = {id(d): d for key in wanted if key for d in self.by_key.get(key, [])}
        for key, definitions in self.by_key.items():
            if any(_covers(key, w) for w in wanted if w):
                found.update({id(d): d for d in definitions})
        return sorted(found.values(), key=lambda d: d.start)


def _covers(defined: str, wanted: str) -> bool:
    """Whether defining ``defined`` also explains ``wanted``.

    A longer defined phrase covers its head ("adult social care precept" covers
    "precept"); a defined acronym covers a phrase built on it ("IFRS" covers
    "IFRS 16") and an acronym inside a defined one ("WY" in "WY ICB").
    """
    if defined.endswith(" " + wanted):
        return True
    if defined.startswith("=") and (wanted.startswith(defined + " ") or wanted.endswith(" " + defined)):
        return True
    return wanted.startswith("=") and " " not in wanted and wanted in defined.split()


def _keys(definition: Definition) -> set[str]:
    keys = {text_key(definition.term)}
    if definition.kind in ("acronym", "called"):
        # Spelling out an acronym explains both: "Integrated Care Board (ICB)". Not
        # "is-called": "Money kept for adult social care is called a reserve" explains
        # "reserve" by a description, and the terms inside it stay unexplained.
        keys.add(text_key(definition.definition))
    return {k for k in keys if k}


def defined_terms(analysis: "Analysis") -> DefinedTerms:
    """The paper's definitions, indexed once per paper."""
    return analysis.memo("defined-terms", lambda: DefinedTerms(paper_definitions(analysis)))
