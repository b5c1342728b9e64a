"""Less common ways of defining a short form in brackets, each with its own check.

:func:`plainspeak.nlp.abbreviations.find_pairs` tries these after the two
usual shapes ("Long Form (LF)" and "LF (Long Form)") have found nothing in a
bracket; the shapes of symbols (subscripts, concentrations, signs) are in
:mod:`plainspeak.nlp.symbol_shapes`. Each shape is narrow on purpose: a wrong
pair would keep plainspeak quiet about a term the paper never explained.
"""

from __future__ import annotations

import re

from plainspeak.nlp.abbreviations import Pair, _clause_start, _spelled_before, first_part, is_short_form
from plainspeak.nlp.long_form_match import balanced, best_long_form, letters_in_order, with_prefix
from plainspeak.terms.wordlists import word_set

_INNER = re.compile(r"^(?P<long>[^;,]*?[^\s;,])\s*[;,]\s+(?P<short>[^\s;,]+)\s*$")
# Words that are never a content word of a name: the small words and forms of "be".
_SMALL = word_set("small_words.txt") | word_set("be_verbs.txt")


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


def words_before(text: str, open_at: int, limit: int) -> tuple[list[re.Match[str]], int]:
    """The last ``limit`` words of the clause that ends at the bracket, and the clause's offset."""
    start = _clause_start(text, open_at)
    return list(re.finditer(r"\S+", text[start:open_at].rstrip()))[-limit:], start


def span_pair(text: str, short: str, short_start: int, start: int, end: int) -> Pair:
    """The pair of ``short`` at ``short_start`` and the text from ``start`` to ``end``."""
    return Pair(short, text[start:end], short_start, short_start + len(short), start, end)


_NUMBERED = re.compile(r"(?P<stem>[A-Za-z][A-Za-z-]*[A-Za-z])-?(?P<number>\d{1,2})")


def numbered(text: str, open_at: int, close_at: int) -> list[Pair]:
    """ "partial least squares (PLS-1 and PLS-2)": variants numbered after the short form.

    The stem must be spelt by the words before the bracket, and those words must
    carry no digit of their own (the number names a version, not a word).
    """
    inside = text[open_at + 1 : close_at]
    found: list[Pair] = []
    for part in re.finditer(r"[^\s,;]+", inside):
        match = _NUMBERED.fullmatch(part.group(0))
        if part.group(0) in {"and", "or"}:
            continue
        if match is None or sum(c.isupper() for c in match.group("stem")) < 2:
            return []
        pair = _spelled_before(text, open_at, match.group("stem"), open_at + 1 + part.start())
        if pair is None or any(c.isdigit() for c in pair.long):
            return []
        start = _with_count(text, pair.long_start, match.group("number"))
        found.append(Pair(part.group(0), text[start:pair.long_end], pair.short_start,
                          pair.short_start + len(part.group(0)), start, pair.long_end))
    return found


def _with_count(text: str, start: int, number: str) -> int:
    """Reach back over a word that gives the number: "20-item Wellbeing Scale (WS-20)"."""
    match = re.search(rf"(?:^|\s)({number}-[a-z]+)\s+$", text[:start])
    return match.start(1) if match else start


_UNCOUNTED = re.compile(r"[A-Za-z][A-Za-z0-9().]*")


def uncounted_digits(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "nitrous oxide (N2O)", "cell division control (cdc2)", "estradiol (E2)".

    The digits of a formula, a gene's number or a subscript are not spelt out in
    the long form. The letters then need a stricter match: each one starts one of
    the last words before the bracket, or, all in order, one word that begins
    with the first of them.
    """
    short, lead = first_part(text[open_at + 1 : close_at])
    if not _UNCOUNTED.fullmatch(short) or not any(c.isdigit() for c in short) or not balanced(short):
        return None
    letters = [c.lower() for c in short if c.isalpha()]
    words, base = words_before(text, open_at, len(letters) + 2)
    content = [w for w in words if w.group(0).lower() not in _SMALL]
    if len(letters) > 1 and len(content) >= len(letters):
        named = content[-len(letters):]
        if words[-1] is named[-1] and all(
                w.group(0).isalpha() and len(w.group(0)) > 2 and w.group(0)[0].lower() == c
                for w, c in zip(named, letters)):
            return span_pair(text, short, open_at + 1 + lead,
                              base + named[0].start(), base + named[-1].end())
    if not words:
        return None
    # The one word may carry a chemical prefix: "17-beta-estradiol (E2)".
    last = words[-1].group(0)
    head = last.rsplit("-", 1)[-1]
    # One letter against one word is weak evidence: only a long, technical-looking word.
    shortest = 8 if len(letters) == 1 else 5
    if not re.fullmatch(rf"[a-z]{{{shortest},}}", head.lower()) or not letters_in_order(letters, head):
        return None
    kept = with_prefix(last, len(last) - len(head))
    end = base + words[-1].end()
    start = end - len(kept)
    # A locant written apart from its Greek letter belongs too: "17 beta-oestradiol".
    if kept != head and len(words) > 1 and re.fullmatch(r"\d{1,2}", words[-2].group(0)):
        start = base + words[-2].start()
    return span_pair(text, short, open_at + 1 + lead, start, end)


def one_word_and_head(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "polymorphonuclear leukocytes (PMN)": an acronym of one long word, and its noun.

    The short form's capitals all come from the parts of one long word, in
    order and the first at its start, and the plain lower-case word after it
    names what the thing is ("cells", "ions", "index").
    """
    short, lead = first_part(text[open_at + 1 : close_at])
    if not (short.isalpha() and short.isupper() and len(short) >= 3):
        return None
    words, base = words_before(text, open_at, 2)
    if len(words) != 2:
        return None
    word, noun = words[0].group(0), words[1].group(0)
    if not (re.fullmatch(r"[a-z]{8,}", word.lower()) and re.fullmatch(r"[a-z]{4,}", noun)):
        return None
    # A past tense after the word makes a clause, not a name: "commissioners agreed".
    if noun in _SMALL or noun.endswith("ed") or not letters_in_order(list(short.lower()), word):
        return None
    return span_pair(text, short, open_at + 1 + lead,
                      base + words[0].start(), base + words[1].end())


_SHARED_HEAD = re.compile(
    r"(?P<m1>[\w-]+) \((?P<s1>[^()\[\]]+)\),? (?:and|or) (?P<m2>[\w-]+) \((?P<s2>[^()\[\]]+)\) "
    r"(?P<head>[\w-]+(?: [\w-]+){0,2})")


def shared_head(text: str, open_at: int, close_at: int) -> Pair | None:
    """ "scanning (SEM) and transmission (TEM) electron microscopy": two long forms, one head.

    Each short form follows its own first word, and the words they share come
    after the second bracket. Both short forms must be spelt in full by their
    word and the same shared words, each of which starts a letter of both. The
    long form's offsets span the whole stretch; its text leaves out what lies
    between.
    """
    for match in _SHARED_HEAD.finditer(text, max(0, open_at - 40), min(len(text), close_at + 120)):
        side = "1" if match.start("s1") == open_at + 1 else "2" if match.start("s2") == open_at + 1 else ""
        if not side:
            continue
        named = ((match.group("s1"), match.group("m1")), (match.group("s2"), match.group("m2")))
        heads = match.group("head").split(" ")
        for count in range(len(heads), 0, -1):
            head = " ".join(heads[:count])
            if all(is_short_form(short) and heads[count - 1][0].lower() in short.lower()
                   and best_long_form(short, f"{modifier} {head}") == f"{modifier} {head}"
                   for short, modifier in named):
                short, modifier = named[int(side) - 1]
                return Pair(short, f"{modifier} {head}", open_at + 1, open_at + 1 + len(short),
                            match.start("m" + side), match.start("head") + len(head))
    return None
