"""``plainspeak ask`` and the meeting cycle: ``plainspeak glossary worksheet``, ``import-worksheet``, ``requests``.

A citizen asks for a word to be explained; the request waits in the store
until the group's next meeting, where the worksheet lists it beside the words
the papers leave unexplained; the filled-in worksheet comes back as glossary
entries, and the rows left empty stay as requests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import click

from plainspeak.cli.options import (DATE, glossaries_in_force, glossary_option, model_option,
                                    no_shipped_option, request_store, store_option, words)


@click.command()
@click.argument("term", nargs=-1, required=True)
@click.option("--paper", help="The paper where you met the word.")
@click.option("--name", help="Your name, if you would like the group to know who asked.")
@click.option("--sentence", help="The sentence the word was in.")
@store_option
@glossary_option
@no_shipped_option
def ask(term: Sequence[str], paper: str | None, name: str | None, sentence: str | None,
        store: str | None, glossaries: Sequence[str], no_shipped_glossaries: bool) -> int:
    """Ask your group to explain a word; the request waits for their next meeting."""
    from plainspeak.glossary.explain import find_entries
    from plainspeak.requests_store import term_key

    text = words(term)
    if not text:
        raise click.UsageError("say which word or phrase you want explained")
    waiting = request_store(store)
    waiting.add(text, paper=paper, name=name, sentence=sentence)
    count = sum(r.count for r in waiting.open_requests() if term_key(r.term) == term_key(text))
    others = "" if count == 1 else f" ({count} requests for it so far)"
    click.echo(f'Thank you. Your request to explain "{text}" is saved{others}.')
    click.echo("Your group will look at it at their next meeting.")
    if find_entries(glossaries_in_force(glossaries, no_shipped_glossaries), text):
        click.echo(f'There is already an entry for it: plainspeak explain "{text}"')
    return 0


@click.command()
@click.argument("papers", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", default="glossary-worksheet.docx", show_default=True,
              type=click.Path(dir_okay=False), help="The worksheet to write (.docx).")
@click.option("--no-requests", is_flag=True, help="Leave out the requests waiting in the store.")
@store_option
@glossary_option
@no_shipped_option
@model_option
def worksheet(papers: Sequence[str], output: str, no_requests: bool, store: str | None,
              glossaries: Sequence[str], no_shipped_glossaries: bool, model: str | None) -> int:
    """Write a worksheet for the group's next meeting: the words to define.

    It lists the requests people have made (most asked first), then the words
    the papers use without explaining them, each with the sentence it came from.
    """
    from plainspeak.engine import check_path
    from plainspeak.glossary.worksheet import collect_rows
    from plainspeak.glossary.worksheet_docx import write_worksheet
    from plainspeak.settings import Settings

    settings = Settings(model=model, glossaries=list(glossaries),
                        use_shipped_glossaries=not no_shipped_glossaries)
    glossary_set = glossaries_in_force(glossaries, no_shipped_glossaries)
    asked = [] if no_requests else request_store(store).open_requests()
    rows, errors = collect_rows(papers, asked, glossary_set,
                                lambda path: check_path(path, settings, glossary_set))
    for error in errors:
        click.echo(f"plainspeak: {error}", err=True)
    write_worksheet(rows, output)
    click.echo(f"{output}: {len(rows)} word(s) to explain")
    return 3 if errors else 0


@click.command("import-worksheet")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--to", "target", required=True, type=click.Path(dir_okay=False),
              help="Your YAML glossary (made if it does not exist).")
@click.option("--status", type=click.Choice(["proposed", "agreed"]),
              help="Make every filled row this (default: agreed when names are written, else proposed).")
@click.option("--agreed-on", type=DATE, help="The meeting date (default: today).")
@click.option("--source", "source_text", help="The meeting, for the entries' source (default: the file name).")
@store_option
@glossary_option
@no_shipped_option
def import_worksheet(source: str, target: str, status: str | None, agreed_on: str | None,
                     source_text: str | None, store: str | None, glossaries: Sequence[str],
                     no_shipped_glossaries: bool) -> int:
    """Read a filled-in worksheet into your glossary; empty rows stay as requests."""
    from plainspeak.errors import E201, GlossaryError
    from plainspeak.glossary.dump import glossary_id_for
    from plainspeak.glossary.edit import save_terms
    from plainspeak.glossary.worksheet_docx import read_worksheet
    from plainspeak.glossary.worksheet_import import plan_import

    try:
        rows = read_worksheet(source)
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a bad file
        raise GlossaryError(E201, source, f"not a worksheet plainspeak can read: {error}") from None
    glossary_set = glossaries_in_force([*glossaries, *([target] if Path(target).exists() else [])],
                                 no_shipped_glossaries)
    plan = plan_import(rows, glossary_set, label=Path(source).name,
                       glossary_id=glossary_id_for(target), status=status,
                       agreed_on=agreed_on or "", source=source_text or "")
    report = save_terms(target, plan.terms) if plan.terms else None
    waiting = request_store(store)
    for word in {*plan.answered, *(entry.term for entry in plan.terms)}:
        waiting.mark_answered(word)
    for left in plan.leftovers:
        waiting.note(left.term, say_instead=left.say_instead or None, notes=left.notes or None,
                      paper=left.paper or None, sentence=left.sentence or None)
    click.echo(report.line() if report else f"{target}: nothing to add")
    click.echo(f"{len(plan.leftovers)} word(s) kept as open requests for the next meeting")
    return 0


@click.command()
@click.option("--by-paper", is_flag=True, help="Group them by the paper they were asked about.")
@store_option
def requests(by_paper: bool, store: str | None) -> int:
    """List the open requests to explain a word, most asked first."""
    opened = request_store(store)
    groups = opened.by_paper() if by_paper else {"": opened.open_requests()}
    for paper, waiting in groups.items():
        if by_paper:
            click.echo(f"{paper or '(no paper named)'}:")
        for request in waiting:
            click.echo(f"{'  ' if by_paper else ''}{request.term}\t{request.count}")
    return 0
