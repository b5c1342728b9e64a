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
- A hyphen between a letter and a figure splits (``F - 102``, ``COVID - 19``), and so
  does a minus sign (``- 5 %``), a hyphen left hanging (``pre - and``) and a double
  hyphen or dash run into a word (``politics -- the``). A range of sums splits as each
  sum does: ``£4.2m–£5m`` -> ``£ 4.2 m – £ 5 m``.
- Brackets, ``;``, ``?`` and ``!`` run into a word split off (``member ( s )``), and
  ``):`` is two tokens, not spaCy's emoticon.
- ``and/or`` splits as ``and / or``; a full stop run into ``?`` or ``!`` (``.?``)
  is one token; ``6:00pm`` and ``10AM`` split as ``6:00 pm`` and ``10 AM``, and a unit
  of two letters or more comes off a figure (``24 hrs``; ``3rd`` and ``1990s`` stay).
- ``approx.``, ``para.``, ``incl.``, ``Ft.`` and a few more abbreviations that stand
  before a figure or a name keep their full stops; ``wanna`` splits as ``wan na``.
- Days of the week abbreviated with a stop (``Wed.``, ``Thurs.``) stay whole, and so
  does a year cut to ``'68``.
- ``Cllr.``, ``Cllrs.``, ``Revd.`` and ``Mx.`` stay whole, as spaCy keeps ``Dr.``.
- A run of ``=``, ``_``, ``*``, ``+``, ``#`` or dashes (a rule line, a signature
  blank), of ``!`` and ``?``, of ``$``, ``<`` or ``>`` is one token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.symbols import NORM, ORTH

# U+F0B7 and U+F0A7 are Word's Symbol/Wingdings bullets as PDF text extraction gives them.
BULLET_GLYPHS = ("•", "▪", "◦", "‣", "●", "■", "□", "○", "➢", "➤", "\uf0b7", "\uf0a7")

# A rule line ("=====", "_____" for a signature) or emphatic punctuation ("!!!", "?!")
# is one token, not one per character; EWT tokenizes such runs the same way.
_CHARACTER_RUN = r"(?:={2,}|_{2,}|\*{2,}|\+{2,}|#{2,}|[!?]{2,}|\${2,}|<{2,}|>{2,}|—{2,}|–{2,})"

_PREFIXES = [
    _CHARACTER_RUN,
    *(re.escape(glyph) for glyph in BULLET_GLYPHS),
    # A year cut to two figures keeps its apostrophe: "'68".
    r"'[0-9]{2}(?![0-9A-Za-z])",
    # A minus sign before a sum or figure ("-£2.3m", "-5%"); a dash run into a word.
    r"-(?=[$£€0-9])",
    r"-+(?=[A-Za-z])",
]
# Pieces of the range rules below: not after the 24th character, and a figure that
# ends in a digit (so the full stop of "£4m-5m." stays apart).
_NEAR_START = r"(?<![\s\S]{24})"
_FIGURE = r"[0-9](?:[0-9.,]*[0-9])?"
_SUFFIXES = [
    _CHARACTER_RUN,
    # A full stop run into a question or exclamation mark: "Really.?"
    r"(?<!\.)\.[!?]+",
    # A time before "am" or "pm" ("6:00pm", "10AM"); spaCy's own rules split only "10am".
    r"(?<=[0-9])(?:[ap]m|AM|PM)",
    # Money multipliers after a figure: "£1.5bn", "£500k" ("m" is already a spaCy unit).
    r"(?<=[0-9])(?:bn|Bn|BN|k)",
    # Full stop after an ampersand abbreviation at a sentence end: "A&E.", "R&D.".
    r"(?<=[A-Z]&[A-Z])\.",
    # A plus sign after a figure or a grade: "20+", "A+".
    r"(?<=[A-Za-z0-9])\+",
    # A hyphen left hanging: "pre- and post-2020".
    r"(?<=[A-Za-z0-9])-+",
    # A range of sums, "£4.2m–£5m" or "£4m-5m": peeled from the end, one piece at a
    # time, so each side splits as a single sum does. Only near the start of what is
    # left ("not after 24 characters"): spaCy searches the whole rest for each piece,
    # and a long chain of ranges would cost time in the square of its length.
    _NEAR_START + r"(?:(?<=[0-9][kmKM][-–—])|(?<=[0-9]bn[-–—]))" + _FIGURE,
    _NEAR_START + r"(?<=[-–—][$£€])" + _FIGURE,
    _NEAR_START + r"(?<=[A-Za-z0-9][-–—])[$£€]",
    r"(?<=[A-Za-z0-9])[–—]",
    # A unit of two letters or more after a figure ("24hrs", "75watt"), but not an
    # ordinal or a decade, nor the tail of a code such as "NCRC4me".
    r"(?:(?<=^[0-9])|(?<=[0-9][0-9])|(?<=[.,][0-9]))(?!(?:st|nd|rd|th|s)$)[a-z]{2,}",
]
_INFIXES = [
    # A slash between a letter and a figure: "Q3/Q4" already splits, "Q3/4" should too.
    r"(?<=[A-Za-z][0-9])/(?=[0-9])",
    # A hyphen between a letter and a figure: "F-102", "COVID-19".
    r"(?<=[A-Za-z])-(?=[0-9])",
    # Brackets and stops run into words: "member(s)", "funding;staffing".
    r"(?<=[A-Za-z0-9])[()\[\];?!](?=[A-Za-z0-9])",
    # A dash or double hyphen between words: "politics--the", "warming—90".
    r"(?<=[A-Za-z0-9\"])(?:—|-{2,})(?=[A-Za-z0-9\"])",
    r"(?<=[A-Za-z])–(?=[A-Za-z0-9])",
    # A name run into its address: 'Ann"<ann@example.org' (see _NOT_IN_URL).
    r'(?<=[A-Za-z0-9])"(?=<)|(?<=[A-Za-z0-9]")<',
    # Nothing, between a figure and the "am" of a range of times: "9am-12pm".
    r"(?<=[0-9])(?=(?:[ap]m|AM|PM)-[0-9])",
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
# spaCy's address pattern takes 'Ann"<ann@example.org' whole, the name as the user part;
# an address never holds a quote or "<", so where either comes first it is not one.
_NOT_IN_URL = r'(?![^"<]*["<])'
# Single-letter "m." and "k." would glue a money multiplier to the sentence's full stop.
# EWT splits "and/or" into three tokens, so the model was trained on that.
_SPECIAL_CASES_TO_DROP = ("m.", "k.", "and/or", "):")
# Titles of council papers that spaCy's English rules do not keep whole (it has "Dr.",
# "Mr.", "Prof."): split, "Cllr. Smith" reads as a sentence "Cllr." and another.
_TITLES_WITH_STOPS = ("Cllr.", "Cllrs.", "Revd.", "Mx.")
# Days of the week: split, "Wed." even reads as "We" and "d.".
_DAYS_WITH_STOPS = ("Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.")
# Abbreviations that stand before a figure or a name and almost never end a sentence;
# split, "Ft. Worth" or "para. 3" would read as a sentence end.
_ABBREVIATIONS_WITH_STOPS = (
    "Ft.", "Lt.", "Sgt.", "Capt.", "Blvd.", "approx.", "Approx.", "incl.", "excl.",
    "para.", "paras.", "Para.", "Paras.", "viz.", "cf.", "Fig.", "Tel.", "tel.",
)
# Special cases to add: the words above kept whole, and run-together forms EWT splits
# (as spaCy already splits "gonna" and "gotta").
_SPECIAL_CASES_TO_ADD = {
    **{word: [{ORTH: word}]
       for word in (*_TITLES_WITH_STOPS, *_DAYS_WITH_STOPS, *_ABBREVIATIONS_WITH_STOPS)},
    "wanna": [{ORTH: "wan", NORM: "want"}, {ORTH: "na", NORM: "to"}],
    "Wanna": [{ORTH: "Wan", NORM: "want"}, {ORTH: "na", NORM: "to"}],
    # "etc." before a comma or bracket stays whole, as EWT keeps it (9 times in 10 in
    # train); before a space it is split, as it most often ends the sentence there.
    "etc.,": [{ORTH: "etc."}, {ORTH: ","}],
    "etc.)": [{ORTH: "etc."}, {ORTH: ")"}],
}
# A contraction spaCy splits ("don't", "cant"), when written in capitals: "DON'T" and
# "CANT" split as EWT splits them ("DO N'T", "CA NT"). Only forms with one apostrophe or
# ending "nt" are copied: "ID" and "ILL" are words or acronyms, not "I'd" and "I'll",
# and a double contraction ("COULDN'T'VE") is too rare to cost load time.
_CONTRACTION = re.compile(r"[a-z]+['’][a-z]+|[a-z]+nt")


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
    url = _pattern_text(tokenizer.url_match)
    if url and _NOT_IN_URL not in url:
        flags = re.match(r"\(\?[a-zA-Z]+\)", url)  # inline flags must stay first
        at = flags.end() if flags else 0
        tokenizer.url_match = re.compile(url[:at] + _NOT_IN_URL + url[at:]).match
    rules = tokenizer.rules or {}
    if any(key in rules for key in _SPECIAL_CASES_TO_DROP):
        tokenizer.rules = {
            key: value for key, value in rules.items() if key not in _SPECIAL_CASES_TO_DROP
        }
    rules = tokenizer.rules or {}
    for word, pieces in {**_SPECIAL_CASES_TO_ADD, **_in_capitals(rules)}.items():
        if word not in rules:
            tokenizer.add_special_case(word, pieces)


def _in_capitals(rules: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The capitals form of each contraction in ``rules`` that splits (see _CONTRACTION)."""
    return {
        word.upper(): [{**piece, ORTH: piece[ORTH].upper()} for piece in pieces]
        for word, pieces in rules.items()
        if len(pieces) > 1 and _CONTRACTION.fullmatch(word)
    }


# spaCy strips a word's leading and trailing punctuation one piece at a time,
# searching the whole of what is left each time, so its time grows with the
# square of a run's length: 8,000 brackets in a row took 33 s. No word, and few
# web addresses, are longer than this; a longer run of characters with no space
# is junk (a flood of brackets, an inline picture's code) and is not read.
LONGEST_WORD_CHARS = 200
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (LONGEST_WORD_CHARS + 1))  # tried at a run's start only


# A long web address still opens a bracket or ends a sentence: up to three of
# these marks at either end of a run are kept.
_RUN_OPENERS = "([\"'“‘"
_RUN_CLOSERS = ".!?;:,)]\"'”’"


def blank_long_runs(text: str) -> str:
    """``text`` with each run of more than LONGEST_WORD_CHARS non-space characters blanked.

    Each such character becomes a space, so every offset into the text still
    points at the same place in the paper; up to three brackets, quotes or
    stops at each end stay, so the sentence around the run still ends.
    """
    return _LONG_RUN.sub(_blanked, text) if len(text) > LONGEST_WORD_CHARS else text  # unmatched: text itself


def _blanked(run: re.Match[str]) -> str:
    word = run.group()
    first, last = word[:3], word[-3:]
    head = first[: len(first) - len(first.lstrip(_RUN_OPENERS))]
    tail = last[len(last.rstrip(_RUN_CLOSERS)):]
    return head + " " * (len(word) - len(head) - len(tail)) + tail


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
