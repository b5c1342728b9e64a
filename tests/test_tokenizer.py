"""Meeting-paper tokenizer rules, on a blank English pipeline (no model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from plainspeak.nlp.tokenizer import customise_tokenizer


@pytest.fixture(scope="module")
def nlp() -> Language:
    blank = spacy.blank("en")
    customise_tokenizer(blank)
    return blank


def texts(nlp: Language, text: str) -> list[str]:
    return [token.text for token in nlp(text)]


CASES = [
    # Money: the multiplier is split off so it can be read as million/billion/thousand.
    ("£4.2m was agreed", ["£", "4.2", "m", "was", "agreed"]),
    ("a gap of £4.2m.", ["a", "gap", "of", "£", "4.2", "m", "."]),
    ("£4.2M", ["£", "4.2", "M"]),
    ("£1.5bn", ["£", "1.5", "bn"]),
    ("£1.5bn.", ["£", "1.5", "bn", "."]),
    ("£500k", ["£", "500", "k"]),
    ("£13.4 million", ["£", "13.4", "million"]),
    ("(£0.5m)", ["(", "£", "0.5", "m", ")"]),
    # Years, codes and abbreviations stay whole.
    ("in 2024/25 we", ["in", "2024/25", "we"]),
    ("by 2024/25.", ["by", "2024/25", "."]),
    ("the 2019–20 accounts", ["the", "2019–20", "accounts"]),
    ("the S151 officer", ["the", "S151", "officer"]),
    ("(S151)", ["(", "S151", ")"]),
    ("A&E waits", ["A&E", "waits"]),
    ("waits in A&E.", ["waits", "in", "A&E", "."]),
    ("R&D.", ["R&D", "."]),
    ("Q3 figures", ["Q3", "figures"]),
    ("Q3/Q4", ["Q3", "/", "Q4"]),
    ("Q3/4", ["Q3", "/", "4"]),
    ("Better Care Fund (BCF)", ["Better", "Care", "Fund", "(", "BCF", ")"]),
    # Paragraph numbers.
    ("3.2.1 The board", ["3.2.1", "The", "board"]),
    ("see 3.2.1.", ["see", "3.2.1", "."]),
    # Bullets, with or without a space after them.
    ("• Risks", ["•", "Risks"]),
    ("•Risks", ["•", "Risks"]),
    ("▪Actions", ["▪", "Actions"]),
    ("◦ sub-point", ["◦", "sub-point"]),
    ("\uf0b7Finance", ["\uf0b7", "Finance"]),
    ("– next item", ["–", "next", "item"]),
    # Dashes.
    ("costs—rising", ["costs", "—", "rising"]),
    ("costs – rising", ["costs", "–", "rising"]),
    ("north–south", ["north", "–", "south"]),
    # Rule lines and signature blanks are one token, not one per character.
    ("=====", ["====="]),
    ("Signed: ________", ["Signed", ":", "________"]),
    ("*** Minutes ***", ["***", "Minutes", "***"]),
    ("a ____ b", ["a", "____", "b"]),
    ("—" * 40, ["—" * 40]),
    ("costs——rising", ["costs", "——", "rising"]),
    ("2 + 2", ["2", "+", "2"]),
    ("Really?!", ["Really", "?!"]),
    ("No!!!", ["No", "!!!"]),
    ("Why? Because.", ["Why", "?", "Because", "."]),
    # A prefix that does not stand alone keeps its word, as UD English EWT does;
    # other hyphens split as in spaCy and EWT.
    ("co-production", ["co-production"]),
    ("E-mail the non-recurrent pre-2020 sums", ["E-mail", "the", "non-recurrent", "pre-2020", "sums"]),
    ("(co-production)", ["(", "co-production", ")"]),
    ("self-funders and long-term plans", ["self", "-", "funders", "and", "long", "-", "term", "plans"]),
    ("co-op-run", ["co", "-", "op", "-", "run"]),
    ("the 2019-20 budget", ["the", "2019", "-", "20", "budget"]),
    # Telephone numbers and day-month-year dates stay whole.
    ("call 0113 222-3344.", ["call", "0113", "222-3344", "."]),
    ("1-800-555-0199", ["1-800-555-0199"]),
    ("on 01-Feb-25 and 3-mar-2025", ["on", "01-Feb-25", "and", "3-mar-2025"]),
    ("10-Foo-25", ["10", "-", "Foo", "-", "25"]),
    # Punctuation, times, days and years as EWT has them.
    ("and/or", ["and", "/", "or"]),
    ("Really.?", ["Really", ".?"]),
    ("Wait...?", ["Wait", "...", "?"]),
    ("at 10AM", ["at", "10", "AM"]),
    ("Wed. 3 May", ["Wed.", "3", "May"]),
    ("We'd go", ["We", "'d", "go"]),
    ("in '68 and '24,", ["in", "'68", "and", "'24", ","]),
    ("'680'", ["'", "680", "'"]),
    # A hyphen between a letter and a figure splits, as EWT splits "F-102".
    ("the F-102 and COVID-19.", ["the", "F", "-", "102", "and", "COVID", "-", "19", "."]),
    ("mid-2004.", ["mid-2004", "."]),
    # A minus sign, a hyphen left hanging and a dash run into a word are tokens.
    ("-£2.3m and -5%", ["-", "£", "2.3", "m", "and", "-", "5", "%"]),
    ("pre- and post-2020", ["pre", "-", "and", "post-2020"]),
    ("--Sally", ["--", "Sally"]),
    ("politics--the", ["politics", "--", "the"]),
    ("warming—90", ["warming", "—", "90"]),
    # A range of sums splits as each sum does; a range of years stays whole.
    ("£4.2m–£5m.", ["£", "4.2", "m", "–", "£", "5", "m", "."]),
    ("£4m-5m", ["£", "4", "m", "-", "5", "m"]),
    ("£500k–£750k", ["£", "500", "k", "–", "£", "750", "k"]),
    ("$10,000-$20,000", ["$", "10,000", "-", "$", "20,000"]),
    ("2019–20", ["2019–20"]),
    # A long chain of ranges is not peeled: spaCy would search the rest for each piece.
    ("£1m" + "-£1m" * 8, ["£", "1m" + "-£1m" * 7 + "-£1", "m"]),
    # Brackets and stops run into a word split off; a bracket before a colon too.
    ("member(s) of 3.2(a)", ["member", "(", "s", ")", "of", "3.2", "(", "a", ")"]),
    ("funding;staffing", ["funding", ";", "staffing"]),
    ("(see Appendix A):", ["(", "see", "Appendix", "A", ")", ":"]),
    # Times and units after a figure.
    ("6:00pm", ["6:00", "pm"]),
    ("9am-12pm", ["9", "am", "-", "12", "pm"]),
    ("24hrs on the 3rd in the 1990s", ["24", "hrs", "on", "the", "3rd", "in", "the", "1990s"]),
    ("NCRC4me", ["NCRC4me"]),
    ("wanna", ["wan", "na"]),
    # Contractions in capitals split as in lower case; "ID" and "ILL" are not "I'd", "I'll".
    ("WE DON'T, CANT AND WON’T", ["WE", "DO", "N'T", ",", "CA", "NT", "AND", "WO", "N’T"]),
    ("ID ILL ITS", ["ID", "ILL", "ITS"]),
    # "etc." is whole before a comma or bracket, and gives up its stop at a sentence end.
    ("pens, etc., and (ink etc.)", ["pens", ",", "etc.", ",", "and", "(", "ink", "etc.", ")"]),
    ("pens etc. Then", ["pens", "etc", ".", "Then"]),
    ("20+ years and an A+", ["20", "+", "years", "and", "an", "A", "+"]),
    # A name run into its address; addresses and links themselves stay whole.
    ('Ann"<ann@example.org>', ["Ann", '"', "<", "ann@example.org", ">"]),
    ("mail ann@example.org or see https://example.org/a?b=1.",
     ["mail", "ann@example.org", "or", "see", "https://example.org/a?b=1", "."]),
    # Ordinary abbreviations keep their full stops.
    ("Ft. Worth", ["Ft.", "Worth"]),
    ("approx. £2m (see para. 3)", ["approx.", "£", "2", "m", "(", "see", "para.", "3", ")"]),
    ("5 p.m.", ["5", "p.m."]),
    ("J. Smith", ["J.", "Smith"]),
    ("the U.S. office", ["the", "U.S.", "office"]),
    # Council titles keep their full stops, as spaCy keeps "Dr.".
    ("Cllr. Smith and Cllrs. Khan and Lee", ["Cllr.", "Smith", "and", "Cllrs.", "Khan", "and", "Lee"]),
    ("Revd. Jones", ["Revd.", "Jones"]),
    ("Cllr Smith", ["Cllr", "Smith"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_meeting_paper_tokens(nlp: Language, text: str, expected: list[str]) -> None:
    assert texts(nlp, text) == expected


def test_blank_pipeline_splits_money_differently_before_customising() -> None:
    # Guards the cases above against spaCy's defaults silently changing to match.
    assert texts(spacy.blank("en"), "£1.5bn") == ["£", "1.5bn"]
    assert texts(spacy.blank("en"), "A&E.") == ["A&E."]
    assert texts(spacy.blank("en"), "Cllr. Smith") == ["Cllr", ".", "Smith"]


def test_customising_twice_changes_nothing() -> None:
    once = spacy.blank("en")
    customise_tokenizer(once)
    twice = spacy.blank("en")
    customise_tokenizer(twice)
    customise_tokenizer(twice)
    assert twice.tokenizer.prefix_search.__self__.pattern == (
        once.tokenizer.prefix_search.__self__.pattern
    )
    assert twice.tokenizer.suffix_search.__self__.pattern == (
        once.tokenizer.suffix_search.__self__.pattern
    )
    assert twice.tokenizer.url_match.__self__.pattern == once.tokenizer.url_match.__self__.pattern
    assert texts(twice, "£4.2m.") == ["£", "4.2", "m", "."]


def test_rules_survive_serialisation(nlp: Language) -> None:
    # The shipped model relies on spaCy saving these rules with the tokenizer.
    restored = spacy.blank("en")
    restored.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert texts(restored, "•£1.5bn in A&E.") == ["•", "£", "1.5", "bn", "in", "A&E", "."]
    assert texts(restored, "Cllr. Smith") == ["Cllr.", "Smith"]
    assert texts(restored, 'Ann"<ann@example.org>') == ["Ann", '"', "<", "ann@example.org", ">"]

