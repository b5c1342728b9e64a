"""The one document model every loader produces and every later stage reads.

A :class:`Paper` is an ordered list of :class:`Block` s. ``Paper.text`` is the
blocks' texts joined by a blank line, and each block knows its ``start``/``end``
in that text, its :class:`Place` (where a person finds it) and a source map
back to the original file (DOCX runs, PDF character boxes) that the annotated
copy writers use. Everything here is plain data so it pickles across worker
processes.
"""

from __future__ import annotations

import enum
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

BLOCK_SEPARATOR = "\n\n"


class BlockKind(str, enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    TEXT_BOX = "text_box"
    HEADER = "header"
    FOOTER = "footer"

    @property
    def is_furniture(self) -> bool:
        """Headers and footers: kept apart from the body and never checked."""
        return self in (BlockKind.HEADER, BlockKind.FOOTER)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a person finds a block: the parts that apply to its format.

    ``paragraph`` counts body blocks from 1 in reading order for every format,
    so every finding has one. ``page`` and ``line`` are 1-based; ``line`` is
    the line on the page for PDF and the line in the file for text.
    """

    paragraph: int
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None


@dataclass(frozen=True, slots=True)
class RunSpan:
    """Characters ``start:end`` of a block come from one text node of the source.

    For DOCX, ``node`` is the index of the ``w:t`` (or ``w:tab``/``w:br``/
    ``w:delText``-free text) element within the paragraph element, counted in
    document order over the elements the loader read, and ``offset`` the
    character offset inside that node's text.
    """

    start: int
    end: int
    node: int
    offset: int = 0


@dataclass(slots=True)
class SourceMap:
    """How a block maps back to the original file.

    ``locator`` finds the block's element again: for DOCX a path such as
    ``body/12`` or ``body/3/tbl/1/2/0`` or ``footnotes/4/0``; for PDF
    ``page/3``; for text ``line/17``. ``runs`` maps DOCX characters to text
    nodes. ``boxes`` holds four floats ``x0, y0, x1, y1`` per character of the
    block text (PDF points in its page's :class:`PageFrame`); characters that the loader
    inserted, such as a space joining two lines, have a box of zeros.
    ``line_starts`` gives the offsets in the block at which each source line
    starts, so a finding can name its line. A PDF block can run over a page
    or column break, so for PDF ``line_pages`` and ``line_numbers`` give each
    of those lines its own page and its line number on that page (one entry
    per entry of ``line_starts``); other formats leave them empty.
    """

    locator: str = ""
    runs: tuple[RunSpan, ...] = ()
    boxes: array = field(default_factory=lambda: array("f"))
    line_starts: tuple[int, ...] = (0,)
    line_pages: tuple[int, ...] = ()
    line_numbers: tuple[int, ...] = ()

    def line_index(self, offset_in_block: int) -> int:
        """Which entry of ``line_starts`` holds character ``offset_in_block``."""
        return max(bisect_right(self.line_starts, offset_in_block) - 1, 0)

    def box(self, index: int) -> tuple[float, float, float, float] | None:
        """The PDF box of character ``index`` of the block, or None."""
        at = index * 4
        if at + 4 > len(self.boxes):
            return None
        x0, y0, x1, y1 = self.boxes[at : at + 4]
        if x0 == y0 == x1 == y1 == 0.0:
            return None
        return (x0, y0, x1, y1)


@dataclass(slots=True)
class Block:
    """A heading, paragraph, list item, table cell or note, with its place."""

    kind: BlockKind
    text: str
    place: Place
    start: int = 0
    end: int = 0
    level: int = 0  # heading level (1 = top) or list nesting level (1 = top)
    section: str = ""  # text of the heading this block sits under
    source: SourceMap = field(default_factory=SourceMap)
    # A numbered list item whose number is not part of its text (Word's and
    # Markdown's are not): the number the paper shows (repeated by a later
    # paragraph of the same item), and how it is written, "1", "a", "A", "i"
    # or "I" (as HTML names list types). A note's number, where the text's
    # references to it say which note they mean by number (``note_refs``).
    # 0 for a bullet, a list item whose text holds its own number, and every
    # other block.
    number: int = 0
    number_style: str = ""
    # Where the text refers to a note by a mark that is not part of the text
    # (Markdown's "[^1]"): (offset in this block's text, the note's number).
    note_refs: tuple[tuple[int, int], ...] = ()
    # Ranges of the text the paper sets in bold, (start, end) in this block's
    # offsets: run-in labels such as "Meeting:" or "Demand." are read by them.
    bold: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset_in_block: int) -> int | None:
        """The source line of a character in this block, if the format has lines.

        For PDF it is the line on the character's own page (see :meth:`page_at`).
        """
        if self.place.line is None:
            return None
        index = self.source.line_index(offset_in_block)
        numbers = self.source.line_numbers
        if index < len(numbers):
            return numbers[index]
        return self.place.line + index

    def page_at(self, offset_in_block: int) -> int | None:
        """The page a character of this block is on.

        It is later than ``place.page`` when the block carries on over a page break.
        """
        pages = self.source.line_pages
        index = self.source.line_index(offset_in_block)
        return pages[index] if index < len(pages) else self.place.page


@dataclass(frozen=True, slots=True)
class Notice:
    """Something about the file as a whole, or one part of it: a PS9xx input finding."""

    code: str
    name: str
    message: str
    page: int | None = None
    paragraph: int = 0  # 0: the file as a whole
    line: int | None = None


@dataclass(frozen=True, slots=True)
class PageFrame:
    """How a PDF page's boxes are measured: the page turned as a reader holds it to read it.

    ``matrix`` (a, b, c, d, e, f, as in a PDF ``cm``) takes the page's user
    space to a frame in which most of its text runs left to right, with the
    visible page's lower left corner at the origin; ``width`` and
    ``height`` are the visible page's size in that frame. A writer maps a
    box back to user space through its inverse.
    """

    matrix: tuple[float, float, float, float, float, float]
    width: float
    height: float


@dataclass(slots=True)
class Paper:
    """A loaded paper: body blocks, kept-apart furniture and notices."""

    path: str
    format: str  # "docx", "pdf", "text" or "markdown"
    blocks: list[Block]
    text: str = ""
    pages: int | None = None
    furniture: list[Block] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    sha256: str = ""
    title: str = ""
    frames: list[PageFrame] = field(default_factory=list)  # one per page, for PDF

    def __post_init__(self) -> None:
        if not self.text and self.blocks:
            self.reindex()

    def reindex(self) -> None:
        """Lay the blocks end to end in ``text`` and set their offsets."""
        pieces: list[str] = []
        cursor = 0
        for block in self.blocks:
            if pieces:
                pieces.append(BLOCK_SEPARATOR)
                cursor += len(BLOCK_SEPARATOR)
            block.start = cursor
            block.end = cursor + len(block.text)
            pieces.append(block.text)
            cursor = block.end
        self.text = "".join(pieces)

    def block_index_at(self, offset: int) -> int | None:
        """The index of the block holding character ``offset`` of ``text``."""
        low, high = 0, len(self.blocks) - 1
        while low <= high:
            mid = (low + high) // 2
            block = self.blocks[mid]
            if offset < block.start:
                high = mid - 1
            elif offset > block.end or (offset == block.end and block.end > block.start):
                low = mid + 1
            else:
                return mid
        return None

    def block_at(self, offset: int) -> Block | None:
        """The block holding character ``offset`` of ``text``."""
        index = self.block_index_at(offset)
        return None if index is None else self.blocks[index]

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.blocks)
