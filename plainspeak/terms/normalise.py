"""Matching keys for words: case, spelling, plural and hyphen differences folded away.

Two written forms of a term match when their keys are equal. A key is the
lower-cased word with the British spelling chosen (``program`` ->
``programme``, ``organize`` -> ``organise``) and a simple plural removed.
Acronyms keep their case, because ``AGE`` and ``age`` are different words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plainspeak.terms.wordlists import spelling_variants

ACRONYM_MARK = "="
_IZE = re.compile(r"(?<=[a-z]{2})iz(e|es|ed|ing|ation|ations|er|ers)$")
_YZE = re.compile(r"(?<=[a-z]{2})yz(e|es|ed|ing)$")
_PLURAL_ACRONYM = re.compile(r"^([A-Z][A-Z0-9&]*[A-Z0-9])s$")
_KEEP_S = ("ss", "us", "is", "ous", "ics", "sis")


# Both are pure and called for every token of every block: a paper repeats its words.
@lru_cache(maxsize=65536)
def looks_like_acronym(text: str) -> bool:
    """Two or more capitals and no more lower-case letters than capitals: BCF, iBCF, A&E."""
    if len(text) < 2 or not text[0].isalnum():
        return False
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    if text.endswith("s") and _PLURAL_ACRONYM.match(text):
        lower -= 1
    return upper >= 2 and lower < upper and all(c.isalnum() or c in "&-/" for c in text)


def acronym_core(text: str) -> str:
    """The acronym without a plural ``s``: ``ICBs`` -> ``ICB``."""
    match = _PLURAL_ACRONYM.match(text)
    return match.group(1) if match else text


def singular(word: str) -> str:
    """A simple English singular, good enough to match plurals of the same term."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


@lru_cache(maxsize=65536)
def word_key(text: str) -> str:
    """The matching key of one token's text."""
    if looks_like_acronym(text):
        return ACRONYM_MARK + acronym_core(text)
    word = text.lower().replace("’", "'")
    word = singular(word)
    word = spelling_variants().get(word, word)
    word = _IZE.sub(lambda m: "is" + m.group(1), word)
    return _YZE.sub(lambda m: "ys" + m.group(1), word)


def phrase_key(words: list[str]) -> str:
    """The key of a whole phrase: its word keys joined by spaces."""
    return " ".join(word_key(w) for w in words if w)


_WORD = re.compile(r"[A-Za-z0-9&']+")
# The characters that join the parts of a word ("co-production"): the hyphen-minus,
# U+2010, and the non-breaking hyphen U+2011 as PDFs and plain text carry it (the
# DOCX loader already reads Word's non-breaking hyphen element as "-").
HYPHENS = "-\u2010\u2011"
_JOINING_HYPHEN = re.compile(rf"(?<=\w)[{HYPHENS}](?=\w)")


def text_key(text: str) -> str:
    """The key of a phrase given as text: hyphens joined, punctuation dropped."""
    return phrase_key(_WORD.findall(_JOINING_HYPHEN.sub("", text)))
