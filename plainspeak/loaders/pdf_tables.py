"""Tables on a PDF page: short pieces of text in rows, lined up in columns.

A PDF keeps no tables, only text set at places on a page, and the loader
reads each cell of a table as a line of its own (:mod:`.pdf_lines` parts a
line at a wide gap). Left as lines, every cell became a paragraph, a bold
header cell a heading, and the figure that ends a row ran into the label
that starts the next.

Here a row is the lines on one baseline (:func:`.pdf_rows.same_row`), set
clearly apart. Two or more such rows, one after another, whose pieces fall
in the same columns (their spans across the page overlap), make a table,
with the single lines among and just after them that fit inside one column:
a cell's text wrapped onto another line. The rows of a table are told from
a cell's wrapped lines by the space between them, for cells are padded; in
a table whose lines are all evenly spaced, a line with nothing in the first
column carries on the row above. Each cell's lines become one TABLE_CELL
block, numbered by table, row and cell from 1, as the Word and Markdown
loaders number them.

A page set in two columns is not a table: :mod:`.pdf_layout` reads it as
columns, and rows are only looked for within one. Where it found no gutter,
lines of prose side by side still make no table, for a table has a column
of short cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from plainspeak.loaders.pdf_lines import Line
from plainspeak.loaders.pdf_rows import baseline

_APART = 0.5  # the pieces of a row stand at least this many type sizes apart
_FIRST_ROW = 3.0  # type sizes from a table's first row to its second, at most
_NEXT_ROW = 2.0  # type sizes to the next row at the least, however close the rows so far
_STRETCH = 1.3  # or this times the widest step between the table's rows so far
_WRAP = 1.4  # a cell's wrapped lines sit at most this many type sizes apart
_PADDED = (1.12, 2.0)  # rows this much further apart than the closest lines: the cells are padded
_SHORT_CELL = 4  # words: a column of cells this short (at the median) makes rows a table

Band = tuple[float, float]


@dataclass(slots=True)
class _Row:
    """Lines on one baseline, in the order they were read."""

    lines: list[Line]
    baseline: float
    size: float


def mark_tables(lines: list[Line], count: int) -> tuple[list[Line], int]:
    """One page's body lines in reading order, with the lines of its tables given their cells.

    The lines come numbered, lines side by side on one baseline sharing a
    number (see :func:`.pdf_rows.same_row`); ``count`` is how many tables
    came before this page. A table's lines are put in cell order: row by
    row, cell by cell, each cell's lines top to bottom. Returns the lines
    and how many tables there are so far.
    """
    rows = _rows(lines)
    if all(len(row.lines) == 1 for row in rows):  # the common page costs one pass
        return lines, count
    ordered: list[Line] = []
    start = free = 0  # free: the first row not yet judged part of a table or not
    while start < len(rows):
        found = _table_from(rows, start)
        if found is None:
            ordered.extend(rows[start].lines)
            start += 1
            continue
        end, bands = found
        if not _has_short_column(rows[start:end], bands):
            for row in rows[start:end]:  # prose side by side: read as it was
                ordered.extend(row.lines)
            start = free = end
            continue
        first = _lead_in(rows, start, free, bands)
        for row in rows[first:start]:
            del ordered[len(ordered) - len(row.lines):]
        count += 1
        ordered.extend(_in_cells(rows[first:end], bands, count))
        start = free = end
    return ordered, count


def _rows(lines: list[Line]) -> list[_Row]:
    """Runs of lines, one after another, that share a baseline: numbering found them already."""
    rows: list[_Row] = []
    for line in lines:
        if rows and rows[-1].lines[0].number == line.number and rows[-1].lines[0].page == line.page:
            rows[-1].lines.append(line)
        else:
            rows.append(_Row([line], baseline(line), line.size))
    return rows


def _table_from(rows: list[_Row], start: int) -> tuple[int, list[Band]] | None:
    """The end of the table whose first row is ``rows[start]``, and its columns; None if none starts there."""
    first = rows[start]
    if len(first.lines) < 2 or not _apart(first):
        return None
    bands = [(line.x0, line.x1) for line in sorted(first.lines, key=lambda line: line.x0)]
    widest = 0.0
    end = last_full = start + 1
    for index in range(start + 1, len(rows)):
        row, gap = rows[index], rows[index - 1].baseline - rows[index].baseline
        reach = _FIRST_ROW * row.size if not widest else max(_STRETCH * widest + 1.0, _NEXT_ROW * row.size)
        if not 0 < gap <= reach or (len(row.lines) > 1 and not _apart(row)):
            break
        grown = _placed(bands, row)
        if grown is None:
            break
        bands, widest, end = grown, max(widest, gap), index + 1
        if len(row.lines) > 1:
            last_full = end
    # Single lines after the last full row belong to it only as its cells' wrapped lines.
    kept = last_full
    while kept < end and _tight(rows[kept - 1], rows[kept]):
        kept += 1
    end = kept
    if sum(len(row.lines) > 1 for row in rows[start:end]) < 2:
        return None
    return end, bands


def _apart(row: _Row) -> bool:
    """The row's pieces stand clearly apart, left to right."""
    lines = sorted(row.lines, key=lambda line: line.x0)
    return all(right.x0 - left.x1 >= _APART * row.size for left, right in zip(lines, lines[1:]))


def _placed(bands: list[Band], row: _Row) -> list[Band] | None:
    """The columns widened to take in the row's pieces, or None if the row does not fit them.

    Each piece must fall in one column, and no two pieces in the same one. A
    row of several pieces may open new columns, but must share two with the
    rows before; a single line must fit a column that is there.
    """
    widened = list(bands)
    opened: list[Band] = []
    used: set[int] = set()
    for line in row.lines:
        hits = [at for at, (x0, x1) in enumerate(bands) if line.x0 < x1 and line.x1 > x0]
        if len(hits) > 1 or (hits and hits[0] in used):
            return None
        if hits:
            x0, x1 = widened[hits[0]]
            widened[hits[0]] = (min(x0, line.x0), max(x1, line.x1))
            used.add(hits[0])
        else:
            opened.append((line.x0, line.x1))
    if len(used) < min(len(row.lines), 2):
        return None
    widened = sorted(widened + opened)
    if any(left[1] > right[0] for left, right in zip(widened, widened[1:])):
        return None
    return widened


def _tight(above: _Row, row: _Row) -> bool:
    """The row sits as close under the one above as a wrapped line of text."""
    return above.baseline - row.baseline <= _WRAP * row.size


def _lead_in(rows: list[_Row], start: int, free: int, bands: list[Band]) -> int:
    """The first row of the table, taking in single lines just above it that wrap a header cell."""
    first = start
    while first > free and len(rows[first - 1].lines) == 1 and _tight(rows[first - 1], rows[first]):
        if _placed(bands, rows[first - 1]) is None:
            break
        first -= 1
    return first


def _has_short_column(rows: list[_Row], bands: list[Band]) -> bool:
    """Some column holds short cells (at the median), as a table does and columns of prose do not."""
    words: list[list[int]] = [[] for _ in bands]
    for row in rows:
        for line in row.lines:
            words[_band_of(bands, line)].append(len(line.text.split()))
    return any(counts and sorted(counts)[len(counts) // 2] <= _SHORT_CELL for counts in words)


def _band_of(bands: list[Band], line: Line) -> int:
    return next(at for at, (x0, x1) in enumerate(bands) if line.x0 < x1 and line.x1 > x0)


def _in_cells(rows: list[_Row], bands: list[Band], table: int) -> list[Line]:
    """The table's lines with their (table, row, cell) set, in cell order."""
    gaps = [above.baseline - row.baseline for above, row in zip(rows, rows[1:])]
    wrap = _wrap_gap(gaps, min(row.size for row in rows))
    number = 0
    for index, row in enumerate(rows):
        cells = [_band_of(bands, line) for line in row.lines]
        carries_on = index and (gaps[index - 1] <= wrap or (0 not in cells and _tight(rows[index - 1], row)))
        number += 0 if carries_on else 1
        for line, cell in zip(row.lines, cells):
            line.cell = (table, number, cell + 1)
    lines = [line for row in rows for line in row.lines]
    return sorted(lines, key=lambda line: (line.cell, -baseline(line)))


def _wrap_gap(gaps: list[float], size: float) -> float:
    """The widest step that still is a cell's wrapped line, or 0 where steps do not tell rows apart.

    Wrapped lines sit at the closest step; rows sit further apart only where
    cells are padded, which a step between the closest and a blank line's
    shows. Without one, every step may be a new row.
    """
    closest = min(gaps)
    low, high = _PADDED
    if closest > _WRAP * size or not any(low * closest < gap < high * closest for gap in gaps):
        return 0.0
    return closest * 1.06 + 0.3
