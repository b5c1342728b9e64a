"""A short Markdown summary of one paper, for an email or a pull-request comment.

It says how hard the paper is to read, lists the words to explain with
their plain meanings and the passages that are hard to read, and (with
``appendix``) adds the words-used list. Everything from the paper or a
glossary is escaped, so a paper cannot inject links, HTML or @-mentions
into a comment. (``check --format md`` reports on many papers; this is one
paper's summary, used by ``annotate --format md``.)
"""

from __future__ import annotations

from pathlib import Path

from plainspeak.glossary.model import GlossarySet
from plainspeak.markdown_text import code_span, escape
from plainspeak.paper import Paper
from plainspeak.result import PaperResult
from plainspeak.writers import Annotated
from plainspeak.writers.appendix import TITLE, words_used
from plainspeak.writers.notes import Note, notes_for

MEDIA_TYPE = "text/markdown; charset=utf-8"
MAX_ROWS = 40  # an email stays readable; the annotated copy has the rest


def write(source: bytes, paper: Paper, result: PaperResult, glossaries: GlossarySet | None = None,
          *, appendix: bool = False) -> Annotated:
    notes = notes_for(result, glossaries)
    text = render_summary(result, paper, glossaries, appendix=appendix, notes=notes)
    return Annotated(text.encode("utf-8"), placed=sum(n.kind != "paper" for n in notes))


def render_summary(result: PaperResult, paper: Paper, glossaries: GlossarySet | None, *,
                   appendix: bool = False, notes: list[Note] | None = None) -> str:
    notes = notes if notes is not None else notes_for(result, glossaries)
    terms = [n for n in notes if n.kind == "term"]
    passages = [n for n in notes if n.kind == "sentence"]
    others = [n for n in notes if n.kind == "paper"]
    title = paper.title or result.title or Path(paper.path).name
    lines = [f"## {escape(title)}", "", _headline(result, paper), ""]
    if not notes:
        lines += ["Nothing to explain and no hard passages found.", ""]
    if terms:
        lines += [f"### Words to explain ({len(terms)})", "", "| Word | Where | Plain meaning or suggestion |",
                  "| --- | --- | --- |"]
        lines += [f"| {escape(n.label)} | {escape(_where(n))} | {escape(n.meaning or n.suggestion or n.problem)} |"
                  for n in terms[:MAX_ROWS]]
        lines += _more(len(terms)) + [""]
    if passages:
        lines += [f"### Hard to read ({len(passages)})", ""]
        lines += [f"- {escape(_where(n))}: {escape(_reason(n))} \u2013 \u201c{escape(_opening(n))}\u201d"
                  for n in passages[:MAX_ROWS]]
        lines += _more(len(passages)) + [""]
    if others:
        lines += ["### About the file", ""] + [f"- {escape(n.text())}" for n in others] + [""]
    if appendix:
        lines += _appendix(paper, result, glossaries)
    return "\n".join(lines).rstrip("\n") + "\n"


def _headline(result: PaperResult, paper: Paper) -> str:
    readability = result.summary.get("readability") or {}
    age = readability.get("reading_age")
    counts = result.counts()
    parts = [code_span(Path(paper.path).name), f"{result.words or paper.word_count:,} words"]
    if isinstance(age, (int, float)):
        parts.append(f"reading age {age:g}")
    found = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
    parts.append(found or "no findings")
    return " \u00b7 ".join(parts)


def _where(note: Note) -> str:
    location = note.finding.location
    if location.page is not None and location.line is not None:
        return f"page {location.page}, line {location.line}"
    if location.line is not None:
        return f"line {location.line}"
    return f"paragraph {location.paragraph}"


def _reason(note: Note) -> str:
    words = note.finding.extra.get("words")
    return f"{note.label} ({words} words)" if isinstance(words, int) else note.label


def _opening(note: Note, limit: int = 12) -> str:
    words = note.finding.text.split()
    return " ".join(words[:limit]) + ("\u2026" if len(words) > limit else "")


def _more(total: int) -> list[str]:
    # Said so it holds whether or not a copy was written beside this summary.
    return (["", f"\u2026and {total - MAX_ROWS} more, which `plainspeak check` lists and an annotated copy "
             "marks where each stands."] if total > MAX_ROWS else [])


def _appendix(paper: Paper, result: PaperResult, glossaries: GlossarySet | None) -> list[str]:
    entries = words_used(paper, result, glossaries)
    if not entries:
        return []
    lines = [f"### {TITLE}", "", "| Word | What it means |", "| --- | --- |"]
    lines += [f"| {escape(e.term)} | {escape(e.meaning)} |" for e in entries]
    return lines + [""]
