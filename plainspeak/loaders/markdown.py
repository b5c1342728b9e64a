"""Load a Markdown paper with markdown-it-py (CommonMark plus GFM tables and footnotes).

Headings keep their level, list paragraphs become list items at their nesting
depth (each paragraph of a numbered item carries its number, which Markdown
counts on from the list's first), table cells become TABLE_CELL blocks
numbered by table, row and cell. Footnotes ("[^1]" and "[^1]: …") become
FOOTNOTE blocks after the body, numbered in the order the text first refers
to them, as Markdown shows them (a note's first paragraph carries its number
in ``Block.number``, as a Word note's does); the reference leaves the text and is kept
by its offset (``Block.note_refs``), and a note nothing refers to is not
shown by Markdown and is not read. Bold text (``**Meeting:**``) is kept by
its offsets too (``Block.bold``).
Code blocks and raw HTML are left out: they are not prose a citizen reads,
and checking them for jargon would only raise false alarms. Lines such as
"Date: 4 February 2026" written one under another with no blank line between
are one paragraph to Markdown; each becomes a block of its own, as in a text
paper (see :mod:`.labels`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from plainspeak.loaders.assemble import new_block
from plainspeak.loaders.labels import ran_full, starts_block
from plainspeak.paper import Block, BlockKind, SourceMap

_INLINE_TEXT = ("text", "code_inline")


@dataclass
class _State:
    """Where the walk is: open lists, table position, the kind of the next text."""

    lists: list[int] = field(default_factory=list)  # per open list, its next number; 0 for bullets
    items: list[int] = field(default_factory=list)  # per open list, the number of the item being read
    tables: int = 0
    row: int = 0
    cell: int = 0
    heading: int = 0
    in_cell: bool = False
    note: int = 0  # the number of the footnote being read
    note_numbered: bool = False  # whether a block of that footnote has its number
    width: int = 0  # the longest source line of a paragraph, to tell a wrapped line from a short one
    source: tuple[str, ...] = ()  # the paper's lines as written


# markdown-it silently drops content nested deeper than maxNesting; a high cap
# means deep nesting is either read or ends in RecursionError, which the entry
# point reports as E107, never as text quietly gone.
_MAX_NESTING = 10_000


def _parser() -> MarkdownIt:
    options = {"maxNesting": _MAX_NESTING}
    return MarkdownIt("commonmark", options).enable("table").enable("strikethrough").use(footnote_plugin)


def markdown_blocks(text: str) -> list[Block]:
    """Body blocks of a Markdown paper, in order."""
    tokens = _parser().parse(text)
    source = tuple(text.splitlines())
    in_paragraphs = [source[line] for token in tokens if token.type == "paragraph_open" and token.map
                     for line in range(*token.map)]
    state = _State(width=max((len(line.rstrip()) for line in in_paragraphs), default=0), source=source)
    blocks: list[Block] = []
    for token in tokens:
        if token.type == "inline":
            blocks.extend(_blocks(token, state))
        else:
            _track(token, state)
    return blocks


def _track(token: Token, state: _State) -> None:
    """Update the walk state for an opening or closing token."""
    kind = token.type
    if kind in ("bullet_list_open", "ordered_list_open"):
        start = token.attrGet("start")
        state.lists.append((1 if start is None else int(start)) if kind == "ordered_list_open" else 0)
        state.items.append(0)
    elif kind in ("bullet_list_close", "ordered_list_close"):
        state.lists.pop()
        state.items.pop()
    elif kind == "list_item_open":
        state.items[-1] = state.lists[-1]
        if state.lists[-1]:
            state.lists[-1] += 1
    elif kind == "heading_open":
        state.heading = int(token.tag[1:])
    elif kind == "heading_close":
        state.heading = 0
    elif kind == "table_open":
        state.tables += 1
        state.row = 0
    elif kind == "tr_open":
        state.row += 1
        state.cell = 0
    elif kind in ("th_open", "td_open"):
        state.cell += 1
        state.in_cell = True
    elif kind in ("th_close", "td_close"):
        state.in_cell = False
    elif kind == "footnote_open":
        state.note = token.meta["id"] + 1
        state.note_numbered = False
    elif kind == "footnote_close":
        state.note = 0


def _blocks(token: Token, state: _State) -> list[Block]:
    text, starts, notes, bold = _inline_text(token)
    stripped = text.strip()
    if not stripped:
        return []
    shift = len(text) - len(text.lstrip())
    starts = tuple(max(0, start - shift) for start in starts)
    notes = _shifted(notes, shift, len(stripped))
    bold = _clipped(bold, shift, len(stripped))
    line = token.map[0] + 1 if token.map else None
    if state.note:
        block = new_block(BlockKind.FOOTNOTE, stripped, line=line)
        block.number = 0 if state.note_numbered else state.note
        state.note_numbered = True
    elif state.in_cell:
        block = new_block(
            BlockKind.TABLE_CELL, stripped, line=line,
            table=state.tables, row=state.row, cell=state.cell,
        )
    elif state.heading:
        block = new_block(BlockKind.HEADING, stripped, level=state.heading, line=line)
    elif state.lists:
        block = new_block(BlockKind.LIST_ITEM, stripped, level=len(state.lists), line=line)
        block.number, block.number_style = state.items[-1], "1" if state.items[-1] else ""
    else:
        raw = state.source[token.map[0]:token.map[1]] if token.map else ()
        return _paragraphs(stripped, starts, (notes, bold), line, raw, state.width)
    block.source = SourceMap(locator=f"line/{line}", line_starts=starts)
    block.note_refs, block.bold = notes, bold
    return [block]


_Spans = tuple[tuple[int, int], ...]


def _paragraphs(text: str, starts: tuple[int, ...], spans: tuple[_Spans, _Spans], line: int | None,
                raw: tuple[str, ...], width: int) -> list[Block]:
    """One paragraph, or one block per run of lines where a "Label: value" line starts one.

    ``raw`` holds the paragraph's source lines. Lines are only split where each
    source line gave one line of text (an inline code span or HTML tag across a
    line break does not), and whether a line ran to the full width is judged on
    its source, as ``width`` is. ``spans`` are the note references and bold
    ranges, which go with the pieces they fall in.
    """
    notes, bold = spans
    ends = (*starts[1:], len(text))
    lines = [text[start:end].strip() for start, end in zip(starts, ends)]
    firsts = [0]
    for index in range(1, len(lines) if len(raw) == len(lines) else 1):
        if starts_block(lines[index], first=lines[firsts[-1]], previous=lines[index - 1],
                        previous_full=ran_full(raw[index - 1], width)):
            firsts.append(index)
    begins = [starts[first] for first in firsts]
    notes_of = [[] for _ in firsts]  # each piece takes the references up to where the next begins
    for note in notes:
        notes_of[max(bisect_right(begins, note[0]) - 1, 0)].append(note)
    blocks = []
    for first, after, own in zip(firsts, (*firsts[1:], len(lines)), notes_of):
        begin = starts[first]
        piece = text[begin:ends[after - 1]].strip()
        at = line + first if line is not None else None
        block = new_block(BlockKind.PARAGRAPH, piece, line=at)
        block.source = SourceMap(locator=f"line/{at}", line_starts=tuple(s - begin for s in starts[first:after]))
        block.note_refs = _shifted(tuple(own), begin, len(piece))
        block.bold = _clipped(bold, begin, len(piece))
        blocks.append(block)
    return blocks


def _clipped(ranges: _Spans, begin: int, length: int) -> _Spans:
    """The parts of ``ranges`` within a piece ``length`` long at ``begin``, in offsets from ``begin``."""
    clipped = ((max(start - begin, 0), min(end - begin, length)) for start, end in ranges)
    return tuple((start, end) for start, end in clipped if start < end)


def _shifted(notes: tuple[tuple[int, int], ...], begin: int, length: int) -> tuple[tuple[int, int], ...]:
    """Note references in offsets from ``begin``, kept within a piece of ``length`` characters.

    One in the space stripped from either end of the piece stands at that end.
    """
    return tuple((min(max(at - begin, 0), length), number) for at, number in notes)


def _inline_text(token: Token) -> tuple[str, tuple[int, ...], _Spans, _Spans]:
    """Plain text of an inline token, where each source line starts in it, its note references and bold."""
    pieces: list[str] = []
    starts = [0]
    notes: list[tuple[int, int]] = []
    bold: list[tuple[int, int]] = []
    opened: list[int] = []
    length = 0
    for child in token.children or []:
        if child.type == "footnote_ref":
            notes.append((length, child.meta["id"] + 1))
            continue
        if child.type == "strong_open":
            opened.append(length)
            continue
        if child.type == "strong_close" and opened:
            start = opened.pop()
            if not opened and start < length:  # bold inside bold is one range
                bold.append((start, length))
            continue
        if child.type in _INLINE_TEXT:
            piece = child.content
        elif child.type in ("softbreak", "hardbreak"):
            piece = " " if child.type == "softbreak" else "\n"
            starts.append(length + 1)
        elif child.type == "image":
            piece = "".join(grand.content for grand in child.children or [])
        else:
            continue
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces), tuple(starts), tuple(notes), tuple(bold)
