"""Load a Word .docx paper by walking its XML in document order.

Body paragraphs and tables (nested ones too) come first, in order; text boxes
follow the paragraph that anchors them; footnotes and endnotes come after the
body. Headers and footers go to ``Paper.furniture``. Each block keeps a
locator (``body/12``, ``body/3/tbl/1/2/0``, ``footnotes/4/0``,
``header1/0``) and run spans into the nodes :func:`paragraph_nodes` lists,
so a writer can anchor a comment on exact characters.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from plainspeak.errors import E107, InputError
from plainspeak.loaders.assemble import finish
from plainspeak.loaders.docx_blocks import note_offsets, paragraph_block
from plainspeak.loaders.docx_notes import NoteNumbers
from plainspeak.loaders.docx_numbering import Numbering, read_numbering
from plainspeak.loaders.docx_package import Package
from plainspeak.loaders.docx_styles import Styles, read_styles
from plainspeak.loaders.docx_text import W, paragraph_nodes
from plainspeak.loaders.limits import Limits
from plainspeak.paper import Block, BlockKind, Paper

_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_CONTAINERS = frozenset({f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"})
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


@dataclass
class Walk:
    """What the walk over one story (body, note, header) needs to know."""

    styles: Styles
    kind: BlockKind | None = None  # a kind forced by the story or the container
    cell: tuple[int, int, int] | None = None  # table, row, cell (1-based)
    tables: list[int] = field(default_factory=lambda: [0])  # shared table counter
    blocks: list[Block] = field(default_factory=list)
    numbering: Numbering = field(default_factory=Numbering)  # shared by the body's stories
    notes: NoteNumbers = field(default_factory=NoteNumbers)  # shared by every story


def load_docx(path: Path, data: bytes, limits: Limits) -> Paper:
    """Read a DOCX into a Paper."""
    package = Package(path, data, limits)
    document = package.xml(package.main)
    body = document.find(f"{W}body") if document is not None else None
    if body is None:
        raise InputError(E107, str(path), "its main part has no document body")
    styles = read_styles(_first(package, package.related(package.main, "styles")))
    numbering = read_numbering(_first(package, package.related(package.main, "numbering")))
    walk = Walk(styles, numbering=numbering)
    read_story(body, "body", walk)
    for kind, part_kind in ((BlockKind.FOOTNOTE, "footnotes"), (BlockKind.ENDNOTE, "endnotes")):
        for part in package.related(package.main, part_kind):
            _read_notes(package.xml(part), part_kind,
                        Walk(styles, kind, tables=walk.tables, blocks=walk.blocks, notes=walk.notes))
    walk.notes.number(_first(package, package.related(package.main, "settings")))
    furniture = Walk(styles)
    for kind, part_kind in ((BlockKind.HEADER, "header"), (BlockKind.FOOTER, "footer")):
        for part in sorted(package.related(package.main, part_kind)):
            story = package.xml(part)
            if story is not None:
                name = posixpath.splitext(posixpath.basename(part))[0]
                read_story(story, name, Walk(styles, kind, blocks=furniture.blocks))
    return finish(path, "docx", data, walk.blocks, limits,
                  furniture=furniture.blocks, title=_core_title(package))


def read_story(container: etree._Element, locator: str, walk: Walk) -> None:
    """Add blocks for the paragraphs and tables in ``container``, in order."""
    for index, child in enumerate(container):
        tag = child.tag
        where = f"{locator}/{index}"
        if tag == f"{W}p":
            _paragraph(child, where, walk)
        elif tag == f"{W}tbl":
            _table(child, where, walk)
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                read_story(content, f"{where}/sdt", walk)
        elif tag in _CONTAINERS:
            read_story(child, where, walk)


def _paragraph(element: etree._Element, where: str, walk: Walk) -> None:
    found = paragraph_nodes(element)
    block = paragraph_block(element, found.nodes, where, walk.kind, walk.styles, walk.cell, walk.numbering)
    if block is not None:
        walk.blocks.append(block)
        if found.refs:
            walk.notes.refer(block, note_offsets(found.nodes, found.refs), found.refs)
    for number, box in enumerate(found.boxes):
        inner = Walk(walk.styles, BlockKind.TEXT_BOX, None, walk.tables, walk.blocks, walk.numbering, walk.notes)
        if walk.kind is not None and walk.kind.is_furniture:
            inner.kind = walk.kind  # a text box in a header is still furniture
        read_story(box, f"{where}/txbx/{number}", inner)


def _table(table: etree._Element, where: str, walk: Walk) -> None:
    walk.tables[0] += 1
    number = walk.tables[0]
    rows = [row for row in table if row.tag == f"{W}tr" and not _row_deleted(row)]
    for row_index, row in enumerate(rows):
        cells = [cell for cell in row if cell.tag == f"{W}tc"]
        for cell_index, cell in enumerate(cells):
            kind = walk.kind if walk.kind is not None and walk.kind.is_furniture else BlockKind.TABLE_CELL
            inner = Walk(walk.styles, kind, (number, row_index + 1, cell_index + 1), walk.tables, walk.blocks,
                         walk.numbering, walk.notes)
            read_story(cell, f"{where}/tbl/{row_index}/{cell_index}", inner)


def _row_deleted(row: etree._Element) -> bool:
    """A row removed with tracked changes on is not part of the current text."""
    properties = row.find(f"{W}trPr")
    return properties is not None and properties.find(f"{W}del") is not None


def _read_notes(root: etree._Element | None, name: str, walk: Walk) -> None:
    if root is None:
        return
    for index, note in enumerate(root):
        if note.tag in (f"{W}footnote", f"{W}endnote") and note.get(f"{W}type") not in _NOTE_SEPARATORS:
            first = len(walk.blocks)
            read_story(note, f"{name}/{index}", walk)
            if len(walk.blocks) > first:
                walk.notes.note(name, note.get(f"{W}id", ""), walk.blocks[first])


def _first(package: Package, parts: list[str]) -> etree._Element | None:
    return package.xml(parts[0]) if parts else None


def _core_title(package: Package) -> str:
    for part in package.related("", "core-properties"):
        core = package.xml(part)
        title = core.find(f".//{_DC_TITLE}") if core is not None else None
        if title is not None and title.text:
            return title.text
    return ""
