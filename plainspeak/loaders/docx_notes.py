"""Number a Word paper's footnotes and endnotes as Word shows them, and keep where the text refers to them.

Word numbers notes by the order the text refers to them, footnotes and
endnotes each from 1, and writes the numbers in the format the paper's
settings give (``w:footnotePr`` and ``w:endnotePr``; by default 1, 2, 3 for
footnotes and i, ii, iii for endnotes). The reference mark is not part of the
text, so each is kept by its offset in ``Block.note_refs`` and each note's
first block carries its number in ``Block.number``, as Markdown's footnotes
do. A number in ``note_refs`` must name one note of the paper, so endnotes
are numbered on after the footnotes there, and ``number_style`` says how the
note's own number is written; a reader's copy counts each kind from 1.

A reference with a mark of its own (``w:customMarkFollows``) has its mark in
the text and is not kept; a note nothing refers to keeps number 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from plainspeak.loaders.docx_numbering import NUMBER_STYLES
from plainspeak.loaders.docx_text import W, w_val
from plainspeak.paper import Block

KINDS = ("footnotes", "endnotes")
# A note kind's style where the settings give none; one they give is read as
# list numbers are (NUMBER_STYLES), any other format as plain numbers.
_DEFAULTS = {"footnotes": "1", "endnotes": "i"}


@dataclass
class NoteNumbers:
    """The paper's note references in reading order, and the notes they may number."""

    uses: list[tuple[Block, int, str, str]] = field(default_factory=list)  # block, offset, kind, note id
    notes: dict[tuple[str, str], Block] = field(default_factory=dict)  # (kind, id) -> the note's first block

    def refer(self, block: Block, offsets: list[int], refs: list[tuple[int, str, str]]) -> None:
        """Keep the references of one paragraph's block, each at its offset."""
        for offset, (_, kind, note_id) in zip(offsets, refs):
            self.uses.append((block, offset, kind, note_id))

    def note(self, kind: str, note_id: str, first: Block) -> None:
        """Keep a note's first block, which its number will go on (the first kept, if an id is repeated)."""
        self.notes.setdefault((kind, note_id), first)

    def number(self, settings: etree._Element | None) -> None:
        """Give each note referred to its number, and each reference the number of its note."""
        styles = number_styles(settings)
        numbers: dict[tuple[str, str], int] = {}
        for kind in KINDS:
            for _, _, used_kind, note_id in self.uses:
                key = (used_kind, note_id)
                if used_kind == kind and key in self.notes and key not in numbers:
                    numbers[key] = len(numbers) + 1
        for block, offset, kind, note_id in self.uses:
            number = numbers.get((kind, note_id))
            if number is not None:
                block.note_refs = (*block.note_refs, (offset, number))
        for (kind, note_id), number in numbers.items():
            note = self.notes[(kind, note_id)]
            note.number, note.number_style = number, styles[kind]


def number_styles(settings: etree._Element | None) -> dict[str, str]:
    """How footnote and endnote numbers are written, from the settings part."""
    styles = dict(_DEFAULTS)
    if settings is None:
        return styles
    for kind, element in (("footnotes", "footnotePr"), ("endnotes", "endnotePr")):
        given = w_val(settings.find(f"{W}{element}/{W}numFmt"))
        if given:
            styles[kind] = NUMBER_STYLES.get(given, "1")
    return styles
