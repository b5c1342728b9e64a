"""Lines of a PDF page that sit side by side on one baseline.

The loader parts a line where a gap is wider than two characters (see
:mod:`.pdf_lines`), which is what keeps the cells of a table apart. A list
mark set before its item with a tab is parted from it the same way, so a
bullet, or a number such as "2." or "(b)", comes out as a line of its own
beside its item's text; it is joined to it again here. Lines that share a
baseline are one line to a reader, who counts them once (see
:func:`same_row`).
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache

from plainspeak.loaders.pdf_lines import DESCENT, Line
from plainspeak.resources import data_lines

# Baselines this close, for the type size, are one line to the eye.
_SAME_BASELINE = 0.3
# A mark further than this many type sizes from the next text is not its item's.
_MARK_REACH = 4.0
# "2.", "3.1", "b)", "(iv)", "ii.": a bare number is a figure, not a mark.
_ENUMERATOR = re.compile(r"\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|[a-zA-Z][.)]|\([a-zA-Z0-9]{1,4}\)|[ivxlc]{1,6}[.)]")
_LONGEST_MARK = 8
_ALSO_FIGURES = "-\u2013*\u00b7"  # "-", "–", "*", "·" stand for nil or a note in a table too
_SPACE_BOX = array("f", (0.0, 0.0, 0.0, 0.0))


@lru_cache(maxsize=1)
def bullet_glyphs() -> str:
    """The glyphs that open a list item (``data/bullet_glyphs.txt``), as one string."""
    return "".join(chr(int(code.removeprefix("U+"), 16)) for code in data_lines("bullet_glyphs.txt"))


def baseline(line: Line) -> float:
    """Where the line's letters sit, up the page."""
    return line.y0 + DESCENT * line.size


def same_row(first: Line, second: Line) -> bool:
    """Whether two lines sit on one baseline, in one column of the page."""
    if first.page != second.page or first.column != second.column:
        return False
    return abs(baseline(first) - baseline(second)) <= _SAME_BASELINE * min(first.size, second.size)


def join_marks(lines: list[Line]) -> list[Line]:
    """One page's lines with each list mark that stands apart joined to its item's text.

    The item is the nearest line starting to the mark's right on its
    baseline, within a few type sizes. A number or a dash is only a mark
    before text that starts with a letter, so a row of figures is left as it is.
    """
    marks = [line for line in lines if _is_mark(line.text)]
    if not marks:
        return lines
    by_height: dict[int, list[Line]] = {}
    for line in lines:
        by_height.setdefault(round(baseline(line)), []).append(line)
    joined: dict[int, Line] = {}  # id of the mark's item -> the line that replaces it
    taken: set[int] = set()  # ids of marks joined to an item
    for mark in marks:
        item = _item_of(mark, by_height)
        if item is None or id(item) in joined or id(item) in taken:
            continue
        joined[id(item)] = _joined(mark, item)
        taken.add(id(mark))
    return [joined.get(id(line), line) for line in lines if id(line) not in taken]


def _is_mark(text: str) -> bool:
    if len(text) > _LONGEST_MARK:
        return False
    return _is_bullet(text) or _ENUMERATOR.fullmatch(text) is not None


def _is_bullet(text: str) -> bool:
    """One bullet glyph (``in`` on the glyphs' string alone would take any run of them)."""
    return len(text) == 1 and text in bullet_glyphs()


def _item_of(mark: Line, by_height: dict[int, list[Line]]) -> Line | None:
    height = round(baseline(mark))
    spread = int(_SAME_BASELINE * mark.size) + 1
    near = [line for key in range(height - spread, height + spread + 1) for line in by_height.get(key, ())]
    reach = _MARK_REACH * mark.size
    items = [line for line in near if line is not mark and same_row(mark, line)
             and 0 <= line.x0 - mark.x1 <= reach and not _is_mark(line.text)]
    if not items:
        return None
    item = min(items, key=lambda line: line.x0)
    # A number, or a dash standing for nothing in a table, is a mark only before words.
    plain = _is_bullet(mark.text) and mark.text not in _ALSO_FIGURES
    return item if plain or item.text[:1].isalpha() else None


def _joined(mark: Line, item: Line) -> Line:
    """The mark and its item as one line, a space between them that was not drawn."""
    boxes = array("f", mark.boxes)
    boxes.extend(_SPACE_BOX)
    boxes.extend(item.boxes)
    return Line(item.page, mark.x0, item.y0, item.x1, item.y1, f"{mark.text} {item.text}", boxes,
                item.size, item.bold, role=item.role)
