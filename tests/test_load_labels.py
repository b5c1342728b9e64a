"""Short "Label: value" lines at the top of a paper stay blocks of their own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import Page, build_pdf  # noqa: E402

from plainspeak.loaders import load  # noqa: E402
from plainspeak.loaders.labels import is_label_line, starts_block  # noqa: E402
from plainspeak.paper import BlockKind, Place  # noqa: E402

H, P = BlockKind.HEADING, BlockKind.PARAGRAPH
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DETAILS = ["Meeting: Cabinet", "Date: 4 February 2026", "Report of: Director of Adult Services",
           "Decision required: Yes"]
# The second line wraps a sentence and happens to open with "Adult Services:".
WRAPPED = ["The board heard from the team that runs the service and from the Director of",
           "Adult Services: the waiting list has halved since the new rota began in May."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Meeting: Cabinet", True),
    ("Decision required: Yes", True),
    ("Report of: Head of Finance", True),
    ("Key decision (Y/N): No", True),
    ("Item 4: Budget monitoring", True),
    ("Wards affected:", True),
    ("Background papers: none", True),
    ("The board met on Tuesday: it agreed the plan.", False),  # five words before the colon
    ("date: 4 February 2026", False),  # not capitalised
    ("10:30 start", False),
    ("https://example.org/papers", False),
    ("Note:the gap is missing", False),
    ("Meeting - Cabinet", False),
])
def test_label_lines(text, expected):
    assert is_label_line(text) is expected


@pytest.mark.parametrize(("first", "previous", "full", "expected"), [
    ("Meeting: Cabinet", "Meeting: Cabinet", False, True),  # a run of details
    ("Purpose: to agree the plan for the", "Purpose: to agree the plan for the", True, True),
    ("The plan was agreed.", "The plan was agreed.", True, True),  # after a full stop
    ("Our budget", "Our budget", False, True),  # a short line is no wrap
    ("The board heard from the Director of", "The board heard from the Director of", True, False),
])
def test_label_starts_a_block_unless_it_wraps_a_sentence(first, previous, full, expected):
    text = "Adult Services: the list has halved."
    assert starts_block(text, first=first, previous=previous, previous_full=full) is expected


def test_text_details_each_a_block(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(["CABINET REPORT", "", *DETAILS, "", *WRAPPED]) + "\n", encoding="utf-8")
    assert [(b.kind, b.text, b.place) for b in load(path).blocks] == [
        (H, "CABINET REPORT", Place(1, line=1)),
        (P, "Meeting: Cabinet", Place(2, line=3)),
        (P, "Date: 4 February 2026", Place(3, line=4)),
        (P, "Report of: Director of Adult Services", Place(4, line=5)),
        (P, "Decision required: Yes", Place(5, line=6)),
        (P, " ".join(WRAPPED), Place(6, line=8)),
    ]


def test_text_label_value_carried_on_the_next_line(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text("Purpose of report: to agree how the winter money\nis spent.\nDate: 4 May\n",
                    encoding="utf-8")
    assert [(b.text, b.place.line) for b in load(path).blocks] == [
        ("Purpose of report: to agree how the winter money is spent.", 1), ("Date: 4 May", 3)]


def test_pdf_details_each_a_block(tmp_path):
    page = Page()
    page.text(72, 780, "Cabinet report", size=18)
    page.lines(72, 750, DETAILS)
    page.lines(72, 690, WRAPPED)
    page.lines(72, 650, ["The plan was agreed by all members.", "Next meeting: 4 March 2026"])
    path = tmp_path / "paper.pdf"
    path.write_bytes(build_pdf([page]))
    assert [(b.kind, b.text, b.place) for b in load(path).blocks] == [
        (H, "Cabinet report", Place(1, page=1, line=1)),
        (P, "Meeting: Cabinet", Place(2, page=1, line=2)),
        (P, "Date: 4 February 2026", Place(3, page=1, line=3)),
        (P, "Report of: Director of Adult Services", Place(4, page=1, line=4)),
        (P, "Decision required: Yes", Place(5, page=1, line=5)),
        (P, " ".join(WRAPPED), Place(6, page=1, line=6)),
        (P, "The plan was agreed by all members.", Place(7, page=1, line=8)),
        (P, "Next meeting: 4 March 2026", Place(8, page=1, line=9)),
    ]


EXAMPLE_DETAILS = [
    "Meeting: Care and Support Co-production Group",
    "Date: Thursday 12 February 2026",
    "Report of: Daniel Okafor, Head of Finance (Adults and Health)",
    "Lead member: Councillor Priya Shah, Cabinet Member for Adult Social Care",
    "Wards affected: All wards",
    "Purpose of report: To set out the forecast outturn for the adult social care budget for 2025/26 as at"
    " month 9, and to seek the views of the group on the savings proposals for 2026/27 prior to their"
    " consideration by Cabinet on 5 March 2026.",
    "Decision required: The group is asked to note the forecast position and to comment on the savings"
    " proposals in section 4. The group\u2019s comments will be reported to Cabinet.",
]


@pytest.mark.parametrize("name", ["budget-report.pdf", "budget-report.docx"])
def test_example_paper_details_are_separate_paragraphs(name):
    blocks = load(EXAMPLES / name).blocks
    first = next(i for i, b in enumerate(blocks) if b.text.startswith("Meeting:"))
    found = blocks[first:first + len(EXAMPLE_DETAILS)]
    assert [(b.kind, b.text) for b in found] == [(P, text) for text in EXAMPLE_DETAILS]
