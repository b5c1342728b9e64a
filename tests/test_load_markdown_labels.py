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
