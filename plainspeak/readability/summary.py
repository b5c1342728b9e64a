"""The paper-level readability picture, for the summary every reporter shows.

:func:`summarise` returns ``{"readability": {...}}`` with these keys, all
over the paper's *graded* sentences (prose sentences that are not headings,
table cells, fragments or lists of names):

``sentences``
    How many sentences were graded.
``reading_age``
    UK reading age of the graded prose as a whole: the Flesch-Kincaid grade
    over all graded sentences (total words, sentences and syllables) plus
    five, to one decimal; ``None`` when nothing was graded.
``grade``
    The same as a US school grade.
``average_sentence_words``
    Mean words a sentence (plain-English practice: 15 to 20).
``hard_sentences`` / ``hard_share``
    Sentences that are hard under the options in force (over PS201's hard
    word limit or PS202's reading age), and their share of all graded
    sentences (0 to 1, three decimals).
``passive_share``
    Share of graded sentences with at least one passive verb (0 to 1).
``longest_sentence``
    ``{"words", "start", "end", "opening", "location"}``: its word count,
    paper offsets, first twelve words and location (as in a finding's JSON),
    or ``None``.
``profile``
    A list a reporter can draw, one entry per page (PDF) or else per run of
    blocks under the same section heading, in reading order:
    ``{"label", "sentences", "hard", "reading_age"}``; ``label`` is
    ``"page 3"`` or the section heading (``"(opening)"`` before the first).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from plainspeak.readability.sentences import Sentence, graded_sentences
from plainspeak.readability.words import fk_grade, reading_age

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis


def summarise(analysis: "Analysis") -> dict[str, Any]:
    """The readability figures for one paper, under the key ``readability``."""
    sentences = graded_sentences(analysis)
    hard = [s for s in sentences if is_hard(analysis, s)]
    passive = [s for s in sentences if s.features.passives]
    grade = _grade(sentences)
    total = len(sentences)
    return {"readability": {
        "sentences": total,
        "reading_age": None if grade is None else round(reading_age(grade), 1),
        "grade": None if grade is None else round(grade, 1),
        "average_sentence_words": round(sum(s.features.words for s in sentences) / total, 1) if total else None,
        "hard_sentences": len(hard),
        "hard_share": round(len(hard) / total, 3) if total else 0.0,
        "passive_share": round(len(passive) / total, 3) if total else 0.0,
        "longest_sentence": _longest(analysis, sentences),
        "profile": profile(analysis, sentences),
    }}


def is_hard(analysis: "Analysis", sentence: Sentence) -> bool:
    """Over the long-sentence hard limit, or over the hard-sentence reading age."""
    from plainspeak.rules.ps201_long_sentence import limits
    from plainspeak.rules.ps202_hard_sentence import HardSentence

    if sentence.features.words > limits(analysis, sentence.strict)[1]:
        return True
    limit = HardSentence.option_for(analysis, "max_reading_age", sentence.strict)
    return round(reading_age(sentence.features.grade)) > limit


def profile(analysis: "Analysis", sentences: list[Sentence]) -> list[dict[str, Any]]:
    """Difficulty by page when the paper has pages, else by section."""
    paged = any(s.block.place.page is not None for s in sentences)
    groups: list[tuple[str, list[Sentence]]] = []
    for sentence in sentences:
        # A paragraph carried over a page break counts on the page each sentence starts.
        page = sentence.block.page_at(sentence.features.start)
        label = f"page {page}" if paged else (sentence.block.section or "(opening)")
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(sentence)
    return [
        {"label": label, "sentences": len(members),
         "hard": sum(1 for s in members if is_hard(analysis, s)),
         "reading_age": round(reading_age(_grade(members) or 0.0), 1)}
        for label, members in groups
    ]


def _grade(sentences: list[Sentence]) -> float | None:
    if not sentences:
        return None
    words = sum(s.features.words for s in sentences)
    syllables = sum(s.features.syllables for s in sentences)
    return fk_grade(words, len(sentences), syllables)


def _longest(analysis: "Analysis", sentences: list[Sentence]) -> dict[str, Any] | None:
    if not sentences:
        return None
    longest = max(sentences, key=lambda s: s.features.words)
    location = {k: v for k, v in asdict(analysis.location(longest.start)).items() if v not in (None, "")}
    opening = " ".join(analysis.paper.text[longest.start : longest.end].split()[:12])
    return {"words": longest.features.words, "start": longest.start, "end": longest.end,
            "opening": opening, "location": location}
