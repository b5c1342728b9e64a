"""Notes in a reader's copy: each reference a superscript link to its note, and each note's number and link back."""

from __future__ import annotations

from plainspeak.paper import Block, BlockKind
from plainspeak.writers.html_build import Markup, el, join
from plainspeak.writers.html_marks import Mark


class Notes:
    """Note references as superscript links, and each note's number and link back.

    Only where the paper's mark for a note is not part of its text (Word's and
    Markdown's notes): the first reference to a note is the one its link goes
    back to. A note's number names it in the paper (Word's endnotes number on
    after its footnotes); it is shown as the paper writes it, each kind
    counted from 1 in its own style (i, ii, iii for Word's endnotes).
    """

    def __init__(self, blocks: list[Block]) -> None:
        self.referred: set[int] = set()
        self.numbered: set[int] = set()
        self.labels = note_labels(blocks)

    def references(self, block: Block) -> list[Mark]:
        marks = []
        for at, number in block.note_refs:
            anchor = "" if number in self.referred else f"note-ref-{number}"
            self.referred.add(number)
            marks.append(Mark(at, at, "note", self.labels.get(number, str(number)), f"note-{number}",
                              anchor=anchor))
        return marks

    def around(self, block: Block, rendered: Markup) -> Markup:
        """A note's first paragraph opens with its number and ends with a link back to the text."""
        number = block.number
        if block.kind not in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE) or not number or number in self.numbered:
            return rendered
        self.numbered.add(number)
        back = (el("a", {"href": f"#note-ref-{number}", "class": "back"}, "Back to the text")
                if number in self.referred else None)
        label = self.labels.get(number, str(number))
        return join([el("span", {"class": "note-no", "id": f"note-{number}"}, f"{label}."), " ", rendered,
                     " " if back else None, back])


def note_labels(blocks: list[Block]) -> dict[int, str]:
    """Each note's number as the paper shows it: its place among its kind's notes, in their style."""
    by_kind: dict[BlockKind, dict[int, str]] = {}
    for block in blocks:
        if block.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE) and block.number:
            by_kind.setdefault(block.kind, {}).setdefault(block.number, block.number_style)
    labels = {}
    for numbers in by_kind.values():
        for place, number in enumerate(sorted(numbers), start=1):
            labels[number] = counter(place, numbers[number])
    return labels


def counter(value: int, style: str) -> str:
    """``value`` written as a list counter of HTML type ``style``: 1, a, A, i or I."""
    if style in ("i", "I"):
        roman = ""
        for amount, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            count, value = divmod(value, amount)
            roman += letters * count
        return roman.upper() if style == "I" else roman
    if style in ("a", "A"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    return str(value)
