"""PDF pages with lines side by side: list marks set apart from their items, tables, two columns."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import Page, write_pdf  # noqa: E402

from plainspeak.loaders import load  # noqa: E402
from plainspeak.paper import BlockKind, Place  # noqa: E402

P, H, L = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM


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
    page.lines(72, y, ["A virement of £0.4m from the contingency budget is also", "proposed. Progress on these actions will be reported each",
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
