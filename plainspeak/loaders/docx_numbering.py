"""The number Word shows before a numbered list paragraph, which is not in its text.

Word works the numbers out as it lays a document out. A paragraph's
``w:numPr`` (its own or its style's) names a list (``w:num``) and a level;
numbering.xml maps the list to an abstract definition (``w:abstractNum``)
whose level gives the format (``decimal``, ``lowerLetter``, ``bullet``…) and
the start. Lists that share a definition count on together; a list with a
``w:startOverride`` begins again at its first paragraph; each item starts the
levels below it afresh. Citizens say "recommendation 3", so the reader's copy
shows the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from plainspeak.loaders.docx_text import W, w_val

# Word's number formats as HTML names list types; others (ordinal, decimalZero,
# cardinalText, the East Asian counting systems…) are shown as plain numbers.
NUMBER_STYLES = {"lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I"}
_UNNUMBERED = frozenset({"bullet", "none"})


@dataclass(frozen=True, slots=True)
class _Level:
    style: str  # "" for a bullet or a level that shows no number
    start: int


@dataclass(frozen=True, slots=True)
class _List:
    abstract: str
    levels: dict[int, _Level]  # the abstract definition's levels, overridden where the list says
    restarts: dict[int, int]  # level: the start it begins again at


@dataclass
class Numbering:
    """The lists of one document, and how far each has counted."""

    lists: dict[str, _List] = field(default_factory=dict)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)  # abstract id: level: last number
    begun: set[str] = field(default_factory=set)

    def next(self, num_id: str, ilvl: int) -> tuple[int, str]:
        """The number and style of the next paragraph of list ``num_id`` at ``ilvl``; (0, "") for a bullet."""
        listed = self.lists.get(num_id)
        if listed is None:
            return 0, ""
        counts = self.counts.setdefault(listed.abstract, {})
        if num_id not in self.begun:
            self.begun.add(num_id)
            for restart_level, start in listed.restarts.items():
                counts[restart_level] = start - 1
        for deeper in [at for at in counts if at > ilvl]:
            del counts[deeper]
        level = listed.levels.get(ilvl)
        if level is None or not level.style:
            return 0, ""
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        return counts[ilvl], level.style


def read_numbering(root: etree._Element | None) -> Numbering:
    """The lists in a numbering part (none when the package has no such part)."""
    if root is None:
        return Numbering()
    abstracts = {node.get(f"{W}abstractNumId", ""): node for node in root.iter(f"{W}abstractNum")}
    linked = {w_val(node.find(f"{W}styleLink")): key for key, node in abstracts.items()
              if node.find(f"{W}styleLink") is not None}
    lists: dict[str, _List] = {}
    for num in root.iter(f"{W}num"):
        key = w_val(num.find(f"{W}abstractNumId"))
        abstract = abstracts.get(key)
        link = abstract.find(f"{W}numStyleLink") if abstract is not None else None
        if link is not None and w_val(link) in linked:  # a list style's definition stands in for it
            key = linked[w_val(link)]
            abstract = abstracts[key]
        levels = _levels(abstract) if abstract is not None else {}
        restarts: dict[int, int] = {}
        for override in num.iter(f"{W}lvlOverride"):
            ilvl = _int(override.get(f"{W}ilvl"), 0)
            start = override.find(f"{W}startOverride")
            if start is not None:
                restarts[ilvl] = _int(w_val(start), 0)
            levels.update(_levels(override))
        lists[num.get(f"{W}numId", "")] = _List(key, levels, restarts)
    return Numbering(lists)


def _levels(parent: etree._Element) -> dict[int, _Level]:
    levels = {}
    for lvl in parent.findall(f"{W}lvl"):
        number_format = w_val(lvl.find(f"{W}numFmt")) or "decimal"
        style = "" if number_format in _UNNUMBERED else NUMBER_STYLES.get(number_format, "1")
        levels[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(style, _int(w_val(lvl.find(f"{W}start")), 0))
    return levels


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default
