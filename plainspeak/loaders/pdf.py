"""Load a PDF paper with PDFium (pypdfium2): each page's characters, with their boxes.

PDFium is the PDF engine of Chromium, made to open damaged and hostile files
and fuzzed without end; it reads a page's text several times as fast as
pdfminer.six, which plainspeak read PDFs with before. A file PDFium cannot
open becomes E107, a password E106, and a paper with pages but no text
layer is a Paper with a PS901 notice, not an error, so the checker can
report it as a finding. A page of tens of thousands of scattered
glyphs (see :mod:`.pdf_scatter`) is left out with a PS904 notice, rather
than read as thousands of one-letter paragraphs. Short pieces of text in
rows lined up in columns are read as a table's cells (see :mod:`.pdf_tables`).
A page is read turned as its text runs (see :mod:`.pdf_frame`), and the
paper keeps each page's frame, so the annotated copy can map boxes back.
"""

from __future__ import annotations

import ctypes
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pypdfium2.raw as pdfium

from plainspeak.errors import E106, E107, E108, InputError
from plainspeak.loaders.assemble import finish
from plainspeak.loaders.limits import Limits
from plainspeak.loaders.pdf_blocks import body_blocks, furniture_blocks
from plainspeak.loaders.pdf_frame import IDENTITY, page_frame
from plainspeak.loaders.pdf_layout import mark_furniture, reading_order
from plainspeak.loaders.pdf_lines import Line, page_lines
from plainspeak.loaders.pdf_notices import hidden_text_notice, no_text_notice, scattered_text_notice
from plainspeak.loaders.pdf_rows import join_marks, same_row
from plainspeak.loaders.pdf_scatter import scattered_characters
from plainspeak.loaders.pdf_tables import mark_tables
from plainspeak.loaders.sniff import pdf_header_offset
from plainspeak.paper import Block, BlockKind, PageFrame, Paper

_REASONS = {
    pdfium.FPDF_ERR_FILE: "it cannot be read as a PDF file",
    pdfium.FPDF_ERR_FORMAT: "it is damaged: PDFium could not find its pages",
    pdfium.FPDF_ERR_PAGE: "its pages are missing or damaged",
}
_TITLE_BYTES = 2048


def load_pdf(path: Path, data: bytes, limits: Limits) -> Paper:
    """Read a PDF into a Paper.

    ``data`` is the file as it is, which the paper keeps; PDFium reads it
    from its header on, so junk before the header does not stop it. PDFium
    rebuilds a damaged cross-reference table itself, so a file it cannot
    open is past repair.
    """
    with _opened(path, data[max(pdf_header_offset(data), 0):]) as document:
        pages, hidden, scattered = _read_pages(path, document, limits)
        info_title = _info_title(document)
    if not pages:
        raise InputError(E107, str(path), "it has no pages")
    mark_furniture([(frame.height, lines) for frame, lines in pages])
    if all(line.role for _, lines in pages for line in lines):
        # Nothing but repeated margin lines: they are the text, not furniture.
        for _, lines in pages:
            for line in lines:
                line.role = ""
    body: list[Line] = []
    furniture: list[Line] = []
    tables = 0
    for _, lines in pages:
        ordered = _number(lines)
        page_body, tables = mark_tables([line for line in ordered if not line.role], tables)
        body.extend(page_body)
        furniture.extend(line for line in ordered if line.role)
    empty = [not lines and number not in scattered for number, (_, lines) in enumerate(pages, start=1)]
    notices = [notice for notice in (
        no_text_notice(empty, hidden),
        scattered_text_notice(scattered),
        hidden_text_notice(hidden),
    ) if notice is not None]
    blocks = body_blocks(body)
    paper = finish(
        path, "pdf", data, blocks, limits, furniture=furniture_blocks(furniture),
        notices=notices, pages=len(pages), title=_front_title(blocks),
        frames=[frame for frame, _ in pages],
    )
    # The information dictionary often names the program's temporary file, so
    # a heading from the page is the better guess when there is one.
    paper.title = paper.title or info_title
    return paper


@contextmanager
def _opened(path: Path, data: bytes) -> Iterator[object]:
    """The PDFium document for ``data``, closed on leaving; E106 or E107 if it will not open."""
    buffer = ctypes.create_string_buffer(data, len(data))  # PDFium reads it until the document closes
    document = pdfium.FPDF_LoadMemDocument64(buffer, len(data), None)
    if not document:
        error = pdfium.FPDF_GetLastError()
        if error == pdfium.FPDF_ERR_PASSWORD:
            raise InputError(E106, str(path), "it needs a password to open")
        if error == pdfium.FPDF_ERR_SECURITY:
            raise InputError(E106, str(path), "it is encrypted in a way that cannot be read")
        raise InputError(E107, str(path), _REASONS.get(error, "PDFium could not open it"))
    try:
        yield document
    finally:
        pdfium.FPDF_CloseDocument(document)
        del buffer


def _read_pages(
    path: Path, document: object, limits: Limits,
) -> tuple[list, dict[int, int], dict[int, int]]:
    """Read every page once.

    Returns (frame, lines) per page, the unmapped glyphs dropped per page,
    and the characters of each page left out as scattered glyphs.
    """
    count = pdfium.FPDF_GetPageCount(document)
    if count > limits.max_pages:
        raise InputError(E108, str(path), f"it has more than {limits.max_pages} pages")
    pages: list[tuple[PageFrame, list[Line]]] = []
    hidden: dict[int, int] = {}
    scattered: dict[int, int] = {}
    characters = 0
    for number in range(1, count + 1):
        frame, lines, dropped = _read_page(document, number)
        if dropped:
            hidden[number] = dropped
        loose = scattered_characters(lines, frame.width, frame.height)
        if loose:
            scattered[number], lines = loose, []
        characters += sum(len(line.text) for line in lines)
        if characters > limits.max_text_chars:
            raise InputError(E108, str(path), f"it holds more than {limits.max_text_mb:g} MB of text")
        pages.append((frame, lines))
    return pages, hidden, scattered


def _read_page(document: object, number: int) -> tuple[PageFrame, list[Line], int]:
    """The frame, lines, and unmapped glyphs dropped, of page ``number``."""
    page = pdfium.FPDF_LoadPage(document, number - 1)
    if not page:  # a page PDFium cannot load reads as a page without text
        return PageFrame(IDENTITY, 0.0, 0.0), [], 0
    try:
        textpage = pdfium.FPDFText_LoadPage(page)
        frame = page_frame(page, textpage or None)
        if not textpage:
            return frame, [], 0
        try:
            lines, dropped = page_lines(textpage, number, None if frame.matrix == IDENTITY else frame.matrix)
        finally:
            pdfium.FPDFText_ClosePage(textpage)
    finally:
        pdfium.FPDF_ClosePage(page)
    return frame, lines, dropped


def _number(lines: list[Line]) -> list[Line]:
    """Reading order for one page, numbering its lines from the top as a reader counts them.

    Lines side by side on one baseline, such as the cells of a table row,
    are one line to the eye and share its number.
    """
    top = sorted((line for line in lines if line.role == "header"), key=lambda line: -line.y0)
    bottom = sorted((line for line in lines if line.role == "footer"), key=lambda line: -line.y0)
    ordered = top + reading_order(join_marks([line for line in lines if not line.role])) + bottom
    number = 0
    for previous, line in zip([None, *ordered], ordered):
        if previous is None or not same_row(previous, line):
            number += 1
        line.number = number
    return ordered


def _front_title(blocks: list[Block]) -> str:
    """The heading in the biggest type on the first page with headings.

    A council's name often sits above the title in smaller type; it is not
    what the paper is called.
    """
    headings = [block for block in blocks if block.kind is BlockKind.HEADING]
    if not headings:
        return ""
    front = [block for block in headings if block.place.page == headings[0].place.page]
    top = min(block.level for block in front)
    return next(block.text for block in front if block.level == top)


def _info_title(document: object) -> str:
    """The Title in the document information dictionary, if there is one."""
    buffer = ctypes.create_string_buffer(_TITLE_BYTES)
    written = pdfium.FPDF_GetMetaText(document, b"Title", buffer, _TITLE_BYTES)
    if written <= 2:
        return ""
    return buffer.raw[: min(written, _TITLE_BYTES) - 2].decode("utf-16-le", errors="replace")
