"""The text of one Word paragraph, read from its XML as Word shows it.

``Document.paragraphs`` in python-docx misses text inside content controls,
hyperlinks, smart tags, fields and tracked insertions, and keeps deleted text
in some cases, so the loader walks the XML itself. Writers that annotate the
original must find the same text nodes again: :func:`paragraph_nodes` is the
one definition of which nodes count and in what order, and a
:class:`~plainspeak.paper.RunSpan`'s ``node`` is an index into its result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TEXT_BOX = f"{W}txbxContent"


def w_val(element: etree._Element | None) -> str:
    """An element's ``w:val`` ("" for a missing element or attribute): how Word
    states most properties (styles, levels, numbering formats)."""
    return "" if element is None else element.get(f"{W}val", "")


# Elements that stand for a fixed character.
_FIXED = {
    f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n",
    f"{W}noBreakHyphen": "-",
}
# Elements whose content a reader does not see as text of this paragraph:
# deletions, moved-away text, field codes, properties, comment marks.
_SKIP = frozenset({
    f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}instrText", f"{W}delInstrText",
    f"{W}pPr", f"{W}rPr", f"{W}sdtPr", f"{W}sdtEndPr", f"{W}softHyphen",
    f"{W}commentReference", f"{W}annotationRef", f"{W}fldData", f"{W}rubyPr", f"{W}rt",
    f"{_MC}Fallback",
})
# A reference to a note: its kind, as the note parts name it.
_NOTE_REFS = {f"{W}footnoteReference": "footnotes", f"{W}endnoteReference": "endnotes"}
# How Word writes "true" in an on/off attribute.
TRUE_VALUES = ("1", "true", "on")
_DRAWINGS = frozenset({f"{W}drawing", f"{W}pict", f"{W}object"})
_PRIVATE_USE = range(0xE000, 0xF900)


@dataclass
class ParagraphText:
    """A paragraph's text nodes in order, and the text boxes it anchors."""

    nodes: list[tuple[etree._Element, str]] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    # One entry per open complex field: True while in its instruction part.
    fields: list[bool] = field(default_factory=list)
    # References to numbered notes: (how many nodes come before it, "footnotes"
    # or "endnotes", the note's id). A reference with a mark of its own
    # (``w:customMarkFollows``) is left out: its mark is in the text.
    refs: list[tuple[int, str, str]] = field(default_factory=list)


def paragraph_nodes(paragraph: etree._Element) -> ParagraphText:
    """Walk a ``w:p`` and return the text nodes a reader sees, in order."""
    found = ParagraphText()
    _visit(paragraph, found)
    return found


def _visit(element: etree._Element, found: ParagraphText) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _NOTE_REFS:
            if not any(found.fields) and child.get(f"{W}customMarkFollows") not in TRUE_VALUES:
                found.refs.append((len(found.nodes), _NOTE_REFS[tag], child.get(f"{W}id", "")))
        elif tag == f"{W}fldChar":
            _field_char(child, found)
        elif tag in _DRAWINGS:
            found.boxes.extend(_outer_text_boxes(child))
        elif tag == f"{_MC}AlternateContent":
            _alternate(child, found)
        elif any(found.fields):
            # Inside a field instruction: only nested field marks matter.
            _visit(child, found)
        elif tag == f"{W}t" or tag == f"{_MATH}t":
            found.nodes.append((child, child.text or ""))
        elif tag in _FIXED:
            found.nodes.append((child, _FIXED[tag]))
        elif tag == f"{W}sym":
            found.nodes.append((child, _symbol(child)))
        else:
            _visit(child, found)


def _field_char(element: etree._Element, found: ParagraphText) -> None:
    kind = element.get(f"{W}fldCharType")
    if kind == "begin":
        found.fields.append(True)
    elif kind == "separate" and found.fields:
        found.fields[-1] = False
    elif kind == "end" and found.fields:
        found.fields.pop()


def _alternate(element: etree._Element, found: ParagraphText) -> None:
    """Read the first choice only: the fallback repeats the same content."""
    for child in element:
        if child.tag == f"{_MC}Choice":
            _visit(child, found)
            return


def _outer_text_boxes(drawing: etree._Element) -> list[etree._Element]:
    """Text box contents in a drawing, leaving out boxes nested in boxes."""
    boxes = []
    for box in drawing.iter(_TEXT_BOX):
        parent = box.getparent()
        while parent is not None and parent is not drawing and parent.tag != _TEXT_BOX:
            parent = parent.getparent()
        if parent is drawing:
            boxes.append(box)
    return boxes


def _symbol(element: etree._Element) -> str:
    """A ``w:sym`` character, unless it is a private-use symbol-font glyph."""
    try:
        code = int(element.get(f"{W}char", ""), 16)
    except ValueError:
        return ""
    if code in _PRIVATE_USE or not 0x20 <= code <= 0x10FFFF:
        return ""
    return chr(code)
