"""The glossary matcher on spacy.blank: variants, case and the longest match."""

from __future__ import annotations

import spacy

from plainspeak.glossary.model import GlossarySet, PlainAlternative, Term
from plainspeak.nlp import glossary_matcher
from plainspeak.nlp.tokenizer import customise_tokenizer
from plainspeak.settings import Settings

GLOSSARY = GlossarySet(
    terms=[
        Term("precept", "An amount added to council tax."),
        Term("adult social care precept", "An amount added to council tax for adult care."),
        Term("co-production", "Planning together as equals."),
        Term("organisation", "A body such as a council."),
        Term("BCF", "A shared fund.", expansion="better care fund"),
    ],
    alternatives=[PlainAlternative("in order to", ("to",)), PlainAlternative("utilise", ("use",), match="lemma")],
)


def matched(text: str, meeting_tokens: bool = False) -> list[tuple[str, str, bool]]:
    nlp = spacy.blank("en")
    if meeting_tokens:
        customise_tokenizer(nlp)  # keeps "co-production" one token
    glossary_matcher.add_to(nlp, Settings(), GLOSSARY)
    doc = nlp(text)
    return [(doc.text[s:e], key, acronym) for s, e, key, acronym in doc._.plainspeak_terms]


def test_plural_and_case() -> None:
    assert matched("Precepts rose.") == [("Precepts", "precept", False)]


def test_longest_match_wins() -> None:
    assert matched("The adult social care precept rose.") == [
        ("adult social care precept", "adult social care precept", False)]


def test_hyphen_space_and_joined() -> None:
    assert [m[0] for m in matched("co-production, co production and coproduction")] == [
        "co-production", "co production", "coproduction"]


def test_hyphenated_single_token_matches_its_spaced_and_joined_forms() -> None:
    text = "co-production, co production, Coproduction and co-productions"
    assert [m[0] for m in matched(text, meeting_tokens=True)] == [
        "co-production", "co production", "Coproduction", "co-productions"]


def test_unicode_hyphens_match_like_the_ascii_one() -> None:
    # PDF text and plain text can carry U+2011 (non-breaking) or U+2010 hyphens.
    text = "co\u2011production, co\u2010production and co\u2011productions"
    for meeting_tokens in (False, True):
        assert [m[0] for m in matched(text, meeting_tokens)] == [
            "co\u2011production", "co\u2010production", "co\u2011productions"]


def test_american_spelling() -> None:
    assert matched("Each organization") == [("organization", "organisation", False)]


def test_acronyms_match_case_sensitively() -> None:
    assert matched("The BCF and the bcf and the Better Care Fund") == [
        ("BCF", "BCF", True), ("Better Care Fund", "BCF", False)]


def test_alternatives_exact_and_inflected() -> None:
    nlp = spacy.blank("en")
    glossary_matcher.add_to(nlp, Settings(), GLOSSARY)
    doc = nlp("In order to help we utilised it.")
    assert [doc.text[s:e] for s, e, _ in doc._.plainspeak_alternatives] == ["In order to", "utilised"]


def test_key_phrases_find_every_match_overlapping_or_not() -> None:
    phrases = glossary_matcher.KeyPhrases()
    phrases.add("reserve", [["reserve"]])
    phrases.add("earmarked-reserve", [["earmarked", "reserve"], ["earmarked", "reserve"]])  # a repeat counts once
    phrases.add("general-fund", [["general", "fund"], []])
    assert len(phrases) == 3
    keys = ["the", "earmarked", "reserve", "and", "general"]
    assert phrases.find(keys) == {(1, 3, "earmarked-reserve"), (2, 3, "reserve")}
    # A phrase that runs past the last key is no match; one that ends on it is.
    assert phrases.find(["general"]) == set()
    assert phrases.find(["general", "fund"]) == {(0, 2, "general-fund")}
