"""A term is named in notes and the word list as the paper wrote it, spelled as the glossary spells it.

A name the paper writes in capitals keeps them; an expansion the paper wrote is
not explained by the acronym it never used.
"""

from __future__ import annotations

import dataclasses

from plainspeak.glossary.model import GlossarySet, Status, Term
from plainspeak.writers.appendix import words_used
from plainspeak.writers.notes import name_in_paper, note_for
from tests.helpers import paper_from_text
from tests.writer_support import result_for, term_finding

CHC = Term("CHC", "Care the NHS arranges and pays for in full.", expansion="continuing healthcare",
           aliases=("fully funded care",), status=Status.AGREED)
DELEGATION = Term("scheme of delegation", "Who may decide what.", aliases=("delegation of authority",),
                  status=Status.AGREED)


def test_each_written_form_is_named_as_the_glossary_spells_it():
    assert name_in_paper(CHC, "continuing healthcare") == "continuing healthcare"
    assert name_in_paper(CHC, "CHC") == "CHC"
    assert name_in_paper(CHC, "CHCs") == "CHC"
    # A capital only at the start is the sentence's, not the name's.
    assert name_in_paper(CHC, "Fully funded care") == "fully funded care"


def test_a_name_the_paper_writes_in_capitals_keeps_them():
    assert name_in_paper(CHC, "Continuing  Healthcare") == "Continuing Healthcare"
    assert name_in_paper(DELEGATION, "Delegation of Authority") == "Delegation of Authority"
    # A plural is still filed under the glossary's singular, in the glossary's case.
    assert name_in_paper(DELEGATION, "Schemes of Delegation") == "scheme of delegation"


def test_a_form_the_glossary_does_not_list_goes_under_the_headword():
    assert name_in_paper(DELEGATION, "schemes of delegations") == "scheme of delegation"
    # Acronyms keep their case: "chc" is not the acronym as written.
    assert name_in_paper(CHC, "chc") == "CHC"


def _paper_and_result(text: str, word: str, key: str):
    paper = paper_from_text(text)
    finding = dataclasses.replace(term_finding(paper, word), term=key)
    return paper, result_for(paper, [finding])


def test_a_note_on_an_expansion_is_labelled_with_it_not_the_acronym():
    paper, result = _paper_and_result("Her Continuing Healthcare review is due.", "Continuing Healthcare", "CHC")
    note = note_for(result.findings[0], GlossarySet(terms=[CHC]), result)
    assert note.label == "Continuing Healthcare"
    # The paper wrote the words, so the note does not bring in the short form.
    assert note.meaning == "Care the NHS arranges and pays for in full."


def test_a_note_on_an_acronym_says_what_it_stands_for():
    paper, result = _paper_and_result("Her CHC review is due.", "CHC", "CHC")
    note = note_for(result.findings[0], GlossarySet(terms=[CHC]), result)
    assert note.label == "CHC"
    assert note.meaning == "CHC stands for continuing healthcare. Care the NHS arranges and pays for in full."


def test_the_word_list_files_an_alias_under_the_words_the_paper_used():
    paper, result = _paper_and_result("The delegation of authority was changed in May.",
                                      "delegation of authority", "scheme of delegation")
    entries = words_used(paper, result, GlossarySet(terms=[DELEGATION]))
    assert [(e.term, e.meaning) for e in entries] == [("delegation of authority", "Who may decide what.")]


def test_the_headword_stays_where_the_paper_uses_it():
    paper, result = _paper_and_result("The scheme of delegation was changed in May.",
                                      "scheme of delegation", "scheme of delegation")
    entries = words_used(paper, result, GlossarySet(terms=[DELEGATION]))
    assert [e.term for e in entries] == ["scheme of delegation"]
