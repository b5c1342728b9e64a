"""PS107: a term used many pages after the paper explained it."""

from __future__ import annotations

from typing import Iterable

from plainspeak.analysis import Analysis
from plainspeak.findings import Finding, Severity
from plainspeak.rules.base import Rule, register
from plainspeak.terms.order import judged_definitions, occurrences


@register
class DefinedFarFromUse(Rule):
    """Flags a term used many pages after its only explanation.

    What it flags:
        In a long paper, the first use of a term more than ``max_pages`` pages
        after the page that first explained it. Off by default, and papers shorter than ``min_pages``
        are skipped.

    Why it matters:
        Few readers remember an explanation from ten pages back, and papers
        are often read a section at a time.

    Example:
        "Better Care Fund (BCF)" on page 2, then "the BCF" alone on page 19.

    Prefer:
        Spell the term out again at the start of each section that uses it.
    """

    code = "PS107"
    name = "defined-far-from-use"
    severity = Severity.SUGGESTION
    enabled_by_default = False
    # Papers without pages (text, Word) count a page as ``paragraphs_per_page`` paragraphs.
    options = {"max_pages": 5, "min_pages": 10, "paragraphs_per_page": 8}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        per_page = self.option(analysis, "paragraphs_per_page")
        pages = analysis.paper.pages or -(-len(analysis.paper.blocks) // per_page)
        if pages < self.option(analysis, "min_pages"):
            return
        limit = self.option(analysis, "max_pages")
        page_of = lambda at: _page(analysis, at, per_page)  # noqa: E731
        for definition in judged_definitions(analysis):
            defined_on = page_of(definition.start)
            for start, end in occurrences(analysis, definition.term):
                page = page_of(start)
                if start > definition.start and page - defined_on > limit:
                    yield analysis.finding(
                        type(self), start, end,
                        f"'{analysis.paper.text[start:end]}' was explained on page {defined_on}, "
                        f"{page - defined_on} pages back.",
                        term=definition.term, suggestion=f"{definition.term}: {definition.definition}",
                    )
                    break


def _page(analysis: Analysis, offset: int, per_page: int) -> int:
    location = analysis.location(offset)
    return location.page if location.page is not None else (location.paragraph - 1) // per_page + 1
