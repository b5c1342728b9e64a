"""What an annotation says about one finding, worded once for every writer.

A Word comment, a PDF note, an HTML tip and a Markdown line all say the same
three things: what the problem is, what the word means in plain English (from
the glossary or the paper itself) and what to write instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from plainspeak.findings import Finding
from plainspeak.glossary.model import GlossarySet, Term
from plainspeak.result import PaperResult
from plainspeak.terms.normalise import text_key

AUTHOR = "plainspeak"
INITIALS = "PS"


@dataclass(frozen=True, slots=True)
class Note:
    """One finding, worded for a reader of the annotated copy."""

    finding: Finding
    kind: str  # "term" (a word or phrase), "sentence" (hard to read) or "paper" (no place)
    label: str  # "virement" or "long sentence"
    problem: str
    meaning: str = ""
    suggestion: str = ""

    def text(self) -> str:
        """The whole note as one short paragraph, for a comment or a popup."""
        parts = [self.problem.strip()]
        if self.meaning:
            parts.append(f"Plain meaning: {self.meaning.strip()}")
        if self.suggestion:
            parts.append(f"Suggestion: {self.suggestion.strip()}")
        return " ".join(sentence(p) for p in parts if p)


def kind_of(finding: Finding) -> str:
    """What a finding's note marks: a ``term``, a ``sentence`` or the whole ``paper``.

    Term findings (PS1xx) mark a word to explain; readability and figures
    findings (PS2xx, PS3xx) mark a passage; input findings (PS9xx) the whole paper.
    """
    if finding.end <= finding.start or finding.code.startswith("PS9"):
        return "paper"
    return "term" if finding.code.startswith("PS1") else "sentence"


def glossary_meaning(term: Term, written: str = "") -> str:
    """An entry's plain definition, led by what an acronym stands for.

    Where the paper wrote the words themselves (``written``: "Better Care
    Fund", not "BCF"), saying what the short form stands for would only bring
    in a short form the reader never met, so the definition stands alone.
    """
    if term.expansion and not (written and text_key(written) == text_key(term.expansion)):
        return stands_for(term.term, term.expansion, term.definition)
    return term.definition.strip()


def stands_for(short: str, expansion: str, definition: str) -> str:
    """ "BCF stands for Better Care Fund. A pooled budget …": an acronym, its words, then what it is."""
    return f"{short} stands for {expansion}. {sentence(definition)}".strip()


def name_in_paper(term: Term, written: str) -> str:
    """The name a reader finds ``term`` under: the form the paper wrote, spelled as the glossary spells it.

    Where the paper writes "Continuing Healthcare" the note and the word list
    say that, not the entry's headword "CHC", which the reader never saw; a
    plural ("ICBs") is the glossary's singular, but a name the paper writes in
    capitals ("Better Care Fund") keeps them. A form the glossary does not list
    goes under the headword.
    """
    wrote = text_key(written)  # case, plurals and spelling folded as the matcher folds them; acronyms keep case
    form = next((form for form in term.forms() if text_key(form) == wrote), term.term)
    written = " ".join(written.split())
    return written if _named_in_capitals(written, form) else form


def _named_in_capitals(written: str, form: str) -> bool:
    """Whether the paper writes ``form`` as a name, with capitals past its first letter ("Better Care Fund").

    Then the list says it as the paper does; a capital only at the start
    ("Virement is ...") is the sentence's, and the glossary's spelling stands.
    """
    return (written != form and written.casefold() == form.casefold()
            and any(w.isupper() and f.islower() for w, f in zip(written[1:], form[1:])))


def meaning_of(subject: str, glossaries: GlossarySet | None, result: PaperResult | None,
               written: str = "") -> str:
    """The plain meaning of ``subject`` (``written`` so in the paper): the glossary's first, else the paper's own."""
    if glossaries is not None:
        for term in glossaries.lookup(subject):
            return glossary_meaning(term, written)
    if result is not None:
        folded = subject.casefold()
        for definition in result.definitions:
            if definition.term.casefold() == folded and definition.definition:
                return definition.definition
    return ""


def note_for(finding: Finding, glossaries: GlossarySet | None = None,
             result: PaperResult | None = None) -> Note:
    """The note for ``finding``; a suggestion that repeats the meaning is left out."""
    kind = kind_of(finding)
    subject = finding.term or finding.text
    meaning = meaning_of(subject, glossaries, result, finding.text) if kind == "term" else ""
    suggestion = finding.suggestion or ""
    if suggestion and meaning and suggestion.strip() in meaning:
        suggestion = ""
    label = subject if kind == "term" else finding.name.replace("-", " ")
    if kind == "term" and finding.term and glossaries is not None:
        for term in glossaries.lookup(finding.term)[:1]:
            label = name_in_paper(term, finding.text)
    return Note(finding, kind, " ".join(label.split()), finding.message, meaning, suggestion)


def notes_for(result: PaperResult, glossaries: GlossarySet | None = None) -> list[Note]:
    return [note_for(f, glossaries, result) for f in result.findings]


def sentence(text: str) -> str:
    """``text`` stripped, with a full stop unless it ends a sentence already."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else text + "."
