"""Which way up a PDF page is read: the frame its characters are measured in.

Characters are measured on the page as a reader holds it to read it, so
that lines, columns, margins and line numbers come out as a person counts
them: the page turned so that most of its text runs left to right. On most
pages that is the page as a viewer shows it. A landscape page is often
stored as a portrait one with ``/Rotate 90`` and its text drawn turned the
other way, so that it shows upright. But a page whose upright text is
turned by ``/Rotate`` shows sideways or upside down, and a reader turns it
back to read it; measured as shown, its lines would be read from the wrong
edge, reversed or run into one another.

The visible page is PDFium's: the media box cut by the crop box, whichever
way round its corners are written, taken from the page tree when the page
itself does not say. Its lower left corner, in the frame, is the origin.
"""

from __future__ import annotations

import math
from collections import Counter

import pypdfium2.raw as pdfium

from plainspeak.loaders.pdf_lines import Box, Matrix
from plainspeak.paper import PageFrame

IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
_SAMPLES = 256  # characters asked which way they run, spread over the page


def page_frame(page: object, textpage: object | None) -> PageFrame:
    """The frame of a loaded PDFium page: turned as its text runs, else as ``/Rotate`` shows it."""
    rect = pdfium.FS_RECTF()
    pdfium.FPDF_GetPageBoundingBox(page, rect)  # fails only without a page
    box = (min(rect.left, rect.right), min(rect.bottom, rect.top),
           max(rect.left, rect.right), max(rect.bottom, rect.top))
    rotate = max(pdfium.FPDFPage_GetRotation(page), 0) * 90
    turn = rotate if textpage is None else text_turn(textpage, prefer=rotate)
    width, height = box[2] - box[0], box[3] - box[1]
    if turn in (90, 270):
        width, height = height, width
    return PageFrame(page_matrix(box, turn), width, height)


def text_turn(textpage: object, *, prefer: int = 0) -> int:
    """The quarter turn, anticlockwise in degrees, that most of the page's text is set at.

    Up to ``_SAMPLES`` characters spread over the page are asked; the spaces
    and line breaks PDFium puts in are not drawn and have no say. A tie, or
    a page without text, goes to ``prefer``.
    """
    count = max(pdfium.FPDFText_CountChars(textpage), 0)
    votes: Counter[int] = Counter()
    matrix = pdfium.FS_MATRIX()
    for index in range(0, count, max(1, count // _SAMPLES)):
        if pdfium.FPDFText_GetUnicode(textpage, index) <= 32:
            continue
        if pdfium.FPDFText_GetMatrix(textpage, index, matrix):
            votes[round(math.degrees(math.atan2(matrix.b, matrix.a)) / 90) % 4 * 90] += 1
    if not votes:
        return prefer
    return max(votes, key=lambda turn: (votes[turn], turn == prefer))


def page_matrix(box: Box, turn: int) -> Matrix:
    """From user space to the page ``box`` (corners in order) turned clockwise by ``turn``, its corner at the origin.

    These are pdfminer.six's matrices for ``/Rotate``: text set at an
    anticlockwise quarter turn of ``turn`` reads upright through them.
    """
    x0, y0, x1, y1 = box
    turn %= 360
    if turn == 90:
        return (0, -1, 1, 0, -y0, x1)
    if turn == 180:
        return (-1, 0, 0, -1, x1, y1)
    if turn == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)
