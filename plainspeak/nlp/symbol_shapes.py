"""Short forms that are the symbols of quantities, each with its own check.

:func:`plainspeak.nlp.abbreviations.find_pairs` tries these after the usual
shapes: a symbol with a subscript ("tidal volume (V(T))"), a concentration in
square brackets ("intracellular Ca2+ concentration ([Ca2+]i)") and a
trailing sign ("END phenomenon positive (END+)"). Like the word shapes in
:mod:`plainspeak.nlp.abbreviation_shapes`, each is narrow on purpose.
"""

from __future__ import annotations

import re

from plainspeak.nlp.abbreviation_shapes import span_pair, words_before
from plainspeak.nlp.abbreviations import Pair, first_part
from plainspeak.nlp.long_form_match import best_long_form
from plainspeak.resources import data_lines

_SUBSCRIPT = re.compile(r"(?P<head>[A-Za-z]{1,2}?)(?:\((?P<bracketed>[A-Za-z]{1,2})\)|(?P<low>[a-z]{1,2}))")
_ION_SUBSCRIPT = re.compile(r"(?P<head>[A-Za-z])(?P<ion>[A-Z][a-z]?)")
# The customary symbols of quantities, for a symbol that is not the noun's initial.
_SYMBOLS = {symbol.lower(): tuple(nouns) for symbol, *nouns in map(str.split, data_lines("quantity_symbols.txt"))}


def subscripted(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "tidal volume (V(T))", "transepithelial resistance (Rt)", "extracellular pH (pHo)".

    A quantity's symbol with a subscript: the symbol stands for the last word
    (its initial, or the customary symbol: I for a current, K for a constant)
    and each subscript letter starts one of the words before it, exactly and in
    order ("o" for outside may start "extracellular"). A subscript may also be
    a chemical symbol written as the word before: "Na+ current (INa)".
    """
    short, lead = first_part(text[open_at + 1 : close_at])
    short_start = open_at + 1 + lead
    ion = _ION_SUBSCRIPT.fullmatch(short)
    if ion is not None:
        parts, base = _parts_before(text, open_at, 2)
        if (len(parts) == 2 and re.sub(r"[\d+-]", "", parts[0][2]) == ion.group("ion")
                and _symbol_for(ion.group("head"), parts[1][2])):
            return span_pair(text, short, short_start, base + parts[0][0], base + parts[1][1])
    for match in _SUBSCRIPT.finditer(short):
        if match.span() != (0, len(short)):
            continue
        head, sub = match.group("head"), (match.group("bracketed") or match.group("low")).lower()
        parts, base = _parts_before(text, open_at, len(sub) + 1)
        if len(parts) != len(sub) + 1 or not _symbol_for(head, parts[-1][2]):
            continue
        if all(w.isalpha() and len(w) > 3 and _starts_subscript(w.lower(), letter)
               for (_, _, w), letter in zip(parts[:-1], sub)):
            return span_pair(text, short, short_start, base + parts[0][0], base + parts[-1][1])
    return None


def _symbol_for(head: str, word: str) -> bool:
    """Whether ``head`` is the symbol of the quantity ``word`` names."""
    lowered = word.lower()
    if lowered == head.lower() or (len(head) == 1 and lowered[0] == head.lower()):
        return True
    return len(head) == 1 and re.sub(r"s$", "", lowered) in _SYMBOLS.get(head.lower(), ())


def _starts_subscript(word: str, letter: str) -> bool:
    return word[0] == letter or (letter == "o" and word.startswith(("extra", "out")))


def _parts_before(text: str, open_at: int, limit: int) -> tuple[list[tuple[int, int, str]], int]:
    """The last ``limit`` words before the bracket, hyphenated words split, with offsets."""
    words, base = words_before(text, open_at, limit)
    parts = [(w.start() + p.start(), w.start() + p.end(), p.group(0))
             for w in words for p in re.finditer(r"[^-]+", w.group(0))]
    return parts[-limit:], base


_CONCENTRATION = re.compile(r"\[(?P<what>[^\[\]\s]+)\](?P<sub>[a-z]?)")


def concentration(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "intracellular Ca2+ concentration ([Ca2+]i)": square brackets read as "concentration".

    The long form ends in "concentration(s)", names what is in the brackets (as
    written, or by its initials), and starts with the subscript's letter if any
    ("o" for outside may start "extracellular").
    """
    short, lead = first_part(text[open_at + 1 : close_at])
    match = _CONCENTRATION.fullmatch(short)
    if match is None:
        return None
    what, sub = match.group("what"), match.group("sub")
    words, base = words_before(text, open_at, 5)
    if not words or not re.fullmatch(r"concentrations?", words[-1].group(0), re.IGNORECASE):
        return None
    for n in range(2, len(words) + 1):
        tail = words[-n:]
        if sub and not _starts_subscript(tail[0].group(0).lower(), sub):
            continue
        middle = " ".join(w.group(0) for w in tail[(1 if sub else 0):-1])
        named = what.lower() in middle.lower().split() or best_long_form(what, middle) == middle
        if middle and named:
            return span_pair(text, short, open_at + 1 + lead,
                              base + tail[0].start(), base + tail[-1].end())
    return None


_SIGN_WORDS = dict(line.split() for line in data_lines("sign_words.txt"))


def signed(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "END phenomenon positive (END+)": a trailing + or - read as positive or negative.

    The words before the sign's word must start with the rest of the short form,
    written as it is ("M protein-positive (M+)") or spelt by its letters.
    """
    short, lead = first_part(text[open_at + 1 : close_at])
    if len(short) < 2 or short[-1] not in _SIGN_WORDS or not any(c.isupper() for c in short):
        return None
    core, sign_word = short[:-1], _SIGN_WORDS[short[-1]]
    before = text[:open_at].rstrip()
    match = re.search(rf"[\s-]({sign_word})$", before, re.IGNORECASE)
    if match is None:
        return None
    words, base = words_before(text, match.start(), 4)
    for n in range(1, len(words) + 1):
        rest = text[base + words[-n].start() : match.start()]
        if rest.split()[0] == core or best_long_form(core, rest) == rest:
            return span_pair(text, short, open_at + 1 + lead,
                              base + words[-n].start(), match.end())
    return None
