"""PS203: a passive verb that hides or delays who acts."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.sentences import graded_sentences
from plainspeak.readability.voice import describe
from plainspeak.rules.base import Rule, register


@register
class PassiveVoice(Rule):
    """Flags passive verbs, and says who should be named as acting.

    What it flags:
        In the parts citizens read first (executive summary, recommendations,
        decision required), every passive verb: "was approved", "will be
        reviewed". Elsewhere, only sentences with two or more passives, where
        the reader has to guess who does what more than once (option
        ``min_per_sentence``; set ``everywhere: true`` to flag every one).
        "Is based in", "are pleased" and other states are not flagged.

    Why it matters:
        A passive can leave out who acted ("the decision was taken") or put
        them at the end ("by the Board"). Citizens reading a paper want to
        know who decides, who pays and who is responsible.

    Example:
        The funding was agreed and the contract will be awarded in May.

    Prefer:
        The Board agreed the funding, and the council will award the contract
        in May.
    """

    code = "PS203"
    name = "passive-voice"
    severity = Severity.SUGGESTION
    options = {"everywhere": False, "min_per_sentence": 2}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        everywhere = self.option(analysis, "everywhere")
        minimum = self.option(analysis, "min_per_sentence")
        for sentence in graded_sentences(analysis):
            passives = sentence.features.passives
            if not (sentence.strict or everywhere or len(passives) >= minimum):
                continue
            for passive in passives:
                start, end = sentence.block.start + passive.start, sentence.block.start + passive.end
                message, suggestion = describe(passive, analysis.paper.text[start:end])
                yield analysis.finding(type(self), start, end, message, suggestion=suggestion,
                                       extra={"agent": passive.agent})
