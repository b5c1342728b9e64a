"""Strict Open XML, read as the ordinary (Transitional) Word document it is a subset of.

Word's "Strict Open XML Document" writes the same parts as an ordinary .docx
with their elements and attributes in other namespaces
(``http://purl.oclc.org/ooxml/wordprocessingml/main`` for
``http://schemas.openxmlformats.org/wordprocessingml/2006/main``, and so on);
what the parts may hold is otherwise a subset of what a Transitional document
may (ISO/IEC 29500-1 against 29500-4). So the loader renames a Strict part's
names to their Transitional ones as it parses it, and one reader serves both.
"""

from __future__ import annotations

from lxml import etree

STRICT = "http://purl.oclc.org/ooxml/"
_OFFICE = "http://schemas.openxmlformats.org/"
# Strict namespace -> Transitional namespace (ISO/IEC 29500-1, Annex A, by part).
TRANSITIONAL = {
    f"{STRICT}wordprocessingml/main": f"{_OFFICE}wordprocessingml/2006/main",
    f"{STRICT}officeDocument/relationships": f"{_OFFICE}officeDocument/2006/relationships",
    f"{STRICT}officeDocument/math": f"{_OFFICE}officeDocument/2006/math",
    f"{STRICT}officeDocument/sharedTypes": f"{_OFFICE}officeDocument/2006/sharedTypes",
    f"{STRICT}officeDocument/extendedProperties": f"{_OFFICE}officeDocument/2006/extended-properties",
    f"{STRICT}officeDocument/customProperties": f"{_OFFICE}officeDocument/2006/custom-properties",
    f"{STRICT}officeDocument/docPropsVTypes": f"{_OFFICE}officeDocument/2006/docPropsVTypes",
    f"{STRICT}officeDocument/customXml": f"{_OFFICE}officeDocument/2006/customXml",
    f"{STRICT}officeDocument/bibliography": f"{_OFFICE}officeDocument/2006/bibliography",
    f"{STRICT}officeDocument/characteristics": f"{_OFFICE}officeDocument/2006/characteristics",
    f"{STRICT}drawingml/main": f"{_OFFICE}drawingml/2006/main",
    f"{STRICT}drawingml/wordprocessingDrawing": f"{_OFFICE}drawingml/2006/wordprocessingDrawing",
    f"{STRICT}drawingml/picture": f"{_OFFICE}drawingml/2006/picture",
    f"{STRICT}drawingml/chart": f"{_OFFICE}drawingml/2006/chart",
    f"{STRICT}drawingml/chartDrawing": f"{_OFFICE}drawingml/2006/chartDrawing",
    f"{STRICT}drawingml/diagram": f"{_OFFICE}drawingml/2006/diagram",
    f"{STRICT}drawingml/lockedCanvas": f"{_OFFICE}drawingml/2006/lockedCanvas",
    f"{STRICT}schemaLibrary/main": f"{_OFFICE}schemaLibrary/2006/main",
}
_STRICT_NAME = "{" + STRICT


def is_strict(root: etree._Element) -> bool:
    """Whether a part's root element is in a Strict namespace (its content is, then, too)."""
    return isinstance(root.tag, str) and root.tag.startswith(_STRICT_NAME)


def to_transitional(root: etree._Element) -> etree._Element:
    """Rename, in place, every Strict element and attribute under ``root`` to its Transitional name."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(_STRICT_NAME):
            element.tag = _renamed(element.tag)
        for name in [name for name in element.attrib if name.startswith(_STRICT_NAME)]:
            value = element.attrib.pop(name)
            element.set(_renamed(name), value)
    return root


def _renamed(name: str) -> str:
    namespace, local = name[1:].split("}", 1)
    return f"{{{TRANSITIONAL.get(namespace, namespace)}}}{local}"
