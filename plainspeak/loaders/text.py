"""Load a plain text paper: paragraphs split by blank lines, bullets, a few headings.

Lines inside a paragraph are joined with spaces (``line_starts`` remembers
where each began), except that a short "Label: value" line, such as
"Date: 4 February 2026", starts a block of its own (see :mod:`.labels`).

Word's "Save as plain text" writes each paragraph as one line, with no blank
line between them. A paper whose lines are too long to have been wrapped at a
width (one in ten longer than :data:`UNWRAPPED_LINE`) has a paragraph on each
line, unless a line is indented under the one above. Any other paper is taken
to be wrapped, and only blank lines, list markers and labels part its
paragraphs: a wrapped line cannot be told from a short paragraph's end with
any certainty (quoted replies, tables, hand-wrapped lines), and a paragraph
split in two is worse than two joined.

Heading detection is deliberately conservative: only a single short line
without closing punctuation, followed by a blank line, that is numbered like
``1.2.2`` or written in capitals; or a section's numbered line such as
"5. Adverse Weather Preparedness" that stands apart from any list (see
:func:`_section_headings`). The title is the first line when it stands alone
and is shaped like one (see :func:`first_line_title`), else the first heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plainspeak.loaders.assemble import new_block
from plainspeak.loaders.labels import is_label_line, ran_full, starts_block
from plainspeak.paper import Block, BlockKind, SourceMap

_BULLET = re.compile(r"^([ \t]*)([•◦▪·‣●○■□–\-*+])[ \t]+(?=\S)")
_ENUMERATOR = re.compile(r"^([ \t]*)(\d{1,3}[.)]|[a-z]\)|\([a-z0-9]{1,3}\))[ \t]+(?=\S)")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)+)\.?[ \t]+\S")
_NUMBERED_CAPS = re.compile(r"^\d+\.?[ \t]+(\S.*)$")
_SECTION_NUMBER = re.compile(r"^\d{1,3}\.[ \t]+[A-Z]")  # "5. Adverse Weather Preparedness"
_CLOSING = ".,;:!?"
# One line in ten longer than this, and a paper is not wrapped at a width: no
# editor wraps wider, and Word's plain text puts each paragraph on one line.
UNWRAPPED_LINE = 120
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 14


@dataclass
class _Pending:
    """A block being gathered line by line."""

    kind: BlockKind
    first_line: int
    lines: list[str] = field(default_factory=list)
    level: int = 0


def text_blocks(text: str) -> list[Block]:
    """Body blocks of a plain text paper, in order."""
    lines = text.split("\n")  # decode() has made every line end in "\n", as editors count lines
    blocks: list[Block] = []
    pending: _Pending | None = None
    indents: list[int] = []
    width = max(len(line.rstrip()) for line in lines)
    unwrapped = _unwrapped(lines)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            blocks.extend(_close(pending, blank_after=True))
            pending = None
            continue
        marker = _BULLET.match(line) or _ENUMERATOR.match(line)
        if marker:
            blocks.extend(_close(pending, blank_after=False))
            level = _list_level(indents, len(marker.group(1).expandtabs(4)))
            body = line[marker.end():] if marker.re is _BULLET else line.lstrip()
            pending = _Pending(BlockKind.LIST_ITEM, number, [body], level)
            continue
        if pending is not None and unwrapped and not line[:1].isspace():
            blocks.extend(_close(pending, blank_after=False))
            pending = None
        if pending is not None and _label_starts(pending, line, width):
            blocks.extend(_close(pending, blank_after=False))
            pending = None
        if pending is None:
            if not _within_list(lines, number):
                indents.clear()
            pending = _Pending(BlockKind.PARAGRAPH, number)
        pending.lines.append(line)
    blocks.extend(_close(pending, blank_after=True))
    _section_headings(blocks)
    return blocks


def first_line_title(blocks: list[Block]) -> str:
    """The paper's first line when it is a paragraph of its own shaped like a heading, else ""."""
    first = blocks[0] if blocks else None
    if first is None or first.kind is not BlockKind.PARAGRAPH or len(first.source.line_starts) > 1:
        return ""
    return first.text if _heading_shaped(first.text) and not is_label_line(first.text) else ""


def _section_headings(blocks: list[Block]) -> None:
    """Make top-level numbered lines that head a section, not items of a list, level 1 headings.

    "1. Introduction" is first read as a list item, as "1. Note the report."
    is. It heads a section when it is one short line shaped like a heading,
    starting with a capital, and stands apart from any list: the block before
    it is no numbered item and does not end with a colon that opens a list,
    and the block after is body text or a heading ("1.1 Services in Scope").
    """
    for index, block in enumerate(blocks):
        if not (block.kind is BlockKind.LIST_ITEM and block.level == 1 and len(block.source.line_starts) == 1
                and _SECTION_NUMBER.match(block.text) and _heading_shaped(block.text)):
            continue
        before = blocks[index - 1] if index else None
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if before is not None and (_numbered_item(before) or before.text.endswith(":")):
            continue
        if after is not None and after.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            block.kind = BlockKind.HEADING


def _numbered_item(block: Block) -> bool:
    return block.kind is BlockKind.LIST_ITEM and _ENUMERATOR.match(block.text) is not None


def _unwrapped(lines: list[str]) -> bool:
    """Whether the paper puts each paragraph on one line, unwrapped (see the module's text)."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    return bool(lengths) and lengths[int(len(lengths) * 0.9)] > UNWRAPPED_LINE


def _label_starts(pending: _Pending, line: str, width: int) -> bool:
    """A "Label: value" line that does not look like the wrap of the line above."""
    previous = pending.lines[-1].strip()
    return starts_block(line.strip(), first=pending.lines[0].strip(), previous=previous,
                        previous_full=ran_full(previous, width))


def _within_list(lines: list[str], number: int) -> bool:
    """True when the line after a blank still belongs to an indented list."""
    return bool(lines[number - 1][:1].isspace())


def _list_level(indents: list[int], indent: int) -> int:
    """Nesting level from indentation, remembering the indents seen so far."""
    while indents and indents[-1] > indent:
        indents.pop()
    if not indents or indents[-1] < indent:
        indents.append(indent)
    return len(indents)


def _close(pending: _Pending | None, *, blank_after: bool) -> list[Block]:
    if pending is None:
        return []
    parts = [line.strip() for line in pending.lines]
    starts, cursor = [], 0
    for part in parts:
        starts.append(cursor)
        cursor += len(part) + 1
    text = " ".join(parts)
    kind, level = pending.kind, pending.level
    heading = _heading_level(text) if len(parts) == 1 and blank_after else 0
    if heading and (kind is BlockKind.PARAGRAPH or _NUMBERED_CAPS.match(text)):
        kind, level = BlockKind.HEADING, heading
    block = new_block(kind, text, level=level, line=pending.first_line)
    block.source = SourceMap(locator=f"line/{pending.first_line}", line_starts=tuple(starts))
    return [block]


def _heading_shaped(line: str) -> bool:
    """Short, and with no closing punctuation."""
    return len(line) <= _MAX_HEADING_CHARS and line[-1:] not in _CLOSING and len(line.split()) <= _MAX_HEADING_WORDS


def _heading_level(line: str) -> int:
    """The heading level a lone line seems to have, or 0 if it is not one."""
    if not _heading_shaped(line):
        return 0
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        return min(numbered.group(1).count(".") + 1, 9)
    caps = _NUMBERED_CAPS.match(line)
    rest = caps.group(1) if caps else line
    cased = [char for char in rest if char.isupper() or char.islower()]
    if len(cased) >= 3 and all(char.isupper() for char in cased):
        return 1
    return 0

