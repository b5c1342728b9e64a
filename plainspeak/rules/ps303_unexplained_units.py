"""PS303: figures whose unit or scale the paper never explains."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.paper import BlockKind
from plainspeak.readability.units import SCALE_WORDS, UNIT_HEADER, explained, table_lacks_units, tables
from plainspeak.rules.base import Rule, register


@register
class UnexplainedUnits(Rule):
    """Flags units and scales a reader is not told: "£000", "£m", "£4k", bare tables.

    What it flags:
        The first "£000", "£'000", "£k", "£m" or "£bn" (as a unit, or as the
        "k", "m" or "bn" after a sum) when the paper never writes the word it
        stands for ("thousand", "million", "billion"); and a table of large
        figures that nowhere says what they are in (no £, %, "thousands",
        "people" and the like in the table or the line before it).

    Why it matters:
        "£000" means the figures are in thousands of pounds, so "4,200" is
        £4.2 million: a reader who is not told reads it as £4,200.

    Example:
        Budget (£000): 4,200

    Prefer:
        Budget (£ thousands): 4,200. Or say once, near the top: "£000 means
        thousands of pounds; £m means millions of pounds."
    """

    code = "PS303"
    name = "unexplained-units"
    severity = Severity.SUGGESTION

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from self._scales(analysis)
        yield from self._tables(analysis)

    def _scales(self, analysis: Analysis) -> Iterable[Finding]:
        text, seen = analysis.paper.text, set()
        for match in UNIT_HEADER.finditer(text):
            unit = match.group("unit") or match.group("suffix")
            word = SCALE_WORDS[unit]
            if word in seen:
                continue
            seen.add(word)  # explained or flagged, one look at each word is enough
            if explained(text, unit):
                continue
            written = match.group()
            if match.group("unit"):
                message = f"Unexplained unit: the paper never says what '{written}' means."
                suggestion = f"Say once, where it first appears, that it means {word}s of pounds."
            else:
                message = f"Unexplained unit: the paper never says what the '{unit}' in '{written}' stands for."
                suggestion = f"Write the word in full at least once: '{_in_words(written, unit, word)}'."
            yield analysis.finding(type(self), match.start(), match.end(), message, term=written,
                                   suggestion=suggestion)

    def _tables(self, analysis: Analysis) -> Iterable[Finding]:
        blocks = analysis.paper.blocks
        for number, cells in tables(analysis).items():
            first = blocks.index(cells[0])
            before = next((b.text for b in reversed(blocks[:first]) if b.kind is not BlockKind.TABLE_CELL), "")
            cell = table_lacks_units(cells, before)
            if cell is not None:
                yield analysis.finding(
                    type(self), cell.start, cell.end,
                    f"Table {number} gives figures without saying what they are in.",
                    suggestion="Say the unit in the column heading or caption: '£', '£ thousands', '%', 'people'.",
                )


def _in_words(written: str, unit: str, word: str) -> str:
    """"£80.9m" -> "£80.9 million"."""
    return f"{written[: len(written) - len(unit)].rstrip()} {word}"
