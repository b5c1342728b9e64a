"""Less common ways of defining a short form in brackets, each with its own check.

:func:`plainspeak.nlp.abbreviations.find_pairs` tries these after the two
usual shapes ("Long Form (LF)" and "LF (Long Form)") have found nothing in a
bracket. Each shape is narrow on purpose: a wrong pair would keep plainspeak
quiet about a term the paper never explained.
"""

from __future__ import annotations

import re

from plainspeak.nlp.abbreviations import Pair, best_long_form, is_short_form

_INNER = re.compile(r"^(?P<long>[^;,]*?[^\s;,])\s*[;,]\s+(?P<short>[^\s;,]+)\s*$")
_SMALL = frozenset("a an the of and or in on to for with by at as from its is are was were be".split())


def inner_long_then_short(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "(blood-brain barrier, BBB)": the long form and its short form, both inside.

    The short form must have two capitals (an acronym, not a note such as
    "n = 6") and spell nearly all of the words before it.
    """
    inside = text[open_at + 1 : close_at]
    match = _INNER.match(inside)
    if match is None:
        return None
    short, long_text = match.group("short"), match.group("long").strip()
    if sum(c.isupper() for c in short) < 2 or not is_short_form(short) or len(re.findall(r"\w+", long_text)) < 2:
        return None
    found = best_long_form(short, long_text)
    if found is None or len(found) < 0.8 * len(long_text):
        return None
    long_start = open_at + 1 + inside.index(found)
    short_start = open_at + 1 + match.start("short")
    return Pair(short, found, short_start, short_start + len(short), long_start, long_start + len(found))


_ONE_WORD = re.compile(r"(?:^|[\s(\[])(?P<word>[A-Za-z][a-z]{3,}(?:-[a-z]+)*)\s+$")


def single_letter(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "testosterone (T)": a capital letter after the one word it begins.

    Only a word of four or more letters, written in lower case after its first
    letter, that starts with the same letter counts; lists "(a)", "(b)" and
    grades after a name do not.
    """
    # A note may follow the letter: "citrate (C, 0.4 g per kg)".
    letter = re.split(r",\s|;", text[open_at + 1 : close_at], maxsplit=1)[0]
    if len(letter) != 1 or not letter.isupper():
        return None
    match = _ONE_WORD.search(text, max(0, open_at - 60), open_at)
    if match is None:
        return None
    word = match.group("word")
    if word[0].upper() != letter or word.lower() in _SMALL:
        return None
    return Pair(letter, word, open_at + 1, open_at + 2, match.start("word"), match.end("word"))
