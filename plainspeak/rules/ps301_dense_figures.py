"""PS301: too many sums, percentages or dates in one sentence."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.sentences import graded_sentences
from plainspeak.rules.base import Rule, register


@register
class DenseFigures(Rule):
    """Flags sentences that ask a reader to hold several figures at once.

    What it flags:
        A sentence of running text with 4 or more figures: sums of money,
        percentages, dates, financial years and large numbers. Numbers that
        label a part of the paper ("paragraph 3.2", "Appendix 1") and small
        counts are not figures. Tables are not checked: a table is the
        right home for many figures.

    Why it matters:
        Each figure is something to remember while reading on. Past three or
        so, readers stop following the sentence and start decoding it.

    Example:
        Spending was £4.2m in 2023/24, 12% above the £3.75m budget, against
        a forecast of £3.9m.

    Prefer:
        We spent £4.2 million last year. That was 12% more than planned.
        (Put the rest in a small table.)
    """

    code = "PS301"
    name = "dense-figures"
    severity = Severity.WARNING
    options = {"max_figures": 3}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        limit = self.option(analysis, "max_figures")
        for sentence in graded_sentences(analysis):
            figures = sentence.features.figures
            if len(figures) <= limit:
                continue
            block_start = sentence.block.start
            shown = ", ".join(f"'{analysis.paper.text[block_start + f.start : block_start + f.end]}'"
                              for f in figures[:5])
            yield analysis.finding(
                type(self), sentence.start, sentence.end,
                f"Too many figures: {len(figures)} in one sentence ({shown}{', …' if len(figures) > 5 else ''}).",
                suggestion="Give one or two figures a sentence, round them, and put the rest in a table.",
                extra={"figures": len(figures)},
            )
