"""From the loader's character boxes to highlight rectangles on the right page.

The PDF loader keeps four floats per character in its page's frame: PDF
points on the page turned as it is read, from the visible page's corner
(:class:`plainspeak.paper.PageFrame`, kept on the paper for each page). An
annotation is drawn in the page's own user space, so each box goes back
through the inverse of the frame's matrix. Characters are grouped into one
rectangle per line, as a reader's highlighter would mark them, and a
rectangle's corners are named as the text reads, so a turned page's
highlight is drawn along its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from plainspeak.paper import Block

__all__ = ["Box", "LineBox", "line_boxes", "quad", "to_user", "union"]

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True, slots=True)
class LineBox:
    """One highlighted line: its page (1-based) and box in that page's frame."""

    page: int
    box: Box


def line_boxes(block: Block, start: int, end: int) -> list[LineBox]:
    """One box per line for characters ``start:end`` of ``block`` (block offsets).

    A block that runs over a page break is split there: the loader records
    the page of each of the block's lines.
    """
    if block.place.page is None:
        return []
    lines: list[LineBox] = []
    current: list[Box] = []
    page, previous = None, None
    for index in range(start, end):
        box = block.source.box(index)
        if box is None:
            continue
        here = block.page_at(index)
        if current and (here != page or _new_line(previous, box)):
            lines.append(LineBox(page, union(current)))
            current = []
        current.append(box)
        page, previous = here, box
    if current:
        lines.append(LineBox(page, union(current)))
    return lines


def _new_line(previous: Box, box: Box) -> bool:
    """Another line: the box sits above or below the last, or starts back at the left."""
    middle = (box[1] + box[3]) / 2
    return not previous[1] <= middle <= previous[3] or box[0] < previous[0] - 1.0


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all of ``boxes``."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def to_user(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """Map a point in a page's frame back to user space through the inverse of ``matrix``."""
    a, b, c, d, e, f = matrix
    det = a * d - b * c
    x, y = x - e, y - f
    return ((d * x - c * y) / det, (a * y - b * x) / det)


def quad(matrix: Matrix, box: Box) -> tuple[list[float], Box]:
    """QuadPoints (upper left, upper right, lower left, lower right, as the text reads) and the Rect."""
    x0, y0, x1, y1 = box
    corners = [to_user(matrix, x, y) for x, y in ((x0, y1), (x1, y1), (x0, y0), (x1, y0))]
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    return [v for point in corners for v in point], (min(xs), min(ys), max(xs), max(ys))
