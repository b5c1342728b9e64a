"""PS102: an acronym the paper never spells out."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Callable, Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.glossary.model import Term
from plainspeak.rules.base import Rule, register
from plainspeak.terms.definitions import defined_terms
from plainspeak.terms.policy import accepted, terms_for_acronym, widely_known
from plainspeak.terms.uses import Use, acronym_uses, first_reader_use, glossary_uses, use_counts


@register
class UndefinedAcronym(Rule):
    """Flags the first use of an acronym that the paper never spells out.

    What it flags:
        Any word in capitals of two or more letters (BCF, iBCF, A&E, ICBs),
        or a letter-and-number code used more than once (C1), that the paper
        does not expand anywhere, at its first use in running text (or, if it
        is never used there, its first use outside headings), except
        the widely known ones (NHS, GP, UK). When a glossary knows the acronym
        its meaning is offered; when it knows several, all are listed. An
        acronym a glossary knows is an error; one it does not know (perhaps a
        local team's name) is a warning.

    Why it matters:
        An unexplained acronym is the surest way to lose a reader: there is no
        way to guess it.

    Example:
        The BCF plan goes to the ICB next month.

    Prefer:
        The Better Care Fund (BCF) plan goes to the Integrated Care Board (ICB)
        next month.
    """

    code = "PS102"
    name = "undefined-acronym"
    severity = Severity.ERROR
    options = {"unknown_severity": "warning"}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        defined = defined_terms(analysis)
        uses = acronym_uses(analysis)
        counts = use_counts(uses)
        # "S151 officer", "ASC precept": a glossary phrase holding the acronym is PS101's,
        # so the acronym's own first use is its first use outside such phrases.
        inside = _inside(glossary_uses(analysis, acronym_forms=False))
        bare = [use for use in uses if not inside(use)]
        for core, use in first_reader_use(analysis, bare).items():
            text = analysis.paper.text[use.start:use.end]
            if widely_known(analysis, core) or accepted(analysis, [core, text]):
                continue
            if not core[1:2].isalpha() and counts[core] < 2:
                continue  # a one-off code such as "C1" may be a label; a repeated one names something
            known = terms_for_acronym(analysis, core)
            if defined.find([core, text]):
                continue
            severity = self.severity if known else Severity.parse(self.option(analysis, "unknown_severity"))
            yield analysis.finding(
                type(self), use.start, use.end, _message(text, known),
                term=core, suggestion=_suggestion(known), severity=severity,
                extra={"meanings": [_meaning(t) for t in known]} if len(known) > 1 else None,
            )


def _inside(phrases: list[Use]) -> Callable[[Use], bool]:
    """A test of whether a use lies wholly inside one of ``phrases``."""
    spans = sorted((p.start, p.end) for p in phrases)
    starts = [start for start, _ in spans]
    furthest = list(accumulate((end for _, end in spans), max))

    def test(use: Use) -> bool:
        last = bisect_right(starts, use.start) - 1
        return last >= 0 and furthest[last] >= use.end

    return test


def _meaning(term: Term) -> str:
    scope = f" ({term.scope})" if term.scope else ""
    return f"{term.expansion or term.term}{scope}"


def _message(text: str, known: list[Term]) -> str:
    if len(known) > 1:
        options = "; ".join(_meaning(t) for t in known)
        return f"'{text}' is not spelled out in the paper; it can mean: {options}."
    return f"'{text}' is not spelled out in the paper; write it in full at its first use."


def _suggestion(known: list[Term]) -> str | None:
    if len(known) != 1:
        return None
    term = known[0]
    name = term.expansion or term.term
    return f"{name[:1].upper()}{name[1:]}: {term.definition}"
