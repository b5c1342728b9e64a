"""Definitions a paper gives in a glossary or abbreviations section, or in footnotes.

A section starts at a heading such as "Glossary", "Abbreviations" or "Key
terms" (the list is data: ``glossary_headings.txt``) and runs to the next
heading at the same level or above. Inside it, each line, list item or table
row of the shape "TERM – meaning", "TERM: meaning" or TERM | meaning gives a
definition.
"""

from __future__ import annotations

import re
from typing import Iterator

from plainspeak.paper import Block, BlockKind, Paper
from plainspeak.terms.wordlists import word_set

Entry = tuple[str, str, int]  # term, meaning, paper offset of the term
_ENTRY = re.compile(r"^\s*(?P<term>[^\s:–—=\t][^:–—=\t]{0,60}?)\s*(?:[:–—=\t]|\s-\s)\s*(?P<meaning>\S.*)$")


def is_glossary_heading(text: str) -> bool:
    """Whether a heading opens a section that explains the paper's words."""
    # "Appendix A: Abbreviations", "Annex 2 – Glossary", "7. Key terms" name the same section.
    bare = _NUMBERED.sub("", text.strip())
    folded = re.sub(r"[^a-z ]+", " ", bare.lower())
    return " ".join(folded.split()) in word_set("glossary_headings.txt")


_NUMBERED = re.compile(
    r"^(?:(?:appendix|annex|annexe|schedule|part)\s+[A-Za-z0-9]{1,3}\b\s*[:.–—-]?\s*|[A-Za-z0-9]{1,3}[.)]\s+)",
    re.IGNORECASE,
)


def section_entries(paper: Paper) -> Iterator[Entry]:
    """Every (term, meaning, offset) given in the paper's glossary sections."""
    inside_level: int | None = None
    row_cells: dict[tuple, list[Block]] = {}
    for block in paper.blocks:
        if block.kind is BlockKind.HEADING or _heading_like(block):
            level = block.level or 1
            if is_glossary_heading(block.text):
                inside_level = level
                continue
            if inside_level is not None and level <= inside_level:
                inside_level = None
        if inside_level is None:
            continue
        if block.kind is BlockKind.TABLE_CELL:
            row_cells.setdefault((block.place.table, block.place.row), []).append(block)
        else:
            yield from line_entries(block)
    for cells in row_cells.values():
        if len(cells) >= 2 and cells[0].text.strip() and cells[1].text.strip() and not _header_row(cells):
            yield cells[0].text.strip(), cells[1].text.strip(), cells[0].start


def _header_row(cells: list[Block]) -> bool:
    """ "Abbreviation | Meaning": the row that names the columns, not an entry."""
    return _column_names(cells[0].text, cells[1].text)


def _column_names(term: str, meaning: str) -> bool:
    """Both sides name a glossary's columns ("Term – Meaning"), so they head it."""
    names = word_set("glossary_column_names.txt")
    return all(" ".join(side.lower().split()).strip(" :") in names for side in (term, meaning))


def _heading_like(block: Block) -> bool:
    """A short paragraph that is only a glossary heading (text papers have no styles)."""
    return block.kind is BlockKind.PARAGRAPH and len(block.text.split()) <= 5 and is_glossary_heading(block.text)


def line_entries(block: Block) -> Iterator[Entry]:
    """ "TERM – meaning" or "TERM: meaning" entries in a block, one per line."""
    offset = 0
    for line in block.text.split("\n"):
        match = _ENTRY.match(line)
        if match and _column_names(match.group("term"), match.group("meaning")):
            match = None  # "Term – Meaning": a header line
        if match and len(match.group("term").split()) <= 8:
            yield match.group("term").strip(), match.group("meaning").strip(), block.start + offset + match.start("term")
        offset += len(line) + 1


def footnote_entries(paper: Paper) -> Iterator[Entry]:
    """Entries given in footnotes and endnotes, which readers find on the same page."""
    for block in paper.blocks:
        if block.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE):
            yield from line_entries(block)
