"""How a page's characters become lines: the geometry decides, not where PDFium broke them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import Page, build_pdf  # noqa: E402

from plainspeak.loaders.pdf import _opened, _read_page  # noqa: E402
from plainspeak.loaders.pdf_lines import Line  # noqa: E402


def lines_of(page: Page) -> list[Line]:
    with _opened(Path("page.pdf"), build_pdf([page])) as document:
        _frame, lines, _dropped = _read_page(document, 1)
    return lines


def texts(page: Page) -> list[str]:
    return [line.text for line in lines_of(page)]


def test_a_raised_footnote_mark_stays_in_its_line() -> None:
    page = Page()
    page.ops.append(b"BT /F1 10 Tf 72 700 Td (The outturn is on budget.) Tj 4 Ts /F1 6 Tf (1) Tj"
                    b" 0 Ts /F1 10 Tf ( Figures are in thousands.) Tj ET")
    assert texts(page) == ["The outturn is on budget.1 Figures are in thousands."]


def test_a_bullet_stays_with_its_item() -> None:
    page = Page()
    page.text(72, 700, "\u2022")
    page.text(86, 700, "Reablement for everyone leaving hospital.")
    assert texts(page) == ["\u2022 Reablement for everyone leaving hospital."]


def test_text_far_apart_on_one_baseline_is_two_lines() -> None:
    page = Page()
    page.text(72, 700, "Residential care")
    page.text(400, 700, "24,850")
    [left, right] = lines_of(page)
    assert (left.text, right.text) == ("Residential care", "24,850")
    assert left.x1 < 200 < right.x0


def test_a_line_drawn_back_to_the_left_is_a_new_line() -> None:
    page = Page()
    page.ops.append(b"BT /F1 10 Tf 300 700 Td (second half) Tj -228 0 Td (first half) Tj ET")
    assert sorted(texts(page)) == ["first half", "second half"]


def test_a_hyphen_that_ends_a_line_is_kept() -> None:
    page = Page()
    page.lines(72, 700, ["The plan is for short-", "term help after hospital."])
    assert texts(page) == ["The plan is for short-", "term help after hospital."]


def test_type_size_counts_the_text_matrix() -> None:
    page = Page()
    page.ops.append(b"BT /F1 1 Tf 18 0 0 18 72 700 Tm (Budget report) Tj ET")
    page.text(72, 650, "The budget for the year.", size=10)
    [heading, body] = lines_of(page)
    assert (heading.size, body.size) == (18.0, 10.0)


def test_every_character_of_a_line_shares_its_top_and_bottom() -> None:
    page = Page()
    page.text(72, 700, "Apply by 2 July.", size=10)
    [line] = lines_of(page)
    boxes = [tuple(line.boxes[at : at + 4]) for at in range(0, len(line.boxes), 4)]
    assert len(boxes) == len(line.text)
    assert all((box[1], box[3]) == pytest.approx((line.y0, line.y1)) for box in boxes)
    assert line.y0 < 700 < line.y1 and line.y1 - line.y0 == pytest.approx(10.0)
    lefts = [box[0] for box in boxes]
    assert lefts == sorted(lefts) and lefts[0] == line.x0
