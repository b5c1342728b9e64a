"""Turn a filled-in worksheet into glossary entries, losing nothing anyone wrote.

- A row with a meaning and names in "Agreed by" becomes an agreed entry, with
  those names and the meeting date.
- A row with a meaning but no names becomes a proposed entry.
- ``--status`` overrides both: ``proposed`` keeps every row proposed (names
  are still kept), ``agreed`` marks every row with a meaning agreed.
- A meaning over 40 words keeps its first sentences (up to 40 words) as the
  definition and the rest as the longer explanation.
- A row without a meaning stays an open request; any "say instead" or names
  written on it are kept with the request and come back on the next worksheet.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from plainspeak.errors import E201, GlossaryError
from plainspeak.glossary.load import MAX_DEFINITION_WORDS, _LINE_KEY, term_from_mapping
from plainspeak.glossary.model import GlossarySet, Status, Term
from plainspeak.glossary.worksheet import as_term, provenance_of
from plainspeak.glossary.worksheet_docx import FilledRow

_NAME_BREAK = re.compile(r"\s*(?:[;,\n/]|\band\b|&)\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(slots=True)
class Leftover:
    """What was written for a word the group has not defined yet."""

    term: str
    say_instead: str = ""
    notes: str = ""
    paper: str = ""
    sentence: str = ""


@dataclass(slots=True)
class ImportPlan:
    terms: list[Term] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)  # the words as written on the rows
    leftovers: list[Leftover] = field(default_factory=list)


def split_names(text: str) -> tuple[str, ...]:
    """People's names from the "Agreed by" cell, however they were separated."""
    return tuple(dict.fromkeys(n.strip(" .") for n in _NAME_BREAK.split(text) if n.strip(" .")))


def split_definition(text: str) -> tuple[str, str]:
    """A definition of at most 40 words, and the rest (whole sentences) as explanation."""
    words = " ".join(text.split())
    if len(words.split()) <= MAX_DEFINITION_WORDS:
        return words, ""
    sentences = _SENTENCE_END.split(words)
    taken: list[str] = []
    for sentence in sentences:
        if len(" ".join(taken + [sentence]).split()) > MAX_DEFINITION_WORDS:
            break
        taken.append(sentence)
    return " ".join(taken), " ".join(sentences[len(taken):])


def plan_import(rows: list[FilledRow], glossaries: GlossarySet, *,
                label: str, glossary_id: str, status: str | None = None, agreed_on: str = "",
                source: str = "") -> ImportPlan:
    """What to add to the glossary and what to keep as requests; nothing is written yet."""
    plan = ImportPlan()
    agreed_on = agreed_on or _dt.date.today().isoformat()
    for row in rows:
        typed = any((row.definition, row.say_instead, row.agreed_by))
        if not row.term:
            if typed:
                raise GlossaryError(E201, f"{label}, row {row.number}",
                                    "there is writing in this row but no word in the first column")
            continue
        origin = provenance_of(row.where)
        if row.definition:
            plan.terms.append(_row_term(row, glossaries, label, glossary_id, status, agreed_on, source))
            plan.answered.append(row.term)
        else:
            notes = f"Names written on the worksheet: {row.agreed_by}" if row.agreed_by else ""
            plan.leftovers.append(Leftover(row.term, row.say_instead, notes,
                                           ", ".join(origin.get("papers", [])), origin.get("sentence", "")))
    return plan


def _row_term(row: FilledRow, glossaries: GlossarySet, label: str, glossary_id: str,
              status: str | None, agreed_on: str, source: str) -> Term:
    names = split_names(row.agreed_by)
    chosen = status or (Status.AGREED.value if names else Status.PROPOSED.value)
    definition, rest = split_definition(row.definition)
    if not definition:
        raise GlossaryError(E201, f"{label}, row {row.number} ('{row.term}')",
                            f"the first sentence of the meaning is over {MAX_DEFINITION_WORDS} words; "
                            "split it into shorter sentences")
    base = next(iter(glossaries.lookup(row.term)[-1:]), None)
    mapping = as_term(base, term=row.term if base is None else base.term, definition=definition,
                      say_instead=" ".join(row.say_instead.split()), status=chosen,
                      agreed_by=list(names), explanation=rest or None,
                      agreed_on=agreed_on if chosen == Status.AGREED.value else "",
                      source=source or label)
    mapping[_LINE_KEY] = row.number
    try:
        return term_from_mapping(mapping, Path(label), glossary_id, {})
    except GlossaryError as error:
        raise GlossaryError(E201, f"{label}, row {row.number} ('{row.term}')", error.detail) from None
