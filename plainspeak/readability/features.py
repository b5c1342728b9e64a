"""Per-sentence readability features, as plain data a rule can read.

:func:`sentence_features` is what the ``plainspeak_readability`` component
stores for each sentence of a block. Offsets are characters of the block's
text (the Doc); rules add the block's start to place findings in the paper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from plainspeak.readability.figures import Figure, figures_in
from plainspeak.readability.hidden_verbs import HiddenVerb
from plainspeak.readability.passive import Passive, passives_in
from plainspeak.readability.words import fk_grade, syllables_in, words_of

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What a reader meets in one sentence.

    ``start``/``end`` cover the sentence from its first counted word (a
    paragraph number or bullet before it is left out). ``finite`` is None
    when the pipeline has no tagger to say. ``gradeable`` is False for
    fragments, lists of names and addresses: they are never graded.
    """

    start: int
    end: int
    words: int
    syllables: int
    grade: float
    finite: bool | None
    gradeable: bool
    passives: tuple[Passive, ...] = ()
    figures: tuple[Figure, ...] = ()
    hidden_verbs: tuple[HiddenVerb, ...] = field(default=())

    @property
    def counted_figures(self) -> int:
        """Figures a reader must hold in mind: sums, percentages, dates, numbers."""
        return len(self.figures)


@dataclass(frozen=True, slots=True)
class Gate:
    """When a sentence is long enough, and sentence-like enough, to grade."""

    min_words: int = 8
    verbless_max_words: int = 30
    names_share: float = 0.7


def sentence_features(sent: "Span", gate: Gate, hidden: list[HiddenVerb]) -> SentenceFeatures:
    """The features of one sentence; ``hidden`` are the doc's hidden verbs."""
    words = words_of(sent)
    if not words:
        return SentenceFeatures(sent.start_char, sent.end_char, 0, 0, 0.0, None, False)
    start, end = words[0].start, _end_with_punctuation(sent, words[-1].end)
    syllables = sum(syllables_in(word.text) for word in words)
    finite = _has_finite_verb(sent)
    gradeable = _gradeable(words, finite, gate)
    return SentenceFeatures(
        start=start,
        end=end,
        words=len(words),
        syllables=syllables,
        grade=round(fk_grade(len(words), 1, syllables), 2),
        finite=finite,
        gradeable=gradeable,
        passives=tuple(passives_in(sent)),
        figures=tuple(figures_in(sent.doc.text[start:end], start)),
        hidden_verbs=tuple(h for h in hidden if start <= h.start < end),
    )


def _end_with_punctuation(sent: "Span", last_word_end: int) -> int:
    """Keep the closing full stop (or ? !) in the sentence's span."""
    text = sent.doc.text
    end = last_word_end
    while end < sent.end_char and text[end] in ".?!)\"'’”":
        end += 1
    return end


def _has_finite_verb(sent: "Span") -> bool | None:
    doc = sent.doc
    if doc.has_annotation("MORPH"):
        if any("Fin" in t.morph.get("VerbForm") for t in sent):
            return True
    if doc.has_annotation("TAG"):
        return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent)
    return None if not doc.has_annotation("MORPH") else False


def _gradeable(words: list, finite: bool | None, gate: Gate) -> bool:
    if len(words) < gate.min_words:
        return False
    if finite is False and len(words) <= gate.verbless_max_words:
        return False
    return not _looks_like_names(words, gate.names_share)


def _looks_like_names(words: list, share: float) -> bool:
    """A list of names, titles or an address: mostly capitalised words or figures."""
    rest = [w.text for w in words[1:]]
    capitalised = sum(1 for w in rest if w[:1].isupper() or w[:1].isdigit())
    return bool(rest) and capitalised / len(rest) >= share
