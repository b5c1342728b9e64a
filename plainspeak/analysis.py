"""What rules see: the paper, its parsed blocks, the glossaries and settings.

The pipeline annotates each block's ``Doc``; rules read those annotations
through an :class:`Analysis` and make findings with :meth:`Analysis.finding`,
which fills in the place a person can go to. Work that several rules share
(the paper's own definitions, say) is computed once with :meth:`memo`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

from plainspeak.findings import Finding, Location, Severity
from plainspeak.glossary.model import GlossarySet
from plainspeak.paper import Block, Paper
from plainspeak.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from plainspeak.rules.base import Rule

T = TypeVar("T")


@dataclass
class Analysis:
    paper: Paper
    docs: list["Doc"]  # one per entry in paper.blocks, same order
    glossaries: GlossarySet
    settings: Settings
    summary: dict[str, Any] = field(default_factory=dict)  # paper-level figures
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a shared result once per paper."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def blocks(self) -> Iterator[tuple[Block, "Doc"]]:
        return zip(self.paper.blocks, self.docs)

    def sentences(self) -> Iterator[tuple[Block, "Span"]]:
        """Every sentence of every block, in reading order."""
        for block, doc in self.blocks():
            for sent in doc.sents:
                yield block, sent

    def location(self, offset: int) -> Location:
        """The place of character ``offset`` of ``paper.text``."""
        block = self.paper.block_at(offset)
        if block is None:
            return Location(paragraph=0)
        within = offset - block.start
        place = block.place
        line = block.line_at(within)
        column = None
        if line is not None:
            starts = block.source.line_starts
            column = within - (starts[block.source.line_index(within)] if starts else 0) + 1
        return Location(
            paragraph=place.paragraph,
            page=block.page_at(within),
            line=line,
            column=column,
            table=place.table,
            row=place.row,
            cell=place.cell,
            section=block.section,
        )

    def context_of(self, offset: int) -> str:
        """The sentence around character ``offset``, or its block's text."""
        index = self.paper.block_index_at(offset)
        if index is None:
            return ""
        block = self.paper.blocks[index]
        doc = self.docs[index] if index < len(self.docs) else None
        if doc is not None:
            char = offset - block.start
            texts, starts, ends = self.memo(f"sentences:{index}", lambda: _sentences(doc, block.text))
            # The last sentence starting at or before ``char``: a walk from the first
            # sentence, and spaCy joining a sentence's words, for every finding grew
            # with findings times words in a long block. The same string comes back
            # for each finding in a sentence, so its fingerprint is worked out once.
            at = bisect_right(starts, char) - 1
            if at >= 0 and char < max(ends[at], starts[at] + 1):
                return texts[at]
        return block.text

    def finding(
        self,
        rule: type["Rule"],
        start: int,
        end: int,
        message: str,
        *,
        term: str | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
        extra: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding at paper offsets ``start:end``, placed and fingerprinted."""
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=severity or rule.severity,  # a configured severity is applied by the engine
            message=message,
            start=start,
            end=end,
            text=self.paper.text[start:end],
            location=self.location(start),
            term=term,
            suggestion=suggestion,
            context=self.context_of(start),
            extra=extra or {},
        )


def _sentences(doc: "Doc", text: str) -> tuple[list[str], list[int], list[int]]:
    """Each of the doc's sentences as ``text`` (its block's) has it, and where each starts and ends.

    The block's own text, not the doc's: the pipeline reads a copy with runs too
    long to be words blanked (at the same offsets), and reports quote the paper.
    """
    bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
    return [text[a:b] for a, b in bounds], [a for a, _ in bounds], [b for _, b in bounds]
