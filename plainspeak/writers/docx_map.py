"""Find a block's paragraph again in the Word file, and its characters' text nodes.

The loader records where each block came from (``SourceMap.locator``) and
which text node each run of characters came from (``SourceMap.runs``, node
indices into :func:`plainspeak.loaders.docx_text.paragraph_nodes`). This
module trusts those maps when they agree with the file and rebuilds them when
they are missing or disagree: a paragraph is then found by its text, in
document order, and its characters are aligned to the nodes, so an annotated
copy never anchors a comment on the wrong words.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

from lxml import etree

from plainspeak.loaders.docx_text import W, paragraph_nodes
from plainspeak.paper import Block, RunSpan

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Located:
    """A block's ``w:p``, its text nodes in loader order, and the block-to-node map."""

    paragraph: etree._Element
    nodes: list[etree._Element]
    texts: list[str]
    runs: tuple[RunSpan, ...]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def node_text(paragraph: etree._Element) -> tuple[list[etree._Element], list[str]]:
    found = paragraph_nodes(paragraph)
    return [n for n, _ in found.nodes], [t for _, t in found.nodes]


def all_paragraphs(body: etree._Element) -> list[etree._Element]:
    """Every ``w:p`` in the body, tables and text boxes, once (fallback copies left out)."""
    found = []
    for paragraph in body.iter(f"{W}p"):
        ancestor = paragraph.getparent()
        while ancestor is not None and ancestor.tag != _MC_FALLBACK:
            ancestor = ancestor.getparent()
        if ancestor is None:
            found.append(paragraph)
    return found


def by_locator(body: etree._Element, locator: str) -> etree._Element | None:
    """The paragraph the loader's locator points at, or None if it is not there.

    Locators look like ``body/12``, ``body/3/tbl/1/2/0``, ``body/4/sdt/0`` or
    ``body/5/txbx/0/1``; numbers index children as the loader counted them.
    """
    parts = locator.split("/")
    if len(parts) < 2 or parts[0] != "body":
        return None
    element: etree._Element | None = body
    steps = iter(parts[1:])
    try:
        for part in steps:
            element = _step(element, part, steps)
    except (IndexError, ValueError, AttributeError):
        return None
    return element if element is not None and element.tag == f"{W}p" else None


def _step(element: etree._Element, part: str, steps) -> etree._Element:
    if part == "tbl":
        rows = [r for r in element if r.tag == f"{W}tr" and not _deleted(r)]
        cells = [c for c in rows[int(next(steps))] if c.tag == f"{W}tc"]
        return cells[int(next(steps))]
    if part == "sdt":
        return element.find(f"{W}sdtContent")
    if part == "txbx":
        return paragraph_nodes(element).boxes[int(next(steps))]
    return list(element)[int(part)]


def _deleted(row: etree._Element) -> bool:
    properties = row.find(f"{W}trPr")
    return properties is not None and properties.find(f"{W}del") is not None


class ParagraphFinder:
    """Finds blocks' paragraphs in reading order, trusting the locator when it checks out."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.paragraphs = all_paragraphs(body)
        self.cursor = 0

    def find(self, block: Block) -> Located | None:
        wanted = _norm(block.text)
        candidate = by_locator(self.body, block.source.locator)
        if candidate is not None and _norm("".join(node_text(candidate)[1])) == wanted:
            return self._located(candidate, block)
        count = len(self.paragraphs)
        for step in range(count):
            index = (self.cursor + step) % count
            paragraph = self.paragraphs[index]
            if _norm("".join(node_text(paragraph)[1])) == wanted:
                self.cursor = index + 1
                return self._located(paragraph, block)
        return None

    def _located(self, paragraph: etree._Element, block: Block) -> Located:
        nodes, texts = node_text(paragraph)
        runs = block.source.runs if _runs_agree(block, texts) else align(block.text, texts)
        return Located(paragraph, nodes, texts, runs)


def _runs_agree(block: Block, texts: list[str]) -> bool:
    """The loader's map holds if every span's characters are the node's characters."""
    if not block.source.runs:
        return False
    for span in block.source.runs:
        if span.node >= len(texts):
            return False
        piece = texts[span.node][span.offset : span.offset + span.end - span.start]
        if _norm(piece) != _norm(block.text[span.start : span.end]):
            return False
    return True


def align(text: str, texts: list[str]) -> tuple[RunSpan, ...]:
    """Map block characters to node characters where they match, one span per node piece."""
    joined = "".join(texts)
    nodes, starts, cursor = [], [], 0
    for index, piece in enumerate(texts):
        if piece:  # empty nodes hold no characters to map
            nodes.append(index)
            starts.append(cursor)
        cursor += len(piece)
    spans: list[RunSpan] = []
    matcher = difflib.SequenceMatcher(None, text, joined, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        while size > 0:
            at = bisect.bisect_right(starts, b) - 1
            node, node_start = nodes[at], starts[at]
            take = min(size, node_start + len(texts[node]) - b)
            spans.append(RunSpan(a, a + take, node, b - node_start))
            a, b, size = a + take, b + take, size - take
    return tuple(spans)


class RunIndex:
    """:func:`position` for many offsets into one block: a binary search for each.

    A paragraph may hold thousands of runs and thousands of comments; a walk of
    the runs for each comment grew with the product. Runs in block order (every
    map the loader or :func:`align` makes) are searched; any others are walked.
    """

    def __init__(self, runs: tuple[RunSpan, ...]) -> None:
        self.runs = runs
        self.starts = [span.start for span in runs]
        self.ends = [span.end for span in runs]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:])) and all(
            a <= b for a, b in zip(self.ends, self.ends[1:]))

    def position(self, offset: int, *, end: bool) -> tuple[int, int] | None:
        if not self.ordered:
            return position(self.runs, offset, end=end)
        if end:  # the last run starting before the offset
            at = bisect.bisect_left(self.starts, offset) - 1
            if at < 0:
                return None
            span = self.runs[at]
            return (span.node, span.offset + min(offset, span.end) - span.start)
        at = bisect.bisect_right(self.ends, offset)  # the first run ending after it
        if at == len(self.runs):
            return None
        span = self.runs[at]
        return (span.node, span.offset + max(offset, span.start) - span.start)


def position(runs: tuple[RunSpan, ...], offset: int, *, end: bool) -> tuple[int, int] | None:
    """The (node, character) of a block offset; an end offset is the place after a character.

    An offset that falls where the loader inserted a character moves inwards:
    a start to the next mapped character, an end to the last mapped one.
    """
    if end:
        best = None
        for span in runs:
            if span.start < offset:
                best = (span.node, span.offset + min(offset, span.end) - span.start)
        return best
    for span in runs:
        if offset < span.end:
            return (span.node, span.offset + max(offset, span.start) - span.start)
    return None
