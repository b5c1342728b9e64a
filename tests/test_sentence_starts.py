"""plainspeak_sentence_starts: a stop and a capital start a sentence before the parser runs."""

from __future__ import annotations

import pytest

from plainspeak.glossary.model import GlossarySet
from plainspeak.nlp.sentence_starts import NAME, SENTENCIZER, add_to, mark_sentence_starts
from plainspeak.settings import Settings
from tests.helpers import blank_nlp

FRAGMENT = ("A grade on the national pay scale for most NHS staff, from Band 1 to Band 9. "
            "A higher band means more skill, responsibility and pay.")


def starts(text: str) -> list[str]:
    """The words after the first that are marked as sentence starts."""
    doc = mark_sentence_starts(blank_nlp().make_doc(text))
    return [t.text for t in doc[1:] if t.is_sent_start]


@pytest.mark.parametrize("text, expected", [
    (FRAGMENT, ["A"]),
    ("Spending fell by 3.2. Budgets rose. Why? Because demand grew!  Then it fell.",
     ["Budgets", "Why", "Because", "Then"]),
    ("The motion was seconded by the Mayor. The Council agreed.", ["The"]),
])
def test_a_stop_then_a_capital_starts_a_sentence(text: str, expected: list[str]) -> None:
    assert starts(text) == expected


def test_a_short_opening_label_ends_before_the_capital_after_its_colon() -> None:
    assert starts("Purpose of report: To set out the forecast.") == ["To"]
    assert starts("Decision required: The group is asked to note it.") == ["The"]
    assert starts("Item four of the agenda for today: Budget.") == []  # six words: not a label
    assert starts("Purpose of report: to set out the forecast.") == []


def test_a_clause_before_a_colon_is_not_a_label() -> None:
    from spacy.tokens import Doc

    words = ["We", "agreed", ":", "The", "plan", "stands", "."]
    doc = Doc(blank_nlp().vocab, words=words, tags=["PRP", "VBD", ":", "DT", "NN", "VBZ", "."])
    assert [t.text for t in mark_sentence_starts(doc)[1:] if t.is_sent_start] == []


@pytest.mark.parametrize("text", [
    "Cllr. Smith agreed the plan.",  # a title the tokenizer keeps whole with its stop
    "Dr. Jones and Mrs. Khan agreed.",  # abbreviations kept whole
    "The budget is set e.g. The Care Act applies.",
    "It rose to 4.2 in May. and then fell.",  # no capital after the stop
    "See item 4.A below.",  # no space after the stop
])
def test_no_start_where_the_stop_does_not_end_a_sentence(text: str) -> None:
    assert starts(text) == []


def test_added_before_the_parser_only() -> None:
    import spacy

    nlp = spacy.blank("en")
    add_to(nlp, Settings(), GlossarySet())
    # Nothing to guide in a blank pipeline, which has no parser; it gets a sentencizer, once.
    add_to(nlp, Settings(), GlossarySet())
    assert nlp.pipe_names == [SENTENCIZER]
    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    nlp.add_pipe("tagger", first=True)
    add_to(nlp, Settings(), GlossarySet())
    add_to(nlp, Settings(), GlossarySet())
    assert nlp.pipe_names == ["tagger", NAME, "parser"]


@pytest.mark.slow
def test_the_trained_parser_keeps_the_start() -> None:
    from plainspeak.engine import load_glossaries
    from plainspeak.nlp.pipeline import build_pipeline

    settings = Settings()
    nlp = build_pipeline(settings, load_glossaries(settings))
    assert [s.text for s in nlp(FRAGMENT).sents] == [
        "A grade on the national pay scale for most NHS staff, from Band 1 to Band 9.",
        "A higher band means more skill, responsibility and pay.",
    ]
    label = "Background: The council agreed the plan in May."
    assert [s.text for s in nlp(label).sents] == ["Background:", "The council agreed the plan in May."]
    with nlp.select_pipes(disable=[NAME]):
        assert len(list(nlp(label).sents)) == 1  # what the parser does on its own
