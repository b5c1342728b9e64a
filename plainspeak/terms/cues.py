"""Wordings by which a paper explains a term in running text.

Each finder takes a block's text and yields ``(term, definition, kind, start)``
with ``start`` the term's offset. They read plain text only, so they work the
same on any pipeline. They err towards finding a definition: a definition
found wrongly only keeps plainspeak quiet about that term.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from plainspeak.nlp.long_form_match import LONGEST_LOOK_BACK, best_long_form
from plainspeak.terms.normalise import looks_like_acronym
from plainspeak.terms.wordlists import word_set

Found = Iterator[tuple[str, str, str, int]]
MAX_TERM_WORDS = 6
_CLAUSE_BREAK = re.compile(r"(?:[.!?]\s+|[;:(\[\n•]\s*|\s[–—-]\s+|^)")
_LEADING = re.compile(
    r"^(?:(?:the|a|an|our|this|these|its|their|term|word|phrase|words|terms|so-called)\s+)+",
    re.IGNORECASE,
)
_PRONOUNS = word_set("subject_openers.txt")
_TERM_WORD = re.compile(r"^(?=.*\w)[\w'’&/-]+$")
_ACRONYM = r"[A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*"


def clause_start(text: str, before: int) -> int:
    """Offset at which the clause holding ``before`` begins.

    The last few hundred characters are searched first, from just after a
    letter or digit (no break holds one, so none can straddle that point and
    the search finds the breaks a whole-text search would): scanning from the
    start for every cue made a long paragraph's cost grow with its square.
    Without a break, the clause is taken to start LONGEST_LOOK_BACK
    characters back (or at the paragraph's start, if that is nearer).
    """
    window = max(0, before - 300)
    while 0 < window < before and not text[window - 1].isalnum():
        window += 1
    found = _last_break_end(text, window, before)
    if found is None:
        floor = max(0, before - LONGEST_LOOK_BACK)
        found = _last_break_end(text, floor, window) if floor < window else None  # once, and bounded
        return floor if found is None else found
    return found


def _last_break_end(text: str, start: int, end: int) -> int | None:
    """Where the last clause break in ``text[start:end]`` ends, if there is one."""
    last = None
    for last in _CLAUSE_BREAK.finditer(text, start, end):
        pass
    return last.end() if last is not None else None


def subject_before(text: str, at: int) -> tuple[str, int] | None:
    """The short noun phrase that ends just before ``at`` and starts its clause."""
    begin = clause_start(text, at)
    phrase = text[begin:at].strip().strip("\"'“”‘’ ,")
    lead = _LEADING.match(phrase)
    if lead:
        phrase = phrase[lead.end():]
    words = phrase.split()
    if not words or len(words) > MAX_TERM_WORDS or words[0].lower() in _PRONOUNS:
        return None
    if not all(_TERM_WORD.match(w.strip("\"'“”‘’")) for w in words):
        return None
    phrase = phrase.strip("\"'“”‘’")
    return phrase, text.index(phrase, begin)


def noun_phrase_before(text: str, at: int, limit: int = 4) -> tuple[str, int] | None:
    """The last few words before ``at``, back to a small word or punctuation."""
    base = clause_start(text, at)
    words = list(re.finditer(r"[\w'’&-]+", text[base:at]))
    kept: list[re.Match] = []
    for word in reversed(words):
        small = word.group(0).lower() in _SMALL_WORDS
        if len(kept) == limit or (small and not (word.group(0).lower() == "of" and kept)):
            break
        kept.insert(0, word)
    while kept and kept[0].group(0).lower() in _SMALL_WORDS:
        kept.pop(0)
    if not kept or text[base + kept[-1].end():at].strip(" ,"):
        return None
    start = base + kept[0].start()
    return text[start:base + kept[-1].end()], start


# The small words shared with the short-form code in plainspeak/nlp, and the forms of
# "be"; a noun phrase read back from a cue also stops at a possessive or pronoun, which
# the short-form code keeps out on purpose (see determiners_and_pronouns.txt).
_SMALL_WORDS = word_set("small_words.txt") | word_set("be_verbs.txt") | word_set("determiners_and_pronouns.txt")

# A pattern that opens with white space starts only where the white space does,
# ``(?<!\s)``: tried at every position of a long run of spaces, each try ran to
# the run's end, so the search time grew with the run's square.
_MEANS = re.compile(
    r"(?<!\s)\s+(?:means|refers to|refer to|is defined as|are defined as|stands for|"
    r"is short for|is used to describe|describes|is known as|is the name for)\s+",
)


# "X means that ..." defines a short term ("An underspend means that ..."); after
# a longer subject it gives a consequence: "The timing of the meeting means that ...".
MEANS_THAT_TERM_WORDS = 3


def means_cue(text: str) -> Found:
    """ "X means ...", "X refers to ...", "X is defined as ...", "X stands for ..." """
    for match in _MEANS.finditer(text):
        subject = subject_before(text, match.start())
        if subject is None:
            continue
        means_that = match.group().strip() == "means" and text.startswith("that ", match.end())
        if means_that and len(subject[0].split()) > MEANS_THAT_TERM_WORDS:
            continue
        yield subject[0], _rest_of_sentence(text, match.end()), "means", subject[1]


_BY_WE_MEAN = re.compile(r"\b[Bb]y\s+[\"'“‘]?(?P<term>[\w'’& -]{2,60}?)[\"'”’]?,?\s+we\s+mean\s+")


def by_we_mean(text: str) -> Found:
    """ "By X we mean ..." """
    for match in _BY_WE_MEAN.finditer(text):
        yield match.group("term"), _rest_of_sentence(text, match.end()), "means", match.start("term")


_IS_A = re.compile(r"(?<!\s)\s+(?:is|are)\s+(?=(?:a|an|the|when|where|money|people|something|someone)\s)")
# "X is the largest part of the budget" ranks X; it does not say what X is.
_RANKING = re.compile(r"(?:a|an|the)\s+(?:\w+est|most|least|main|only|first|last|next|same|one)\b", re.I)


def is_a_cue(text: str) -> Found:
    """ "X is a ...", "X are the ..." where X opens the sentence. """
    for match in _IS_A.finditer(text):
        if _RANKING.match(text, match.end()):
            continue
        subject = subject_before(text, match.start())
        if subject is not None and len(subject[0].split()) <= 4:
            yield subject[0], _first_clause(_rest_of_sentence(text, match.end())), "is", subject[1]


# "A positive variance is an overspend and a figure in brackets is an underspend":
# the explanation ends where a second "X is ..." clause begins.
_NEXT_IS_CLAUSE = re.compile(r",?\s+(?:and|but|while|whereas)\s+(?:a|an|the|any)\s+[^,;]{1,60}?\s+(?:is|are)\s")


def _first_clause(explanation: str) -> str:
    cut = _NEXT_IS_CLAUSE.search(explanation)
    return explanation[:cut.start()] if cut else explanation


_DASH = re.compile(r"(?:(?<!\s)\s+|)[–—]\s*|(?<!\s)\s+-\s+")
_DASH_GLOSS_OPENER = re.compile(r"(?:a|an|the|which|where|when|meaning|this is|money|people)\s", re.I)


def dash_gloss(text: str) -> Found:
    """ "X – a ..." : a short term opening its clause, a dash, then an explanation. """
    for match in _DASH.finditer(text):
        if not _DASH_GLOSS_OPENER.match(text, match.end()):
            continue
        subject = subject_before(text, match.start())
        if subject is None or len(subject[0].split()) > 4:
            # "the council offers a direct payment – money paid to you ...": the phrase just named.
            subject = noun_phrase_before(text, match.start(), limit=3)
        if subject is not None:
            yield subject[0], _rest_of_sentence(text, match.end()), "dash-gloss", subject[1]


_GLOSS_OPENERS = re.compile(
    r"(?:a|an|the|which|that is|i\.?e\.?|meaning|this is|these are|money|people|where|when|"
    r"what|how|also called|also known as|known as|sometimes called|(?!including)[a-z]+ing)[\s,]", re.I,
)


def bracket_gloss(text: str) -> Found:  # noqa: C901 - two shapes of one cue
    """ "the precept (the part of council tax that ...)" and "X (also called Y)". """
    for match in re.finditer(r"\(([^()]{8,240})\)", text):
        inside = match.group(1).strip()
        called = re.match(r"(?:also called|also known as|known as|or)\s+(?:the\s+)?(.+)$", inside, re.I)
        phrase = noun_phrase_before(text, match.start(), limit=5)
        if phrase is None:
            continue
        if called and len(called.group(1).split()) <= 4:
            yield called.group(1), phrase[0], "called", match.start(1) + called.start(1)
        elif _GLOSS_OPENERS.match(inside) and len(inside.split()) >= 3:
            yield phrase[0], inside, "bracket-gloss", phrase[1]


_CALLED = re.compile(
    r",?(?<!\s)\s+(?:also called|also known as|known as|or|called)\s+(?:the\s+)?(?P<short>" + _ACRONYM + r")\b"
)


def called_acronym(text: str) -> Found:
    """ "the Integrated Care Board, also called the ICB" and "..., or ICB," """
    for match in _CALLED.finditer(text):
        short = match.group("short")
        if not looks_like_acronym(short):
            continue
        window = text[clause_start(text, match.start()):match.start()]
        long_form = best_long_form(short, window)
        if long_form is not None:
            yield short, long_form, "acronym", match.start("short")


_IS_CALLED = re.compile(
    r"\s(?:is|are)\s+(?:called|known as)\s+(?:an?\s+|the\s+)?[\"'“‘]?"
    r"(?!(?:to|for|off|in|on|upon|by|into|out)\b)(?P<term>[\w'’&-]+(?:\s+[\w'’&-]+){0,3})[\"'”’]?(?=[.!?](?:\s|$))"
)


def is_called(text: str) -> Found:
    """ "Spending more than planned is called an overspend.": the explanation comes first."""
    for match in _IS_CALLED.finditer(text):
        explanation = text[clause_start(text, match.start()):match.start()].strip()
        if len(explanation.split()) >= 3:
            yield match.group("term"), explanation, "is-called", match.start("term")


_THIS_MEANS = re.compile(r"(?<=\w)\.\s+(?:This|That)\s+means\s+")


def this_means(text: str) -> Found:
    """ "... signed up to Pharmacy First. This means that ..." explains the phrase just named."""
    for match in _THIS_MEANS.finditer(text):
        phrase = noun_phrase_before(text, match.start())
        if phrase is not None and all(w[:1].isupper() for w in phrase[0].split()):
            yield phrase[0], _rest_of_sentence(text, match.end()), "means", phrase[1]


_NAMED_ACRONYM = re.compile(
    r"(?P<long>(?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for|&|the|in)\s+)?){1,8})\((?P<short>" + _ACRONYM + r"s?)\)"
)


def named_acronym(text: str) -> Found:
    """ "Children's Crisis Support Team (CCST)": a capitalised name and an acronym after it.

    The letters need not line up: a paper that writes a name and then an acronym
    in brackets has explained it, even if the acronym was coined loosely.
    """
    for match in _NAMED_ACRONYM.finditer(text):
        long_form = re.sub(r"^(?:The|A|An|Our)\s+", "", match.group("long").strip())
        if len(long_form.split()) >= 2 and looks_like_acronym(match.group("short")):
            yield match.group("short"), long_form, "acronym", match.start("short")


_STANDS_FOR = re.compile(r"\b(?P<short>" + _ACRONYM + r")\s+(?:stands for|is short for|means)\s+")


def stands_for(text: str) -> Found:
    """ "ICB stands for ..." """
    for match in _STANDS_FOR.finditer(text):
        yield match.group("short"), _rest_of_sentence(text, match.end()), "acronym", match.start("short")


_LEAD_IN = re.compile(r"^(?P<term>[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,5})(?P<stop>[.:])\s+(?P<rest>\S)")
_LEAD_IN_OPENERS = re.compile(r"(?:a|an|money|people|help|support|when|where|this is|these are|it is|it means)\s")
_LEAD_IN_VERBS = word_set("be_verbs.txt") | word_set("auxiliary_verbs.txt")
# A title's inner "the" or "their" follows a preposition ("Section 117 of the Act",
# "Care in the home"); after any other word it starts a clause's object, so the
# "title" is a sentence: "Officers reviewed the virement."
_CLAUSE_MARKERS = word_set("determiners_and_pronouns.txt") | {"a", "an", "the"}
_PHRASE_LINKS = word_set("small_words.txt") - _CLAUSE_MARKERS


def lead_in(text: str) -> Found:
    """A list item or paragraph that opens with a short title and then explains it.

    "Section 117 aftercare. Section 117 of the Act gives ...": the title is
    often bold in the source.

    The explanation must be about the title: it starts with the title's first
    word, or (after a colon) with the words of a gloss ("Reablement: a short
    spell of help ..."). "Demand. The number of people ..." and "Decision
    required: The group is asked ..." are topic labels, not definitions.
    """
    match = _LEAD_IN.match(text)
    if match is None:
        return
    term, rest = match.group("term"), text[match.start("rest"):]
    words = term.split()
    if any(w.lower() in _LEAD_IN_VERBS for w in words) or len(_rest_of_sentence(rest, 0).split()) < 5:
        return
    if words[0].lower() in _SMALL_WORDS or words[0].lower() in _PRONOUNS:
        return  # "The XQZ team met. The XQZ agreed ...": a sentence, not a title
    if any(w.lower() in _CLAUSE_MARKERS and before.lower() not in _PHRASE_LINKS
           for before, w in zip(words, words[1:])):
        return  # "Officers reviewed the virement. Officers agreed ...": a sentence
    about = rest.split()[0].strip(",;:") == words[0]
    glossed = match.group("stop") == ":" and (_LEAD_IN_OPENERS.match(rest) or rest[0].islower())
    if about or glossed:
        yield term, _rest_of_sentence(rest, 0), "lead-in", 0


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# An explanation is read to the end of its sentence, but no further than this:
# the longest in the definition sets and real papers measured is under 500
# characters, and in text with no sentence end, reading to the paragraph's end
# for every cue made the time grow with the paragraph's square.
LONGEST_DEFINITION = 1_000


def _rest_of_sentence(text: str, start: int) -> str:
    """From ``start`` to the sentence's end, or LONGEST_DEFINITION characters if that is sooner."""
    end = _SENTENCE_END.search(text, start, start + LONGEST_DEFINITION)
    return text[start:end.start()] if end else text[start:start + LONGEST_DEFINITION]


FINDERS: tuple[Callable[[str], Found], ...] = (
    means_cue, by_we_mean, is_a_cue, dash_gloss, bracket_gloss, called_acronym, stands_for,
    this_means, named_acronym, lead_in, is_called,
)
