"""Definitions a paper gives in its own glossary or abbreviations section."""

from __future__ import annotations

from pathlib import Path

from plainspeak.loaders import load
from plainspeak.terms.sections import section_entries

PAPER = """# Budget update

The BCF pays for most of the reablement service.

## Abbreviations

| Abbreviation | Meaning |
| --- | --- |
| BCF | Better Care Fund |
| DFG | Disabled Facilities Grant |
"""


def entries(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return [(term, meaning) for term, meaning, _ in section_entries(load(str(path)))]


def test_a_table_row_gives_an_entry_and_its_header_does_not(tmp_path: Path) -> None:
    assert entries(tmp_path, PAPER) == [("BCF", "Better Care Fund"), ("DFG", "Disabled Facilities Grant")]


def test_a_header_line_is_not_an_entry(tmp_path: Path) -> None:
    text = "# Plan\n\nText.\n\n## Glossary\n\nTerm – Meaning\n\nOutturn – what was spent by the year end\n"
    assert entries(tmp_path, text) == [("Outturn", "what was spent by the year end")]
