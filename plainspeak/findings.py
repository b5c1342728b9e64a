"""The one finding type every rule produces and every reporter renders."""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

SCHEMA_VERSION = "1.0"


class Severity(str, enum.Enum):
    """How much a finding matters; ordered from least to most."""

    SUGGESTION = "suggestion"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    @classmethod
    def parse(cls, value: str) -> "Severity":
        value = value.strip().lower()
        aliases = {"info": "suggestion", "note": "suggestion", "warn": "warning"}
        return cls(aliases.get(value, value))


_SEVERITY_RANK = {Severity.SUGGESTION: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a person goes to see a finding. ``column`` is 1-based on ``line``."""

    paragraph: int
    page: int | None = None
    line: int | None = None
    column: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    section: str = ""

    def short(self) -> str:
        """``page:line`` for PDFs, ``line`` for text, ``¶paragraph`` otherwise."""
        if self.page is not None and self.line is not None:
            return f"{self.page}:{self.line}"
        if self.line is not None:
            return f"{self.line}"
        return f"¶{self.paragraph}"

    def spoken(self) -> str:
        """The place in words a reader can follow: "page 4, line 12", "line 17",
        "table 2, row 3", or "paragraph 96, under 'Appendix A'" (no brackets: it often stands in some)."""
        if self.page is not None:
            return f"page {self.page}, line {self.line}" if self.line is not None else f"page {self.page}"
        if self.line is not None:
            return f"line {self.line}"
        if self.table is not None and self.row is not None:
            return f"table {self.table}, row {self.row}"
        under = f", under '{self.section}'" if self.section else ""
        return f"paragraph {self.paragraph}{under}"


@dataclass(slots=True)
class Finding:
    """One problem at one place in one paper."""

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    location: Location
    term: str | None = None
    suggestion: str | None = None
    context: str = ""  # the sentence the finding sits in, for fingerprints and comments
    fingerprint: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = fingerprint(self.code, self.term or self.text, self.context)

    def to_dict(self) -> dict[str, Any]:
        # Field by field: dataclasses.asdict deep-copies recursively and was most of
        # the time a 200-paper JSON report took.
        where = self.location
        location = {name: getattr(where, name) for name in _LOCATION_FIELDS}
        return {
            "code": self.code, "name": self.name, "severity": self.severity.value,
            "message": self.message, "start": self.start, "end": self.end, "text": self.text,
            "location": {k: v for k, v in location.items() if v not in (None, "")},
            "term": self.term, "suggestion": self.suggestion, "context": self.context,
            "fingerprint": self.fingerprint, "extra": dict(self.extra),
        }


_LOCATION_FIELDS = tuple(f.name for f in fields(Location))
_SPACE = re.compile(r"\s+")


def fingerprint(code: str, subject: str, context: str) -> str:
    """A key that survives the text moving around the paper.

    It hashes the rule, the term (or flagged text) and the sentence it sits in,
    with spacing and case folded, but not the place, so a paragraph moved to
    another page keeps its fingerprint and an edited sentence gets a new one.
    """
    digest = hashlib.sha256(f"{code}\x1f{_folded(subject)}\x1f{_folded(context)}".encode("utf-8"))
    return digest.hexdigest()[:20]


@lru_cache(maxsize=16)
def _folded(text: str) -> str:
    """Spacing and case folded; a sentence with many findings is folded once."""
    return _SPACE.sub(" ", text).strip().casefold()
