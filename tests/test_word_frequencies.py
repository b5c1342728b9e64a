"""The shipped frequency table gives wordfreq's own Zipf frequencies."""

from __future__ import annotations

import pytest

from plainspeak.nlp.candidates import COMPOUND_ZIPF, RARE_WORD_ZIPF
from plainspeak.word_frequency import CUTOFF, zipf

wordfreq = pytest.importorskip("wordfreq")


def test_the_commonest_words_give_wordfreqs_figure() -> None:
    words = wordfreq.top_n_list("en", 30_000)
    differ = [w for w in words if zipf(w) != wordfreq.zipf_frequency(w, "en")]
    assert differ == []


def test_words_below_the_cut_off_read_as_unknown() -> None:
    # Words of letters: the only words plainspeak asks about one at a time.
    rare = [w for w in wordfreq.get_frequency_dict("en") if w.isalpha() and wordfreq.zipf_frequency(w, "en") < CUTOFF]
    assert len(rare) > 100_000
    assert {zipf(w) for w in rare} == {0.0}
    assert CUTOFF < min(RARE_WORD_ZIPF, COMPOUND_ZIPF)


@pytest.mark.parametrize("word", [
    "Reablement", "co-production", "self-care", "e-mail", "non-recurrent", "step-down", "café",
    "straße", "don't", "virement", "qwrtpz", "", "follow-up-care",
])
def test_cased_hyphenated_and_unknown_words_as_wordfreq_gives_them(word: str) -> None:
    expected = wordfreq.zipf_frequency(word, "en")
    assert zipf(word) == (expected if expected >= CUTOFF else 0.0)
