"""A PDF paragraph that runs over a page break: each line keeps its own page and line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import Page, build_pdf  # noqa: E402

from plainspeak.analysis import Analysis  # noqa: E402
from plainspeak.findings import Location  # noqa: E402
from plainspeak.glossary.model import GlossarySet  # noqa: E402
from plainspeak.loaders import load  # noqa: E402
from plainspeak.paper import BlockKind, Place  # noqa: E402
from plainspeak.settings import Settings  # noqa: E402
from plainspeak.writers.pdf_geometry import line_boxes  # noqa: E402

FIRST_PAGE = [
    "The council has set aside money for the winter months so that people",
    "who leave hospital can get help at home quickly, and the board will",
]
CONTINUED = "review the MTFS in March once the grant for the coming year is known."


@pytest.fixture
def paper(tmp_path):
    first, second = Page(), Page()
    first.text(72, 770, "Winter plan", size=18)
    first.lines(72, 730, ["Care at home has grown this year."])
    first.lines(72, 140, FIRST_PAGE)  # the paragraph starts near the foot of page 1
    second.lines(72, 770, [CONTINUED])
    second.lines(72, 740, ["Spending stays within the agreed limit."])
    path = tmp_path / "carried.pdf"
    path.write_bytes(build_pdf([first, second]))
    return load(path)


def test_carried_paragraph_is_one_block_with_a_page_per_line(paper):
    assert [(b.kind, b.place) for b in paper.blocks] == [
        (BlockKind.HEADING, Place(1, page=1, line=1)),
        (BlockKind.PARAGRAPH, Place(2, page=1, line=2)),
        (BlockKind.PARAGRAPH, Place(3, page=1, line=3)),
        (BlockKind.PARAGRAPH, Place(4, page=2, line=2)),
    ]
    carried = paper.blocks[2]
    assert carried.text == " ".join([*FIRST_PAGE, CONTINUED])
    assert carried.source.line_starts == (0, 69, 137)
    assert carried.source.line_pages == (1, 1, 2)
    assert carried.source.line_numbers == (3, 4, 1)
    assert carried.source.locator == "page/1"


def test_page_and_line_of_characters_either_side_of_the_break(paper):
    carried = paper.blocks[2]
    at = carried.text.index("MTFS")
    assert [(carried.page_at(i), carried.line_at(i)) for i in (0, 68, 69, 136, 137, at)] == [
        (1, 3), (1, 3), (1, 4), (1, 4), (2, 1), (2, 1)]


def test_finding_on_the_continued_part_reports_page_two(paper):
    analysis = Analysis(paper, [], GlossarySet(), Settings())
    carried = paper.blocks[2]
    mtfs = carried.start + carried.text.index("MTFS")
    assert analysis.location(mtfs) == Location(
        paragraph=3, page=2, line=1, column=12, section="Winter plan")
    assert analysis.location(carried.start + 4) == Location(
        paragraph=3, page=1, line=3, column=5, section="Winter plan")
    assert analysis.location(carried.start + 75) == Location(
        paragraph=3, page=1, line=4, column=7, section="Winter plan")


def test_highlight_of_the_continued_part_lands_on_page_two(paper):
    carried = paper.blocks[2]
    at = carried.text.index("MTFS")
    assert [line.page for line in line_boxes(carried, at, at + 4)] == [2]
    assert [line.page for line in line_boxes(carried, 0, len(carried.text))] == [1, 1, 2]


def test_right_column_carried_to_the_next_page(tmp_path):
    first, second = Page(), Page()
    left = ["The first column tells the story", "of the year in a few short lines",
            "and then it comes to an end", "with a full stop at the close."]
    right = ["The second column starts here", "and runs right down the page", "until the money for the new",
             "transport contract is spent on"]
    first.lines(72, 700, left)
    first.lines(320, 700, right)
    second.lines(72, 770, ["buses for the villages out of town."])
    path = tmp_path / "columns.pdf"
    path.write_bytes(build_pdf([first, second]))
    carried = load(path).blocks[1]
    assert carried.text == " ".join([*right, "buses for the villages out of town."])
    assert (carried.source.line_pages, carried.source.line_numbers) == ((1, 1, 1, 1, 2), (5, 6, 7, 8, 1))
    at = carried.text.index("buses")
    assert [line.page for line in line_boxes(carried, 0, at + 5)] == [1, 1, 1, 1, 2]
