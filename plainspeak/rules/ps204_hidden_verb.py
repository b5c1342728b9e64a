"""PS204: an action buried in a noun ("make a decision on", "the implementation of")."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.sentences import graded_sentences
from plainspeak.rules.base import Rule, register


@register
class HiddenVerb(Rule):
    """Flags nominalisations: verbs turned into nouns with a weak verb to carry them.

    What it flags:
        Phrases from the hidden-verb list ("make a decision on", "carry out
        a review of", "be in receipt of") in any tense, and "the <noun> of"
        where the noun hides an everyday verb ("the implementation of",
        "the provision of").

    Why it matters:
        A hidden verb makes a sentence longer and more abstract, and often
        hides who does the action. The verb itself is shorter and clearer.

    Example:
        The committee will make a decision on the implementation of the new
        charging policy.

    Prefer:
        The committee will decide how to bring in the new charging policy.
    """

    code = "PS204"
    name = "hidden-verb"
    severity = Severity.SUGGESTION

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for sentence in graded_sentences(analysis):
            for hidden in sentence.features.hidden_verbs:
                start, end = sentence.block.start + hidden.start, sentence.block.start + hidden.end
                phrase = analysis.paper.text[start:end]
                yield analysis.finding(
                    type(self), start, end,
                    f"Hidden verb: '{phrase}' buries the action in a noun.",
                    term=phrase.lower(),
                    suggestion=f"Use the verb: '{hidden.verb}'.",
                )
