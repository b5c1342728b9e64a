"""Per-sentence readability features, as plain data a rule can read.

:func:`sentence_features` is what the ``plainspeak_readability`` component
stores for each sentence of a block. Offsets are characters of the block's
text (the Doc); rules add the block's start to place findings in the paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import SENT_START

from plainspeak.readability.docfacts import DocFacts
from plainspeak.readability.figures import Figure
from plainspeak.readability.hidden_verbs import HiddenVerb
from plainspeak.readability.passive import Passive, passives_in
from plainspeak.readability.words import fk_grade, syllables_in, word_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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


_ENDINGS = ".?!…:;"
_CLOSERS = ")]\"'’”"


def reader_sentences(doc: "Doc", text: str) -> list["Span"]:
    """The doc's sentences as a reader sees them.

    A parser trained on web text sometimes ends a sentence where no reader
    would: before "£", after a bracket, after a paragraph number alone
    ("7."), or before a word in lower case ("e.g. the plan"). A sentence is
    joined to the one before when that one does not end with a full stop,
    question mark, colon or the like, is only a list marker, or when it
    starts in lower case.
    """
    spans: list["Span"] = []
    wordless = False  # the last span has no letter or digit
    for sent in _sentences(doc):
        words = any(ch.isalnum() for ch in text[sent.start_char : sent.end_char])
        if spans and (wordless or _continues(spans[-1], sent, text)):
            spans[-1] = doc[spans[-1].start : sent.end]
            wordless = wordless and not words
        else:
            spans.append(sent)
            wordless = not words
    return spans


def _sentences(doc: "Doc") -> list["Span"]:
    """``doc.sents`` from one array read: spaCy's own walk builds an object per token."""
    if not len(doc):
        return []
    starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    bounds = sorted({0, *starts, len(doc)})
    return [doc[a:b] for a, b in zip(bounds, bounds[1:])]


# Only the end of the sentence before is read: a list marker or a sentence's last
# mark is a few characters, and reading the whole of a span that grows with each
# sentence joined to it made a paragraph's time grow with its square.
_TAIL_CHARS = 200


def _continues(previous: "Span", sent: "Span", text: str) -> bool:
    """Whether ``sent`` belongs to ``previous``, a span with a letter or digit in it."""
    before = text[max(previous.start_char, previous.end_char - _TAIL_CHARS) : previous.end_char].strip()
    if not before or _MARKER_ONLY.match(before):
        return True
    if text[sent.start_char : sent.start_char + 1].islower():
        return True
    last = before.rstrip(_CLOSERS)[-1:] if before.rstrip(_CLOSERS) else ""
    return last not in _ENDINGS


_MARKER_ONLY = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,4}\)|[a-z]\.)$")


def sentence_features(sent: "Span", gate: Gate, hidden: list[HiddenVerb], doc_text: str,
                      facts: DocFacts) -> SentenceFeatures:
    """The features of one sentence.

    ``hidden`` are the doc's hidden verbs, ``doc_text`` its text and
    ``facts`` what :func:`~plainspeak.readability.docfacts.doc_facts` found in the whole doc. Syllables,
    grade, passives and hidden verbs are only worked out for a sentence that
    is graded: nothing reads them otherwise.
    """
    words = word_spans(doc_text, sent.start_char, sent.end_char)
    if not words:
        return SentenceFeatures(sent.start_char, sent.end_char, 0, 0, 0.0, None, False)
    start, end = words[0][0], _end_with_punctuation(sent, words[-1][1], doc_text)
    figures = tuple(f for f in facts.figures if start <= f.start < end)
    finite = facts.finite(sent.start, sent.end)
    # A tagger can miss a rare verb ("necessitate"); a writer who closed the
    # words with a full stop meant a sentence, so only unclosed runs are fragments.
    closed = doc_text[start:end].rstrip(_CLOSERS)[-1:] in ".?!"
    texts = [doc_text[a:b] for a, b in words]
    if not _gradeable(texts, finite is False and not closed, gate):
        return SentenceFeatures(start, end, len(words), 0, 0.0, finite, False, figures=figures)
    syllables = sum(map(syllables_in, texts))
    return SentenceFeatures(
        start=start,
        end=end,
        words=len(words),
        syllables=syllables,
        grade=round(fk_grade(len(words), 1, syllables), 2),
        finite=finite,
        gradeable=True,
        passives=tuple(passives_in(sent, facts.passive_heads)),
        figures=figures,
        hidden_verbs=tuple(h for h in hidden if start <= h.start < end),
    )


def _end_with_punctuation(sent: "Span", last_word_end: int, text: str) -> int:
    """Keep the closing full stop (or ? !) in the sentence's span."""
    end = last_word_end
    while end < sent.end_char and text[end] in ".?!)\"'’”":
        end += 1
    return end


def _gradeable(words: list, verbless: bool, gate: Gate) -> bool:
    if len(words) < gate.min_words:
        return False
    if verbless and len(words) <= gate.verbless_max_words:
        return False
    return not _looks_like_names(words, gate.names_share)


def _looks_like_names(words: list[str], share: float) -> bool:
    """A list of names, titles or an address: mostly capitalised words or figures."""
    rest = words[1:]
    capitalised = sum(1 for w in rest if w[:1].isupper() or w[:1].isdigit())
    return bool(rest) and capitalised / len(rest) >= share
