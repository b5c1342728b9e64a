"""Split Word runs at exact character offsets so a comment can cover just a word.

A run (``w:r``) carries its formatting in ``w:rPr``; a comment can only start
and end at run edges. To mark "virement" inside a bold run we cut the run in
two or three, each keeping a copy of the same ``w:rPr``, so bold, italics and
fonts stay as they were. New runs are placed beside the old one, under the
same parent, so a run inside a ``w:hyperlink`` (or a tracked insertion, or a
simple field) stays inside it. Field instructions are never touched: they are
not text nodes, so no offset ever points into them.

Text nodes keep their identity: the left part stays in the original ``w:t``
and the right part moves to a new one, so node references taken before a
split still point at the start of their text.
"""

from __future__ import annotations

import copy
from bisect import bisect_left, bisect_right
from collections import defaultdict

from docx.oxml import OxmlElement
from lxml import etree

from plainspeak.loaders.docx_text import W

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN = f"{W}r"


class Pieces:
    """Where each text node's characters live after splitting: (start, element) lists."""

    def __init__(self, nodes: list[etree._Element], texts: list[str]) -> None:
        self.nodes = nodes
        self.texts = texts
        self.cuts: dict[int, set[int]] = defaultdict(set)
        # Per node: where each piece starts, in order, and the pieces' elements.
        self.pieces: dict[int, tuple[list[int], list[etree._Element]]] = {}

    def cut(self, node: int, offset: int) -> None:
        """Ask for a run edge before character ``offset`` of ``node``."""
        if 0 <= node < len(self.nodes):
            self.cuts[node].add(offset)

    def apply(self) -> None:
        """Make every asked-for edge, last node and last offset first."""
        for node in sorted(self.cuts, reverse=True):
            element = self.nodes[node]
            pieces = [(0, element)]
            for offset in sorted(self.cuts[node], reverse=True):
                made = split_at(element, offset, len(self.texts[node]))
                if made is not None:
                    pieces.append((offset, made))
            pieces.sort(key=lambda p: p[0])
            self.pieces[node] = ([start for start, _ in pieces], [element for _, element in pieces])

    def run_from(self, node: int, offset: int) -> etree._Element:
        """The run holding character ``offset`` of ``node``."""
        starts, elements = self._pieces_of(node)
        return _run_of(elements[bisect_right(starts, offset) - 1])

    def run_to(self, node: int, offset: int) -> etree._Element:
        """The run holding the character just before ``offset`` of ``node``."""
        starts, elements = self._pieces_of(node)
        before = bisect_left(starts, offset) - 1  # the last piece starting before ``offset``
        return _run_of(elements[before if before >= 0 else bisect_right(starts, 0) - 1])

    def _pieces_of(self, node: int) -> tuple[list[int], list[etree._Element]]:
        """The starts of ``node``'s pieces, in order, and their elements, searched (not walked)
        for each comment, as a paragraph may have thousands of pieces."""
        return self.pieces.get(node, ([0], [self.nodes[node]]))


def _run_of(element: etree._Element) -> etree._Element:
    """The ``w:r`` holding a text node; math and other runs are anchored whole."""
    run = element.getparent()
    while run is not None and run.tag != _RUN:
        if run.tag.endswith("}r"):  # an m:r: keep the whole math run
            return run
        run = run.getparent()
    return run if run is not None else element


def split_at(node: etree._Element, offset: int, length: int) -> etree._Element | None:
    """Cut ``node``'s run before character ``offset``; return the node of the new right part.

    Returns None when no cut is needed (the edge is already a run edge) or
    when the node is not directly in a ``w:r`` (math text is not split).
    """
    run = node.getparent()
    if run is None or run.tag != _RUN:
        return None
    content = [c for c in run if isinstance(c.tag, str) and c.tag != f"{W}rPr"]
    index = content.index(node)
    if (offset <= 0 and index == 0) or (offset >= length and index == len(content) - 1):
        return None
    right = OxmlElement("w:r")
    for name, value in run.attrib.items():
        right.set(name, value)
    properties = run.find(f"{W}rPr")
    if properties is not None:
        right.append(copy.deepcopy(properties))
    run.addnext(right)
    if offset <= 0:
        moved, first = content[index:], node
    elif offset >= length:
        moved, first = content[index + 1:], content[index + 1]
    else:
        first = _split_text(node, offset)
        right.append(first)
        moved = content[index + 1:]
    for child in moved:
        right.append(child)  # lxml moves the element, keeping its identity
    return first


def _split_text(node: etree._Element, offset: int) -> etree._Element:
    """Keep ``text[:offset]`` in ``node``; return a new ``w:t`` with the rest."""
    text = node.text or ""
    tail = OxmlElement("w:t")
    tail.text = text[offset:]
    node.text = text[:offset]
    for element in (node, tail):
        element.set(_XML_SPACE, "preserve")
    return tail
