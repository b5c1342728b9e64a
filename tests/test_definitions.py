"""In-text definition cues, on text written for these tests."""

from __future__ import annotations

import pytest

from plainspeak.nlp.definitions import block_definitions


def found(text: str) -> list[tuple[str, str]]:
    return [(d["term"], d["kind"]) for d in block_definitions(text)]


@pytest.mark.parametrize("text, expected", [
    ("A virement means moving money between budgets.", [("virement", "means")]),
    ("Spending more than planned is called an overspend.", [("overspend", "is-called")]),
    ("By co-production we mean planning together as equals.", [("co-production", "means")]),
    ("Outturn – the amount actually spent by the year end.", [("Outturn", "dash-gloss")]),
    ("The precept (the part of council tax that pays for police) rose.", [("precept", "bracket-gloss")]),
    ("We are the Northshire Care Board, also called the NCB.", [("NCB", "acronym")]),
    ("Reablement is a short spell of help to get back on your feet.", [("Reablement", "is")]),
    ("Home support is the help that care workers give people at home.", [("Home support", "is")]),
    ("Section 12 support. Section 12 of the Act gives carers a right to an assessment.",
     [("Section 12 support", "lead-in")]),
    ("Extra care housing: flats where people live on their own with care on site.",
     [("Extra care housing", "lead-in")]),
    ("Care in the home. Care in the home means help given where a person lives.",
     [("Care in the home", "lead-in"), ("Care in the home", "means")]),
    ("An underspend means that the council spent less than it planned.", [("underspend", "means")]),
])
def test_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "It means that we spend less next year.",
    "This is a good plan.",
    "The meeting is called to order at ten.",
    "The chair is called to order.",
    "Adult social care is the largest area of spending for the council.",
    "Home support is the main part of the budget this year.",
    "The report (attached) was noted.",
    "Demand. The number of people who need care keeps growing faster than planned.",
    "Decision required: The group is asked to note the forecast position.",
    "Care providers. Providers face rising staff costs this year and next.",
    "Officers reviewed the virement. Officers agreed to move the money next month.",
    "Councils set their budgets. Councils must also publish them every year.",
    "The date of the next board meeting means that the plan cannot be signed off in time.",
])
def test_no_definition(text: str) -> None:
    assert found(text) == []


def test_definitions_are_plain_data() -> None:
    items = block_definitions("The Better Care Fund (BCF) is pooled.")
    assert items == [{"term": "BCF", "definition": "Better Care Fund", "kind": "acronym", "start": 22, "end": 25}]


def test_an_explanation_ends_where_a_second_is_clause_begins() -> None:
    items = block_definitions("A positive variance is an overspend and a figure in brackets is an underspend.")
    assert [(d["term"], d["definition"]) for d in items] == [("positive variance", "an overspend")]
