"""Join ordered PDF lines into paragraphs, list items and headings.

A new block starts at a bigger vertical gap than the usual line spacing, at a
change of font size, at a bullet, or at a first-line indent. A paragraph
carries on across a column or page break when its last line has no closing
punctuation and the next starts in lower case. A short "Label: value" line
starts a block of its own (see :mod:`.labels`). The lines of one cell of a
table (see :mod:`.pdf_tables`) make one TABLE_CELL block, never a heading,
and the usual line spacing is measured without them. Words hyphenated at
line ends are joined again when the joined word is at least as common as
the hyphenated one (so "imple-mentation" joins, "co-production" keeps its
hyphen).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from plainspeak.loaders.assemble import new_block
from plainspeak.loaders.labels import starts_block
from plainspeak.loaders.pdf_lines import Line
from plainspeak.loaders.pdf_rows import bullet_glyphs
from plainspeak.paper import Block, BlockKind, SourceMap

_ENUMERATOR = re.compile(r"^(?:\d{1,3}[.)]|[a-z]\)|\([a-z0-9]{1,3}\))\s+(?=\S)")
_NUMBERED = re.compile(r"^\d{1,3}\.\s+[A-Z]")
_CLOSING = ".!?:;"
_SPACE_BOX = (0.0, 0.0, 0.0, 0.0)
_HEADING_WORDS = 25
# A caption: "Table 1:", "Figure 2.", "Chart 3 –".
_CAPTION = re.compile(r"(?:Table|Figure|Chart|Graph|Diagram)\s+\d+(?:\.\d+)*[a-z]?\s*[:.\u2013\u2014-]\s", re.IGNORECASE)


MIN_BODY_SIZE = 0.5  # points


@dataclass
class _Draft:
    """Lines gathered for one block."""

    lines: list[Line] = field(default_factory=list)
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    cell: tuple[int, int, int] | None = None  # table, row and cell of a table's cell


def body_blocks(lines: list[Line]) -> list[Block]:
    """Blocks from body lines already in reading order, across all pages."""
    if not lines:
        return []
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    # Text drawn at almost no size (a hidden index layer) still gives a body size to divide by.
    body_size = max(sizes.most_common(1)[0][0], MIN_BODY_SIZE)
    spacing = _usual_spacing(lines, body_size)
    drafts: list[_Draft] = []
    for line in lines:
        if line.cell is not None:  # a table's lines come cell by cell
            if drafts and drafts[-1].cell == line.cell:
                drafts[-1].lines.append(line)
            else:
                drafts.append(_Draft([line], BlockKind.TABLE_CELL, cell=line.cell))
            continue
        bullet = _strip_bullet(line)
        # Bigger type sits on wider spacing, so a title over two lines stays one block.
        leading = spacing * max(1.0, line.size / body_size)
        if drafts and not bullet and drafts[-1].cell is None and _continues(drafts[-1], line, leading):
            drafts[-1].lines.append(line)
        else:
            kind = BlockKind.LIST_ITEM if bullet else BlockKind.PARAGRAPH
            drafts.append(_Draft([line], kind, 1 if bullet else 0))
    _classify_headings(drafts, body_size)
    return [_block(draft) for draft in drafts]


def furniture_blocks(lines: list[Line]) -> list[Block]:
    """One HEADER or FOOTER block per running-head or page-number line."""
    kinds = {"header": BlockKind.HEADER, "footer": BlockKind.FOOTER}
    return [_block(_Draft([line], kinds[line.role])) for line in lines]


def _usual_spacing(lines: list[Line], body_size: float) -> float:
    """The most common baseline-to-baseline distance between body lines, tables left out."""
    gaps = Counter()
    for prev, line in zip(lines, lines[1:]):
        gap = prev.y0 - line.y0
        if (prev.page == line.page and prev.column == line.column and 0 < gap < 3 * body_size
                and prev.cell is None and line.cell is None):
            gaps[round(gap * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else 1.25 * body_size


@lru_cache(maxsize=1)
def _bullet() -> re.Pattern[str]:
    """A bullet glyph (``data/bullet_glyphs.txt``) and the space after it, at a line's start."""
    return re.compile(f"^[{re.escape(bullet_glyphs())}]\\s+(?=\\S)")


def _strip_bullet(line: Line) -> bool:
    """Remove a bullet glyph from the line's start; True if it is a list item."""
    match = _bullet().match(line.text)
    if match:
        line.text = line.text[match.end():]
        line.boxes = line.boxes[match.end() * 4:]
        return True
    return _ENUMERATOR.match(line.text) is not None


def _continues(draft: _Draft, line: Line, spacing: float) -> bool:
    prev = draft.lines[-1]
    if abs(prev.size - line.size) > 0.6 or prev.bold != line.bold and len(draft.lines) == 1:
        return False
    full = prev.x1 - prev.x0 >= 0.8 * (prev.column_right - prev.column_left)
    if starts_block(line.text, first=draft.lines[0].text, previous=prev.text, previous_full=full):
        return False
    same_page = prev.page == line.page
    # Bands on one page are read top to bottom, so moving to another band is
    # an ordinary step down the page.
    if same_page and (prev.column == line.column or prev.column[0] != line.column[0]):
        if 0 < prev.y0 - line.y0 <= spacing * 1.3 + 0.5:
            return not _indented(draft, prev, line) and not _leaves_list(draft, prev, line, spacing)
        return False
    # A column or page break: carry on only mid-sentence after a full line.
    return full and prev.text[-1] not in _CLOSING and line.text[0].islower()


def _indented(draft: _Draft, prev: Line, line: Line) -> bool:
    """A first-line indent under a flush line starts a new paragraph."""
    if draft.kind is BlockKind.LIST_ITEM:
        return False
    em = line.size or 10.0
    return line.x0 - line.column_left > 0.8 * em and prev.x0 - line.column_left < 0.3 * em


def _leaves_list(draft: _Draft, prev: Line, line: Line, spacing: float) -> bool:
    """A line back at the column's left edge, with more space above it than a line's, ends a list item.

    Lists are often set with a little space between items and after the
    last, less than between paragraphs; the item's own lines wrap at its
    text, or at the edge with no space added.
    """
    if draft.kind is not BlockKind.LIST_ITEM:
        return False
    em = line.size or 10.0
    return line.x0 - line.column_left < 0.3 * em and prev.y0 - line.y0 > spacing * 1.1 + 0.5


def _classify_headings(drafts: list[_Draft], body_size: float) -> None:
    """Larger-than-body short blocks are headings; bigger type, higher level.

    A numbered line such as "2. Background" looks like a list item, but set in
    bigger or bold type it is a section heading.
    """
    threshold = body_size + max(1.0, 0.15 * body_size)
    candidates = [draft for draft in drafts if _may_head(draft)]
    sizes = sorted({d.lines[0].size for d in candidates if _headingish(d, threshold)}, reverse=True)
    for draft in candidates:
        if _headingish(draft, threshold):
            draft.kind, draft.level = BlockKind.HEADING, min(sizes.index(draft.lines[0].size) + 1, 9)
        elif _bold_heading(draft, body_size):
            draft.kind, draft.level = BlockKind.HEADING, min(len(sizes) + 1, 9)


def _may_head(draft: _Draft) -> bool:
    """A paragraph or a one-line numbered item, with a letter in it (not a bold total), that is no caption.

    "Table 1: Forecast outturn by service" in bold names the table below it:
    as a heading it put the sections after it a level under a table.
    """
    first = draft.lines[0].text
    if _CAPTION.match(first):
        return False
    numbered = draft.kind is BlockKind.LIST_ITEM and len(draft.lines) == 1 and _NUMBERED.match(first)
    return (draft.kind is BlockKind.PARAGRAPH or bool(numbered)) and any(c.isalpha() for c in first)


def _headingish(draft: _Draft, threshold: float) -> bool:
    words = sum(len(line.text.split()) for line in draft.lines)
    return (len(draft.lines) <= 3 and words <= _HEADING_WORDS
            and all(line.size >= threshold for line in draft.lines))


def _bold_heading(draft: _Draft, body_size: float) -> bool:
    line = draft.lines[0]
    return (len(draft.lines) == 1 and line.bold and abs(line.size - body_size) <= 1.0
            and len(line.text.split()) <= 12 and line.text[-1] not in ".,;:")


def _block(draft: _Draft) -> Block:
    first = draft.lines[0]
    pieces = [first.text]
    boxes = array("f", first.boxes)
    starts = [0]
    length = len(first.text)
    for line in draft.lines[1:]:
        text = pieces[-1]
        if _hyphen_break(text, line.text):
            if _join_hyphenated(_tail_word(text), _head_word(line.text)):
                pieces[-1] = text[:-1]
                del boxes[-4:]
                length -= 1
        else:
            pieces.append(" ")
            boxes.extend(_SPACE_BOX)
            length += 1
        starts.append(length)
        pieces.append(line.text)
        boxes.extend(line.boxes)
        length += len(line.text)
    table, row, cell = draft.cell or (None, None, None)
    block = new_block(draft.kind, "".join(pieces), level=draft.level, page=first.page, line=first.number,
                      table=table, row=row, cell=cell)
    block.source = SourceMap(
        locator=f"page/{first.page}", boxes=boxes, line_starts=tuple(starts),
        line_pages=tuple(line.page for line in draft.lines),
        line_numbers=tuple(line.number for line in draft.lines),
    )
    return block


def _hyphen_break(text: str, following: str) -> bool:
    return (len(text) >= 2 and text[-1] in "-\u2010" and text[-2].isalpha() and text[-2].islower()
            and following[:1].isalpha() and following[:1].islower())


def _tail_word(text: str) -> str:
    return re.search(r"[^\W\d_]*$", text[:-1]).group(0)


def _head_word(text: str) -> str:
    return re.match(r"[^\W\d_]*", text).group(0)


@lru_cache(maxsize=4096)
def _join_hyphenated(left: str, right: str) -> bool:
    """Join when the closed-up word is at least as common as the hyphenated one."""
    from plainspeak.word_frequency import zipf  # its table is read only when a paper hyphenates

    joined = zipf((left + right).lower())
    hyphenated = zipf(f"{left}-{right}".lower())
    return joined >= hyphenated
