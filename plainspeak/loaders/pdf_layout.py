"""Page furniture and reading order for PDF text lines.

A page's lines come in the order they were drawn, which is often not the
order they are read in, so reading order is decided here: running headers
and footers are found by their repetition across pages, and a page is read
as two columns when a clear vertical gutter separates lines that fill their
columns.
"""

from __future__ import annotations

import re
from collections import Counter

from plainspeak.loaders.pdf_lines import Line

# Running heads and page numbers sit in the top or bottom eighth of a page.
_MARGIN_SHARE = 0.12
_REPEAT_SHARE = 0.4
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE,
)
_MIN_GUTTER = 6.0
_MIN_COLUMN_LINES = 3
_FILL_SHARE = 0.55


def mark_furniture(pages: list[tuple[float, list[Line]]]) -> None:
    """Set ``role`` on lines that repeat in the page margins, and page numbers."""
    counts: Counter[str] = Counter()
    for height, lines in pages:
        counts.update({_key(line) for line in lines if _margin(line, height)})
    with_text = sum(1 for _, lines in pages if lines)
    for height, lines in pages:
        for line in lines:
            where = _margin(line, height)
            if not where:
                continue
            repeated = with_text >= 2 and counts[_key(line)] >= max(2, _REPEAT_SHARE * with_text)
            if repeated or _PAGE_NUMBER.match(line.text):
                line.role = where


def _margin(line: Line, height: float) -> str:
    if line.y0 >= height * (1 - _MARGIN_SHARE):
        return "header"
    if line.y1 <= height * _MARGIN_SHARE:
        return "footer"
    return ""


def _key(line: Line) -> str:
    """Text with numbers blanked, so "Page 3" and "Page 4" count as one."""
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def reading_order(lines: list[Line]) -> list[Line]:
    """Order one page's lines: by bands, left column before right within a band."""
    body = sorted(lines, key=lambda line: (-round(line.y0), line.x0))
    gutter = find_gutter(body)
    if gutter is None:
        _set_column(body, 0, 0)
        return body
    start, end = gutter
    ordered: list[Line] = []
    band: list[Line] = []
    number = 0
    for line in body:
        if line.x0 < start and line.x1 > end:  # spans the gutter: a band break
            ordered.extend(_band(band, number, gutter))
            band, number = [], number + 1
            _set_column([line], number, 0)
            ordered.append(line)
            number += 1
        else:
            band.append(line)
    ordered.extend(_band(band, number, gutter))
    return ordered


def _band(lines: list[Line], number: int, gutter: tuple[float, float]) -> list[Line]:
    left = [line for line in lines if line.x1 <= gutter[0]]
    right = [line for line in lines if line.x1 > gutter[0]]
    _set_column(left, number, 0)
    _set_column(right, number, 1)
    return left + right


def _set_column(lines: list[Line], band: int, side: int) -> None:
    if not lines:
        return
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    for line in lines:
        line.column, line.column_left, line.column_right = (band, side), left, right


def find_gutter(lines: list[Line]) -> tuple[float, float] | None:
    """The widest empty vertical strip mid-page between two filled columns."""
    if len(lines) < 2 * _MIN_COLUMN_LINES:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    width = right_edge - left_edge
    narrow = sorted((line.x0, line.x1) for line in lines if line.x1 - line.x0 < 0.6 * width)
    best: tuple[float, float] | None = None
    reach = left_edge
    for x0, x1 in narrow:
        if x0 - reach > _MIN_GUTTER and _mid(reach, x0, left_edge, width):
            if best is None or x0 - reach > best[1] - best[0]:
                best = (reach, x0)
        reach = max(reach, x1)
    if best is None or not _filled(narrow, best, left_edge, right_edge):
        return None
    return best


def _mid(start: float, end: float, left_edge: float, width: float) -> bool:
    middle = (start + end) / 2
    return left_edge + 0.25 * width <= middle <= left_edge + 0.75 * width


def _filled(narrow: list[tuple[float, float]], gutter: tuple[float, float],
            left_edge: float, right_edge: float) -> bool:
    """Both sides hold enough lines that mostly fill their column's width."""
    left = [x1 - x0 for x0, x1 in narrow if x1 <= gutter[0]]
    right = [x1 - x0 for x0, x1 in narrow if x0 >= gutter[1]]
    if len(left) < _MIN_COLUMN_LINES or len(right) < _MIN_COLUMN_LINES:
        return False
    left_fill = sorted(left)[len(left) // 2] / (gutter[0] - left_edge)
    right_fill = sorted(right)[len(right) // 2] / (right_edge - gutter[1])
    return left_fill >= _FILL_SHARE and right_fill >= _FILL_SHARE
