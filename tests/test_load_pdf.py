"""PDF loading: reading order, paragraphs, hyphens, furniture, notices, errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import Page, build_pdf, write_pdf  # noqa: E402

from plainspeak.errors import InputError  # noqa: E402
from plainspeak.loaders import load  # noqa: E402
from plainspeak.paper import BlockKind, Place  # noqa: E402

P, H, L = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM


def kinds_and_texts(path: Path) -> list[tuple]:
    return [(b.kind, b.text, b.level) for b in load(path).blocks]


def test_heading_paragraphs_and_places(tmp_path):
    page = Page()
    page.text(72, 760, "Budget report", size=18)
    page.lines(72, 720, ["The board met in March and agreed the", "plan for the coming year."])
    page.lines(72, 680, ["A second paragraph starts after a gap."])
    paper = load(write_pdf(tmp_path, [page]))
    assert [(b.kind, b.text, b.level, b.place) for b in paper.blocks] == [
        (H, "Budget report", 1, Place(1, page=1, line=1)),
        (P, "The board met in March and agreed the plan for the coming year.", 0, Place(2, page=1, line=2)),
        (P, "A second paragraph starts after a gap.", 0, Place(3, page=1, line=4)),
    ]
    second = paper.blocks[1]
    assert second.source.line_starts == (0, 38)
    assert second.line_at(45) == 3
    assert paper.text[second.start:second.end] == second.text
    assert second.section == "Budget report"
    assert paper.title == "Budget report"
    assert paper.pages == 1 and paper.format == "pdf"


def test_character_boxes_follow_the_text(tmp_path):
    page = Page()
    page.lines(72, 700, ["one two", "three"])
    block = load(write_pdf(tmp_path, [page])).blocks[0]
    assert block.text == "one two three"
    assert len(block.source.boxes) == 4 * len(block.text)
    x0, y0, x1, y1 = block.source.box(0)
    assert x0 == pytest.approx(72, abs=0.5) and x1 > x0 and y1 > y0
    assert block.source.box(7) is None  # the space that joins the two lines
    assert block.source.box(8)[1] < y0  # "three" sits on the next line down


def test_two_columns_read_left_then_right(tmp_path):
    page = Page()
    page.text(72, 780, "Two column report title across the whole page width here", size=10)
    left = [f"left column line {n} with some words" for n in range(1, 5)] + ["ends here."]
    right = [f"right column line {n} with some words" for n in range(1, 5)] + ["ends too."]
    page.lines(72, 740, left)
    page.lines(320, 740, right)
    texts = [b.text for b in load(write_pdf(tmp_path, [page])).blocks]
    assert texts == [
        "Two column report title across the whole page width here",
        " ".join(left),
        " ".join(right),
    ]


def test_hyphenated_line_ends(tmp_path):
    page = Page()
    page.lines(72, 700, ["the imple-", "mentation of co-", "production plans"])
    assert kinds_and_texts(write_pdf(tmp_path, [page])) == [
        (P, "the implementation of co-production plans", 0),
    ]


def test_running_header_footer_and_page_numbers(tmp_path):
    pages = []
    for number in range(1, 4):
        page = Page()
        page.text(72, 810, "Health Board - Public Meeting")
        page.lines(72, 700, [f"Body text of page {number} ends here."])
        page.text(290, 30, str(number))
        pages.append(page)
    paper = load(write_pdf(tmp_path, pages))
    assert [(b.text, b.place) for b in paper.blocks] == [
        (f"Body text of page {n} ends here.", Place(n, page=n, line=2)) for n in range(1, 4)
    ]
    assert [(b.kind, b.text, b.place.page) for b in paper.furniture][:2] == [
        (BlockKind.HEADER, "Health Board - Public Meeting", 1),
        (BlockKind.FOOTER, "1", 1),
    ]
    assert len(paper.furniture) == 6


def test_paragraph_continues_across_a_page_break(tmp_path):
    first, second = Page(), Page()
    first.lines(72, 100, ["The committee asked for the"])
    second.lines(72, 700, ["figures to be checked again."])
    blocks = load(write_pdf(tmp_path, [first, second])).blocks
    assert [(b.text, b.place.page) for b in blocks] == [
        ("The committee asked for the figures to be checked again.", 1),
    ]


def test_ligatures_become_letters(tmp_path):
    page = Page()
    page.text(72, 700, "The \ufb01nal of\ufb01ce \ufb02oor and e\ufb00ort")
    block = load(write_pdf(tmp_path, [page])).blocks[0]
    assert block.text == "The final office floor and effort"
    assert len(block.source.boxes) == 4 * len(block.text)


def test_bullets_become_list_items(tmp_path):
    page = Page()
    page.lines(72, 700, ["Actions agreed:"])
    page.lines(72, 680, ["\u2022 review the budget", "\u2022 report back in May"])
    assert kinds_and_texts(write_pdf(tmp_path, [page])) == [
        (P, "Actions agreed:", 0), (L, "review the budget", 1), (L, "report back in May", 1),
    ]


def test_bold_line_is_a_heading(tmp_path):
    page = Page()
    page.text(72, 740, "Background", bold=True)
    page.lines(72, 720, ["The service began in 2019."])
    assert kinds_and_texts(write_pdf(tmp_path, [page])) == [
        (H, "Background", 1), (P, "The service began in 2019.", 0),
    ]


def test_a_bold_caption_is_not_a_heading(tmp_path):
    # As a heading, "Table 1: ..." put the sections after it a level under a table.
    page = Page()
    page.text(72, 760, "Budget position", bold=True)
    page.text(72, 740, "Table 1: Forecast outturn by service", bold=True)
    page.lines(72, 720, ["The service began in 2019."])
    assert kinds_and_texts(write_pdf(tmp_path, [page])) == [
        (H, "Budget position", 1), (P, "Table 1: Forecast outturn by service", 0),
        (P, "The service began in 2019.", 0),
    ]


def test_page_without_text_layer_gets_ps901(tmp_path):
    text_page, scan = Page(), Page()
    text_page.lines(72, 700, ["Some text."])
    scan.image(0, 0, 595, 842)
    paper = load(write_pdf(tmp_path, [text_page, scan]))
    assert [b.text for b in paper.blocks] == ["Some text."]
    assert [(n.code, n.name, n.page) for n in paper.notices] == [("PS901", "no-text-layer", 2)]
    assert "OCR" in paper.notices[0].message


def test_wholly_scanned_paper_is_a_notice_not_an_error(tmp_path):
    scan = Page()
    scan.image(0, 0, 595, 842)
    paper = load(write_pdf(tmp_path, [scan, Page()]))
    assert paper.blocks == [] and paper.text == ""
    assert [(n.code, n.page) for n in paper.notices] == [("PS901", 1)]
    assert paper.notices[0].message.startswith("the paper has no text layer")


def test_cid_garbage_is_left_out_with_ps902(tmp_path):
    page = Page()
    page.lines(72, 700, ["Readable words here."])
    page.hidden_text(72, 650, [36, 37, 38, 39])
    paper = load(write_pdf(tmp_path, [page]))
    assert [b.text for b in paper.blocks] == ["Readable words here."]
    assert "(cid:" not in paper.text
    assert [(n.code, n.name, n.page) for n in paper.notices] == [("PS902", "unreadable-text", 1)]


def test_title_falls_back_to_document_information(tmp_path):
    page = Page()
    page.lines(72, 700, ["Only body text."])
    assert load(write_pdf(tmp_path, [page], title="Annual report")).title == "Annual report"


def test_encrypted_pdf_is_e106(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    page = Page()
    page.lines(72, 700, ["Secret text."])
    plain = write_pdf(tmp_path, [page])
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="letmein", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError) as caught:
        load(locked)
    assert caught.value.kind.code == "E106"
    assert "password" in caught.value.line()


def test_truncated_pdf_is_a_clear_error(tmp_path):
    page = Page()
    page.lines(72, 700, ["Some text that will be cut off."])
    data = build_pdf([page], compress=False)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        paper = load(path)
    except InputError as error:
        assert error.kind.code in ("E107", "E113")
    else:
        assert paper.format == "pdf"


def test_leading_junk_before_header_is_accepted(tmp_path):
    page = Page()
    page.lines(72, 700, ["Text after junk."])
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"junk bytes from a mail gateway\n" + build_pdf([page]))
    assert [b.text for b in load(path).blocks] == ["Text after junk."]


def test_pdf_named_docx_is_e111(tmp_path):
    page = Page()
    page.lines(72, 700, ["Text."])
    path = write_pdf(tmp_path, [page], name="paper.docx")
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.kind.code == "E111"
    assert "holds a PDF" in caught.value.detail


def test_pdf_without_extension_is_read_by_content(tmp_path):
    page = Page()
    page.lines(72, 700, ["Text."])
    assert [b.text for b in load(write_pdf(tmp_path, [page], name="reproducer.fuzz")).blocks] == ["Text."]


@pytest.mark.slow
def test_page_of_scattered_glyphs_is_fast(tmp_path):
    import time

    page = Page()
    page.scatter(30_000)
    path = write_pdf(tmp_path, [page])
    began = time.perf_counter()
    paper = load(path)
    assert time.perf_counter() - began < 30
    assert paper.pages == 1


def test_title_over_two_lines_numbered_headings_and_bold_figures(tmp_path):
    page = Page()
    page.text(72, 790, "Brackenford Council", size=13, bold=True)
    page.lines(72, 760, ["Adult Social Care Budget: Forecast and", "Savings Proposals"], size=18, leading=21)
    page.text(72, 710, "1. Executive summary", size=14, bold=True)
    page.lines(72, 690, ["The board met in March and agreed the", "plan for the coming year.",
                         "It will meet again in June."])
    page.text(72, 640, "1,960", bold=True)
    page.lines(72, 610, ["1. note the forecast", "2. agree the plan"])
    paper = load(write_pdf(tmp_path, [page]))
    assert [(b.kind, b.text, b.level) for b in paper.blocks] == [
        (H, "Brackenford Council", 3),
        (H, "Adult Social Care Budget: Forecast and Savings Proposals", 1),
        (H, "1. Executive summary", 2),
        (P, "The board met in March and agreed the plan for the coming year. It will meet again in June.", 0),
        (P, "1,960", 0),
        (L, "1. note the forecast", 1),
        (L, "2. agree the plan", 1),
    ]
    assert paper.title == "Adult Social Care Budget: Forecast and Savings Proposals"
    assert paper.blocks[3].section == "1. Executive summary"
