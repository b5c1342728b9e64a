"""Checks on glossary files beyond what reading them enforces.

Reading a file stops at the first error (an entry the checker cannot use).
Linting reads every file, reports those errors, and adds warnings: things a
group would want to fix but that do not stop the glossary working.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from plainspeak.errors import GlossaryError
from plainspeak.glossary.load import read_glossary_file
from plainspeak.glossary.model import Status, Term

MAX_SENTENCE_WORDS = 25
MAX_SCOPE_WORDS = 8
# agreed_by holds people's names; these words mean a role or a label has crept in.
_ROLE = re.compile(
    r"\b(officers?|managers?|directors?|councillors?|cllr|carers?|service users?|patients?|"
    r"residents?|lived experience|leads?|head of|chair(?:man|woman|person)?)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in one file, at one line."""

    where: str  # "path:line" or "path"
    level: str  # "error" or "warning"
    message: str

    def line(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"


def lint_files(paths: Iterable[str | Path], *, today: _dt.date | None = None) -> list[Issue]:
    """Every error and warning in ``paths``, file by file, then across files."""
    today = today or _dt.date.today()
    issues: list[Issue] = []
    read: list[list[Term]] = []
    for path in map(Path, paths):
        try:
            _, terms, _ = read_glossary_file(path)
        except GlossaryError as error:
            issues.append(Issue(error.subject or str(path), "error", _problem(error)))
            continue
        read.append(terms)
        for term in terms:
            issues.extend(Issue(_where(term), "warning", m) for m in term_warnings(term, today))
    issues.extend(duplicate_forms(read))
    return issues


def _problem(error: GlossaryError) -> str:
    return error.detail or error.kind.problem


def _where(term: Term) -> str:
    return str(term.origin) if term.origin else term.term


def term_warnings(term: Term, today: _dt.date) -> list[str]:
    """Warnings for one entry."""
    warnings = [f"agreed_by '{name}' looks like a role or label; give people's names only"
                for name in term.agreed_by if _ROLE.search(name)]
    for sentence in _SENTENCE_END.split(term.definition):
        words = len(sentence.split())
        if words > MAX_SENTENCE_WORDS:
            warnings.append(f"a sentence in the definition of '{term.term}' has {words} words "
                            f"(keep each under {MAX_SENTENCE_WORDS + 1})")
    if term.status is Status.AGREED:
        warnings.extend(_agreed_warnings(term, today))
    if len(term.scope.split()) > MAX_SCOPE_WORDS or any(c in term.scope for c in ".;"):
        warnings.append(f"the scope of '{term.term}' should just name the place or organisation "
                        "(it decides which entries override each other); put explanations in notes")
    return warnings


def _agreed_warnings(term: Term, today: _dt.date) -> list[str]:
    warnings = []
    if not term.agreed_by:
        warnings.append(f"'{term.term}' is agreed but agreed_by names nobody")
    if not term.agreed_on:
        warnings.append(f"'{term.term}' is agreed but has no agreed_on date")
    if not term.review_by:
        warnings.append(f"'{term.term}' is agreed but has no review_by date")
    elif term.review_by < today.isoformat():
        warnings.append(f"'{term.term}' was due for review by {term.review_by}")
    return warnings


def duplicate_forms(files: list[list[Term]]) -> list[Issue]:
    """A warning for each name (term or alias) used in two files with the same scope.

    Within one file an acronym and its spelt-out entry share words by design,
    and expansions are meanings rather than names, so neither is compared.
    """
    first: dict[tuple[str, str], tuple[int, Term]] = {}
    issues = []
    for number, terms in enumerate(files):
        for term in terms:
            for form in dict.fromkeys((term.term, *term.aliases)):
                key = (form if form.isupper() else form.casefold(), term.scope.casefold())
                seen, earlier = first.setdefault(key, (number, term))
                if seen != number:
                    issues.append(Issue(_where(term), "warning",
                                        f"'{form}' also names '{earlier.term}' at {_where(earlier)}"))
    return issues
