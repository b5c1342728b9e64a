"""What a paragraph style makes of a paragraph: a heading level or a list level.

Built-in style names are English in every language version of Word
(``heading 1``, ``List Bullet 2``), so names decide first; an outline level in
the style or its ancestors decides next. Style ids are the fallback when a
package has no styles part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from plainspeak.loaders.docx_text import TRUE_VALUES, W, w_val

_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list\s*(?:bullet|number)\s*([1-9])?$", re.IGNORECASE)
_BODY_OUTLINE = 9  # outline level 9 means body text


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """Heading level (1 = top) and list level (1 = top); 0 means not one.

    ``num_id`` names the Word list (``w:numId``) that numbers the style's
    paragraphs, if its ``w:numPr`` names one.
    """

    heading: int = 0
    list_level: int = 0
    num_id: str = ""


@dataclass
class Styles:
    """Paragraph styles by id, and the id used when a paragraph names none."""

    by_id: dict[str, StyleInfo]
    default: str = ""

    def info(self, style_id: str | None) -> StyleInfo:
        key = style_id or self.default
        if key in self.by_id:
            return self.by_id[key]
        return _from_name(key or "")


def read_styles(root: etree._Element | None) -> Styles:
    """Resolve every paragraph style in a styles part, following ``basedOn``."""
    if root is None:
        return Styles({})
    raw = {}
    default = ""
    for style in root.iter(f"{W}style"):
        if style.get(f"{W}type", "paragraph") != "paragraph":
            continue
        style_id = style.get(f"{W}styleId", "")
        raw[style_id] = style
        if style.get(f"{W}default") in TRUE_VALUES:
            default = style_id
    resolved = {style_id: _resolve(style_id, raw, set()) for style_id in raw}
    return Styles(resolved, default)


def _resolve(style_id: str, raw: dict[str, etree._Element], seen: set[str]) -> StyleInfo:
    style = raw.get(style_id)
    if style is None or style_id in seen:
        return StyleInfo()
    seen.add(style_id)
    name = w_val(style.find(f"{W}name")) or style_id
    own = _from_name(name)
    parent_id = w_val(style.find(f"{W}basedOn"))
    parent = _resolve(parent_id, raw, seen) if parent_id else StyleInfo()
    ppr = style.find(f"{W}pPr")
    outline = outline_level(ppr)
    heading = own.heading or outline or parent.heading
    list_level = own.list_level or numbering_level(ppr, parent.list_level)
    return StyleInfo(heading, list_level, numbering_id(ppr, parent.num_id))


def outline_level(ppr: etree._Element | None) -> int:
    """Heading level from ``w:outlineLvl`` (0-based in the XML), or 0."""
    if ppr is None:
        return 0
    try:
        level = int(w_val(ppr.find(f"{W}outlineLvl")) or _BODY_OUTLINE)
    except ValueError:
        return 0
    return level + 1 if 0 <= level < _BODY_OUTLINE else 0


def numbering_level(ppr: etree._Element | None, inherited: int) -> int:
    """List level from ``w:numPr``: ``numId`` 0 switches numbering off."""
    numpr = ppr.find(f"{W}numPr") if ppr is not None else None
    if numpr is None:
        return inherited
    num_id = numpr.find(f"{W}numId")
    if w_val(num_id) == "0" or (num_id is None and not inherited):
        return 0
    try:
        ilvl = int(w_val(numpr.find(f"{W}ilvl")) or 0)
    except ValueError:
        ilvl = 0
    return min(max(ilvl, 0), 8) + 1


def numbering_id(ppr: etree._Element | None, inherited: str) -> str:
    """The Word list ``w:numPr`` names, else the one inherited; "0" means none."""
    numpr = ppr.find(f"{W}numPr") if ppr is not None else None
    num_id = numpr.find(f"{W}numId") if numpr is not None else None
    return inherited if num_id is None else w_val(num_id)


def _from_name(name: str) -> StyleInfo:
    if name.strip().lower() == "title":
        return StyleInfo(heading=1)
    heading = _HEADING_NAME.match(name.strip())
    if heading:
        return StyleInfo(heading=int(heading.group(1)))
    listed = _LIST_NAME.match(name.strip())
    if listed:
        return StyleInfo(list_level=int(listed.group(1) or 1))
    return StyleInfo()
