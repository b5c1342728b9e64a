"""PS302: the same kind of figure written in different ways in one paper."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.readability.units import STYLE_NAMES, figure_uses, minority_uses
from plainspeak.rules.base import Rule, register

_FAMILIES = {"money-millions": "Sums of a million or more",
             "money-thousands": "Sums between ten thousand and a million",
             "financial-year": "Financial years"}


@register
class MixedNumberFormats(Rule):
    """Flags a paper that writes the same kind of figure in two or more ways.

    What it flags:
        Sums of the same size written differently in running text ("£4.2m"
        and "£4,200,000"; "£500k" and "£500,000") and financial years written
        differently ("2024/25", "2024-25", "FY25"). One finding for each
        rarer way, at its first use. Tables are left alone: full figures in a
        table beside "£4.2m" in the text are normal. So are sums under
        £10,000, which are written in full whatever the paper does with
        larger ones ("£1,200 a week").

    Why it matters:
        A reader comparing "£4.2m" with "£4,200,000" has to stop and work out
        that they are the same kind of number, and may wonder whether "FY25"
        and "2024/25" are the same year.

    Example:
        The scheme costs £1.2m this year. Last year it cost £950,000, and the
        plan for 2025-26 allows £1,300,000 (FY26).

    Prefer:
        Pick one way and keep to it: "£1.2 million", "£1.3 million",
        "2025/26".
    """

    code = "PS302"
    name = "mixed-number-formats"
    severity = Severity.SUGGESTION

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for use, counts in minority_uses(figure_uses(analysis)):
            ways = ", ".join(f"{n} {STYLE_NAMES[s]}" for s, n in counts.most_common())
            yield analysis.finding(
                type(self), use.start, use.end,
                f"{_FAMILIES[use.family]} are written {len(counts)} ways in this paper: {ways}.",
                suggestion="Write this one the way the paper writes most of them.",
                extra={"styles": dict(counts)},
            )
