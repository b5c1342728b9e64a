"""Readability features, helpers and the paper summary, on ``spacy.blank("en")``."""

from __future__ import annotations

import pickle

import pytest
import textstat

from plainspeak.engine import check_paper
from plainspeak.glossary.model import GlossarySet
from plainspeak.nlp.pipeline import add_components
from plainspeak.nlp.readability import features_of
from plainspeak.paper import Block, BlockKind, Place
from plainspeak.readability.figures import figures_in
from plainspeak.readability.passive import Passive
from plainspeak.readability.sentences import is_strict, looks_like_table
from plainspeak.readability.units import table_lacks_units
from plainspeak.readability.voice import active_phrase, describe
from plainspeak.readability.words import fk_grade, reading_age
from plainspeak.rules import all_rules
from plainspeak.settings import Settings
from tests.helpers import blank_nlp, paper_from_text


@pytest.fixture(scope="module")
def nlp():
    return add_components(blank_nlp(), Settings(), GlossarySet())


def features(nlp, text: str):
    return features_of(nlp(text))


def test_words_leave_out_paragraph_numbers_and_bullets(nlp) -> None:
    plain = features(nlp, "The council spent £4.2m on co-production (BCF) work.")[0]
    numbered = features(nlp, "3.2 The council spent £4.2m on co-production (BCF) work.")[0]
    bulleted = features(nlp, "• The council spent £4.2m on co-production (BCF) work.")[0]
    assert plain.words == numbered.words == bulleted.words == 8
    text = "3.2 The council spent £4.2m on co-production (BCF) work."
    assert text[numbered.start : numbered.end] == "The council spent £4.2m on co-production (BCF) work."


def test_grade_matches_textstat_on_a_plain_sentence(nlp) -> None:
    text = "The committee agreed to keep the library open on Saturday mornings."
    ours = features(nlp, text)[0]
    assert ours.syllables == textstat.syllable_count(text)
    assert ours.grade == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.01)
    assert reading_age(ours.grade) == pytest.approx(ours.grade + 5)
    assert fk_grade(0, 0, 0) == 0.0


def test_fragments_and_name_lists_are_not_graded(nlp) -> None:
    assert not features(nlp, "Winter plan update.")[0].gradeable
    assert not features(nlp, "Councillor Anne Smith, Councillor Bob Jones, Councillor Carl Brown and Dr Dee Patel.")[0].gradeable
    assert features(nlp, "We will keep the day centre open on Saturdays until March.")[0].gradeable


def test_broken_sentences_are_joined_as_a_reader_sees_them(nlp) -> None:
    doc = blank_nlp().make_doc("We met on 3 May, e.g. the first Tuesday. Then we left.")
    doc[0].is_sent_start = True
    for token in doc[1:]:
        token.is_sent_start = token.text in ("the", "Then")
    from plainspeak.readability.features import reader_sentences

    assert [s.text for s in reader_sentences(doc, doc.text)] == [
        "We met on 3 May, e.g. the first Tuesday.", "Then we left."]


def test_figures_have_kinds_and_styles() -> None:
    text = "We spent £4.2m (12%) in 2024/25, £4,200,000 in FY24 and 1,250 visits by 3 March 2025, see paragraph 3.2."
    found = [(text[f.start : f.end], f.kind, f.style) for f in figures_in(text)]
    assert found == [
        ("£4.2m", "money", "suffix-m"), ("12%", "percent", ""), ("2024/25", "year", "slash-2"),
        ("£4,200,000", "money", "digits"), ("FY24", "year", "fy"), ("1,250", "number", ""),
        ("3 March 2025", "date", ""),
    ]


def test_passives_on_a_blank_pipeline(nlp) -> None:
    found = features(nlp, "The plan was approved and the budget will be reviewed by the Board in March.")[0].passives
    assert [(p.auxiliaries, p.participle, p.agent) for p in found] == [
        (("was",), "approved", ""), (("will", "be"), "reviewed", "the Board")]
    assert features(nlp, "The new advice service is based in the town hall on the square.")[0].passives == ()


@pytest.mark.parametrize("auxiliaries, participle, lemma, actor, expected", [
    (("was",), "approved", "approve", "the Board", "the Board approved"),
    (("was",), "written", "write", "the team", "the team wrote"),
    (("will", "be"), "reviewed", "review", "the panel", "the panel will review"),
    (("has", "been"), "agreed", "agree", "the council", "the council has agreed"),
    (("is",), "funded", "fund", "the council", "the council funds"),
    (("are",), "funded", "fund", "the councils", "the councils fund"),
])
def test_active_phrase(auxiliaries, participle, lemma, actor, expected) -> None:
    passive = Passive(0, 1, auxiliaries, participle, lemma, actor, actor.endswith("s"))
    assert active_phrase(passive, actor, passive.agent_plural) == expected


def test_passive_messages_name_the_missing_actor() -> None:
    message, suggestion = describe(Passive(0, 12, ("was",), "approved", "approve"), "was approved")
    assert message == "Passive voice: 'was approved' leaves out who does it."
    assert suggestion == "Say who, first: '[who] approved …'."
    message, suggestion = describe(Passive(0, 12, ("was",), "approved", "approve", "the Board"), "was approved")
    assert message == "Passive voice: 'was approved' names who acts only after the action."
    assert suggestion == "Start with them: 'The Board approved …'."


def test_strict_sections_match_by_containment_and_inline_label() -> None:
    settings = Settings()
    block = lambda text, section="": Block(BlockKind.PARAGRAPH, text, Place(paragraph=1), section=section)  # noqa: E731
    assert is_strict(block("Text.", "2. Executive Summary"), settings)
    assert is_strict(block("Recommendation(s): Note the plan."), settings)
    assert not is_strict(block("We agreed the recommendation: note the plan."), settings)
    assert not is_strict(block("Text.", "Background"), settings)


def test_tables_are_judged_as_tables() -> None:
    cell = lambda text: Block(BlockKind.TABLE_CELL, text, Place(paragraph=1, table=1))  # noqa: E731
    bare = [cell(t) for t in ("Service", "2024/25", "2025/26", "Day care", "4,200", "4,350", "Transport", "1,100", "1,150")]
    assert table_lacks_units(bare, "Spending by service").text == "4,200"
    assert table_lacks_units(bare, "Spending by service (£000)") is None
    assert looks_like_table("Item | £m | Total | 4.2")


def test_features_pickle(nlp) -> None:
    doc = nlp("The plan was approved in March after we spent £4.2m on it.")
    assert pickle.loads(pickle.dumps(features_of(doc))) == features_of(doc)


def test_summary_gives_the_paper_level_picture(nlp) -> None:
    paper = paper_from_text(
        "# Summary\n\nWe will keep the day centre open on Saturdays until March.\n\n"
        "# Money\n\nThe council will keep the day centre in Bridge Street open on Saturdays until the end of "
        "March, and after that it will look again at how many people use it.\n")
    settings = Settings(ignore={r.code for r in all_rules()})
    summary = check_paper(paper, settings, GlossarySet(), nlp=nlp).summary["readability"]
    assert summary["sentences"] == 2
    assert summary["hard_sentences"] == 1 and summary["hard_share"] == 0.5
    assert summary["longest_sentence"]["words"] == 31
    assert summary["longest_sentence"]["location"]["section"] == "Money"
    assert [(p["label"], p["sentences"], p["hard"]) for p in summary["profile"]] == [("Summary", 1, 0), ("Money", 1, 1)]
    assert set(summary) == {"sentences", "reading_age", "grade", "average_sentence_words", "hard_sentences",
                            "hard_share", "passive_share", "longest_sentence", "profile"}


def test_reading_age_is_shown_as_a_reader_takes_it() -> None:
    from plainspeak.readability.words import reading_age_text

    assert [reading_age_text(a) for a in (15.6, 21.4, 21.6, 34.0, 3.0)] == [
        "reading age 16", "reading age 21", "reading age over 21", "reading age over 21", "reading age 5"]


def _messages(nlp, text: str, code: str) -> list[tuple[str, str]]:
    settings = Settings(ignore={r.code for r in all_rules() if r.code != code})
    result = check_paper(paper_from_text(text), settings, GlossarySet(), nlp=nlp)
    return [(f.message, f.suggestion) for f in result.findings]


def test_messages_are_sentences_that_do_not_repeat_their_suggestion(nlp) -> None:
    long = ("The council has agreed that the day centre on Bridge Street, which opened in 1998 and which many "
            "older residents from across the borough still use every single week, will close for the whole "
            "of the winter while the roof and the heating system are repaired by contractors.")
    assert _messages(nlp, long, "PS201") == [(
        "Long sentence: 48 words (over 30; reading age over 21).",
        "Make the 'which …' or 'who …' part a sentence of its own.")]
    units = "We spent £4.2m on day care this year.\n\nSpending (£000): 4,200"
    assert _messages(nlp, units, "PS303") == [
        ("Unexplained unit: the paper never says what the 'm' in '£4.2m' stands for.",
         "Write the word in full at least once: '£4.2 million'."),
        ("Unexplained unit: the paper never says what '£000' means.",
         "Say once, where it first appears, that it means thousands of pounds.")]
    mixed = ("We spent £4.2m on day care this year. Next year we plan to spend £3.9m on day care. "
             "Transport cost £1,250,000 across the whole of the borough.")
    assert _messages(nlp, mixed, "PS302") == [(
        "Sums of a million or more are written 2 ways in this paper: 2 with 'm', 'k' or 'bn', 1 in full figures.",
        "Write this one the way the paper writes most of them.")]


def test_doc_facts_read_tags_and_the_parse_from_their_arrays() -> None:
    import spacy
    from spacy.tokens import Doc

    from plainspeak.readability.docfacts import doc_facts

    words = ["The", "plan", "was", "agreed", "by", "the", "board", "and", "it", "starts", "today", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              tags=["DT", "NN", "VBD", "VBN", "IN", "DT", "NN", "CC", "PRP", "VBZ", "NN", "."],
              heads=[1, 3, 3, 3, 6, 6, 3, 9, 9, 3, 9, 3],
              deps=["det", "nsubj:pass", "aux:pass", "ROOT", "case", "det", "obl:agent", "cc",
                    "nsubj", "conj", "obl:tmod", "punct"])
    facts = doc_facts(doc, doc.text)
    assert facts.passive_heads == (3,)  # "agreed", by its passive subject and helper
    assert facts.finite_upto == [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]  # "was", then "starts"
    assert facts.finite(0, 3) is True and facts.finite(3, 9) is False
