"""PS205: a paragraph too long to take in at one go."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.sentences import prose
from plainspeak.rules.base import Rule, register


@register
class LongParagraph(Rule):
    """Flags paragraphs with too many words or sentences.

    What it flags:
        A paragraph of more than 150 words or more than 8 sentences; in the
        parts citizens read first, more than 100 words or 5 sentences.
        Headings and table cells are not paragraphs.

    Why it matters:
        Short paragraphs with one point each let a reader find their place
        and see where one idea ends. A wall of text on a screen or a
        printed agenda pack is where readers give up.

    Example:
        A single paragraph covering the budget, the consultation, the risks
        and the timetable.

    Prefer:
        One paragraph for each, with its point in the first sentence.
    """

    code = "PS205"
    name = "long-paragraph"
    severity = Severity.SUGGESTION
    options = {"max_words": 150, "max_sentences": 8, "strict_max_words": 100, "strict_max_sentences": 5}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for paragraph in prose(analysis):
            max_words = self.option_for(analysis, "max_words", paragraph.strict)
            max_sentences = self.option_for(analysis, "max_sentences", paragraph.strict)
            counted = [s for s in paragraph.sentences if s.words]
            words = sum(s.words for s in counted)
            # Fragments (a label, a short bullet) are not sentences a reader has to parse.
            sentences = sum(1 for s in counted if s.gradeable)
            if words <= max_words and sentences <= max_sentences:
                continue
            block = paragraph.block
            yield analysis.finding(
                type(self), block.start + counted[0].start, block.start + counted[-1].end,
                f"Long paragraph: {words} words in {sentences} sentences "
                f"(over {max_words} words or {max_sentences} sentences).",
                suggestion="Break it into shorter paragraphs, one point each, with the point first.",
                extra={"words": words, "sentences": sentences},
            )
