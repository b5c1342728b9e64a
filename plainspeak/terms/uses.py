"""Where terms are used: running text versus headings, and first uses in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from plainspeak.loaders.labels import is_label_line
from plainspeak.paper import Block, BlockKind

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis

_CAPITALISED = re.compile(r"^[A-Z&(]")
_FIGURE = re.compile(r"^[(£$€]*[0-9]")
_NOT_RUNNING = (BlockKind.HEADING, BlockKind.HEADER, BlockKind.FOOTER)


def is_running_text(block: Block) -> bool:
    """Prose a reader reads, not a heading or a title line written in capitals."""
    if block.kind in _NOT_RUNNING:
        return False
    words = block.text.split()
    if not words or block.text.rstrip().endswith((".", "?", "!", ";", ",")) or len(words) > 40:
        return bool(words)
    # Sums and figures say nothing about case: "Primary care | £907.812" is a table row
    # of running words, "Annual Report 2024/25" a title.
    longer = [w for w in words if len(w) > 3 and not _FIGURE.match(w)]
    capitalised = sum(bool(_CAPITALISED.match(w)) for w in longer)
    return not (longer and capitalised >= 0.6 * len(longer))


def is_prose(block: Block) -> bool:
    """Running text that is not a table: where wording, not just words, is judged."""
    return (is_running_text(block) and block.kind is not BlockKind.TABLE_CELL
            and block.text.count("|") < 2 and " | " not in block.text)  # a table row, flattened


@dataclass(frozen=True, slots=True)
class Use:
    """One occurrence of a term in the paper."""

    start: int  # paper offsets
    end: int
    key: str  # what groups occurrences: a glossary key, an acronym, a phrase
    running: bool  # in running text (not a heading or title line)
    block: int  # index of the block


def block_offsets(analysis: "Analysis") -> Iterator[tuple[int, Block, bool]]:
    for index, block in enumerate(analysis.paper.blocks):
        yield index, block, is_running_text(block)


def glossary_uses(analysis: "Analysis", acronym_forms: bool) -> list[Use]:
    """Matches of glossary forms, acronym-shaped ones or word ones, in reading order."""
    def compute() -> list[Use]:
        uses = []
        for index, block, running in block_offsets(analysis):
            for start, end, key, is_acronym in analysis.docs[index]._.plainspeak_terms or []:
                uses.append((bool(is_acronym), Use(block.start + start, block.start + end, key, running, index)))
        return uses

    every = analysis.memo("glossary-uses", compute)
    return [use for is_acronym, use in every if is_acronym == acronym_forms]


def acronym_uses(analysis: "Analysis") -> list[Use]:
    """Every acronym-shaped token, keyed by its core (``ICBs`` -> ``ICB``)."""
    def compute() -> list[Use]:
        uses = []
        for index, block, running in block_offsets(analysis):
            for start, end, core in analysis.docs[index]._.plainspeak_acronyms or []:
                uses.append(Use(block.start + start, block.start + end, core, running, index))
        return uses

    return analysis.memo("acronym-uses", compute)


def first_running(uses: list[Use]) -> dict[str, Use]:
    """The first use in running text of each key."""
    return _first([use for use in uses if use.running])


def _first(uses: list[Use]) -> dict[str, Use]:
    first: dict[str, Use] = {}
    for use in uses:
        if use.key not in first:
            first[use.key] = use
    return first


def first_reader_use(analysis: "Analysis", uses: list[Use]) -> dict[str, Use]:
    """The first use of each key in running text or on a label line, else its first use outside headings.

    A label line ("ABU: Neighbourhood Teams; Home Ward Frailty") is read as
    a line of text however many names it lists, so an acronym first met
    there is flagged there, not at a later sentence. An acronym seen only on
    a title line in capitals still reaches the reader there.
    """
    blocks = analysis.paper.blocks
    first = _first([use for use in uses if use.running or _on_label_line(blocks[use.block])])
    for use in uses:
        if use.key not in first and blocks[use.block].kind not in _NOT_RUNNING:
            first[use.key] = use
    return dict(sorted(first.items(), key=lambda item: item[1].start))


def _on_label_line(block: Block) -> bool:
    return block.kind not in _NOT_RUNNING and is_label_line(block.text)


def use_counts(uses: list[Use]) -> dict[str, int]:
    """How many times each key is used."""
    counts: dict[str, int] = {}
    for use in uses:
        counts[use.key] = counts.get(use.key, 0) + 1
    return counts
