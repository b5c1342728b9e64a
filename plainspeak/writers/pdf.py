"""PDF in, annotated PDF out: a highlight with a note on each flagged passage.

The original is copied page by page (``PdfWriter(clone_from=...)``) and never
changed in place; the copy carries none of its scripts, actions that launch,
send or import, or embedded files (see :mod:`.pdf_active`). Each finding
becomes a Highlight annotation over its characters, one quadrilateral per
line, whose note (``/Contents``, shown in a popup by PDF readers) says what
the problem is and what the word means.
Highlights print, so a paper copy shows them too. With ``appendix``, the
"Words used in this paper" list follows on pages of its own, with a bookmark.
Boxes come back from the loader's frame of each page (the page turned as it
is read), so a turned page or one whose media box is away from the origin
is marked on the right words; each note's popup opens beside its highlight,
as the page is read, and inside the page.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, Popup
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from plainspeak.glossary.model import GlossarySet
from plainspeak.paper import PageFrame, Paper
from plainspeak.result import PaperResult
from plainspeak.writers import Annotated
from plainspeak.writers.appendix import TITLE, words_used
from plainspeak.writers.pdf_active import remove_active_content
from plainspeak.writers.notes import AUTHOR, Note, notes_for
from plainspeak.writers.pdf_geometry import Box, line_boxes, quad, union
from plainspeak.writers.pdf_pages import add_pages

MEDIA_TYPE = "application/pdf"
COLOURS = {"term": "ffe14d", "sentence": "9fd8ff"}  # yellow for words to explain, blue for how it is written
POPUP = (200.0, 80.0)  # width and height of a note's popup, in points


def write(source: bytes, paper: Paper, result: PaperResult, glossaries: GlossarySet | None = None,
          *, appendix: bool = False) -> Annotated:
    """The annotated copy of the PDF ``source`` (the bytes ``paper`` was loaded from)."""
    reader = PdfReader(io.BytesIO(source))
    remove_active_content(reader.root_object)  # before the copy, which then never takes it
    writer = PdfWriter(clone_from=reader)
    outcome = Annotated(b"")
    for number, note in enumerate(notes_for(result, glossaries)):
        if note.kind != "paper" and highlight(writer, paper, note, number):
            outcome.placed += 1
        else:
            outcome.unplaced.append(note.finding)
    if appendix:
        entries = words_used(paper, result, glossaries)
        if entries:
            first = add_pages(writer, entries, *_last_page_size(writer, paper))
            writer.add_outline_item(title=TITLE, page_number=first)
    buffer = io.BytesIO()
    writer.write(buffer)
    outcome.data = buffer.getvalue()
    return outcome


def _last_page_size(writer: PdfWriter, paper: Paper) -> tuple[float, float]:
    """The last page's width and height as it reads, for the appendix pages to match.

    Its media box can be written top first, which gives a negative height.
    """
    if paper.frames and paper.frames[-1].width > 0 and paper.frames[-1].height > 0:
        return paper.frames[-1].width, paper.frames[-1].height
    box = writer.pages[-1].mediabox
    return abs(float(box.width)), abs(float(box.height))


def highlight(writer: PdfWriter, paper: Paper, note: Note, number: int) -> bool:
    """Add the note's highlight on each page its characters are on; False if it has no place."""
    block = paper.block_at(note.finding.start)
    if block is None:
        return False
    lines = line_boxes(block, note.finding.start - block.start, note.finding.end - block.start)
    by_page: dict[int, list] = {}
    for line in lines:
        if 1 <= line.page <= min(len(writer.pages), len(paper.frames)):
            by_page.setdefault(line.page, []).append(line.box)
    for page_number, boxes in by_page.items():
        _annotate(writer, page_number - 1, paper.frames[page_number - 1], boxes, note, number)
    return bool(by_page)


def _annotate(writer: PdfWriter, index: int, frame: PageFrame, boxes: list[Box], note: Note,
              number: int) -> None:
    points: list[float] = []
    rects = []
    for box in boxes:
        corners, rect = quad(frame.matrix, box)
        points.extend(corners)
        rects.append(rect)
    rect = union(rects)
    mark = Highlight(rect=rect, quad_points=ArrayObject(FloatObject(round(v, 2)) for v in points),
                     highlight_color=COLOURS.get(note.kind, COLOURS["term"]), printing=True)
    mark[NameObject("/Contents")] = TextStringObject(note.text())
    mark[NameObject("/T")] = TextStringObject(AUTHOR)
    mark[NameObject("/Subj")] = TextStringObject(f"{note.finding.code} {note.finding.name}")
    mark[NameObject("/NM")] = TextStringObject(f"plainspeak-{number}-{note.finding.fingerprint}")
    added = writer.add_annotation(index, mark)
    _, popup_rect = quad(frame.matrix, _popup_box(union(boxes), frame))
    popup = writer.add_annotation(index, Popup(rect=popup_rect, parent=added, open=False))
    added[NameObject("/Popup")] = popup.indirect_reference


def _popup_box(marked: Box, frame: PageFrame) -> Box:
    """Below and to the right of the marked words as the page is read, moved in to stay on the page."""
    width, height = POPUP
    left = max(min(marked[2], frame.width - width), 0.0)
    top = min(max(marked[1], height), frame.height)
    return (left, top - height, left + width, top)
