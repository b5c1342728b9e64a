"""Turned pages and odd media boxes are read as a person reads them: lines in order, numbered from the top.

A page's text can be drawn to show upright after ``/Rotate`` (a landscape
page), or drawn upright and shown turned by ``/Rotate`` (read by turning the
page back). Either way, and with the media box away from the origin, its
corners swapped, or both taken from the page tree, the paper must be the one
an unturned page gives.
"""

from __future__ import annotations

import pytest

from plainspeak.loaders import load
from plainspeak.paper import BlockKind, PageFrame, Place
from tests.fixtures.make_pdf import SHORT_PAPER, Page, build_pdf, short_paper

BOXES = {"origin": (0, 0, 595, 842), "inverted": (0, 842, 595, 0), "offset": (100, 100, 695, 942)}
HEADING, FIRST, SECOND, NUMBER = SHORT_PAPER
EXPECTED = [
    (BlockKind.HEADING, HEADING, Place(1, page=1, line=1)),
    (BlockKind.PARAGRAPH, " ".join(FIRST), Place(2, page=1, line=2)),
    (BlockKind.PARAGRAPH, " ".join(SECOND), Place(3, page=1, line=4)),
]


def load_page(tmp_path, page: Page, *, inherit: bool = False):
    path = tmp_path / "turned.pdf"
    path.write_bytes(build_pdf([page], inherit=inherit))
    return load(path)


@pytest.mark.parametrize("inherit", [False, True], ids=["own", "inherited"])
@pytest.mark.parametrize("box", BOXES.values(), ids=BOXES.keys())
@pytest.mark.parametrize("upright", [True, False], ids=["drawn-upright", "drawn-sideways"])
@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_lines_read_in_order_on_every_turn_and_box(tmp_path, rotate, upright, box, inherit):
    page = short_paper(Page(rotate=rotate, mediabox=box, upright=upright))
    paper = load_page(tmp_path, page, inherit=inherit)
    assert [(b.kind, b.text, b.place) for b in paper.blocks] == EXPECTED
    assert paper.blocks[1].source.line_numbers == (2, 3)
    # The page number is at the foot of the page as it reads, so it is furniture.
    assert [(b.kind, b.text) for b in paper.furniture] == [(BlockKind.FOOTER, NUMBER)]


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_the_frame_is_the_page_as_it_reads(tmp_path, rotate):
    across = rotate in (90, 270)
    upright = load_page(tmp_path, short_paper(Page(rotate=rotate, mediabox=BOXES["offset"], upright=True)))
    [frame] = upright.frames
    assert (frame.width, frame.height) == ((842, 595) if across else (595, 842))
    sideways = load_page(tmp_path, short_paper(Page(rotate=rotate, mediabox=BOXES["offset"])))
    # Text drawn upright is read in user space, whatever /Rotate shows.
    assert sideways.frames == [PageFrame((1, 0, 0, 1, -100, -100), 595, 842)]
    heading = sideways.blocks[0].source.box(0)
    assert heading[0] == pytest.approx(72) and 842 - 72 < heading[3] < 842 - 50


def test_a_few_words_set_across_the_page_do_not_turn_it(tmp_path):
    page = short_paper(Page(rotate=90, upright=True))
    page.ops.append(b"BT /F1 8 Tf 0 1 -1 0 820 100 Tm (Draft) Tj ET")  # up the right-hand margin
    paper = load_page(tmp_path, page)
    assert [(b.kind, b.text, b.place) for b in paper.blocks][:3] == EXPECTED
    assert (paper.frames[0].width, paper.frames[0].height) == (842, 595)


def test_pages_turned_differently_in_one_paper(tmp_path):
    pages = [short_paper(Page()), short_paper(Page(rotate=90, upright=True)),
             short_paper(Page(rotate=270, mediabox=BOXES["inverted"]))]
    path = tmp_path / "mixed.pdf"
    path.write_bytes(build_pdf(pages))
    paper = load(path)
    # The heading repeats at the top of two pages of three, so it may be read as
    # a running head; the paragraphs and page numbers must be where they are.
    assert [(b.text, b.place.page, b.place.line) for b in paper.blocks if b.text != HEADING] == [
        (text, number, place.line) for number in (1, 2, 3) for _, text, place in EXPECTED[1:]]
    assert [(b.place.page, b.kind, b.text) for b in paper.furniture if b.text != HEADING] == [
        (number, BlockKind.FOOTER, NUMBER) for number in (1, 2, 3)]
    assert [(f.width, f.height) for f in paper.frames] == [(595, 842), (842, 595), (595, 842)]
