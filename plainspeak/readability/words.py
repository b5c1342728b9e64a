"""Words, syllables and reading grade for one sentence.

A *word* is what a reader counts: a run of tokens with no space between them
that holds a letter or digit, so ``£4.2m``, ``co-production`` and ``(BCF)``
are one word each and bullet glyphs are none. A paragraph number or list
marker that opens a sentence ("3.2", "(a)", "iv)") is not a word of the
sentence.

The grade is the Flesch-Kincaid grade, the formula textstat uses
(``0.39 * words per sentence + 11.8 * syllables per word - 15.59``), over
syllables counted as textstat's ``syllable_count`` counts them (CMU
dictionary, then pyphen; see :mod:`plainspeak.readability.syllables`), once
per distinct word: textstat's whole-text functions re-split the text on every
call, which is slow per sentence. A UK reading age
is the US grade plus five.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plainspeak.readability.syllables import syllable_count

UK_READING_AGE_OFFSET = 5
# Past a graduate's reading age one sentence's figure means nothing more to a
# reader ("reading age 34" is an artefact of length), so it is shown as "over 21".
READING_AGE_SHOWN_UP_TO = 21
_MARKER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,4}\)|[a-z]\.|[ivx]{1,4}\.)$")
_LETTERS = re.compile(r"[A-Za-z]+")
# A run of non-spaces holding a letter or digit (the look-behind keeps it to whole runs).
_WORD = re.compile(r"(?<!\S)\S*?[^\W_]\S*")
# Web and email addresses are not read as words; counted as one short word each.
_ADDRESS = re.compile(r"https?://|www\.|@\w|\w\.(?:uk|com|org|net|gov|nhs)\b|\w/\w+/", re.IGNORECASE)


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The counted words of ``text[start:end]`` as offsets, a list marker at the start left out.

    A word is a run without spaces holding a letter or digit: the same runs
    as tokens joined where no space parts them, found by one regular
    expression rather than a walk over tokens.
    """
    words = [(a + start, b + start) for a, b in (m.span() for m in _WORD.finditer(text[start:end]))]
    if len(words) > 1 and _MARKER.match(text[words[0][0] : words[0][1]]):
        words.pop(0)
    return words


@lru_cache(maxsize=65536)
def syllables_in(word: str) -> int:
    """Syllables in one word as textstat counts them; a figure or web address counts as one."""
    pieces = _LETTERS.findall(word)
    if not pieces or _ADDRESS.search(word):
        return 1
    return sum(max(1, syllable_count(piece.lower())) for piece in pieces)


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
