"""Uses of a defined term that come before its definition, or far after it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from plainspeak.result import Definition
from plainspeak.terms.definitions import EXPLICIT_KINDS, REFERENCE_KINDS, paper_definitions
from plainspeak.terms.normalise import looks_like_acronym, text_key
from plainspeak.terms.policy import terms_by_key
from plainspeak.terms.uses import is_running_text

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis


def judged_definitions(analysis: "Analysis") -> list[Definition]:
    """The first in-text definition of each term worth judging on order.

    Glossary sections and footnotes are reference material and are not judged;
    a loose "X is a ..." counts only for acronyms and glossary terms.
    """
    glossary_keys = analysis.memo("glossary-text-keys", lambda: {
        text_key(form) for terms in terms_by_key(analysis).values() for t in terms for form in t.forms()})
    first: dict[str, Definition] = {}
    for definition in paper_definitions(analysis):
        key = text_key(definition.term)
        if not key or definition.kind in REFERENCE_KINDS or key in first:
            continue
        strong = definition.kind in EXPLICIT_KINDS
        if strong or looks_like_acronym(definition.term) or key in glossary_keys:
            first[key] = definition
    return list(first.values())


def occurrences(analysis: "Analysis", term: str) -> Iterator[tuple[int, int]]:
    """Paper offsets of ``term`` in running text (acronyms by case, words by any case)."""
    acronym = looks_like_acronym(term)
    core = term[:-1] if acronym and term.endswith("s") else term
    pattern = re.compile(r"(?<![\w&])" + re.escape(core) + r"s?(?![\w&])", 0 if acronym else re.I)
    for block in analysis.paper.blocks:
        if is_running_text(block):
            for match in pattern.finditer(block.text):
                yield block.start + match.start(), block.start + match.end()
