"""Make one block from one Word paragraph: kind, level, cleaned text, run map."""

from __future__ import annotations

from bisect import bisect_left

from lxml import etree

from plainspeak.loaders.assemble import new_block
from plainspeak.loaders.clean import clean_text
from plainspeak.loaders.docx_numbering import Numbering
from plainspeak.loaders.docx_styles import Styles, numbering_id, numbering_level, outline_level
from plainspeak.loaders.docx_text import W, w_val
from plainspeak.paper import Block, BlockKind, RunSpan, SourceMap


def paragraph_block(
    element: etree._Element, nodes: list[tuple[etree._Element, str]], where: str,
    forced: BlockKind | None, styles: Styles, cell: tuple[int, int, int] | None,
    numbering: Numbering,
) -> Block | None:
    """The block for a paragraph, or None if it holds no visible text.

    A numbered paragraph counts in its list even when it is empty, as Word
    shows it a number all the same.
    """
    kind, level, number, style = _kind(element, styles, numbering) if forced is None else (forced, 0, 0, "")
    text, node_of, offset_of = _mapped_text(nodes)
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return None
    text = text[start:end]
    runs = _runs(node_of[start:end], offset_of[start:end])
    bold = _bold(nodes, node_of[start:end])
    if cell is not None and kind is BlockKind.TABLE_CELL:
        block = new_block(kind, text, table=cell[0], row=cell[1], cell=cell[2])
    else:
        block = new_block(kind, text, level=level)
        block.number, block.number_style = number, style
    block.source = SourceMap(locator=where, runs=runs, line_starts=_line_starts(text))
    block.bold = bold
    return block


def _bold(nodes: list[tuple[etree._Element, str]], node_of: list[int]) -> tuple[tuple[int, int], ...]:
    """Ranges of the text whose run is set bold directly (``w:b`` in its ``w:rPr``)."""
    bold_nodes = [_run_bold(element) for element, _ in nodes]
    ranges: list[tuple[int, int]] = []
    for index, node in enumerate(node_of):
        if not bold_nodes[node]:
            continue
        if ranges and ranges[-1][1] == index:
            ranges[-1] = (ranges[-1][0], index + 1)
        else:
            ranges.append((index, index + 1))
    return tuple(ranges)


def _run_bold(element: etree._Element) -> bool:
    run = element.getparent()
    flag = run.find(f"{W}rPr/{W}b") if run is not None and run.tag == f"{W}r" else None
    return flag is not None and flag.get(f"{W}val", "true") not in ("0", "false", "off")


def note_offsets(nodes: list[tuple[etree._Element, str]], refs: list[tuple[int, str, str]]) -> list[int]:
    """Where in the block's text each note reference of ``ParagraphText.refs`` stands."""
    lengths = [0]
    for _, piece in nodes:
        lengths.append(lengths[-1] + len(piece))
    text, kept = clean_text("".join(piece for _, piece in nodes))
    start = len(text) - len(text.lstrip())
    size = len(text.strip())
    offsets = []
    for position, _, _ in refs:
        at = lengths[min(position, len(nodes))]
        cleaned = bisect_left(kept, at) if kept is not None else at
        offsets.append(min(max(cleaned - start, 0), size))
    return offsets


def _mapped_text(nodes: list[tuple[etree._Element, str]]) -> tuple[str, list[int], list[int]]:
    """Cleaned paragraph text, and each character's node index and offset in it."""
    node_of: list[int] = []
    offset_of: list[int] = []
    for index, (_, piece) in enumerate(nodes):
        node_of.extend([index] * len(piece))
        offset_of.extend(range(len(piece)))
    text, kept = clean_text("".join(piece for _, piece in nodes))
    if kept is not None:
        node_of = [node_of[i] for i in kept]
        offset_of = [offset_of[i] for i in kept]
    return text, node_of, offset_of


def _runs(node_of: list[int], offset_of: list[int]) -> tuple[RunSpan, ...]:
    """Group characters that come from consecutive places in one node."""
    runs: list[RunSpan] = []
    start = 0
    for index in range(1, len(node_of) + 1):
        if (
            index == len(node_of)
            or node_of[index] != node_of[index - 1]
            or offset_of[index] != offset_of[index - 1] + 1
        ):
            runs.append(RunSpan(start, index, node_of[start], offset_of[start]))
            start = index
    return tuple(runs)


def _line_starts(text: str) -> tuple[int, ...]:
    """Offsets after each line break (``w:br``) in the block."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return tuple(starts)


def _kind(element: etree._Element, styles: Styles, numbering: Numbering) -> tuple[BlockKind, int, int, str]:
    """Heading, list item or paragraph, from direct formatting then style, with a list item's number."""
    ppr = element.find(f"{W}pPr")
    style_element = ppr.find(f"{W}pStyle") if ppr is not None else None
    style = styles.info(w_val(style_element))
    heading = outline_level(ppr) or style.heading
    if heading:
        return BlockKind.HEADING, heading, 0, ""
    list_level = numbering_level(ppr, style.list_level)
    if list_level:
        number, number_style = numbering.next(numbering_id(ppr, style.num_id), list_level - 1)
        return BlockKind.LIST_ITEM, list_level, number, number_style
    return BlockKind.PARAGRAPH, 0, 0, ""
