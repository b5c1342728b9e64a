"""PS105's plainer words take the form of the verb they replace.

"allocated" -> "give" and "anticipated" -> "expect" read as "expected to be
give" and "it is expect" when pasted in; now the suggestion is "given",
"expected", "gives", "giving", and a word that is not a verb is left alone.
"""

from __future__ import annotations

import pytest

from plainspeak.engine import check_paper, load_glossaries
from plainspeak.rules.ps105_plain_alternative import inflected
from plainspeak.settings import Settings
from tests.helpers import paper_from_text


@pytest.mark.parametrize("plainer, tag, expected", [
    ("give", "VBN", "given"), ("give", "VBD", "gave"), ("give", "VBZ", "gives"), ("give", "VBG", "giving"),
    ("share out", "VBN", "shared out"), ("set aside", "VBD", "set aside"), ("expect", "VBN", "expected"),
    ("give", "VB", "give"), ("about", "RB", "about"), ("use", "", "use"),
])
def test_the_first_word_takes_the_verbs_form(plainer: str, tag: str, expected: str) -> None:
    assert inflected(plainer, tag) == expected


@pytest.mark.slow
def test_suggestions_on_the_trained_pipeline_fit_the_sentence() -> None:
    from plainspeak.nlp.pipeline import build_pipeline

    settings = Settings()
    glossaries = load_glossaries(settings)
    paper = paper_from_text("The money is expected to be allocated to home care by March.\n\n"
                            "Officers anticipated a rise in demand over the winter months.")
    result = check_paper(paper, settings, glossaries, nlp=build_pipeline(settings, glossaries))
    suggestions = {f.text: f.suggestion for f in result.findings if f.code == "PS105"}
    assert suggestions == {"allocated": "given", "anticipated": "expected"}
