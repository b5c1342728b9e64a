"""Tokenizer rules for meeting-paper text, applied to any English spaCy pipeline.

Choices, each kept close to how UD English EWT (the training treebank) splits text,
so the tagger and parser see the tokens they were trained on:

- ``£4.2m`` -> ``£ 4.2 m``; ``£1.5bn`` -> ``£ 1.5 bn``; ``£500k`` -> ``£ 500 k``:
  the multiplier is its own token so rules can read it as million, billion, thousand.
  A sentence-final ``£4.2m.`` ends with ``m .``, not the initial-style ``m.``.
- ``£13.4 million``, ``2024/25``, ``2019–20``, ``S151``, ``Q3``, ``A&E``, ``3.2.1``
  stay whole; ``A&E.`` at the end of a sentence loses its full stop.
- ``(BCF)`` -> ``( BCF )`` (spaCy's default).
- Bullet glyphs (• ▪ ◦ ‣ ● ■ and the Symbol-font bullets PDFs carry) split off
  the word they touch; en and em dashes are their own tokens between words.
- ``co-production`` -> ``co - production``: spaCy's default, and EWT's.
- ``Cllr.``, ``Cllrs.``, ``Revd.`` and ``Mx.`` stay whole, as spaCy keeps ``Dr.``.
- A run of ``=``, ``_``, ``*``, ``+`` or ``#`` (a rule line, a signature blank), of
  ``!`` and ``?``, of ``$``, ``<`` or ``>`` is one token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.symbols import ORTH

# U+F0B7 and U+F0A7 are Word's Symbol/Wingdings bullets as PDF text extraction gives them.
BULLET_GLYPHS = ("•", "▪", "◦", "‣", "●", "■", "□", "○", "➢", "➤", "\uf0b7", "\uf0a7")

# A rule line ("=====", "_____" for a signature) or emphatic punctuation ("!!!", "?!")
# is one token, not one per character; EWT tokenizes such runs the same way.
_CHARACTER_RUN = r"(?:={2,}|_{2,}|\*{2,}|\+{2,}|#{2,}|[!?]{2,}|\${2,}|<{2,}|>{2,})"

_PREFIXES = [_CHARACTER_RUN, *(re.escape(glyph) for glyph in BULLET_GLYPHS)]
_SUFFIXES = [
    _CHARACTER_RUN,
    # Money multipliers after a figure: "£1.5bn", "£500k" ("m" is already a spaCy unit).
    r"(?<=[0-9])(?:bn|Bn|BN|k)",
    # Full stop after an ampersand abbreviation at a sentence end: "A&E.", "R&D.".
    r"(?<=[A-Z]&[A-Z])\.",
]
_INFIXES = [
    # A slash between a letter and a figure: "Q3/Q4" already splits, "Q3/4" should too.
    r"(?<=[A-Za-z][0-9])/(?=[0-9])",
]
# Single-letter "m." and "k." would glue a money multiplier to the sentence's full stop.
_SPECIAL_CASES_TO_DROP = ("m.", "k.")
# Titles of council papers that spaCy's English rules do not keep whole (it has "Dr.",
# "Mr.", "Prof."): split, "Cllr. Smith" reads as a sentence "Cllr." and another.
_TITLES_WITH_STOPS = ("Cllr.", "Cllrs.", "Revd.", "Mx.")


def customise_tokenizer(nlp: Language) -> None:
    """Adjust ``nlp``'s tokenizer in place for meeting papers; safe to call twice."""
    tokenizer = nlp.tokenizer
    # Each assignment makes spaCy rebuild its special cases (a tenth of a second
    # at start-up), so a tokenizer that already has the rules, as the shipped
    # pipeline's saved one does, is left alone.
    for attribute, pieces, shape, method in (
        ("prefix_search", _PREFIXES, "^{}", "search"),
        ("suffix_search", _SUFFIXES, "{}$", "search"),
        ("infix_finditer", _INFIXES, "{}", "finditer"),
    ):
        current = getattr(tokenizer, attribute)
        extended = _extend(current, pieces, shape)
        if extended.pattern != _pattern_text(current):
            setattr(tokenizer, attribute, getattr(extended, method))
    rules = tokenizer.rules or {}
    if any(key in rules for key in _SPECIAL_CASES_TO_DROP):
        tokenizer.rules = {
            key: value for key, value in rules.items() if key not in _SPECIAL_CASES_TO_DROP
        }
    for title in _TITLES_WITH_STOPS:
        if title not in (tokenizer.rules or {}):
            tokenizer.add_special_case(title, [{ORTH: title}])


def _extend(
    bound_method: Callable[..., object] | None, pieces: Iterable[str], shape: str
) -> re.Pattern[str]:
    """Return the tokenizer's compiled pattern with our pieces placed first.

    spaCy keeps only compiled regexes on a loaded tokenizer, so we extend the
    pattern text itself; that keeps whatever rules a user's pipeline already has.
    """
    ours = "|".join(shape.format(piece) for piece in pieces)
    existing = _pattern_text(bound_method)
    if existing.startswith(ours):
        return re.compile(existing)
    return re.compile(f"{ours}|{existing}" if existing else ours)


def _pattern_text(bound_method: Callable[..., object] | None) -> str:
    pattern = getattr(bound_method, "__self__", None)
    return pattern.pattern if isinstance(pattern, re.Pattern) else ""
