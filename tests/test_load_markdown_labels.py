"""Markdown: "Label: value" lines with no blank line between are blocks of their own."""

from __future__ import annotations

from pathlib import Path

import plainspeak
from plainspeak.settings import Settings

COVER = """# Budget report

Meeting: Cabinet
Date: 4 February 2026
Report of: Head of Finance

The council agreed the budget. It will rise by 3%
in the coming year: the precept is set.

Note: this paragraph opens with a label but it
carries on in a second line that wraps the first one.
"""


def blocks(tmp_path: Path, text: str) -> list[tuple[str, str, int]]:
    paper_path = tmp_path / "paper.md"
    paper_path.write_text(text, encoding="utf-8")
    paper = plainspeak.load(str(paper_path))
    return [(block.kind.value, paper.text[block.start:block.end], block.place.line) for block in paper.blocks]


def test_label_lines_are_blocks_on_their_own_lines(tmp_path: Path) -> None:
    assert blocks(tmp_path, COVER) == [
        ("heading", "Budget report", 1),
        ("paragraph", "Meeting: Cabinet", 3),
        ("paragraph", "Date: 4 February 2026", 4),
        ("paragraph", "Report of: Head of Finance", 5),
        ("paragraph", "The council agreed the budget. It will rise by 3% in the coming year: the precept is set.", 7),
        ("paragraph", "Note: this paragraph opens with a label but it carries on in a second line that wraps the "
                      "first one.", 10),
    ]


def test_a_finding_in_a_label_line_points_at_that_line(tmp_path: Path, blank_model: str) -> None:
    paper_path = tmp_path / "paper.md"
    paper_path.write_text("Meeting: Cabinet\nPurpose: to agree the virement\n\nThe rest.\n", encoding="utf-8")
    result = plainspeak.check(str(paper_path), Settings(model=blank_model, isolate=False))
    [finding] = [f for f in result.findings if f.code == "PS101"]
    assert (finding.text, finding.location.line, finding.location.column) == ("virement", 2, 23)


def test_a_wrapped_sentence_is_not_split_by_a_wide_table(tmp_path: Path) -> None:
    # Widths are judged on paragraph lines: the table row must not make the prose lines look short.
    row = "| " + " | ".join(["a long table cell text"] * 6) + " |"
    text = (f"| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n{row}\n\n"
            "The committee noted the risks set out in the paper, as listed at Appendix\n"
            "B: Risk register, and agreed to review them in the spring of next year.\n")
    assert blocks(tmp_path, text)[-1] == (
        "paragraph", "The committee noted the risks set out in the paper, as listed at Appendix B: Risk "
                     "register, and agreed to review them in the spring of next year.", 5)


def test_lines_are_not_split_where_source_and_text_lines_differ(tmp_path: Path) -> None:
    # A code span across a line break makes two source lines one line of text.
    text = "Meeting: `Cabinet\nroom` two\nDate: 4 February 2026\n"
    assert blocks(tmp_path, text) == [("paragraph", "Meeting: Cabinet room two Date: 4 February 2026", 1)]


def test_bold_labels_are_kept_as_ranges_of_each_lines_block(tmp_path: Path) -> None:
    paper_path = tmp_path / "paper.md"
    paper_path.write_text("**Meeting:** Cabinet\n**Date:** 4 **February** 2026\n\n- **Demand.** It grows.\n\n"
                          "No bold here.\n", encoding="utf-8")
    paper = plainspeak.load(str(paper_path))
    assert [(block.text, [block.text[s:e] for s, e in block.bold]) for block in paper.blocks] == [
        ("Meeting: Cabinet", ["Meeting:"]),
        ("Date: 4 February 2026", ["Date:", "February"]),
        ("Demand. It grows.", ["Demand."]),
        ("No bold here.", []),
    ]
