"""Short forms defined in running text: "Long Form (LF)" and "LF (Long Form)".

The method follows the idea Schwartz and Hearst published in 2003: the short
form is the text in brackets (or the word just before them), and its long form
is the shortest run of preceding words in which every letter and digit of the
short form can be found in order, right to left, with the first one starting
a word. This module finds the brackets and the words to try; the letter
matching and scoring are in :mod:`plainspeak.nlp.long_form_match`. It is
plain string work, so it runs on any text, with or without spaCy, and
returns offsets rather than objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainspeak.nlp.long_form_match import CLAUSE_OPENER, LONGEST_LOOK_BACK, best_long_form
from plainspeak.terms.wordlists import word_set

MAX_SHORT_CHARS = 12
# Hyphens join the parts of longer biomedical names: "5alpha-red-IR", "pro-IL-1 beta".
MAX_HYPHENATED_CHARS = 16
_GREEK = word_set("greek_letters.txt")
# A sentence ends at . ! ? followed by space and a capital, or at ; and line breaks.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z(\"'])|[;\n]")
_SPACED_DASH = re.compile(r"\s[–—-]\s")
_CLAUSE_END = re.compile(rf"{_SENTENCE_END.pattern}|{_SPACED_DASH.pattern}")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Pair:
    """A short form and its long form, with their offsets in the text searched.

    A long form written in two pieces ("scanning (SEM) and transmission (TEM)
    electron microscopy") spans the whole stretch, and ``long`` joins its pieces.
    """

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int
    short_first: bool = False  # "LF (Long Form)" order


def find_pairs(text: str) -> list[Pair]:
    """Every short-form/long-form pair defined with brackets in ``text``.

    The shapes are tried in turn, most reliable first, each with its own check,
    and the first that holds wins: "Long Form (LF)", "LF (Long Form)", "(Long
    Form, LF)", a one-letter short form after a single word ("testosterone (T)"),
    then the narrower notations of :mod:`plainspeak.nlp.symbol_shapes` and
    :mod:`plainspeak.nlp.abbreviation_shapes`: symbols with subscripts,
    concentrations, signs, numbered variants, digits no word spells ("nitrous
    oxide (N2O)"), one long word and its noun, and two short forms sharing the
    words after them.
    """
    pairs: list[Pair] = []
    for open_at, close_at in _bracket_spans(text):
        # A bracket written onto a symbol is part of it: "H(eff)", "Arg(Mts)", "V(T)".
        if not _SYMBOL_BEFORE.search(text, max(0, open_at - 4), open_at):
            pairs.extend(_pairs_at(text, open_at, close_at))
    return pairs


_SYMBOL_BEFORE = re.compile(r"(?<![\w-])[\w-]{1,3}$")


def _pairs_at(text: str, open_at: int, close_at: int) -> list[Pair]:
    from plainspeak.nlp import abbreviation_shapes as shapes, symbol_shapes as symbols

    pair = (_long_then_short(text, open_at, close_at) or _short_then_long(text, open_at, close_at)
            or shapes.inner_long_then_short(text, open_at, close_at)
            or shapes.single_letter(text, open_at, close_at))
    # A symbol with a subscript spelt exactly ("transepithelial resistance (Rt)") is
    # surer than letters found inside one word ("resistance").
    if pair is None or " " not in pair.long:
        pair = symbols.subscripted(text, open_at, close_at) or pair
    if pair is not None:
        return [pair]
    pair = symbols.concentration(text, open_at, close_at) or symbols.signed(text, open_at, close_at)
    if pair is not None:
        return [pair]
    numbered = shapes.numbered(text, open_at, close_at)
    if numbered:
        return numbered
    pair = (shapes.uncounted_digits(text, open_at, close_at) or shapes.one_word_and_head(text, open_at, close_at)
            or shapes.shared_head(text, open_at, close_at))
    return [pair] if pair is not None else []


_CLOSERS = {"(": ")", "[": "]"}


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of each ``(`` or ``[`` and its closer, inner pairs included, in order of opening."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if char in _CLOSERS:
            stack.append((char, i))
        elif char in ")]" and stack:
            # A stray closer of the other kind ends nothing: "[K+]e (...)" keeps its "(".
            if _CLOSERS[stack[-1][0]] != char:
                continue
            start = stack.pop()[1]
            if i - start <= 200:
                spans.append((start, i))
    return sorted(spans)


def is_short_form(candidate: str) -> bool:
    """A plausible short form: short, at most two words, starting with a letter or digit."""
    limit = MAX_HYPHENATED_CHARS if "-" in candidate else MAX_SHORT_CHARS
    if not 2 <= len(candidate) <= limit or len(candidate.split()) > 2:
        return False
    if not candidate[0].isalnum() or not any(c.isalpha() for c in candidate):
        return False
    if "=" in candidate or re.match(r"^[\d.]+\s", candidate):
        return False  # a measurement or a test result, not a name: "(10 mg)", "(P=0.03)"
    # Of two words, the first has a capital, or is a Greek letter: "gamma IFN".
    first = candidate.split()[0]
    if " " in candidate and not any(c.isupper() for c in first) and first.lower() not in _GREEK:
        return False
    # Plain lower-case words in brackets are glosses, not short forms: "(below)",
    # "(short-term)", "(year-on-year)".
    plain = candidate.replace("-", "")
    return not (plain.isalpha() and plain.islower() and len(plain) > 4)


def first_part(inside: str) -> tuple[str, int]:
    """The bracket text up to ``;`` or ``, `` (extra notes follow there), and its offset."""
    lead = len(inside) - len(inside.lstrip())
    part = re.split(r";|,\s", inside.strip(), maxsplit=1)[0].rstrip()
    return part, lead


def _last_part(inside: str) -> tuple[str, int] | None:
    """The bracket text after its last ``;`` or ``, ``: "(EC 1.11.1.9; GPx)"."""
    match = re.search(r"(?:;|,\s)\s*([^;,]+?)\s*$", inside)
    return (match.group(1), match.start(1)) if match else None


def _long_then_short(text: str, open_at: int, close_at: int) -> Pair | None:
    inside = text[open_at + 1 : close_at]
    first = first_part(inside)
    candidates = [first] if is_short_form(first[0]) else []
    last = _last_part(inside)
    # A short form after a code or a note, "(EC 1.1.1.9; GPx)": only an acronym-like one,
    # and not the last item of a list "(Bed Bureau, Discharge Team, TOC)".
    one_note = len(re.findall(r";|,\s", inside)) == 1
    if last is not None and one_note and is_short_form(last[0]) and sum(c.isupper() for c in last[0]) >= 2:
        candidates.append(last)
    for short, lead in candidates:
        pair = _spelled_before(text, open_at, short, open_at + 1 + lead)
        if pair is not None:
            return pair
    return None


def _spelled_before(text: str, open_at: int, short: str, short_start: int) -> Pair | None:
    """The pair for ``short`` when the words just before the bracket spell it.

    A spaced dash usually ends a clause, but some long forms are written with
    one: "reverse transcription - polymerase chain reaction (RT-PCR)". When
    the clause alone spells nothing, the words before the dash may join in.
    """
    start = _clause_start(text, open_at)
    pair = _spelled_from(text, start, open_at, short, short_start)
    wider = _clause_start(text, open_at, dashes=False) if pair is None else start
    if wider != start:  # only a spaced dash in between gives the words before it a chance
        across = _spelled_from(text, wider, open_at, short, short_start)
        dash = _SPACED_DASH.search(across.long) if across is not None else None
        # After the dash the name goes on; "the", "we", "this" start a new clause.
        if dash is not None and not CLAUSE_OPENER.match(across.long[dash.end():]):
            return across
    return pair


def _spelled_from(text: str, clause_start: int, open_at: int, short: str, short_start: int) -> Pair | None:
    window = text[clause_start:open_at].rstrip()
    words = list(_WORD.finditer(window))
    letters = sum(c.isalnum() for c in short)
    limit = min(letters + 5, letters * 2)
    words = words[-limit:] if limit < len(words) else words
    if not words:
        return None
    start = clause_start + words[0].start()
    long_text = best_long_form(short, text[start : clause_start + len(window)], numbers=True)
    if long_text is None:
        return None
    long_end = clause_start + len(window)
    long_start = long_end - len(long_text)
    return Pair(short, long_text, short_start, short_start + len(short), long_start, long_end)


# The short form before a bracket: the word, the two words ("WY ICB (...)") or
# initials with full stops ("M.O.I. (...)"). Each starts where a word starts, so
# a search of the last few characters finds what a search of the whole text
# would (a search from the start, for every bracket, grew with a paragraph's
# square); no short form comes near the window's length.
_SHORT_BEFORE = (re.compile(r"(?<![\w&-])[\w&-]+$"), re.compile(r"(?<![\w&-])[\w&-]+ [\w&-]+$"),
                 re.compile(r"(?<!\S)(?:[A-Za-z]\.){2,}$"))
_CAPITALS_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,5}$")
_SHORT_WINDOW = 80


def _short_then_long(text: str, open_at: int, close_at: int) -> Pair | None:
    inside = text[open_at + 1 : close_at]
    long_text = inside.strip()
    end = open_at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    window = max(0, end - _SHORT_WINDOW)
    if len(long_text.split()) < 2:
        return _short_then_word(text, window, end, long_text, open_at + 1 + inside.find(long_text))
    for pattern in _SHORT_BEFORE:
        match = pattern.search(text, window, end)
        short = match.group(0) if match else ""
        if not short or not any(c.isupper() for c in short) or not is_short_form(short):
            continue
        found = best_long_form(short, long_text) or _listed(short, long_text)
        if found is not None and len(found) >= len(long_text) * 0.7:
            long_start = open_at + 1 + inside.index(found)
            return Pair(short, found, match.start(), match.end(), long_start,
                        long_start + len(found), True)
    return None


def _short_then_word(text: str, window: int, end: int, word: str, word_start: int) -> Pair | None:
    """ "IL (interleukin)": capitals before a bracket holding the one word they shorten.

    The capitals end at ``end`` and are looked for from ``window``. The word
    is in lower case, starts with the first capital and holds the others in
    order; one capital alone, or a word no longer than twice the short form,
    is too weak a match.
    """
    if not re.fullmatch(r"[a-z]{6,}", word):
        return None
    match = _CAPITALS_BEFORE.search(text, window, end)
    if match is None or len(word) <= 2 * len(match.group(0)):
        return None
    if word[0] != match.group(0)[0].lower() or best_long_form(match.group(0), word) != word:
        return None
    return Pair(match.group(0), word, match.start(), match.end(), word_start, word_start + len(word), True)


def _listed(short: str, long_text: str) -> str | None:
    """The whole bracket when it lists what the short form's letters stand for.

    "RAG (red, amber, green)": commas are refused inside long forms written
    before a bracket, where they join clauses; inside the bracket after a short
    form they separate its parts, so each item must give a letter.
    """
    items = re.split(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", long_text)
    if "," not in long_text or len(items) > sum(c.isalnum() for c in short):
        return None
    found = best_long_form(short, long_text.replace(",", " "))
    return long_text if found is not None and found == long_text.replace(",", " ") else None


def _clause_start(text: str, before: int, dashes: bool = True) -> int:
    """Where the clause ending at ``before`` starts: after the last break in the 300
    characters before it, or else LONGEST_LOOK_BACK back (the paragraph's start if nearer)."""
    start = max(0, before - LONGEST_LOOK_BACK)
    for match in (_CLAUSE_END if dashes else _SENTENCE_END).finditer(text, max(0, before - 300), before):
        start = match.end()
    return start
