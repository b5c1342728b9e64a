"""Verb forms and the active rewrites PS203 suggests, with exact expected strings."""

from __future__ import annotations

import pytest

from plainspeak.readability.passive import Passive
from plainspeak.readability.verbforms import (
    base_form, past_participle, past_tense, present_participle, present_tense, third_person,
)
from plainspeak.readability.voice import active_phrase, describe


@pytest.mark.parametrize("participle, lemma, base", [
    ("approved", "", "approve"), ("reviewed", "", "review"), ("planned", "", "plan"),
    ("applied", "", "apply"), ("given", "", "give"), ("called", "", "call"),
    # A trained lemmatizer's slip is not trusted; a sound lemma is.
    ("anticipated", "anticipat", "anticipate"), ("estimated", "estimat", "estimate"),
    ("discharged", "discharged", "discharge"), ("recommissioned", "recommission", "recommission"),
    ("committed", "commit", "commit"), ("referred", "", "refer"), ("put", "put", "put"),
    ("noted", "note", "note"),
])
def test_base_form(participle: str, lemma: str, base: str) -> None:
    assert base_form(participle, lemma) == base


@pytest.mark.parametrize("base, third, past, participle, ing", [
    ("anticipate", "anticipates", "anticipated", "anticipated", "anticipating"),
    ("discharge", "discharges", "discharged", "discharged", "discharging"),
    ("apply", "applies", "applied", "applied", "applying"),
    ("approach", "approaches", "approached", "approached", "approaching"),
    ("go", "goes", "went", "gone", "going"),
    ("put", "puts", "put", "put", "putting"),
    ("plan", "plans", "planned", "planned", "planning"),
    ("agree", "agrees", "agreed", "agreed", "agreeing"),
    ("have", "has", "had", "had", "having"),
    ("be", "is", "was", "been", "being"),
    ("visit", "visits", "visited", "visited", "visiting"),
])
def test_inflections(base: str, third: str, past: str, participle: str, ing: str) -> None:
    assert (third_person(base), past_tense(base), past_participle(base), present_participle(base)) == (
        third, past, participle, ing)


def test_present_tense_agrees() -> None:
    assert [present_tense("fund", False), present_tense("fund", True), present_tense("be", True)] == [
        "funds", "fund", "are"]
    assert present_participle("commit", "committed") == "committing"


def passive(auxiliaries: tuple[str, ...], participle: str, lemma: str, **extra) -> Passive:
    return Passive(0, 1, auxiliaries, participle, lemma, **extra)


@pytest.mark.parametrize("group, actor, expected", [
    (passive(("was",), "approved", "approve"), "the Board", "the Board approved"),
    (passive(("was",), "written", "write"), "the team", "the team wrote"),
    (passive(("will", "be"), "realised", "realise"), "[who]", "[who] will realise"),
    (passive(("has", "been"), "driven", "drive"), "[who]", "[who] has driven"),
    (passive(("have", "been"), "identified", "identify"), "[who]", "[who] has identified"),
    (passive(("is",), "anticipated", "anticipate"), "[who]", "[who] anticipates"),
    (passive(("are",), "funded", "fund"), "the councils", "the councils fund"),
    (passive(("being",), "discharged", "discharge"), "[who]", "[who] discharges"),
    (passive(("is", "being"), "taken", "take"), "[who]", "[who] is taking"),
    (passive(("were", "being"), "provided", "provide"), "[who]", "[who] was providing"),
    (passive(("would", "have", "been"), "put", "put"), "[who]", "[who] would have put"),
    (passive(("to", "be"), "funded", "fund"), "[who]", "[who] … to fund"),
    (passive(("has", "been"), "renewed", "renew", negation="not"), "[who]", "[who] has not renewed"),
    (passive(("are",), "considered", "consider", negation="not"), "[who]", "[who] does not consider"),
    (passive(("was",), "agreed", "agree", negation="never"), "[who]", "[who] never agreed"),
    (passive(("should", "be"), "delivered", "deliver", negation="not", inverted=True), "[who]",
     "If [who] does not deliver"),
    (passive(("had", "been"), "agreed", "agree", inverted=True), "[who]", "If [who] had agreed"),
    (passive(("were",), "cared", "care", particle="for"), "[who]", "[who] cared for"),
])
def test_active_phrase_keeps_tense_modal_and_negation(group: Passive, actor: str, expected: str) -> None:
    assert active_phrase(group, actor, actor.endswith("s")) == expected


def test_an_actor_named_as_an_object_leads_as_a_subject() -> None:
    message, suggestion = describe(passive(("has", "been"), "renewed", "renew", agent="us", agent_plural=True),
                                   "has been renewed")
    assert message == "Passive voice: 'has been renewed' names who acts only after the action."
    assert suggestion == "Start with them: 'We have renewed …'."


@pytest.fixture(scope="module")
def model_nlp():
    from plainspeak.glossary.model import GlossarySet
    from plainspeak.nlp.model import load_pipeline
    from plainspeak.nlp.pipeline import add_components
    from plainspeak.settings import Settings

    return add_components(load_pipeline(), Settings(), GlossarySet())


def suggestions(nlp, text: str) -> list[str]:
    from plainspeak.nlp.readability import features_of

    doc = nlp(text)
    return [describe(p, doc.text[p.start : p.end])[1] for f in features_of(doc) for p in f.passives]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("The comments are reported to the Cabinet in March by Councillor Priya Shah, who chairs the board.",
     ["Start with them: 'Councillor Priya Shah reports …'."]),
    ("The plan was agreed by the Director of Adult Services in March last year.",
     ["Start with them: 'The Director of Adult Services agreed …'."]),
    ("It is anticipated that the overspend will be funded from reserves held by the council.",
     ["Say who, first: '[who] anticipates …'.", "Say who, first: '[who] will fund …'."]),
    ("Should the planned savings not be delivered in full, the council will use its reserves.",
     ["Say who, first: 'If [who] does not deliver …'."]),
    ("More patients are being discharged from hospital each week than we planned for.",
     ["Say who, first: '[who] is discharging …'."]),
    ("The overspend on home care is driven mainly by rising demand for help at home.",
     ["Start with them: 'Rising demand for help drives …'."]),
    # The clause about the actor is not part of it (it gave "patients being have driven").
    ("The rise has been driven in part by higher numbers of patients being discharged from hospital with larger packages.",
     ["Start with them: 'Higher numbers of patients have driven …'.", "Say who, first: '[who] discharges …'."]),
    ("The Cabinet is asked to: note the report and agree the plan for next year.",
     ["Say who, first: '[who] asks …'."]),
])
def test_suggestions_on_the_trained_pipeline(model_nlp, text: str, expected: list[str]) -> None:
    assert suggestions(model_nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "As expected, the council spent more on home care in the winter months this year.",
    "The expected savings from the new contract did not arrive before the end of the year.",
    "The new service is based in the town hall and the office is located near the station.",
    "The council is committed to keeping every library open on Saturdays next year.",
    "Spending has also been greater than the budget allowed for in the winter months.",
])
def test_states_and_adjectives_are_not_passives(model_nlp, text: str) -> None:
    assert suggestions(model_nlp, text) == []


def _parsed(rows: list[tuple[str, str, str, str, int, str]]):
    """A doc with the given (word, tag, pos, dep, head, morph) rows, as a parser might leave it."""
    from spacy.tokens import Doc

    from tests.helpers import blank_nlp

    words, tags, pos, deps, heads, morphs = (list(column) for column in zip(*rows))
    return Doc(blank_nlp().vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads,
               morphs=morphs, sent_starts=[True] + [False] * (len(rows) - 1))


# "driven" hung as a case marker of "demand", the sentence's root: no passive in the parse.
_MISPARSED = [
    ("The", "DT", "DET", "det", 1, ""), ("overspend", "NN", "NOUN", "nsubj", 7, "Number=Sing"),
    ("is", "VBZ", "AUX", "cop", 7, "Tense=Pres|VerbForm=Fin"),
    ("driven", "VBN", "VERB", "case", 7, "Tense=Past|VerbForm=Part|Voice=Pass"),
    ("mainly", "RB", "ADV", "advmod", 3, ""), ("by", "IN", "ADP", "mark", 6, ""),
    ("rising", "VBG", "VERB", "amod", 7, "Tense=Pres|VerbForm=Part"),
    ("demand", "NN", "NOUN", "ROOT", 7, "Number=Sing"), (".", ".", "PUNCT", "punct", 7, ""),
]


def test_a_passive_the_parse_missed_counts_when_it_names_who_acts() -> None:
    from plainspeak.readability.passive import passives_in

    doc = _parsed(_MISPARSED)
    (found,) = passives_in(doc[:], heads=())
    assert (doc.text[found.start:found.end], found.agent) == ("is driven", "rising demand")
    # The same words with no "by ...": the parse's reading (no passive) stands.
    without_actor = _parsed([
        ("The", "DT", "DET", "det", 1, ""), ("overspend", "NN", "NOUN", "nsubj", 2, "Number=Sing"),
        ("is", "VBZ", "AUX", "ROOT", 2, "Tense=Pres|VerbForm=Fin"),
        ("driven", "VBN", "VERB", "xcomp", 2, "Tense=Past|VerbForm=Part|Voice=Pass"),
        ("mainly", "RB", "ADV", "advmod", 3, ""), (".", ".", "PUNCT", "punct", 2, ""),
    ])
    assert passives_in(without_actor[:], heads=()) == []


def test_a_passive_whose_be_the_parse_took_for_a_copula_still_counts() -> None:
    from plainspeak.readability.passive import passives_in

    # "will be closed" with a passive subject, "be" labelled cop rather than aux:pass.
    doc = _parsed([
        ("The", "DT", "DET", "det", 1, ""), ("service", "NN", "NOUN", "nsubj:pass", 4, "Number=Sing"),
        ("will", "MD", "AUX", "aux", 4, "VerbForm=Fin"), ("be", "VB", "AUX", "cop", 4, "VerbForm=Inf"),
        ("closed", "VBN", "VERB", "ROOT", 4, "Tense=Past|VerbForm=Part|Voice=Pass"),
        ("in", "IN", "ADP", "case", 6, ""), ("May", "NNP", "PROPN", "obl", 4, "Number=Sing"),
        (".", ".", "PUNCT", "punct", 4, ""),
    ])
    (found,) = passives_in(doc[:], heads=(4,))
    assert doc.text[found.start:found.end] == "will be closed"
    assert found.auxiliaries == ("will", "be")
    # A copula before an adjective is no passive, whatever its subject is labelled.
    adjective = _parsed([
        ("The", "DT", "DET", "det", 1, ""), ("service", "NN", "NOUN", "nsubj", 3, "Number=Sing"),
        ("is", "VBZ", "AUX", "cop", 3, "VerbForm=Fin"), ("open", "JJ", "ADJ", "ROOT", 3, "Degree=Pos"),
        (".", ".", "PUNCT", "punct", 3, ""),
    ])
    assert passives_in(adjective[:], heads=(3,)) == []
