"""PS105: a wordy or formal phrase with plainer wording."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.verbforms import past_participle, past_tense, present_participle, third_person
from plainspeak.rules.base import Rule, register
from plainspeak.terms.uses import is_prose


@register
class PlainAlternative(Rule):
    """Flags phrases that have plainer wording, once per phrase.

    What it flags:
        The first use in running text of a phrase from the plain-alternatives
        list (going forward, utilise, in order to), with the plainer words to
        use instead. Headings are left alone, and so are phrases that are also
        glossary terms (stakeholder, deep dive): PS101 explains those.

    Why it matters:
        Office phrases add length without meaning, and some readers will not
        know them at all.

    Example:
        Going forward, we will utilise the fund in order to reduce waiting times.

    Prefer:
        From now on, we will use the fund to reduce waiting times.
    """

    code = "PS105"
    name = "plain-alternative"
    severity = Severity.SUGGESTION

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        plainer = {a.phrase: a for a in analysis.glossaries.alternatives}
        seen: set[str] = set()
        for block, doc in analysis.blocks():
            if not is_prose(block):
                continue
            terms = [(s, e) for s, e, *_ in doc._.plainspeak_terms or []]
            for start, end, phrase in doc._.plainspeak_alternatives or []:
                alternative = plainer.get(phrase)
                if alternative is None or phrase in seen or any(s < end and start < e for s, e in terms):
                    continue  # a glossary term is PS101's: one finding, with its definition
                seen.add(phrase)
                span = doc.char_span(start, end)
                tag = span[0].tag_ if span is not None and len(span) == 1 else ""
                instead = [inflected(w, tag) for w in alternative.say_instead]
                words = " or ".join(f"'{w}'" for w in instead)
                yield analysis.finding(
                    type(self), block.start + start, block.start + end,
                    f"'{block.text[start:end]}' has plainer wording: {words}.",
                    term=phrase, suggestion=instead[0] if instead else None,
                )


# A one-word verb keeps its form in the suggestion: "allocated" -> "given", not "give".
_FORMS = {"VBD": past_tense, "VBN": past_participle, "VBG": present_participle, "VBZ": third_person}


def inflected(plainer: str, tag: str) -> str:
    """``plainer`` ("give", "share out") in the form of the verb it stands for (tag ``tag``), its first word inflected."""
    form = _FORMS.get(tag)
    if form is None or not plainer:
        return plainer
    first, _, rest = plainer.partition(" ")
    return f"{form(first)} {rest}".strip()
