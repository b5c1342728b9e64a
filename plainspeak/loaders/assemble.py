"""Turn a loader's blocks into a finished :class:`Paper`.

Loaders build blocks with a placeholder paragraph number; this is where every
format gets the same numbering (body blocks from 1 in reading order), the same
``section`` rule and the same title guess, so the rules cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from plainspeak.errors import E108, E113, InputError
from plainspeak.loaders.limits import Limits
from plainspeak.paper import Block, BlockKind, Notice, PageFrame, Paper, Place


def number(blocks: list[Block]) -> None:
    """Give blocks paragraph numbers 1, 2, … in list order."""
    for index, block in enumerate(blocks, start=1):
        block.place = dataclasses.replace(block.place, paragraph=index)


# Notes and page margins are read after the body, so the heading above them is
# the paper's last: their section names what they are instead.
_OWN_SECTION = {BlockKind.FOOTNOTE: "Footnotes", BlockKind.ENDNOTE: "Endnotes",
                BlockKind.HEADER: "Page header", BlockKind.FOOTER: "Page footer"}


def set_sections(blocks: list[Block]) -> None:
    """Set each block's section to the text of the nearest heading above it."""
    current = ""
    for block in blocks:
        block.section = _OWN_SECTION.get(block.kind, current)
        if block.kind is BlockKind.HEADING:
            current = block.text


def guess_title(blocks: list[Block], declared: str = "") -> str:
    """A declared title if there is one, else the first heading's text."""
    if declared.strip():
        return " ".join(declared.split())
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            return " ".join(block.text.split())
    return ""


def finish(
    path: Path, fmt: str, data: bytes, blocks: list[Block], limits: Limits, *,
    furniture: list[Block] | None = None, notices: list[Notice] | None = None,
    pages: int | None = None, title: str = "", frames: list[PageFrame] | None = None,
) -> Paper:
    """Number, section and index the blocks and wrap them in a Paper.

    A paper with no text is an error (E113) unless the loader left a notice
    saying why, as a PDF without a text layer does: the checker reports the
    notice as a finding rather than failing.
    """
    notices = notices or []
    if not blocks and not notices:
        raise InputError(E113, str(path), "no text was found in it")
    total = sum(len(block.text) for block in blocks)
    if total > limits.max_text_chars:
        raise InputError(E108, str(path), f"it holds more than {limits.max_text_mb:g} MB of text")
    number(blocks)
    set_sections(blocks)
    number(furniture or [])
    paper = Paper(
        path=str(path), format=fmt, blocks=blocks, pages=pages,
        furniture=furniture or [], notices=notices, frames=frames or [],
        sha256=hashlib.sha256(data).hexdigest(), title=guess_title(blocks, title),
    )
    paper.reindex()
    return paper


def new_block(kind: BlockKind, text: str, *, level: int = 0, **place: int | None) -> Block:
    """A block whose paragraph number :func:`finish` fills in later."""
    return Block(kind=kind, text=text, place=Place(paragraph=0, **place), level=level)
