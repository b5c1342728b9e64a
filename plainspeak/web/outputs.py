"""What the page makes from a checked paper: the reader's copy, the annotated copy, the report."""

from __future__ import annotations

import re
from pathlib import Path

from flask import url_for

from plainspeak.glossary.model import GlossarySet
from plainspeak.glossary.worksheet import TERM_CODES
from plainspeak.web.checking import Checked
from plainspeak.web.results import CheckedPaper, Download
from plainspeak.web.security import csrf_token
from plainspeak.web.state import state

_SEND = '<button type="submit">Send</button>'


def checked_paper(checked: Checked, label: str, owner: str) -> CheckedPaper:
    """Everything the result pages need, made now, while the paper is at hand."""
    from plainspeak.reporters import json_report

    glossaries = state().glossaries
    result, paper = checked.result, checked.paper
    stem = Path(label).stem or "paper"
    reader = reader_html(checked, glossaries)
    flagged = _flagged(result)
    in_glossary = [word for word in flagged if glossaries.lookup(word)]
    report = Download(json_report.render([result]).encode("utf-8"), "application/json",
                      f"{stem}.plainspeak.json")
    return CheckedPaper(
        owner=owner, label=label, reader_html=reader, summary=result.summary,
        counts=_counts(result), words=result.words or paper.word_count,
        terms=[w for w in flagged if w not in in_glossary], glossary_terms=in_glossary, copy=annotated_copy(checked, glossaries, stem),
        report=report, sha256=result.sha256 or paper.sha256,
        paragraphs={b.place.paragraph: b.text for b in paper.blocks},
    )


def reader_html(checked: Checked, glossaries: GlossarySet) -> str:
    from plainspeak.writers.html import render_reader_html

    page = render_reader_html(checked.result, checked.paper, glossaries,
                              ask_url=url_for("public.ask"), csrf_token=csrf_token())
    return add_name_fields(page)


def add_name_fields(page: str) -> str:
    """Give each "ask about this" form an optional name box before its button.

    The reader's copy builds these forms in code, so the button's markup is
    fixed; paper text is escaped and can never produce it.
    """
    counter = iter(range(1, 1_000_000))

    def with_name(_: re.Match[str]) -> str:
        number = next(counter)
        return (f'<label for="ask-name-{number}">Your name (you can leave this empty)</label>'
                f'<input id="ask-name-{number}" name="name" type="text" maxlength="80" '
                f'autocomplete="name">{_SEND}')

    return re.sub(re.escape(_SEND), with_name, page)


def annotated_copy(checked: Checked, glossaries: GlossarySet, stem: str) -> Download:
    """The paper's own format annotated (DOCX, PDF); the reader's copy for text papers.

    A Word or PDF paper whose copy its writer cannot make (a file the loader
    read but pypdf or python-docx cannot rebuild, or one that swells past the
    writer's limits: E119, E110, E115) gets the reader's copy instead: the
    paper was checked, and its results stay on the page.
    """
    from plainspeak.errors import InputError

    from plainspeak.writers import get_writer, write_copy

    fmt = checked.paper.format
    if fmt not in ("docx", "pdf"):
        return _reader_copy(checked, glossaries, stem)
    checker = state().checker
    try:
        if checker.isolate:  # the writer parses the upload again: in a child, with a reader's caps
            from plainspeak.writers.isolate import write_isolated

            limits = checker.settings.limits
            made = write_isolated(fmt, checked.source, checked.paper, checked.result, glossaries, limits=limits,
                                  seconds=limits.timeout_s, appendix=True)
        else:
            made = write_copy(fmt, checked.source, checked.paper, checked.result, glossaries, appendix=True)
    except InputError:
        return _reader_copy(checked, glossaries, stem)
    return Download(made.data, get_writer(fmt).MEDIA_TYPE, f"{stem}.plainspeak.{fmt}")


def _reader_copy(checked: Checked, glossaries: GlossarySet, stem: str) -> Download:
    from plainspeak.writers.html import render_reader_html

    # The download works offline, opened from disk: no forms that post here.
    page = render_reader_html(checked.result, checked.paper, glossaries)
    return Download(page.encode("utf-8"), "text/html", f"{stem}.plainspeak.html")


def _counts(result) -> dict[str, int]:  # noqa: ANN001 - a PaperResult
    terms = sum(1 for f in result.findings if f.code in TERM_CODES)
    passages = sum(1 for f in result.findings if f.code.startswith("PS2"))
    return {"terms": terms, "passages": passages, "findings": len(result.findings)}


def _flagged(result) -> list[str]:  # noqa: ANN001 - a PaperResult
    """The words the paper uses without explaining them, each once, in order."""
    seen: dict[str, str] = {}
    for finding in result.findings:
        if finding.code in TERM_CODES:
            word = " ".join((finding.term or finding.text).split())
            seen.setdefault(word.casefold(), word)
    return list(seen.values())
