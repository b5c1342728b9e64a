"""PDF pages with lines side by side: list marks set apart from their items, tables, two columns."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import Page, write_pdf  # noqa: E402

from plainspeak.loaders import load  # noqa: E402
from plainspeak.paper import BlockKind, Place  # noqa: E402
from plainspeak.terms.sections import section_entries  # noqa: E402
from plainspeak.writers.pdf_geometry import line_boxes  # noqa: E402
from plainspeak.writers.pdf_pages import text_width  # noqa: E402

P, H, L, C = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL
PROSE = ("the council agreed its budget for adult social care while the board noted a report "
         "on winter pressures and hospital discharge funding for the coming year").split()


def right_aligned(page: Page, right: float, y: float, text: str, *, bold: bool = False) -> None:
    """Text that ends at ``right``, as figures in a table column do."""
    page.text(right - text_width(text, "Helvetica-Bold" if bold else "Helvetica", 10), y, text, bold=bold)


def cells(paper) -> list[tuple]:
    return [(b.text, b.place.table, b.place.row, b.place.cell, b.place.line)
            for b in paper.blocks if b.kind is C]


def prose(count: int, words: int, offset: int = 0) -> list[str]:
    """``count`` lines of ``words`` words each, the last ending a sentence."""
    lines = [" ".join(PROSE[(offset + n * words + k) % len(PROSE)] for k in range(words)) for n in range(count)]
    lines[-1] += "."
    return lines


def test_private_use_bullets_set_apart_by_a_tab_are_list_items(tmp_path):
    # Word's Symbol and Wingdings bullets read as U+F0B7, U+F0A7, U+F076, U+F0D8, set
    # a tab's width before the text: far enough apart to be lines of their own.
    page = Page()
    page.lines(72, 724, ["To reduce the forecast overspend, the service has agreed the",
                         "management actions below, which together should save about",
                         "£0.6m this year:"])
    items = [(0xB7, ["a weekly panel to review every new placement"]),
             (0xA7, ["a review of packages of care for people who have had", "home care for a year"]),
             (0x76, ["holding vacant posts until March"]),
             (0xD8, ["using the remaining grant for fee pressures."])]
    y = 684.0
    for code, lines in items:
        page.symbol(72, y, code)
        y = page.lines(90, y, lines) - 4  # a little space between items, and after the last
    page.lines(72, y, ["A virement of £0.4m from the contingency budget is also",
                       "proposed. Progress on these actions will be reported each",
                       "month to the scrutiny panel."])
    paper = load(write_pdf(tmp_path, [page]))
    assert [(b.kind, b.text, b.level, b.place.line) for b in paper.blocks] == [
        (P, "To reduce the forecast overspend, the service has agreed the management actions below,"
            " which together should save about £0.6m this year:", 0, 1),
        (L, "a weekly panel to review every new placement", 1, 4),
        (L, "a review of packages of care for people who have had home care for a year", 1, 5),
        (L, "holding vacant posts until March", 1, 7),
        (L, "using the remaining grant for fee pressures.", 1, 8),
        (P, "A virement of £0.4m from the contingency budget is also proposed. Progress on these"
            " actions will be reported each month to the scrutiny panel.", 0, 9),
    ]
    item = paper.blocks[1]
    assert item.source.box(0)[0] > 85  # the highlight starts at the item's text, not at its bullet


def test_lines_side_by_side_are_one_line_to_count(tmp_path):
    # A reader counts a row of a table once, however many cells it has.
    page = Page()
    page.lines(72, 760, ["Spending so far this year, by service:"])
    for y, (label, figure, change) in zip((740, 726, 712), [("Residential care", "24,850", "1,460"),
                                                            ("Home care", "18,420", "1,235"),
                                                            ("Day services", "2,640", "(125)")]):
        page.text(72, y, label)
        page.text(300, y, figure)
        page.text(400, y, change)
    page.lines(72, 690, ["The overspend on residential care is mainly due to more",
                         "older people in care homes than the budget allowed for."])
    paper = load(write_pdf(tmp_path, [page]))
    after = paper.blocks[-1]
    assert after.text.startswith("The overspend") and after.place == Place(after.place.paragraph, page=1, line=5)
    assert after.line_at(len(after.text) - 1) == 6


def test_an_abbreviation_table_gives_a_definition_for_each_row(tmp_path):
    page = Page()
    page.text(72, 780, "Appendix A: Abbreviations", size=14, bold=True)
    page.lines(72, 758, ["The following abbreviations are used in this report."])
    rows = [("Abbreviation", ["Meaning"]), ("BCF", ["Better Care Fund"]), ("CHC", ["NHS Continuing Healthcare"]),
            ("CQC", ["Care Quality Commission"]), ("MSIF", ["Market Sustainability and", "Improvement Fund"]),
            ("NHS", ["National Health Service"])]
    y = 736.0
    for number, (term, meaning) in enumerate(rows):
        page.text(76, y, term, bold=number == 0)
        y = page.lines(170, y, meaning, bold=number == 0) - 5  # padded cells: rows 17 points apart
    paper = load(write_pdf(tmp_path, [page]))
    assert [(b.kind, b.text) for b in paper.blocks[:2]] == [
        (H, "Appendix A: Abbreviations"), (P, "The following abbreviations are used in this report.")]
    assert cells(paper) == [
        ("Abbreviation", 1, 1, 1, 3), ("Meaning", 1, 1, 2, 3),
        ("BCF", 1, 2, 1, 4), ("Better Care Fund", 1, 2, 2, 4),
        ("CHC", 1, 3, 1, 5), ("NHS Continuing Healthcare", 1, 3, 2, 5),
        ("CQC", 1, 4, 1, 6), ("Care Quality Commission", 1, 4, 2, 6),
        ("MSIF", 1, 5, 1, 7), ("Market Sustainability and Improvement Fund", 1, 5, 2, 7),
        ("NHS", 1, 6, 1, 9), ("National Health Service", 1, 6, 2, 9),
    ]
    assert [(term, meaning) for term, meaning, _ in section_entries(paper)] == [
        ("BCF", "Better Care Fund"), ("CHC", "NHS Continuing Healthcare"), ("CQC", "Care Quality Commission"),
        ("MSIF", "Market Sustainability and Improvement Fund"), ("NHS", "National Health Service"),
    ]


def test_a_table_of_figures_keeps_each_figure_in_its_cell_and_no_header_is_a_heading(tmp_path):
    page = Page()
    page.text(72, 780, "3. Budget position 2025/26", size=14, bold=True)
    page.lines(72, 760, ["Table 1 shows the budget, forecast outturn and variance for each",
                         "budget line at the end of December 2025."])
    page.text(72, 726, "Table 1: Adult social care budget 2025/26 (£000)", bold=True)
    page.text(72, 706, "Budget line", bold=True)
    for right, words in ((330, ("2025/26", "budget")), (410, ("Forecast", "outturn")), (490, ("Variance",))):
        for y, word in zip((706, 694), words):
            right_aligned(page, right, y, word, bold=True)
    rows = [("Residential and nursing care", "24,850", "26,310", "1,460"),
            ("Domiciliary care", "18,420", "19,655", "1,235"),
            ("Direct payments", "6,310", "5,980", "(330)"),
            ("Net total", "80,910", "82,870", "1,960")]
    y = 677.0
    for label, *figures in rows:
        total = label == "Net total"
        page.text(72, y, label, bold=total)
        for right, figure in zip((330, 410, 490), figures):
            right_aligned(page, right, y, figure, bold=total)
        y -= 17
    page.text(72, y - 9, "3.1 Where the pressures are", size=12, bold=True)
    page.lines(72, y - 27, ["The overspend on residential care is mainly due to more older",
                            "people in care homes than the budget allowed for."])
    paper = load(write_pdf(tmp_path, [page]))
    assert cells(paper) == [
        ("Budget line", 1, 1, 1, 5), ("2025/26 budget", 1, 1, 2, 5),
        ("Forecast outturn", 1, 1, 3, 5), ("Variance", 1, 1, 4, 5),
        ("Residential and nursing care", 1, 2, 1, 7), ("24,850", 1, 2, 2, 7), ("26,310", 1, 2, 3, 7),
        ("1,460", 1, 2, 4, 7),
        ("Domiciliary care", 1, 3, 1, 8), ("18,420", 1, 3, 2, 8), ("19,655", 1, 3, 3, 8), ("1,235", 1, 3, 4, 8),
        ("Direct payments", 1, 4, 1, 9), ("6,310", 1, 4, 2, 9), ("5,980", 1, 4, 3, 9), ("(330)", 1, 4, 4, 9),
        ("Net total", 1, 5, 1, 10), ("80,910", 1, 5, 2, 10), ("82,870", 1, 5, 3, 10), ("1,960", 1, 5, 4, 10),
    ]
    headings = [b.text for b in paper.blocks if b.kind is H]
    assert "Budget line" not in headings and "Net total" not in headings
    assert "3.1 Where the pressures are" in headings
    after = paper.blocks[-1]
    assert (after.kind, after.place.line, after.section) == (P, 12, "3.1 Where the pressures are")
    # A highlight on a wrapped header cell lies over its two lines, in its own column.
    header = next(b for b in paper.blocks if b.text == "2025/26 budget")
    boxes = [line.box for line in line_boxes(header, 0, len(header.text))]
    assert len(boxes) == 2 and all(280 < box[0] and box[2] < 331 for box in boxes)
    assert boxes[0][1] > boxes[1][1]


def test_a_page_in_two_columns_is_read_as_columns_not_as_a_table(tmp_path):
    page, short = Page(), Page()
    page.text(72, 780, "Winter pressures across the health and care system this year", size=10)
    left, right = prose(8, 6), prose(8, 6, offset=3)
    page.lines(72, 750, left)
    page.lines(320, 750, right)
    # Two short passages side by side, too few lines to show a gutter: prose still, not cells.
    short.lines(72, 760, prose(3, 11, offset=7))
    low_left, low_right = prose(2, 6, offset=5), prose(2, 6, offset=9)
    short.lines(72, 720, low_left)
    short.lines(320, 720, low_right)
    paper = load(write_pdf(tmp_path, [page, short]))
    assert [(b.text, b.place.page, b.place.line) for b in paper.blocks[:3]] == [
        ("Winter pressures across the health and care system this year", 1, 1),
        (" ".join(left), 1, 2),
        (" ".join(right), 1, 10),
    ]
    assert [b.kind for b in paper.blocks if b.kind is C] == []
    assert all(line in paper.text for line in low_left + low_right)
