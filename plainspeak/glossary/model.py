"""Plain-data types for co-defined glossaries.

A glossary is data that a group of citizens and staff agree together. These
types carry it from YAML or CSV to the checker and the writers; they hold no
logic beyond small conveniences, so they pickle and compare cleanly.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Status(str, enum.Enum):
    """Where an entry is in the group's process: proposed, then agreed, then retired."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    RETIRED = "retired"


CATEGORIES = (
    "budget",
    "local government",
    "health",
    "social care",
    "housing",
    "legal",
    "meetings",
    "acronym",
    "general",
)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an entry came from, for error messages and conflict reports."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: a term and what the group agreed it means."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    expansion: str = ""
    explanation: str = ""
    say_instead: str = ""
    category: str = "general"
    example: str = ""
    status: Status = Status.PROPOSED
    agreed_by: tuple[str, ...] = ()
    agreed_on: str = ""  # ISO date
    review_by: str = ""  # ISO date
    source: str = ""
    notes: str = ""
    scope: str = ""
    common_word: bool = False
    glossary: str = ""  # the id of the glossary it belongs to
    origin: Origin | None = field(default=None, compare=False)

    @property
    def is_acronym(self) -> bool:
        return bool(self.expansion)

    @property
    def key(self) -> str:
        """How the checker names an entry: acronyms keep their case, words fold it.

        Layering glossaries weighs scope too: see ``glossary.load.layer_key``.
        """
        return self.term if self.is_acronym else self.term.casefold()

    def forms(self) -> tuple[str, ...]:
        """Every written form that names this entry: the term, its expansion, aliases."""
        forms = [self.term, *self.aliases]
        if self.expansion:
            forms.append(self.expansion)
        return tuple(dict.fromkeys(f for f in forms if f))


@dataclass(frozen=True, slots=True)
class PlainAlternative:
    """A phrase with plainer wording to use instead."""

    phrase: str
    say_instead: tuple[str, ...]
    why: str = ""
    match: str = "exact"  # "exact" or "lemma"
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two glossaries define the same term differently; the later one wins."""

    key: str
    kept: Term
    replaced: Term

    def describe(self) -> str:
        return (
            f"'{self.key}' from {self.kept.origin or self.kept.glossary} overrides "
            f"{self.replaced.origin or self.replaced.glossary}"
        )


@dataclass(slots=True)
class GlossarySet:
    """The layered glossaries in force for a run: shipped first, then the user's."""

    terms: list[Term] = field(default_factory=list)
    alternatives: list[PlainAlternative] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def active_terms(self) -> list[Term]:
        return [t for t in self.terms if t.status is not Status.RETIRED]

    def lookup(self, text: str) -> list[Term]:
        """Entries whose forms match ``text`` (acronyms exactly, words case-folded)."""
        folded = text.casefold()
        found = []
        for term in self.active_terms():
            for form in term.forms():
                if form == text or (not form.isupper() and form.casefold() == folded):
                    found.append(term)
                    break
        return found
