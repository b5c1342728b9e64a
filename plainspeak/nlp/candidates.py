"""``plainspeak_candidates``: acronyms and possible jargon in each block.

- ``doc._.plainspeak_acronyms``: ``[start_char, end_char, core]`` for every
  token shaped like an acronym (``BCF``, ``ICBs``, ``iBCF``, ``A&E``) or a
  letter-and-number code (``C1``, not after a label such as "Table") that is
  not a Roman numeral, a unit, a period code (``Q3``, ``FY25``), part of a
  postcode, or a word in a line written in capitals.
- ``doc._.plainspeak_rare``: ``[start_char, end_char, word, zipf, family]`` for
  rare lower-case words (by wordfreq's corpus frequency; a word readers know in
  another form, "summarises" or "flexibly", is not rare) and, where the pipeline
  tags parts of speech, ``[... , phrase, zipf]`` for noun compounds holding a
  rare-ish noun. Names (capitalised words, words after a title) never appear.
- ``doc._.plainspeak_quoted``: ``[start_char, end_char, phrase]`` for short
  phrases set in quotes as a term of art ("the 'compact'").

The rules decide what to report; this only gathers, cheaply and quietly.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Token

from plainspeak.glossary.model import GlossarySet
from plainspeak.nlp.doc_text import doc_text
from plainspeak.nlp.tokenizer import bound_prefix_length
from plainspeak.settings import Settings
from plainspeak.terms.normalise import acronym_core, looks_like_acronym, singular
from plainspeak.terms.wordlists import word_set
from plainspeak.word_frequency import zipf as word_zipf

NAME = "plainspeak_candidates"
RARE_WORD_ZIPF = 2.8
COMPOUND_ZIPF = 3.5
_ROMAN = re.compile(r"^(?=[IVXLCDM]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_PERIOD = re.compile(r"^(?:Q[1-4]|H[12]|FY\d{2,4}(?:/\d{2,4})?|CY\d{2,4}|M\d{1,2}|YTD)$")
_POSTCODE_OUT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
_POSTCODE_IN = re.compile(r"^\d[A-Z]{2}$")
_NUMBER_SUFFIX = re.compile(r"-\d+$")
_CODE = re.compile(r"^[A-Z]\d{1,3}$")

_QUOTED = re.compile(
    r"(?:(?<=[\s(])|^)['‘“\"](?P<phrase>[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,4})['’”\"]"
    r"(?=[\s.,;:)!?]|$)(?P<after>\s+[A-Z])?"
)

for _ext in ("plainspeak_acronyms", "plainspeak_rare", "plainspeak_quoted"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


@lru_cache(maxsize=50000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English, the higher of word and singular."""
    return max(word_zipf(word), word_zipf(singular(word)))


def is_acronym_token(token: Token, word: str) -> bool:
    """``word``, the token or the part of it after a prefix, is shaped like an acronym
    and is not something else that is written in capitals."""
    text = _NUMBER_SUFFIX.sub("", word)
    if not looks_like_acronym(text) or _ROMAN.match(text) or _PERIOD.match(text):
        return False
    if sum(c.isdigit() for c in text) >= 4:
        return False  # a reference number ("PRN01625"), read by nobody as a word
    if acronym_core(text).upper() in word_set("not_acronyms.txt"):
        return False
    if _hyphen_compound(token).upper() in word_set("not_acronyms.txt"):
        return False  # "OP" of "CO-OP": a word written in capitals
    following = token.nbor(1).text if token.i + 1 < len(token.doc) else ""
    return not (_POSTCODE_OUT.match(text) and _POSTCODE_IN.match(following)) and not _maker_of(token)


def _maker_of(token: Token) -> bool:
    """ "MS Teams": a two-letter maker's mark before the one capitalised word it qualifies.

    The product name says what is meant, so the mark needs no explaining. The name
    must be complete in two words and not name a body ("WY Combined Authority",
    "LD Team" keep their acronym).
    """
    doc, i = token.doc, token.i
    if len(token.text) != 2 or i + 1 >= len(doc) or not token.whitespace_:
        return False
    name = doc[i + 1]
    after = doc[i + 2] if i + 2 < len(doc) else None
    if not (name.is_alpha and name.is_title and len(name) > 2) or name.lower_ in word_set("body_nouns.txt"):
        return False
    return after is None or not after.is_title or after.is_sent_start


def shouting(doc: Doc, token: Token) -> bool:
    """A capitals word among capitals: a heading or a line written in capitals."""
    window = [t for t in doc[max(0, token.i - 3):token.i + 4] if t.is_alpha and len(t) > 1]
    capitals = [t for t in window if t.is_upper]
    # A list of acronyms ("the ICB, CA, LA and DWP") has small words in lower case.
    return len(capitals) >= 3 and not any(t.is_lower for t in window)


def is_code_token(token: Token, word: str) -> bool:
    """``word`` (as above) is a letter-and-number code used as a name ("C1 activity"),
    not a label ("Table A1")."""
    if not _CODE.match(word) or _PERIOD.match(word):
        return False
    before = token.nbor(-1).text.lower().rstrip(".") if token.i > 0 else ""
    following = token.nbor(1).text if token.i + 1 < len(token.doc) else ""
    return before not in word_set("code_labels.txt") and not _POSTCODE_IN.match(following)


def acronyms(doc: Doc) -> list[list]:
    found = []
    for token in doc:
        if token.is_lower or not token.text[:1].isalnum():
            continue  # an acronym or a code has a capital, and starts with a letter or figure
        # "Non-NHS" is one token; the acronym in it is "NHS".
        cut = bound_prefix_length(token.text)
        word = token.text[cut:]
        if (is_acronym_token(token, word) or is_code_token(token, word)) and not shouting(doc, token):
            core = acronym_core(_NUMBER_SUFFIX.sub("", word))
            found.append([token.idx + cut, token.idx + len(token), core])
    return found


def rare_words(doc: Doc) -> list[list]:
    """Rare lower-case words; each carries a fifth item, its family ("prioritise" for
    "prioritising"), so one word in several forms is one candidate."""
    found = []
    for token in doc:
        word = token.text
        if not (token.is_alpha and word.islower() and len(word) >= 5) or _after_title(token):
            continue
        if _in_hyphenated(token):
            continue
        frequency = zipf(word)
        if frequency >= RARE_WORD_ZIPF or transparent(word) or closed_compound(word):
            continue
        lemma = token.lemma_.lower() if token.lemma_.isalpha() else ""
        if not familiar_form(word, lemma):
            found.append([token.idx, token.idx + len(word), word, frequency, american(lemma or word)])
    return found + compounds(doc)


# What follows the prefix must be this common: an everyday word ("spent", "spend").
EVERYDAY_ZIPF = 4.0

# British spellings in -ise, -isation and -yse: wordfreq's English is mostly
# American, so "summarises" (2.49) is rarer there than "summarizes" (3.12).
_BRITISH_ENDING = re.compile(r"(?<=[a-z]{3})(is|ys)(e|es|ed|ing|ation|ations|er|ers)$")
# Adverbs read as their adjective: "flexibly" as "flexible", "steadily" as "steady".
_ADVERB = ((re.compile(r"(?<=[a-z]{3})(ib|ab)ly$"), r"\1le"), (re.compile(r"(?<=[a-z]{3})ily$"), "y"),
           (re.compile(r"(?<=[a-z]{4})ly$"), ""))


def american(word: str) -> str:
    """``word`` with a British -ise, -isation or -yse ending spelt -ize, -ization, -yze."""
    return _BRITISH_ENDING.sub(lambda m: m.group(1)[0] + "z" + m.group(2), word)


def familiar_form(word: str, lemma: str) -> bool:
    """A rare-looking word that readers know in another form.

    Spelt the American way it is common ("prioritise"); or it is a form of an
    everyday word: its lemma ("actioned" of "action"), the word before its
    "-ing" ("rostering" of "roster") or, for an adverb, its adjective ("flexibly"). A less common lemma is not
    enough: "cohorting" is jargon though "cohort" (3.4) is not rare.
    """
    if zipf(american(word)) >= RARE_WORD_ZIPF:
        return True
    bases = {lemma, american(lemma)} if lemma and lemma != word else set()
    for pattern, replacement in _ADVERB:
        if pattern.search(word):
            bases.add(pattern.sub(replacement, word))
            break
    if word.endswith("ing") and len(word) > 6:
        bases.update((word[:-3], word[:-3] + "e"))  # a gerund the tagger calls a noun: "rostering"
    return any(base and zipf(base) >= EVERYDAY_ZIPF for base in bases)


@lru_cache(maxsize=20000)
def transparent(word: str) -> bool:
    """Rare only as a whole: a plain prefix on an everyday word ("unspent", "overspend")."""
    return any(
        word.startswith(prefix) and zipf(word[len(prefix):]) >= EVERYDAY_ZIPF
        for prefix in word_set("word_prefixes.txt")
    )


@lru_cache(maxsize=20000)
def closed_compound(word: str) -> bool:
    """Two everyday words written as one, which the frequency table has never met ("stairlifts", "handrail").

    Written apart they are plain ("stair lift"); the table counts them only
    apart. A word the table knows, however rarely, is judged by its own count:
    "outturn" (1.6) is jargon though "out" and "turn" are not. A verb form
    made of two words is a figure of speech more often than a thing, and is
    judged as rare: "ringfencing", "bedblocking".
    """
    if len(word) < 8 or word.endswith(("ing", "ed")) or zipf(word) > 0:
        return False
    # Each part a word of four letters or more that is not rare ("stair" 3.3, "lifts" 4.5).
    return any(zipf(word[:cut]) >= COMPOUND_PART_ZIPF and zipf(word[cut:]) >= COMPOUND_PART_ZIPF
               for cut in range(4, len(word) - 3))


COMPOUND_PART_ZIPF = 3.0


def quoted(doc: Doc) -> list[list]:
    """Short phrases a writer set in quotes as a term of art: the 'compact', a 'step-down' bed.

    A quoted word ending like a verb or adverb ('paused') is a tone of voice, not a
    term; a quoted phrase followed by a capitalised word ("Healthy Homes" Programme)
    is a name.
    """
    found = []
    for match in _QUOTED.finditer(doc_text(doc)):
        phrase = match.group("phrase")
        if match.group("after") or (" " not in phrase and phrase.lower().endswith(("ed", "ing", "ly"))):
            continue
        found.append([match.start("phrase"), match.end("phrase"), phrase])
    return found


def compounds(doc: Doc) -> list[list]:
    """Lower-case noun + noun pairs holding a less common noun ("surge modelling")."""
    if not doc.has_annotation("TAG"):
        return []
    # Parts of speech as one array, so only the rare noun pairs become Tokens.
    pos = doc.to_array([POS])
    noun = pos == NOUN
    found = []
    for i in numpy.flatnonzero(noun[:-1] & noun[1:]).tolist():
        left, right = doc[i], doc[i + 1]
        if not all(t.is_alpha and t.text.islower() and len(t) > 2 for t in (left, right)):
            continue
        if i > 0 and pos[i - 1] in _BEFORE_PHRASE:
            continue  # part of a longer phrase; a pair cut from it would mislead
        frequency = min(zipf(left.text), zipf(right.text))
        if frequency < COMPOUND_ZIPF and i + 2 < len(doc) and pos[i + 2] != NOUN:
            found.append([left.idx, right.idx + len(right), f"{left.text} {right.text}", frequency])
    return found


_BEFORE_PHRASE = frozenset({NOUN, PROPN, ADJ})


def _after_title(token: Token) -> bool:
    return token.i > 0 and token.nbor(-1).text.rstrip(".") in word_set("name_titles.txt")


def _hyphen_before(doc: Doc, i: int) -> bool:
    """``doc[i]`` follows a hyphen with no space between ("-recurrent")."""
    return i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_


def _hyphen_after(doc: Doc, i: int) -> bool:
    """``doc[i]`` runs into a hyphen ("non-")."""
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_


def _hyphen_compound(token: Token) -> str:
    """The whole of "CO-OP" for either part; the token's own text if it has no hyphen joins."""
    doc = token.doc
    start = end = token.i
    while start >= 2 and _hyphen_before(doc, start) and _hyphen_after(doc, start - 2):
        start -= 2
    while end + 2 < len(doc) and _hyphen_after(doc, end) and _hyphen_before(doc, end + 2):
        end += 2
    return doc[start:end + 1].text


def _in_hyphenated(token: Token) -> bool:
    """Part of "non-recurrent" or "co-production": judged as a whole elsewhere."""
    return _hyphen_before(token.doc, token.i) or _hyphen_after(token.doc, token.i)


class CandidateFinder:
    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.plainspeak_acronyms = acronyms(doc)
        doc._.plainspeak_rare = rare_words(doc)
        doc._.plainspeak_quoted = quoted(doc)
        return doc


@Language.factory(NAME, assigns=["doc._.plainspeak_acronyms", "doc._.plainspeak_rare", "doc._.plainspeak_quoted"])
def make_candidate_finder(nlp: Language, name: str) -> CandidateFinder:
    return CandidateFinder(nlp, name)


def add_to(nlp: Language, settings: Settings, glossaries: GlossarySet) -> None:
    """Add the finder last, so it can read tags where the pipeline has them."""
    nlp.add_pipe(NAME, last=True)
