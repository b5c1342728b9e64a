"""Markdown footnotes are read as notes after the body, their marks kept by offset, not as text."""

from __future__ import annotations

from pathlib import Path

import plainspeak

PAPER = """# Budget report

The forecast is at month 9.[^later] Figures are in £000.

Meeting: Cabinet[^first]
Date: 4 February 2026

The second mention of the same note.[^first]

[^first]: The meeting moved
    from January.

    A second paragraph of the note.

[^later]: Forecasts use December's care packages.

[^unused]: Markdown shows no note that nothing refers to.
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return plainspeak.load(str(path))


def test_footnotes_are_notes_in_the_order_first_referred_to(tmp_path: Path) -> None:
    paper = load(tmp_path, PAPER)
    assert [(b.kind.value, b.text, b.number, b.note_refs, b.section) for b in paper.blocks] == [
        ("heading", "Budget report", 0, (), ""),
        ("paragraph", "The forecast is at month 9. Figures are in £000.", 0, ((27, 1),), "Budget report"),
        ("paragraph", "Meeting: Cabinet", 0, ((16, 2),), "Budget report"),
        ("paragraph", "Date: 4 February 2026", 0, (), "Budget report"),
        ("paragraph", "The second mention of the same note.", 0, ((36, 2),), "Budget report"),
        ("footnote", "Forecasts use December's care packages.", 1, (), "Footnotes"),
        ("footnote", "The meeting moved from January.", 2, (), "Footnotes"),
        ("footnote", "A second paragraph of the note.", 0, (), "Footnotes"),
    ]
    assert "[^" not in paper.text and "nothing refers to" not in paper.text
    assert [block.place.line for block in paper.blocks if block.kind.value == "footnote"] == [15, 10, 13]


def test_a_paper_without_footnotes_reads_brackets_as_text(tmp_path: Path) -> None:
    paper = load(tmp_path, "See [^1] and [note] here.\n\n[^2] is not a note either.\n")
    assert [(b.kind.value, b.text, b.note_refs) for b in paper.blocks] == [
        ("paragraph", "See [^1] and [note] here.", ()),
        ("paragraph", "[^2] is not a note either.", ()),
    ]
