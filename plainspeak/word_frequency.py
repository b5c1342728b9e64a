"""How common an English word is: wordfreq's Zipf frequency, without importing wordfreq.

Importing wordfreq and unpacking its whole English list costs a fifth of a
second in every process. ``data/word_frequencies.txt.gz`` (written by
``scripts/build_word_frequencies.py`` from wordfreq's "en" list, CC BY-SA
4.0) holds every word at Zipf ``CUTOFF`` or above in hundredths, the steps
wordfreq itself stores, so a word gives exactly ``zipf_frequency(word, "en")``.
A rarer or unknown word gives 0.0, as wordfreq gives for a word it lacks:
every threshold plainspeak compares against is far above the cut-off.

As wordfreq does, a lookup is NFC-normalised and case-folded, and a word
with hyphens ("co-production") is split into parts whose frequencies
combine as 1/f = 1/f1 + 1/f2. A part holding a digit reads as unknown, and
other punctuation ("U.S.") may split differently from wordfreq's tokenizer:
no caller asks about such words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from plainspeak.resources import read_counted_words

TABLE = "word_frequencies.txt.gz"
CUTOFF = 1.5
_PART = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    """Word -> Zipf frequency in hundredths, read once per process."""
    return read_counted_words(TABLE)


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English, rounded to hundredths; 0.0 if rare or unknown."""
    text = unicodedata.normalize("NFC", word).casefold()
    table = _table()
    if text in table or text.isalpha():
        return table.get(text, 0) / 100
    parts = _PART.findall(text)
    if not parts or any(part not in table for part in parts):
        return 0.0
    return _combined([table[part] for part in parts])


def _combined(hundredths: list[int]) -> float:
    """wordfreq's frequency of a word of several parts, from the parts' Zipf hundredths."""
    # The table's steps are wordfreq's own (a frequency of 10 ** (z - 9)), so
    # combining and rounding as wordfreq does gives its figure exactly.
    frequency = 1.0 / sum(1.0 / 10 ** ((value - 900) / 100) for value in hundredths)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    value = round(math.log(frequency, 10) + 9, 2)
    return value if value >= CUTOFF else 0.0
