"""Which words a short form's letters spell: the letter matching behind every pair.

:func:`best_long_form` aligns a short form's letters with the words before
(or inside) a bracket and scores each candidate run of words, after Schwartz
and Hearst (2003). The finders in :mod:`plainspeak.nlp.abbreviations` and
:mod:`plainspeak.nlp.abbreviation_shapes` decide where to look; this module
only says whether, and how well, a run of words spells the letters.
"""

from __future__ import annotations

import re

from plainspeak.resources import data_lines
from plainspeak.terms.wordlists import word_set

MIN_SCORE = 1
# How far back from a bracket or a cue the words of a long form or term are
# read. No long form comes near it, and in text with no clause break at all (a
# flattened table, a flood of brackets) reading back to the paragraph's start
# for every bracket or cue made the time grow with the paragraph's square.
LONGEST_LOOK_BACK = 2_000
_GREEK = word_set("greek_letters.txt")
# "non-" stays with a long form's first word too, when the short form has an N for it.
_PREFIX_WORDS = _GREEK | {"non"}
# Scoring also lets "their" go unspelt; the bracket shapes count it as a word of the name.
_STOPWORDS = word_set("small_words.txt") | {"their"}


def _any_word(name: str) -> str:
    return "|".join(re.escape(word) for word in data_lines(name))


CLAUSE_OPENER = re.compile(rf"(?:{_any_word('clause_openers.txt')})\b", re.IGNORECASE)
# A long form never starts on a small word ("by penicilloylated ...", "of the heart
# rate (HR)"), except "a", "an", "as" and "its", which may start a name ("As Low As
# Reasonably Practicable (ALARP)").
_NON_STARTERS = sorted(word_set("small_words.txt") - {"a", "an", "as", "its"})
_LEADING_SMALL = re.compile(rf"^(?:{'|'.join(map(re.escape, _NON_STARTERS))})\s", re.IGNORECASE)
_VERB = re.compile(rf"\b(?:{_any_word('clause_verbs.txt')})\b", re.IGNORECASE)


def _by_digit(name: str) -> dict[str, list[str]]:
    """A ``word digit`` table as the words for each digit, in the file's order."""
    words: dict[str, list[str]] = {}
    for line in data_lines(name):
        word, digit = line.split()
        words.setdefault(digit, []).append(word)
    return words


_NUMBER_WORDS = re.compile(r"\b(?:{})\b".format("|".join(
    f"(?P<d{digit}>{'|'.join(map(re.escape, words))})" for digit, words in _by_digit("number_words.txt").items())),
    re.IGNORECASE)
_ROMAN_VALUES = {numeral: digit for digit, numerals in _by_digit("roman_numerals.txt").items() for numeral in numerals}
_ROMAN = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, _ROMAN_VALUES))))


def best_long_form(short: str, candidate: str, numbers: bool = False) -> str | None:
    """The tail of ``candidate`` that best spells ``short``, or None.

    Every tail starting at a word (or after a hyphen or bracket) whose first
    character is the short form's first is tried. A tail scores one point per
    short-form character that starts a word, less one per content word that
    none of its characters come from; the best wins, the shorter on a tie.

    With ``numbers``, a digit in the short form may also stand for a number
    word ("2D" for "two-dimensional") or a word that sounds like one ("D2A" for
    "discharge to assess"): the words are read as their digits.
    """
    core = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
    letters = [c.lower() for c in core if c.isalnum()]
    if len(letters) < 2 or short.lower() in candidate.lower().split():
        return None
    found = _best_tail(letters, candidate, core)
    if found is None and numbers and any(c.isdigit() for c in core):
        found = _best_tail(letters, _numbers_as_digits(candidate), core)
    if found is None:
        return None
    tail = with_prefix(candidate, found, "n" in core.lower()).strip(" ,:\"'")
    if _LEADING_SMALL.match(tail) or _VERB.search(tail):
        return None  # "by penicilloylated ...", "pressure was monitored ...": not a name
    # A comma belongs in a long form only inside a list of capitalised words:
    # "Voluntary, Community and Social Enterprise (VCSE)", "Smith, Jones, and Brown (SJB)",
    # or inside a name that starts with a capital: "Non-A, non-B hepatitis (NANB)".
    if not balanced(tail):
        return None
    for comma in re.finditer(r",\s+(?!(?:and|or)\s+[A-Z])(?=[a-z])", tail):
        if not tail[0].isupper() or CLAUSE_OPENER.match(tail[comma.end():]):
            return None
    return tail


def _numbers_as_digits(candidate: str) -> str:
    """The text with each number word's first letter replaced by its digit (same length)."""
    spelt = _NUMBER_WORDS.sub(lambda m: m.lastgroup[1] + m.group(0)[1:], candidate)
    return _ROMAN.sub(lambda m: _ROMAN_VALUES[m.group(0)] + m.group(0)[1:].lower(), spelt)


def _best_tail(letters: list[str], candidate: str, core: str) -> int | None:
    """Where the best-scoring tail of ``candidate`` starts, or None."""
    best: tuple[int, int, str] | None = None
    for start in _word_starts(candidate):
        tail = candidate[start:].rstrip()
        if candidate[start].lower() != letters[0] or len(tail.split()) > min(len(letters) + 5, len(letters) * 2):
            continue
        positions = _align(letters, tail)
        if positions is None:
            continue
        score = _score(tail, positions)
        if best is None or (score, -len(tail)) > (best[0], -len(best[2])):
            best = (score, start, tail)
    if best is None or len(best[2]) <= len(core) or best[0] < MIN_SCORE:
        return None
    return best[1]


def with_prefix(candidate: str, start: int, keep_non: bool = True) -> str:
    """Keep a prefix that belongs to the first word of the long form.

    A chemical prefix ("2,6-", "12-O-"), "non-" or a Greek letter ("alpha-1-")
    stays; an opening bracket or quote never does. "non-" stays only when the
    short form has an N for it: "non-high-density lipoprotein (HDL)" names HDL.
    """
    word_start = candidate.rfind(" ", 0, start) + 1
    prefix = candidate[word_start:start]
    if not prefix or prefix[0] in "\"'“‘":
        return candidate[start:].rstrip()
    if not balanced(prefix):
        if prefix[0] in "([":
            return candidate[start:].rstrip()
        # "N-(1-naphthyl) ethylene ...": the bracket opened in the prefix closes in the
        # long form, so the whole word belongs; any other open bracket does not.
        whole = candidate[word_start:].rstrip()
        closes_inside = balanced(whole) and not balanced(candidate[start:]) and ", " not in whole
        return whole if closes_inside else candidate[start:].rstrip()
    words = [w.lower() for w in re.findall(r"[A-Za-z]{2,}", prefix)]
    if all(w in _PREFIX_WORDS and (keep_non or w != "non") for w in words):
        return candidate[word_start:].rstrip()
    return candidate[start:].rstrip()


def balanced(text: str) -> bool:
    """Whether every bracket in ``text`` closes, and none closes before it opens."""
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def letters_in_order(letters: list[str], word: str) -> bool:
    """Whether ``letters`` appear in ``word`` in order, the first at its start.

    British spelling keeps a Greek "oe" or "ae" where the short form has an E:
    "oestradiol (E2)", "aetiology (E)".
    """
    lowered = word.lower()
    if lowered[:2] in ("oe", "ae") and letters[:1] == ["e"]:
        lowered = lowered[1:]
    if not letters or lowered[0] != letters[0]:
        return False
    at = 1
    for letter in letters[1:]:
        at = lowered.find(letter, at) + 1
        if at == 0:
            return False
    return True


def _word_starts(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or text[i - 1] in " -/([\"'")]


def _is_initial(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum() or (text[i].isupper() and text[i - 1].islower())


def _align(letters: list[str], tail: str) -> list[int] | None:
    """Positions in ``tail`` for each letter, the first at 0, most of them word-initial."""
    n, size = len(letters), len(tail)
    lowered = tail.lower()
    # score[k][i]: best count of word-initial matches for letters[:k+1] with letter k at i.
    score: list[dict[int, int]] = [{0: 1} if lowered[0] == letters[0] else {}]
    back: list[dict[int, int]] = [{}]
    for k in range(1, n):
        row, links, best_prev, best_at, prev_sorted = {}, {}, -1, -1, sorted(score[k - 1])
        pointer = 0
        for i in range(1, size):
            while pointer < len(prev_sorted) and prev_sorted[pointer] < i:
                at = prev_sorted[pointer]
                if score[k - 1][at] >= best_prev:
                    best_prev, best_at = score[k - 1][at], at
                pointer += 1
            if best_at >= 0 and lowered[i] == letters[k]:
                row[i] = best_prev + _is_initial(tail, i)
                links[i] = best_at
        score.append(row)
        back.append(links)
        if not row:
            return None
    at = max(score[-1], key=lambda i: (score[-1][i], i))
    positions = [at]
    for k in range(n - 1, 0, -1):
        at = back[k][at]
        positions.append(at)
    return positions[::-1]


def _score(tail: str, positions: list[int]) -> int:
    initials = sum(_is_initial(tail, i) for i in positions)
    uncovered = 0
    for word in re.finditer(r"[A-Za-z0-9]+", tail):
        covered = any(word.start() <= i < word.end() for i in positions)
        if not covered and word.group(0).lower() not in _STOPWORDS and not word.group(0).isdigit():
            uncovered += 1
    return initials - uncovered
