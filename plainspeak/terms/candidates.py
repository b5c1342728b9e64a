"""Possible jargon that no glossary knows: rare words, repeated noun compounds, quoted terms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainspeak.terms.definitions import defined_terms
from plainspeak.terms.normalise import text_key
from plainspeak.terms.policy import accepted
from plainspeak.terms.uses import is_prose

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis


def unknown_terms(analysis: "Analysis", min_phrase_uses: int) -> list[tuple[int, int, str]]:
    """First uses (start, end, text) of rare words and repeated phrases worth explaining."""
    covered = _covered(analysis)
    defined = defined_terms(analysis)
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int, str]] = {}
    quoted: set[str] = set()
    for index, (block, doc) in enumerate(analysis.blocks()):
        marked = [(s, e, t, None) for s, e, t in doc._.plainspeak_quoted or []]
        for start, end, text, _zipf, *family in (doc._.plainspeak_rare or []) + marked:
            key = text_key(family[0] if family else text)
            counts[key] = counts.get(key, 0) + 1
            if _zipf is None:
                quoted.add(key)  # the writer marked it as a term: once is enough
            at = (block.start + start, block.start + end)
            if key in first or not is_prose(block) or covered & set(range(*at)):
                continue
            first[key] = (at[0], at[1], text)
    found = []
    for key, (start, end, text) in first.items():
        if " " in text and counts[key] < min_phrase_uses and key not in quoted:
            continue
        if accepted(analysis, [text]) or defined.find([text]):
            continue
        found.append((start, end, text))
    return sorted(found)


def _covered(analysis: "Analysis") -> set[int]:
    """Characters already inside a glossary term or a plain-alternative phrase."""
    def compute() -> set[int]:
        chars: set[int] = set()
        for block, doc in analysis.blocks():
            for item in (doc._.plainspeak_terms or []) + (doc._.plainspeak_alternatives or []):
                chars.update(range(block.start + item[0], block.start + item[1]))
        return chars

    return analysis.memo("covered-chars", compute)
