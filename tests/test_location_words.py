"""A place said in words a reader can follow, as the PS103 message gives it."""

from __future__ import annotations

import pytest

from plainspeak.engine import check_paper, load_glossaries
from plainspeak.findings import Location
from plainspeak.nlp.pipeline import add_components
from plainspeak.settings import Settings
from tests.helpers import blank_nlp, paper_from_text


@pytest.mark.parametrize("location, words", [
    (Location(paragraph=40, page=4, line=12), "page 4, line 12"),
    (Location(paragraph=40, page=4), "page 4"),
    (Location(paragraph=7, line=17), "line 17"),
    (Location(paragraph=47, table=2, row=3, cell=1, section="Budget"), "table 2, row 3"),
    (Location(paragraph=96, section="5. Risks"), "paragraph 96, under '5. Risks'"),
    (Location(paragraph=3), "paragraph 3"),
])
def test_spoken(location: Location, words: str) -> None:
    assert location.spoken() == words


def test_used_before_defined_names_the_line_in_a_text_paper() -> None:
    settings = Settings(select={"PS103"})
    paper = paper_from_text("The ICB will decide.\n\nIt meets in March.\n\nThe Integrated Care Board (ICB) meets monthly.")
    glossaries = load_glossaries(settings)
    result = check_paper(paper, settings, glossaries, nlp=add_components(blank_nlp(), settings, glossaries))
    messages = [f.message for f in result.findings if f.code == "PS103"]
    assert messages == ["'ICB' is used here but only explained later (line 5)."]
