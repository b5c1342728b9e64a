"""Load a PDF paper with pdfminer.six: one pass of layout analysis per page.

pdfminer raises far more than its own exceptions on damaged files; every one
of them becomes E107 here, a password becomes E106 (pdfminer's
``PDFPasswordIncorrect`` carries no message at all), and a paper with pages
but no text layer is a Paper with a PS901 notice, not an error, so the
checker can report it as a finding. A page of tens of thousands of scattered
glyphs (see :mod:`.pdf_scatter`) is left out with a PS904 notice, rather
than read as thousands of one-letter paragraphs.
"""

from __future__ import annotations

import io
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from plainspeak.errors import E106, E107, E108, InputError
from plainspeak.loaders.assemble import finish
from plainspeak.loaders.limits import Limits
from plainspeak.loaders.pdf_blocks import body_blocks, furniture_blocks
from plainspeak.loaders.pdf_layout import mark_furniture, reading_order
from plainspeak.loaders.pdf_lines import Line, page_lines
from plainspeak.loaders.pdf_notices import hidden_text_notice, no_text_notice, scattered_text_notice
from plainspeak.loaders.pdf_repair import repaired
from plainspeak.loaders.pdf_scatter import scattered_characters
from plainspeak.loaders.sniff import pdf_header_offset
from plainspeak.paper import Block, BlockKind, Paper


def load_pdf(path: Path, data: bytes, limits: Limits) -> Paper:
    """Read a PDF into a Paper; a structure pdfminer cannot follow gets one repair (see :mod:`.pdf_repair`)."""
    first: BaseException
    try:
        return _read(path, data, data, limits)
    except MemoryError:
        raise
    except InputError as error:
        if error.kind is not E107:  # a password or a limit: a repair would not change it
            raise
        first = error
    except Exception as error:  # noqa: BLE001 - damaged input raises anything, RecursionError too
        # Without its traceback, so the failed parse's pages are freed before the second try.
        first = error.with_traceback(None)
    fixed = repaired(data[max(pdf_header_offset(data), 0):], limits)
    if fixed is None:
        raise first from None
    try:
        return _read(path, fixed, data, limits)
    except MemoryError:
        raise
    except InputError as error:
        if error.kind is not E107:  # the repaired copy is over a limit: say so
            raise
        raise first from None
    except Exception:  # noqa: BLE001 - the first reason is the one to report
        raise first from None


def _read(path: Path, pdf: bytes, data: bytes, limits: Limits) -> Paper:
    """A Paper from the PDF bytes ``pdf``; ``data`` is the file as it is, which the paper keeps."""
    document = _open(path, pdf[max(pdf_header_offset(pdf), 0):])
    pages, hidden, scattered = _read_pages(path, document, limits)
    if not pages:
        raise InputError(E107, str(path), "it has no pages")
    mark_furniture([(height, lines) for height, lines in pages])
    if all(line.role for _, lines in pages for line in lines):
        # Nothing but repeated margin lines: they are the text, not furniture.
        for _, lines in pages:
            for line in lines:
                line.role = ""
    body: list[Line] = []
    furniture: list[Line] = []
    for _, lines in pages:
        ordered = _number(lines)
        body.extend(line for line in ordered if not line.role)
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
    )
    # The information dictionary often names the program's temporary file, so
    # a heading from the page is the better guess when there is one.
    paper.title = paper.title or _info_title(document)
    return paper


def _open(path: Path, data: bytes) -> PDFDocument:
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise InputError(E106, str(path), "it needs a password to open") from None
    except PDFEncryptionError as error:
        raise InputError(E106, str(path), f"it is encrypted in a way that cannot be read: {error}") from None


def _read_pages(
    path: Path, document: PDFDocument, limits: Limits,
) -> tuple[list, dict[int, int], dict[int, int]]:
    """Lay out every page once.

    Returns (page height, lines) per page, the unmapped glyphs dropped per
    page, and the characters of each page left out as scattered glyphs.
    """
    resources = PDFResourceManager(caching=True)
    # boxes_flow=None skips pdfminer's box grouping, which is quadratic in the
    # number of text boxes; reading order is decided in pdf_layout instead.
    device = PDFPageAggregator(resources, laparams=LAParams(boxes_flow=None))
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[tuple[float, list[Line]]] = []
    hidden: dict[int, int] = {}
    scattered: dict[int, int] = {}
    characters = 0
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > limits.max_pages:
            raise InputError(E108, str(path), f"it has more than {limits.max_pages} pages")
        interpreter.process_page(page)
        layout = device.get_result()
        lines, dropped = page_lines(layout, number)
        if dropped:
            hidden[number] = dropped
        loose = scattered_characters(lines, layout.width, layout.height)
        if loose:
            scattered[number], lines = loose, []
        characters += sum(len(line.text) for line in lines)
        if characters > limits.max_text_chars:
            raise InputError(E108, str(path), f"it holds more than {limits.max_text_mb:g} MB of text")
        pages.append((layout.height, lines))
    return pages, hidden, scattered


def _number(lines: list[Line]) -> list[Line]:
    """Reading order for one page, numbering its lines from the top."""
    top = sorted((line for line in lines if line.role == "header"), key=lambda line: -line.y0)
    bottom = sorted((line for line in lines if line.role == "footer"), key=lambda line: -line.y0)
    ordered = top + reading_order([line for line in lines if not line.role]) + bottom
    for number, line in enumerate(ordered, start=1):
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


def _info_title(document: PDFDocument) -> str:
    """The Title in the document information dictionary, if readable."""
    try:
        raw = document.info[0].get("Title") if document.info else None
        if hasattr(raw, "resolve"):
            raw = raw.resolve()
        if isinstance(raw, bytes):
            if raw.startswith(b"\xfe\xff"):
                return raw[2:].decode("utf-16-be", errors="replace")
            return raw.decode("latin-1")
        return raw if isinstance(raw, str) else ""
    except Exception:  # noqa: BLE001 - a broken info dictionary only costs the title
        return ""
