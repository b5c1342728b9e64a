"""PS201: a sentence longer than plain-English practice advises."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.sentences import graded_sentences
from plainspeak.readability.words import reading_age, reading_age_text
from plainspeak.rules.base import Rule, register


@register
class LongSentence(Rule):
    """Flags sentences with more words than a reader can hold at once.

    What it flags:
        A sentence of more than 30 words (a warning), or more than 25 (a
        suggestion). In the parts citizens read first (the executive summary,
        the recommendations, the decision required) the limits are 25 and 20.
        Paragraph numbers and bullets are not counted as words.

    Why it matters:
        Plain-English practice (the Plain English Campaign; Cutts, *Oxford
        Guide to Plain English*) advises an average of 15 to 20 words a
        sentence, and GOV.UK content guidance sentences of 25 words or fewer.
        Past about 30 words most readers lose the thread and re-read.

    Example:
        The Board is asked to note the plan, which has been developed with
        partners across the system, and to approve the submission of the
        assurance statement to the ICB by the end of the month.

    Prefer:
        The Board is asked to note the plan. We wrote it with our partners.
        The Board is also asked to approve the statement we send to the ICB
        by the end of the month.
    """

    code = "PS201"
    name = "long-sentence"
    severity = Severity.WARNING
    options = {"soft_limit": 25, "hard_limit": 30, "strict_soft_limit": 20, "strict_hard_limit": 25}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for sentence in graded_sentences(analysis):
            soft, hard = limits(analysis, sentence.strict)
            words = sentence.features.words
            if words <= soft:
                continue
            over_hard = words > hard
            limit = hard if over_hard else soft
            where = " in a part citizens read first" if sentence.strict else ""
            age = reading_age(sentence.features.grade)
            yield analysis.finding(
                type(self), sentence.start, sentence.end,
                f"Long sentence: {words} words (over {limit}{where}; {reading_age_text(age)}).",
                suggestion=split_advice(analysis.paper.text[sentence.start : sentence.end]),
                severity=Severity.WARNING if over_hard else Severity.SUGGESTION,
                extra={"words": words, "reading_age": round(age, 1)},
            )


def limits(analysis: Analysis, strict: bool) -> tuple[int, int]:
    """The (soft, hard) word limits in force for a sentence."""
    return (LongSentence.option_for(analysis, "soft_limit", strict),
            LongSentence.option_for(analysis, "hard_limit", strict))


def split_advice(text: str) -> str:
    """Where this sentence could be split, in words a writer can act on."""
    if ";" in text:
        return "Split it at the semicolon, and make each part a sentence of its own."
    if ", which " in text or ", who " in text:
        return "Make the 'which …' or 'who …' part a sentence of its own."
    return "Split it into two or three sentences, one point in each."
