"""The sentences and paragraphs readability rules look at, with their section's standard.

Only prose is graded: paragraphs, list items, notes and text boxes. Headings,
table cells, tables flattened into a paragraph and page furniture never are, and neither are sentences the
component marked not gradeable (fragments, lists of names, addresses).

A block is held to the *strict* standard when it sits under a heading named
in ``settings.strict_sections`` (executive summary, recommendations, decision
required…) or opens with such a label ("Recommendation(s): …"). Names match
case-insensitively and by containment (a label: by prefix), after "(s)", numbering and
punctuation are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainspeak.nlp.readability import features_of
from plainspeak.paper import Block, BlockKind
from plainspeak.readability.features import SentenceFeatures

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis
    from plainspeak.settings import Settings

PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.FOOTNOTE,
                         BlockKind.ENDNOTE, BlockKind.TEXT_BOX})
_NOISE = re.compile(r"\(s\)|[^a-z ]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a prose block, with paper offsets and its section's standard."""

    block: Block
    features: SentenceFeatures
    strict: bool

    @property
    def start(self) -> int:
        return self.block.start + self.features.start

    @property
    def end(self) -> int:
        return self.block.start + self.features.end


@dataclass(frozen=True, slots=True)
class Paragraph:
    block: Block
    sentences: tuple[SentenceFeatures, ...]
    strict: bool


def prose(analysis: "Analysis") -> list[Paragraph]:
    """Every prose block with all its sentences' features, computed once per paper."""
    def compute() -> list[Paragraph]:
        settings = analysis.settings
        return [
            Paragraph(block, tuple(features_of(doc)), is_strict(block, settings))
            for block, doc in analysis.blocks()
            if block.kind in PROSE_KINDS and not looks_like_table(block.text)
        ]
    return analysis.memo("readability.prose", compute)


def graded_sentences(analysis: "Analysis") -> list[Sentence]:
    """The gradeable sentences of the paper's prose, in reading order."""
    def compute() -> list[Sentence]:
        return [
            Sentence(paragraph.block, features, paragraph.strict)
            for paragraph in prose(analysis)
            for features in paragraph.sentences
            if features.gradeable
        ]
    return analysis.memo("readability.graded", compute)


def looks_like_table(text: str) -> bool:
    """A table flattened into one block ("Item | £m | Total"): judged as a table, not prose."""
    return text.count(" | ") >= 2 or text.count("\t") >= 2


def is_strict(block: Block, settings: "Settings") -> bool:
    """Whether ``block`` is in a part citizens read first."""
    names = _names(tuple(settings.strict_sections))
    section = _normalise(block.section)
    if section and any(name and name in section for name in names):
        return True
    # An inline label counts only when it opens the block and is short:
    # "Recommendation(s): Review the plan", not "We agreed the recommendation: ...".
    label = _normalise(block.text.split(":", 1)[0]) if ":" in block.text[:60] else ""
    return len(label.split()) <= 5 and any(name and label.startswith(name) for name in names)


@lru_cache(maxsize=8)
def _names(sections: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_normalise(name) for name in sections)


def _normalise(text: str) -> str:
    return " ".join(_NOISE.sub(" ", text.casefold()).split())
