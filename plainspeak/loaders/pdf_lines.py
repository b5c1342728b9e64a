"""Turn one laid-out PDF page into clean text lines with a box per character.

Most lines are clean and take the fast path: join the glyph texts and extend
the box array once per glyph. Only a line holding a ligature, a control
character, a multi-letter glyph or ``(cid:NN)`` garbage is rebuilt glyph by
glyph. Unmapped ``(cid:NN)`` glyphs are counted and left out, never passed on
as text.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from pdfminer.layout import LTChar, LTPage, LTTextBox, LTTextLineHorizontal

from plainspeak.loaders.clean import NEEDS_CLEANING, clean_char

_ZERO_BOX = (0.0, 0.0, 0.0, 0.0)
_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
    "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}
_NEEDS_REBUILD = re.compile(f"{NEEDS_CLEANING.pattern}|[\ufb00-\ufb06]|\\(cid:")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SOFT_HYPHEN = "\u00ad"


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
    number: int = 0  # line on the page, in reading order
    role: str = ""  # "header", "footer" or "" for body text
    column: tuple[int, int] = (0, 0)  # band and side on the page
    column_left: float = 0.0
    column_right: float = 0.0


def page_lines(layout: LTPage, page: int) -> tuple[list[Line], int]:
    """The page's non-empty text lines, and how many unmapped glyphs were dropped."""
    lines: list[Line] = []
    hidden = 0
    for box in layout:
        if not isinstance(box, LTTextBox):
            continue
        for line in box:
            if isinstance(line, LTTextLineHorizontal):
                made, dropped = _make_line(line, page)
                hidden += dropped
                if made is not None:
                    lines.append(made)
    return lines, hidden


def _make_line(line: LTTextLineHorizontal, page: int) -> tuple[Line | None, int]:
    texts: list[str] = []
    boxes = array("f")
    size = 0.0
    chars: list[LTChar] = []
    single = True
    for item in line:
        text = item.get_text()
        if type(item) is LTChar or isinstance(item, LTChar):
            boxes.extend(item.bbox)
            chars.append(item)
            size = item.size if item.size > size else size
            single = single and len(text) == 1
        elif text == "\n":
            continue
        else:
            boxes.extend(_ZERO_BOX)
        texts.append(text)
    joined = "".join(texts)
    dropped = 0
    if not single or _NEEDS_REBUILD.search(joined):
        joined, boxes, dropped = _rebuild(texts, boxes)
    joined, boxes = _strip(joined, boxes)
    if not joined or (dropped and not any(char.isalnum() for char in joined)):
        return None, dropped
    bold = bool(chars) and all(_BOLD.search(char.fontname) for char in (chars[0], chars[-1]))
    made = Line(page, line.x0, line.y0, line.x1, line.y1, joined, boxes, round(size, 1), bold)
    return made, dropped


def _rebuild(texts: list[str], boxes: array) -> tuple[str, array, int]:
    """Rebuild a line glyph by glyph: expand ligatures, clean, drop (cid:NN)."""
    out: list[str] = []
    out_boxes = array("f")
    dropped = 0
    for index, text in enumerate(texts):
        if text.startswith("(cid:") and text.endswith(")"):
            dropped += 1
            continue
        box = boxes[index * 4 : index * 4 + 4]
        for char in text:
            fixed = _LIGATURES.get(char) or ("-" if char == _SOFT_HYPHEN else clean_char(char))
            out.append(fixed)
            for _ in fixed:
                out_boxes.extend(box)
    return "".join(out), out_boxes, dropped


def _strip(text: str, boxes: array) -> tuple[str, array]:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start == 0 and end == len(text):
        return text, boxes
    return text[start:end], boxes[start * 4 : end * 4]
