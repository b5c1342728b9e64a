"""PS202: a sentence whose reading age is far above the readers'."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.sentences import graded_sentences
from plainspeak.readability.words import READING_AGE_SHOWN_UP_TO, reading_age, reading_age_text, syllables_in
from plainspeak.rules.base import Rule, register
from plainspeak.rules.ps201_long_sentence import limits


@register
class HardSentence(Rule):
    """Flags sentences that need a high reading age, mostly from long words.

    What it flags:
        A sentence whose UK reading age (Flesch-Kincaid grade, as textstat
        computes it, plus five) is over 21 (US grade 16, a graduate reader),
        or over 18 in the parts citizens read first. A sentence already flagged as long (PS201, over its
        lower limit) is left to that rule: its grade comes mostly from its
        length, and splitting it is the one fix. So this rule finds shorter
        sentences packed with long words.

    Why it matters:
        The average UK reading age is often given as about 9 to 11, and
        public-sector guidance aims papers for the public there. One
        sentence's grade is a rough measure, so only sentences far past that
        are flagged: a reading age over 21 asks for a graduate reader.

    Example:
        Operational resilience arrangements necessitate comprehensive
        organisational prioritisation.

    Prefer:
        To keep services running, every team needs to agree what comes first.
    """

    code = "PS202"
    name = "hard-sentence"
    severity = Severity.SUGGESTION
    options = {"max_reading_age": 21, "strict_max_reading_age": 18, "skip_long": True}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        skip_long = self.option(analysis, "skip_long")
        for sentence in graded_sentences(analysis):
            limit = self.option_for(analysis, "max_reading_age", sentence.strict)
            age = reading_age(sentence.features.grade)
            if round(age) <= limit:  # judged as shown: "reading age 18" is never over 18
                continue
            if skip_long and sentence.features.words > limits(analysis, sentence.strict)[0]:
                continue
            text = analysis.paper.text[sentence.start : sentence.end]
            aim = f", where {limit} or under is the aim here" if round(age) <= READING_AGE_SHOWN_UP_TO else ""
            yield analysis.finding(
                type(self), sentence.start, sentence.end,
                f"Hard to read: {reading_age_text(age)}{aim}.",
                suggestion=word_advice(text),
                extra={"reading_age": round(age, 1), "grade": sentence.features.grade},
            )


def word_advice(text: str) -> str:
    """Name the longest everyday words, the ones to replace first.

    Capitalised words inside the sentence are names ("Joint Delivery Plan")
    the writer cannot change; a word is named once, however it is written.
    """
    pieces = text.replace("/", " ").split()
    words: dict[str, str] = {}
    for index, piece in enumerate(pieces):
        word = piece.strip(".,;:()'\"“”‘’")
        if word and (index == 0 or not word[:1].isupper()) and syllables_in(word) >= 4:
            words.setdefault(word.lower(), word)
    long_words = sorted(words.values(), key=lambda w: (-syllables_in(w), w.lower()))
    if not long_words:
        return "Use shorter, everyday words, and fewer of them."
    quoted = [f"'{w}'" for w in long_words[:3]]
    shown = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    return f"Find everyday words for {shown}."
