"""Words, syllables and reading grade for one sentence.

A *word* is what a reader counts: a run of tokens with no space between them
that holds a letter or digit, so ``£4.2m``, ``co-production`` and ``(BCF)``
are one word each and bullet glyphs are none. A paragraph number or list
marker that opens a sentence ("3.2", "(a)", "iv)") is not a word of the
sentence.

The grade is the Flesch-Kincaid grade, the formula textstat uses
(``0.39 * words per sentence + 11.8 * syllables per word - 15.59``), over
syllables counted by textstat's own ``syllable_count`` (CMU dictionary, then
pyphen), one cached call per distinct word: textstat's whole-text functions
re-split the text on every call, which is slow per sentence. A UK reading age
is the US grade plus five.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

UK_READING_AGE_OFFSET = 5
# Past a graduate's reading age one sentence's figure means nothing more to a
# reader ("reading age 34" is an artefact of length), so it is shown as "over 21".
READING_AGE_SHOWN_UP_TO = 21
_MARKER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,4}\)|[a-z]\.|[ivx]{1,4}\.)$")
_LETTERS = re.compile(r"[A-Za-z]+")
# Web and email addresses are not read as words; counted as one short word each.
_ADDRESS = re.compile(r"https?://|www\.|@\w|\w\.(?:uk|com|org|net|gov|nhs)\b|\w/\w+/", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Word:
    """One counted word: character offsets in the doc and its text."""

    start: int
    end: int
    text: str
    first_token: int  # doc index of its first token


def words_of(sent: "Span", doc_text: str) -> list[Word]:
    """The counted words of a sentence, list markers at its start left out.

    ``doc_text`` is ``sent.doc.text``, passed in because spaCy rebuilds it on
    every access.
    """
    words: list[Word] = []
    first = None
    last = sent.end - 1
    for token in sent:
        if first is None:
            first = token
        if token.whitespace_ or token.i == last:
            text = doc_text[first.idx : token.idx + len(token.text)]
            if any(ch.isalnum() for ch in text):
                words.append(Word(first.idx, token.idx + len(token.text), text, first.i))
            first = None
    if len(words) > 1 and _MARKER.match(words[0].text):
        words.pop(0)
    return words


@lru_cache(maxsize=65536)
def syllables_in(word: str) -> int:
    """Syllables in one word as textstat counts them; a figure or web address counts as one."""
    import textstat

    pieces = _LETTERS.findall(word)
    if not pieces or _ADDRESS.search(word):
        return 1
    return sum(max(1, textstat.syllable_count(piece.lower())) for piece in pieces)


def fk_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Kincaid grade from counts (0.0 for empty text, as textstat gives)."""
    if words == 0 or sentences == 0:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def reading_age(grade: float) -> float:
    """UK reading age in years from a US grade."""
    return grade + UK_READING_AGE_OFFSET


def reading_age_text(age: float) -> str:
    """A reading age as a reader is told it: "reading age 16", "reading age over 21"."""
    shown = round(age)
    if shown > READING_AGE_SHOWN_UP_TO:
        return f"reading age over {READING_AGE_SHOWN_UP_TO}"
    return f"reading age {max(shown, UK_READING_AGE_OFFSET)}"
