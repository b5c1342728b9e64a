"""Turn one PDF page's characters, as PDFium reads them, into text lines with a box per character.

PDFium gives a page's characters in content order, each with a box (its
advance width, and a height that depends on the font), and ``\r\n`` where
it judged a line to end. Lines are found here from the boxes instead, as
pdfminer.six found them: the next character starts a new line when it does
not overlap the last one vertically by half the smaller height, when it
starts more than two character widths after it (two columns set as one
line, a figure at the right margin), or when it starts back to the left. So
a superscript footnote mark stays in its line, and a bullet stays with its
item. A line's top and bottom come from its baseline and type size, as a
reader's eye takes them, and every character of the line is given them.

PDFium marks a hyphen that ends a line as U+FFFE (``\x02`` one character
at a time) and drops the line break after it; it is read back as "-", and
the next line still starts where the geometry says. Unmapped glyphs (a font
with no Unicode map, which pdfminer showed as ``(cid:NN)``) are counted and
left out, never passed on as text. Only a line holding a line break, a
control character, a soft hyphen or such a glyph is rebuilt character by
character.

Every character costs a call into PDFium for its box; whether a glyph is
unmapped is asked of one character in eight and of each line's ends, and of
every character on a page where one of those is.
"""

from __future__ import annotations

import ctypes
import math
import re
from array import array
from dataclasses import dataclass

import pypdfium2.raw as pdfium

from plainspeak.loaders.clean import NEEDS_CLEANING, clean_char

_ZERO_BOX = (0.0, 0.0, 0.0, 0.0)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SOFT_HYPHEN = "\u00ad"
_BREAKS = "\r\n"
_JOINED = "\ufffe\x02"  # PDFium's mark for a hyphen that ended a line it joined to the next
_HYPHENS = {"\ufffe": "-", "\x02": "-", _SOFT_HYPHEN: "-", "\r": " ", "\n": ""}
_NEEDS_REBUILD = re.compile(f"{NEEDS_CLEANING.pattern}|[\\r\\n]")
# pdfminer.six's char_margin and line_overlap: a gap of more than two character
# widths, or less than half the smaller height side by side, parts two characters.
_CHAR_MARGIN = 2.0
_LINE_OVERLAP = 0.5
# Below the baseline to the bottom of a line, for its type size (Helvetica's descent).
DESCENT = 0.21
_SAMPLE = 8  # ask about unmapped glyphs of one character in this many
_BOLD_WEIGHT = 600
_NAME_BYTES = 128

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]


@dataclass(slots=True)
class Line:
    """One text line of a page, with its geometry and per-character boxes."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    boxes: array
    size: float
    bold: bool
    number: int = 0  # line on the page as a reader counts them: lines side by side share one
    role: str = ""  # "header", "footer" or "" for body text
    column: tuple[int, int] = (0, 0)  # band and side on the page
    column_left: float = 0.0
    column_right: float = 0.0
    cell: tuple[int, int, int] | None = None  # table, row and cell (from 1) of a table's line


def page_lines(textpage: object, page: int, matrix: Matrix | None = None) -> tuple[list[Line], int]:
    """The page's non-empty text lines, and how many unmapped glyphs were dropped.

    ``matrix`` maps PDF user space to the page's frame, the page turned as
    it is read (see :mod:`.pdf_frame`); None where they are the same.
    """
    count = pdfium.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], 0
    text = _page_text(textpage, count)
    boxes = _char_boxes(textpage, count, matrix)
    unmapped = _unmapped(textpage, text)
    lines: list[Line] = []
    dropped = 0
    for start, end in _pieces(text, boxes):
        made, lost = _make_line(textpage, page, text, boxes, unmapped, start, end, matrix)
        dropped += lost
        if made is not None:
            lines.append(made)
    return lines, dropped


def _page_text(textpage: object, count: int) -> str:
    """One character per PDFium character: in one call where it can, else one at a time."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(memoryview(buffer).cast("B")[: max(written - 1, 0) * 2]).decode("utf-16-le", "surrogatepass")
    if len(text) == count:
        return text
    # A character outside the Basic Multilingual Plane took two UTF-16 units, or
    # PDFium left one out: ask for each, which keeps index and character in step.
    return "".join(_code_point(pdfium.FPDFText_GetUnicode(textpage, index)) for index in range(count))


def _code_point(value: int) -> str:
    return chr(value) if 0 <= value <= 0x10FFFF else "\ufffd"


def _char_boxes(textpage: object, count: int, matrix: Matrix | None) -> array:
    """Four floats per character (x0, y0, x1, y1), in the page's frame."""
    rects = (pdfium.FS_RECTF * count)()
    loose = pdfium.FPDFText_GetLooseCharBox
    for index in range(count):
        loose(textpage, index, rects[index])
    raw = array("f")
    raw.frombytes(bytes(rects))  # left, top, right, bottom for each
    boxes = array("f", raw)
    boxes[1::4], boxes[3::4] = raw[3::4], raw[1::4]
    if matrix is not None:
        for at in range(0, len(boxes), 4):
            boxes[at : at + 4] = array("f", _transformed(matrix, boxes[at : at + 4]))
    return boxes


def _transformed(matrix: Matrix, box: array) -> Box:
    a, b, c, d, e, f = matrix
    x0, y0, x1, y1 = box
    xs, ys = [], []
    for x, y in ((x0, y0), (x1, y1), (x0, y1), (x1, y0)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _unmapped(textpage: object, text: str) -> set[int]:
    """Indexes of characters drawn in a font that gives them no Unicode meaning."""
    ask = pdfium.FPDFText_HasUnicodeMapError
    count = len(text)
    sample = set(range(0, count, _SAMPLE))
    sample.update(match.start() - 1 for match in re.finditer("\r", text) if match.start())
    sample.update(match.end() for match in re.finditer("\n", text) if match.end() < count)
    if not any(ask(textpage, index) == 1 for index in sample):
        return set()
    return {index for index in range(count) if ask(textpage, index) == 1}


def _pieces(text: str, boxes: array) -> list[tuple[int, int]]:
    """(start, end) character ranges of the page's lines, before cleaning.

    First PDFium's own lines, split where the next character starts back to
    the left or more than two character widths on; then each piece joins the
    one before when it carries on that line: it starts just after it, and
    the two overlap vertically by half the lower one's height. Pieces, not
    single characters, are compared for height, because a box's height is
    the glyph's in some fonts, and a full stop then overlaps nothing.

    Within one of PDFium's lines, characters drawn one after another touch;
    a gap shows as a space PDFium put in, and a line it joined after a
    hyphen shows as its hyphen mark, so only there is the geometry asked.
    """
    pieces: list[list[int]] = []  # start, end, first drawn, last drawn
    start, first, previous = 0, -1, -1
    look = False  # whether the next drawn character may start a new line
    for index, char in enumerate(text):
        if char in _BREAKS:
            if first >= 0:
                pieces.append([start, index, first, previous])
            start, first, previous, look = index + 1, -1, -1, False
            continue
        at = index * 4
        if boxes[at] == boxes[at + 2]:  # no width: a space PDFium put in
            look = True
            continue
        if look and previous >= 0 and _apart(boxes, previous * 4, at):
            pieces.append([start, index, first, previous])
            start, first = index, -1
        first = index if first < 0 else first
        previous = index
        look = char in _JOINED
    if first >= 0:
        pieces.append([start, len(text), first, previous])
    lines: list[list[int]] = []
    for piece in pieces:
        if lines and _carries_on(boxes, lines[-1], piece):
            lines[-1][1], lines[-1][3] = piece[1], piece[3]
        else:
            lines.append(piece)
    return [(line[0], line[1]) for line in lines]


def _apart(boxes: array, before: int, after: int) -> bool:
    """Whether the character at ``after`` starts back to the left of, or well after, the one at ``before``."""
    width = max(boxes[before + 2] - boxes[before], boxes[after + 2] - boxes[after])
    gap = boxes[after] - boxes[before + 2]
    return gap > _CHAR_MARGIN * width or gap < -width


def _carries_on(boxes: array, line: list[int], piece: list[int]) -> bool:
    """Whether ``piece`` continues ``line`` on the page: just after it, and side by side."""
    if _apart(boxes, line[3] * 4, piece[2] * 4):
        return False
    low, high = _span(boxes, line[0], line[1]), _span(boxes, piece[0], piece[1])
    overlap = min(low[1], high[1]) - max(low[0], high[0])
    return overlap > _LINE_OVERLAP * min(low[1] - low[0], high[1] - high[0])


def _span(boxes: array, start: int, end: int) -> tuple[float, float]:
    """The lowest bottom and highest top of the characters drawn in ``start:end``."""
    bottoms = [boxes[at + 1] for at in range(start * 4, end * 4, 4) if boxes[at] != boxes[at + 2]]
    tops = [boxes[at + 3] for at in range(start * 4, end * 4, 4) if boxes[at] != boxes[at + 2]]
    return min(bottoms), max(tops)


def _make_line(textpage: object, page: int, text: str, boxes: array, unmapped: set[int],
               start: int, end: int, matrix: Matrix | None) -> tuple[Line | None, int]:
    piece = text[start:end]
    line_boxes = boxes[start * 4 : end * 4]
    dropped = 0
    if unmapped.intersection(range(start, end)) or _NEEDS_REBUILD.search(piece):
        lost = [index - start for index in sorted(unmapped) if start <= index < end]
        piece, line_boxes, dropped = _rebuild(piece, line_boxes, lost)
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    piece, line_boxes = piece[lead:trail], line_boxes[lead * 4 : trail * 4]
    if not piece or (dropped and not any(char.isalnum() for char in piece)):
        return None, dropped
    lefts, rights = line_boxes[0::4], line_boxes[2::4]
    blank = [index for index, (left, right) in enumerate(zip(lefts, rights)) if left == right]
    if len(blank) == len(lefts):
        return None, dropped
    first, last = _source_index(text, start, end, 1), _source_index(text, start, end, -1)
    middle = _source_index(text, (start + end) // 2, end, 1)
    size = max(_font_size(textpage, index) for index in {first, middle, last})
    y0 = _baseline(textpage, first, matrix) - DESCENT * size
    y1 = y0 + size
    x0, x1 = min(lefts), max(rights)  # the spaces PDFium put in sit inside the line
    count = len(lefts)
    line_boxes[1::4] = array("f", [y0]) * count
    line_boxes[3::4] = array("f", [y1]) * count
    for index in blank:  # put in, not drawn
        line_boxes[index * 4 : index * 4 + 4] = array("f", _ZERO_BOX)
    bold = _is_bold(textpage, first) and _is_bold(textpage, last)
    return Line(page, x0, y0, x1, y1, piece, line_boxes, round(size, 1), bold), dropped


def _baseline(textpage: object, index: int, matrix: Matrix | None) -> float:
    """Where character ``index`` sits, up the page's frame."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium.FPDFText_GetCharOrigin(textpage, index, x, y)
    if matrix is None:
        return y.value
    a, b, c, d, e, f = matrix
    return b * x.value + d * y.value + f


def _source_index(text: str, start: int, end: int, step: int) -> int:
    """The first (step 1) or last (step -1) character of ``text[start:end]`` that is not a space."""
    indexes = range(start, end) if step > 0 else range(end - 1, start - 1, -1)
    return next((i for i in indexes if not text[i].isspace()), start)


def _rebuild(piece: str, boxes: array, unmapped: list[int]) -> tuple[str, array, int]:
    """Rebuild a line character by character: clean it and leave out unmapped glyphs."""
    skip = set(unmapped)
    out: list[str] = []
    out_boxes = array("f")
    for index, char in enumerate(piece):
        if index in skip:
            continue
        fixed = _HYPHENS.get(char)
        fixed = clean_char(char) if fixed is None else fixed
        if char == "\r" and ((out and out[-1][-1:].isspace()) or piece[index + 1 : index + 3].lstrip("\n")[:1].isspace()):
            fixed = ""  # a line break beside a space is no second space
        box = boxes[index * 4 : index * 4 + 4]
        out.append(fixed)
        for _ in fixed:
            out_boxes.extend(box)
    return "".join(out), out_boxes, len(skip)


def _font_size(textpage: object, index: int) -> float:
    """The character's type size as drawn: its font size scaled by its text and page matrices."""
    size = pdfium.FPDFText_GetFontSize(textpage, index)
    matrix = pdfium.FS_MATRIX()
    if pdfium.FPDFText_GetMatrix(textpage, index, matrix):
        size *= math.hypot(matrix.c, matrix.d)
    return size


def _is_bold(textpage: object, index: int) -> bool:
    if pdfium.FPDFText_GetFontWeight(textpage, index) >= _BOLD_WEIGHT:
        return True
    name = ctypes.create_string_buffer(_NAME_BYTES)
    flags = ctypes.c_int()
    pdfium.FPDFText_GetFontInfo(textpage, index, name, _NAME_BYTES, flags)
    return bool(_BOLD.search(name.value.decode("latin-1")))

