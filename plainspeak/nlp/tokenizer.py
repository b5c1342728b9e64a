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
- A word after a prefix that does not stand alone stays whole, as EWT keeps it:
  ``co-production``, ``e-mail``, ``non-recurrent``, ``pre-2020``; other hyphens split
  as spaCy splits them (``self - funders``, ``long - term``, ``2019 - 20``).
- A telephone number (``0113 222-3344`` ends ``222-3344``, ``1-800-555-0199``) and a
  date written ``01-Feb-25`` stay whole; a range of figures (``2019-20``) splits.
- ``and/or`` splits as ``and / or``; a full stop run into ``?`` or ``!`` (``.?``)
  is one token; ``10AM`` splits as ``10 AM``, as ``10am`` already does.
- Days of the week abbreviated with a stop (``Wed.``, ``Thurs.``) stay whole, and so
  does a year cut to ``'68``.
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

_PREFIXES = [
    _CHARACTER_RUN,
    *(re.escape(glyph) for glyph in BULLET_GLYPHS),
    # A year cut to two figures keeps its apostrophe: "'68".
    r"'[0-9]{2}(?![0-9A-Za-z])",
]
_SUFFIXES = [
    _CHARACTER_RUN,
    # A full stop run into a question or exclamation mark: "Really.?"
    r"(?<!\.)\.[!?]+",
    # A time before an upper-case AM or PM ("10AM"); spaCy splits only "10am".
    r"(?<=[0-9])(?:AM|PM)",
    # Money multipliers after a figure: "£1.5bn", "£500k" ("m" is already a spaCy unit).
    r"(?<=[0-9])(?:bn|Bn|BN|k)",
    # Full stop after an ampersand abbreviation at a sentence end: "A&E.", "R&D.".
    r"(?<=[A-Z]&[A-Z])\.",
]
_INFIXES = [
    # A slash between a letter and a figure: "Q3/Q4" already splits, "Q3/4" should too.
    r"(?<=[A-Za-z][0-9])/(?=[0-9])",
]
# Prefixes that do not stand alone as words: EWT keeps "co-workers", "non-human" whole.
_BOUND_PREFIX = (r"(?i:anti|co|counter|cross|e|ex|extra|inter|intra|macro|micro|mid|mini|mis|multi|neo|non"
                 r"|over|post|pre|pro|psycho|re|semi|socio|sub|super|trans|ultra|un)-")
_BOUND_PREFIX_START = re.compile(_BOUND_PREFIX + "(?=[A-Za-z0-9])")
# Whole tokens, checked before any prefix, suffix or infix is split off:
_WHOLE_TOKENS = [
    # A hyphen after a prefix that does not stand alone as a word.
    _BOUND_PREFIX + "[A-Za-z0-9]+",
    # Telephone numbers and US ZIP+4 codes: 555-0199, 212-555-0199, 1-800-555-0199.
    r"(?:1-)?(?:[0-9]{3}-)?[0-9]{3}-[0-9]{4}",
    r"[0-9]{5}-[0-9]{4}",
    # A date written day-month-year: 01-Feb-25, 1-feb-2025.
    r"[0-9]{1,2}-(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)-(?:[0-9]{2}|[0-9]{4})",
]
# Single-letter "m." and "k." would glue a money multiplier to the sentence's full stop.
# EWT splits "and/or" into three tokens, so the model was trained on that.
_SPECIAL_CASES_TO_DROP = ("m.", "k.", "and/or")
# Titles of council papers that spaCy's English rules do not keep whole (it has "Dr.",
# "Mr.", "Prof."): split, "Cllr. Smith" reads as a sentence "Cllr." and another.
_TITLES_WITH_STOPS = ("Cllr.", "Cllrs.", "Revd.", "Mx.")
# Days of the week: split, "Wed." even reads as "We" and "d.".
_DAYS_WITH_STOPS = ("Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.")


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
        ("token_match", _WHOLE_TOKENS, "(?:{})$", "match"),
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
    for title in (*_TITLES_WITH_STOPS, *_DAYS_WITH_STOPS):
        if title not in (tokenizer.rules or {}):
            tokenizer.add_special_case(title, [{ORTH: title}])


def bound_prefix_length(text: str) -> int:
    """The length of a kept prefix and its hyphen ("Non-" of "Non-NHS"), or 0."""
    match = _BOUND_PREFIX_START.match(text)
    return match.end() if match else 0


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
