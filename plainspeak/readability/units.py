"""Number formats and units across a whole paper, for PS302 and PS303."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from plainspeak.paper import Block, BlockKind
from plainspeak.readability.lists import unit_markers
from plainspeak.readability.sentences import prose

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis

STYLE_NAMES = {"suffix": "with 'm', 'k' or 'bn'", "words": "with 'million' or 'thousand' in words",
               "digits": "in full figures", "slash": "with a slash", "dash": "with a dash", "fy": "as 'FY'"}
# The word that explains each unit or suffix, and the pattern of the unit in text.
SCALE_WORDS = {"k": "thousand", "000": "thousand", "m": "million", "mn": "million", "bn": "billion"}
# "£000" or "£m" as a unit, or the "k", "m" or "bn" after a sum ("£4.2m").
UNIT_HEADER = re.compile(r"£\s?'?(?P<unit>000|k|m|mn|bn)s?\b(?!\s?\d)"
                         r"|£\s?\d[\d,]*(?:\.\d+)?\s?(?P<suffix>k|m|mn|bn)\b")
_NUMERIC_CELL = re.compile(r"^[(\-–]?[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?%?\)?$")


@dataclass(frozen=True, slots=True)
class Use:
    """One written figure in the paper: paper offsets, the family it belongs to and its style."""

    start: int
    end: int
    family: str  # "money-millions", "money-thousands" or "financial-year"
    style: str


def figure_uses(analysis: "Analysis") -> list[Use]:
    """Every styled figure in the paper's prose, in order."""
    uses = []
    for paragraph in prose(analysis):
        for sentence in paragraph.sentences:
            for figure in sentence.figures:
                family = f"money-{figure.magnitude}" if figure.kind == "money" else "financial-year"
                if figure.style:
                    style = figure.style.split("-")[0]
                    start = paragraph.block.start + figure.start
                    uses.append(Use(start, paragraph.block.start + figure.end, family, style))
    return uses


def minority_uses(uses: list[Use]) -> Iterator[tuple[Use, Counter]]:
    """For each family written in more than one style, the first use of each rarer style."""
    for family in dict.fromkeys(u.family for u in uses):
        members = [u for u in uses if u.family == family]
        counts = Counter(u.style for u in members)
        if len(counts) < 2:
            continue
        common = counts.most_common(1)[0][0]
        for style in counts:
            if style != common:
                yield next(u for u in members if u.style == style), counts


def explained(text: str, unit: str) -> bool:
    """Whether the paper says the word a unit stands for (thousand, million, billion)."""
    word = SCALE_WORDS[unit]
    return re.search(rf"\b{word}s?\b", text, re.IGNORECASE) is not None


def tables(analysis: "Analysis") -> dict[int, list[Block]]:
    """Table number -> its cells, in order."""
    found: dict[int, list[Block]] = {}
    for block in analysis.paper.blocks:
        if block.kind is BlockKind.TABLE_CELL and block.place.table is not None:
            found.setdefault(block.place.table, []).append(block)
    return found


def table_lacks_units(cells: list[Block], caption: str) -> Block | None:
    """The first big figure of a table that nowhere says what its figures are in."""
    numeric = [c for c in cells if _NUMERIC_CELL.match(c.text.strip())]
    big = [c for c in numeric if len(re.sub(r"\D", "", c.text)) >= 4 or "." in c.text]
    if len(numeric) < 4 or not big:
        return None
    words = " ".join([caption, *(c.text for c in cells)])
    if re.search(r"[£$€%]", words):
        return None
    tokens = {t.strip("().,:;[]'").lower() for t in words.split()}
    return None if tokens & unit_markers() else big[0]
