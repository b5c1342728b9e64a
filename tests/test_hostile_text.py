"""Paragraphs built to make the checker slow are checked in time, and what follows them is found.

Each paragraph carries a flood of one shape: brackets run into a word (spaCy's
tokenizer strips them one at a time), a run of spaces (patterns that open with
white space), bracketed acronyms and "is a" with no clause break (reading back
to the paragraph's start for every bracket or cue), sentences with no words
(each joined to a span that grows), dashed explanations (the rest of the
paragraph read for each, and the sentence found again for each finding),
hidden verbs in one sentence (the sentence folded again for each finding's
fingerprint). The time each took grew with the square of the flood's length:
each paragraph here took from half a minute to several minutes. The guard
allows many times what the check takes now; a paper that needs more gets E115,
not a result.
"""

from __future__ import annotations

import pytest

from plainspeak.deadline import TimeUp, time_limit
from plainspeak.engine import check_paper, checkable_text, load_glossaries
from plainspeak.nlp.tokenizer import LONGEST_WORD_CHARS, blank_long_runs
from plainspeak.settings import Settings
from tests.helpers import paper_from_text

GUARD_S = 20
TAIL = "The QPX board met."

FLOODS = {
    "brackets run into a word": "The plan" + ")" * 60_000 + " went ahead.",
    "a run of spaces": "The precept" + " " * 100_000 + "rose.",
    "bracketed acronyms": "The " + "(ABC) " * 10_000 + "end.",
    "'is a' with no clause break": "The " + "x is a " * 16_000 + "end.",
    "sentences with no words": "The plan. " + "£ . " * 20_000,
    "spaced dashes": "The " + "x – a " * 10_000 + "end.",
    "hidden verbs in one sentence": "The " + "provision of care and the " * 7_500 + "end.",
}


@pytest.mark.parametrize("flood", FLOODS.values(), ids=FLOODS.keys())
def test_a_flooded_paragraph_is_checked_in_time(flood: str, blank_model: str) -> None:
    settings = Settings(model=blank_model, isolate=False)
    glossaries = load_glossaries(settings)
    paper = paper_from_text(f"# Plan\n\n{flood} {TAIL}\n\n{TAIL}")
    try:
        with time_limit(GUARD_S):
            result = check_paper(paper, settings, glossaries)
    except TimeUp:
        pytest.fail(f"the check took more than {GUARD_S} s")
    found = [(f.text, f.location.paragraph) for f in result.findings if f.code == "PS102"]
    flagged_in_flood = [("ABC", 2)] if "(ABC)" in flood else []
    assert found == [*flagged_in_flood, ("QPX", 2)]  # QPX's first use, after the flood, is flagged there


def test_runs_too_long_for_words_are_blanked_in_place_but_for_their_edge_marks() -> None:
    run = "x" * (LONGEST_WORD_CHARS + 1)
    kept = "y" * (LONGEST_WORD_CHARS - 1)  # with its comma, as long as a word may be
    text = f"See {run} and {kept}, then ({run}). “{run}!”"
    blanked = blank_long_runs(text)
    assert len(blanked) == len(text)
    gap = " " * len(run)
    assert blanked == f"See {gap} and {kept}, then ({gap}). “{gap}!”"
    assert blank_long_runs(f"See {kept}.") == f"See {kept}."


def test_the_text_the_pipeline_reads_has_the_runs_blanked() -> None:
    paper = paper_from_text("The plan" + ")" * 5_000 + " went ahead.")
    text = checkable_text(paper, 0)
    assert text == "The " + " " * len("plan" + ")" * 4_997) + "))) went ahead."
    assert paper.blocks[0].text.count(")") == 5_000  # the paper itself is untouched


def test_a_sentence_with_a_long_web_address_still_ends_and_is_quoted_as_written(blank_model: str) -> None:
    address = "https://example.org/papers?id=" + "a1b2" * 60
    paper = paper_from_text(f"# Plan\n\nThe ABC papers are at {address}. The QPX board met in June.")
    settings = Settings(model=blank_model, isolate=False)
    result = check_paper(paper, settings, load_glossaries(settings))
    assert [(f.text, f.context) for f in result.findings if f.code == "PS102"] == [
        ("ABC", f"The ABC papers are at {address}."),  # the paper's words, not the blanked copy
        ("QPX", "The QPX board met in June."),  # the stop after the address still ends a sentence
    ]
