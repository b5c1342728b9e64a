"""A page of tens of thousands of scattered glyphs is left out with PS904; real pages are read in full."""

from __future__ import annotations

import itertools
import json
import sys
import time
from array import array
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import A4, Page, write_pdf  # noqa: E402

from plainspeak.loaders import load  # noqa: E402
from plainspeak.loaders.pdf_lines import Line  # noqa: E402
from plainspeak.loaders.pdf_scatter import scattered_characters  # noqa: E402
from tests.helpers import run_plainspeak  # noqa: E402

GLYPHS = 20_000
SCATTERED_MESSAGE = (
    "page 2 holds 20,000 characters scattered in no readable order, so it was left out; "
    "check whether it is a map or drawing, and if it should be text, export the PDF again "
    "from the original document"
)
WORDS = ("the council agreed its budget for adult social care while the board noted "
         "a report on winter pressures and hospital discharge funding for next year").split()
# Mostly one- and two-character cells, so only the count of pieces keeps the page.
FIGURES = ["12", "3", "4.5", "%", "0", "R", "A", "G", "Yes", "No", "n/a", "7", "15", "8"]


def prose(count: int, width: int, offset: int = 0) -> list[str]:
    """``count`` lines of about ``width`` characters of committee words."""
    words = itertools.cycle(WORDS[offset:] + WORDS[:offset])
    lines = []
    for _ in range(count):
        line = next(words)
        while len(line) < width:
            line += " " + next(words)
        lines.append(line)
    return lines


def words_read(path: Path, pages: int) -> list[str]:
    """Every word the loader kept, body and running heads alike, after checking no page was dropped."""
    paper = load(path)
    assert paper.notices == [] and paper.pages == pages
    return sorted(" ".join(block.text for block in [*paper.blocks, *paper.furniture]).split())


@pytest.fixture(scope="module")
def map_paper(tmp_path_factory) -> Path:
    """Three pages: text, then 20,000 one-point glyphs scattered like a map's lettering, then text."""
    first, drawing, last = Page(), Page(), Page()
    first.text(72, 770, "Ward boundaries", size=18)
    first.lines(72, 730, ["The map on the next page shows the new wards."])
    drawing.scatter(GLYPHS)
    last.lines(72, 730, ["The boundary review ends in May."])
    return write_pdf(tmp_path_factory.mktemp("glyphs"), [first, drawing, last], "wards.pdf")


# --- The scattered page -------------------------------------------------------


@pytest.mark.slow
def test_scattered_page_is_left_out_and_the_others_are_read(map_paper):
    paper = load(map_paper)
    assert paper.pages == 3
    assert [(block.text, block.place.page) for block in paper.blocks] == [
        ("Ward boundaries", 1),
        ("The map on the next page shows the new wards.", 1),
        ("The boundary review ends in May.", 3),
    ]
    assert [(n.code, n.name, n.page, n.message) for n in paper.notices] == [
        ("PS904", "scattered-text", 2, SCATTERED_MESSAGE),
    ]


@pytest.mark.slow
def test_scattered_page_through_the_command(map_paper, blank_model):
    timeout = 20.0  # a third of the default limit; pdfminer alone needs a few seconds here
    began = time.perf_counter()
    done = run_plainspeak("check", "--model", blank_model, "--format", "json", "--no-cache", "--isolated",
                          "--jobs", "1", "--timeout", timeout, map_paper.name, cwd=map_paper.parent, timeout=120)
    seconds = time.perf_counter() - began
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode in (0, 1), done.stderr
    [paper] = json.loads(done.stdout)["papers"]
    assert paper["error"] is None and paper["pages"] == 3
    assert [(f["code"], f["location"]["page"], f["message"]) for f in paper["findings"]
            if f["code"] in ("PS901", "PS904")] == [("PS904", 2, SCATTERED_MESSAGE)]
    assert seconds < timeout


@pytest.mark.slow
def test_several_scattered_pages_are_one_notice(tmp_path):
    pages = [Page(), Page(), Page()]
    pages[0].scatter(8_500, seed=1)
    pages[1].lines(72, 700, ["Only this page is text."])
    pages[2].scatter(9_000, seed=2)
    paper = load(write_pdf(tmp_path, pages))
    assert [block.text for block in paper.blocks] == ["Only this page is text."]
    assert [(n.code, n.page, n.message) for n in paper.notices] == [(
        "PS904", 1,
        "pages 1, 3 hold 17,500 characters scattered in no readable order, so they were left out; "
        "check whether they are maps or drawings, and if they should be text, export the PDF again "
        "from the original document",
    )]


# --- When a page counts as scattered -----------------------------------------------------------


def pieces(*texts: str, repeat: int = 1) -> list[Line]:
    return [Line(1, 0.0, 0.0, 1.0, 1.0, text, array("f"), 1.0, False) for text in texts] * repeat


@pytest.mark.parametrize("lines, size, expected", [
    (pieces("a", repeat=8_001), A4, 8_001),  # past the limit, all loose letters
    (pieces("a", repeat=8_000), A4, 0),  # at the limit
    (pieces("ab", "c", repeat=4_001), A4, 12_003),  # two-letter pieces count as loose
    (pieces("a", repeat=9_000), (842.0, 1191.0), 0),  # an A3 page may hold twice as many
    (pieces("a", repeat=9_000) + pieces("x" * 9_001), A4, 0),  # more text than loose letters
    (pieces("a", repeat=9_000) + pieces("x" * 9_000), A4, 18_000),  # loose letters hold half
    (pieces("abc", repeat=9_000), A4, 0),  # short words, not loose letters
])
def test_when_a_page_counts_as_scattered(lines, size, expected):
    assert scattered_characters(lines, *size) == expected


# --- Real pages are read in full ------------------------------------------------


def test_dense_prose_page_is_read_in_full(tmp_path):
    page = Page()
    lines = prose(138, 200)  # 5-point type from top to bottom: about 27,000 characters
    page.lines(20, 820, lines, size=5, leading=5.8)
    assert words_read(write_pdf(tmp_path, [page]), 1) == sorted(" ".join(lines).split())


def test_two_column_page_is_read_in_full(tmp_path):
    page = Page()
    left, right = prose(134, 100), prose(134, 100, offset=5)
    page.lines(20, 820, left, size=5, leading=6)
    page.lines(305, 820, right, size=5, leading=6)
    assert words_read(write_pdf(tmp_path, [page]), 1) == sorted(" ".join(left + right).split())


def test_table_heavy_pages_are_read_in_full(tmp_path):
    """100 rows by 12 columns of short figures in 6-point type, on two pages."""
    cells = itertools.cycle(FIGURES)
    placed: list[str] = []
    pages = [Page(), Page()]
    for page in pages:
        page.text(20, 822, "Appendix B: performance by ward", size=8, bold=True)
        for row in range(100):
            for column in range(12):
                cell = next(cells)
                page.text(20 + 46 * column, 810 - 8 * row, cell, size=6)
                placed.append(cell)
    placed += "Appendix B: performance by ward".split() * 2
    assert words_read(write_pdf(tmp_path, pages), 2) == sorted(placed)


@pytest.mark.slow
def test_single_letters_packed_wall_to_wall_in_5_point_type_are_read(tmp_path):
    """The most separate pieces a page of legible type can hold: about 6,000, below the limit."""
    letters = itertools.cycle("RAG0123456789")
    placed: list[str] = []
    page = Page()
    for row in range(139):
        for column in range(43):
            letter = next(letters)
            page.text(20 + 13 * column, 820 - 5.75 * row, letter, size=5)
            placed.append(letter)
    assert len(placed) > 5_900
    assert words_read(write_pdf(tmp_path, [page]), 1) == sorted(placed)
