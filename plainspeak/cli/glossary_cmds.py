"""``plainspeak explain``, ``plainspeak ask`` and ``plainspeak glossary ...``.

``explain`` answers a citizen's question from the glossaries; ``ask`` records
a question nobody has answered yet; the ``glossary`` commands let a group
keep its glossary: list, show, lint, add, export, import, merge, and the
worksheet that carries questions to the next meeting and answers back.

Exit codes: 0 when the command did what was asked; 1 when ``explain`` or
``show`` has no entry for the word, or ``lint`` found errors (or warnings,
with ``--strict``); 2 for a wrong command line or an invalid glossary.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import click

from plainspeak.cli.options import glossary_option, no_shipped_option

if TYPE_CHECKING:
    from plainspeak.glossary.model import Term

NOT_FOUND = 1
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")

store_option = click.option(
    "--store", type=click.Path(dir_okay=False),
    help="The requests database (default: $PLAINSPEAK_STORE, else in your data folder).")


class DateType(click.ParamType):
    """A date as 2026-03-31 or 31/03/2026 (day first); kept as ISO text."""

    name = "date"

    def convert(self, value, param, ctx) -> str:  # noqa: ANN001 - click's signature
        text = str(value).strip()
        match = _UK_DATE.match(text)
        if match:
            day, month, year = match.groups()
            text = f"{year}-{int(month):02d}-{int(day):02d}"
        try:
            return _dt.date.fromisoformat(text).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-03-31", param, ctx)


DATE = DateType()


def _glossary_set(glossaries: Sequence[str], no_shipped: bool = False):  # noqa: ANN202
    from plainspeak.engine import load_glossaries
    from plainspeak.settings import Settings

    settings = Settings(glossaries=list(glossaries), use_shipped_glossaries=not no_shipped)
    return load_glossaries(settings)


def _store(path: str | None):  # noqa: ANN202
    from plainspeak.requests_store import RequestStore

    return RequestStore(path)


def _words(parts: Sequence[str]) -> str:
    return " ".join(" ".join(parts).split())


def _entries_or_suggestions(text: str, glossaries: Sequence[str], no_shipped: bool) -> list[Term]:
    """The entries for ``text``; when there are none, print close spellings and how to ask."""
    from plainspeak.glossary.explain import find_entries, suggestions, unknown_lines

    glossary_set = _glossary_set(glossaries, no_shipped)
    found = find_entries(glossary_set, text)
    if not found:
        click.echo("\n".join(unknown_lines(text, suggestions(glossary_set, text))))
    return found


@click.command()
@click.argument("term", nargs=-1, required=True)
@glossary_option
@no_shipped_option
def explain(term: Sequence[str], glossaries: Sequence[str], no_shipped_glossaries: bool) -> int:
    """Say what a word or abbreviation means, in plain words.

    Exits 1 when no glossary has the word (it suggests close spellings, and
    how to ask your group to explain it).
    """
    from plainspeak.glossary.explain import explain_lines

    found = _entries_or_suggestions(_words(term), glossaries, no_shipped_glossaries)
    if not found:
        return NOT_FOUND
    click.echo("\n\n".join("\n".join(explain_lines(entry)) for entry in found))
    return 0


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

    text = _words(term)
    requests = _store(store)
    requests.add(text, paper=paper, name=name, sentence=sentence)
    count = sum(r.count for r in requests.open_requests() if term_key(r.term) == term_key(text))
    others = "" if count == 1 else f" ({count} requests for it so far)"
    click.echo(f'Thank you. Your request to explain "{text}" is saved{others}.')
    click.echo("Your group will look at it at their next meeting.")
    if find_entries(_glossary_set(glossaries, no_shipped_glossaries), text):
        click.echo(f'There is already an entry for it: plainspeak explain "{text}"')
    return 0


@click.group()
def glossary() -> None:
    """Keep your group's glossary: list, check, add, share, and agree words at meetings."""



@glossary.command("list")
@click.option("--category", help="Only entries in this category (budget, health, ...).")
@click.option("--status", type=click.Choice(["proposed", "agreed", "retired"]), help="Only entries at this stage.")
@glossary_option
@no_shipped_option
def list_entries(category: str | None, status: str | None, glossaries: Sequence[str],
                 no_shipped_glossaries: bool) -> int:
    """List the entries in force: term, category and stage, alphabetically."""
    glossary_set = _glossary_set(glossaries, no_shipped_glossaries)
    chosen = [t for t in glossary_set.terms
              if (category is None or t.category == category.casefold())
              and (status is None or t.status.value == status)]
    for term in sorted(chosen, key=lambda t: (t.term.casefold(), t.scope)):
        name = f"{term.term} ({term.expansion})" if term.expansion else term.term
        place = f" [{term.scope}]" if term.scope else ""
        click.echo(f"{name}{place}\t{term.category}\t{term.status.value}")
    click.echo(f"{len(chosen)} entries", err=True)
    return 0


@glossary.command()
@click.argument("term", nargs=-1, required=True)
@glossary_option
@no_shipped_option
def show(term: Sequence[str], glossaries: Sequence[str], no_shipped_glossaries: bool) -> int:
    """Show every field of an entry, and the file and line it comes from."""
    from plainspeak.glossary.dump import term_values

    found = _entries_or_suggestions(_words(term), glossaries, no_shipped_glossaries)
    if not found:
        return NOT_FOUND
    blocks = []
    for entry in found:
        lines = [f"{name}: {_shown(value)}" for name, value in term_values(entry).items()
                 if value not in ("", (), False)]
        blocks.append("\n".join([*lines, f"from: {entry.origin or entry.glossary}"]))
    click.echo("\n\n".join(blocks))
    return 0


def _shown(value: object) -> str:
    return "; ".join(value) if isinstance(value, tuple) else str(value)  # type: ignore[arg-type]


@glossary.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
def lint(files: Sequence[str], strict: bool) -> int:
    """Check glossary files (default: the shipped ones); exit 1 on errors."""
    from plainspeak.glossary.lint import lint_files
    from plainspeak.glossary.load import shipped_glossary_paths

    paths = [Path(f) for f in files] or shipped_glossary_paths()
    issues = lint_files(paths)
    for issue in issues:
        click.echo(issue.line())
    errors = sum(1 for i in issues if i.level == "error")
    warnings = len(issues) - errors
    click.echo(f"{errors} error(s), {warnings} warning(s) in {len(paths)} file(s)")
    return 1 if errors or (strict and warnings) else 0


@glossary.command()
@click.argument("term", nargs=-1, required=True)
@click.option("--definition", required=True, help="What it means, in plain words (40 words at most).")
@click.option("--to", "target", required=True, type=click.Path(dir_okay=False),
              help="Your glossary file (.yaml); made if it does not exist.")
@click.option("--expansion", help="What the letters stand for, for an abbreviation.")
@click.option("--say-instead", help="A plainer word or phrase to use instead.")
@click.option("--category", help="budget, health, social care, local government, legal, acronym, ...")
@click.option("--alias", "aliases", multiple=True, help="Another way of writing it (repeatable).")
@click.option("--agreed-by", multiple=True, help="A person's name (repeatable). Makes the entry agreed.")
@click.option("--agreed-on", type=DATE, help="When it was agreed (default: today, if names are given).")
@click.option("--review-by", type=DATE, help="When to look at it again.")
@click.option("--status", type=click.Choice(["proposed", "agreed", "retired"]),
              help="The entry's stage (default: agreed with names, else proposed).")
@click.option("--explanation", help="A longer explanation.")
@click.option("--example", help="A sentence that uses it.")
@click.option("--scope", help="The place or organisation where it means this.")
@click.option("--source", help="The meeting or paper it came from.")
@click.option("--notes", help="Anything else the group wants to remember.")
def add(term: Sequence[str], definition: str, target: str, **fields: object) -> int:
    """Add an entry to your glossary (or replace the one with the same term)."""
    from plainspeak.glossary.edit import save_terms
    from plainspeak.glossary.load import term_from_mapping
    from plainspeak.glossary.model import Status

    names = tuple(str(n) for n in fields.pop("agreed_by"))  # type: ignore[union-attr]
    status = fields.pop("status") or (Status.AGREED.value if names else Status.PROPOSED.value)
    if status == Status.AGREED.value and not fields.get("agreed_on"):
        fields["agreed_on"] = _dt.date.today().isoformat()
    mapping = {k: v for k, v in fields.items() if v not in (None, ())}
    mapping.update(term=_words(term), definition=definition, status=status, agreed_by=list(names))
    mapping["aliases"] = list(mapping.get("aliases", ()))
    entry = term_from_mapping(mapping, Path(target), Path(target).stem, {})
    click.echo(save_terms(target, [entry]).line())
    return 0


def _write_terms(terms: list, output: str | None, output_format: str) -> None:
    from plainspeak.glossary.csvio import write_csv
    from plainspeak.glossary.dump import glossary_id_for, write_yaml

    if output_format == "csv":
        write_csv(terms, output if output else sys.stdout.buffer)
    else:
        write_yaml(terms, output if output else sys.stdout,
                   glossary_id=glossary_id_for(output) if output else "export")
    if output:
        click.echo(f"{output}: {len(terms)} entries", err=True)


def _format_for(output_format: str | None, output: str | None) -> str:
    if output_format:
        return output_format
    return "csv" if output and output.lower().endswith(".csv") else "yaml"


@glossary.command()
@click.option("--format", "output_format", type=click.Choice(["csv", "yaml"]),
              help="csv (for Excel) or yaml (default: from --output's extension, else yaml).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file, not the screen.")
@click.option("--category", help="Only entries in this category.")
@glossary_option
@no_shipped_option
def export(output_format: str | None, output: str | None, category: str | None,
           glossaries: Sequence[str], no_shipped_glossaries: bool) -> int:
    """Write the glossary in force as CSV (for Excel) or YAML, alphabetically."""
    glossary_set = _glossary_set(glossaries, no_shipped_glossaries)
    _warn_conflicts(glossary_set)
    terms = [t for t in glossary_set.terms if category is None or t.category == category.casefold()]
    _write_terms(_alphabetical(terms), output, _format_for(output_format, output))
    return 0


def _alphabetical(terms: list) -> list:
    return sorted(terms, key=lambda t: (t.term.casefold(), t.term, t.scope.casefold()))


def _warn_conflicts(glossary_set) -> None:  # noqa: ANN001
    from plainspeak.glossary.load import conflict_lines

    for line in conflict_lines(glossary_set):
        click.echo(line, err=True)


@glossary.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--to", "target", required=True, type=click.Path(dir_okay=False),
              help="The YAML glossary to put the entries in (made if it does not exist).")
@click.option("--replace", "replace_all", is_flag=True,
              help="Make the file hold exactly the CSV's entries (default: add and update only).")
def import_csv(source: str, target: str, replace_all: bool) -> int:
    """Bring entries from a CSV (as edited in Excel) into a YAML glossary.

    Rows update the entry with the same term and scope, or are added. Entries
    missing from the CSV stay unless --replace is given.
    """
    from plainspeak.glossary.edit import save_terms
    from plainspeak.glossary.load import read_glossary_file

    _, terms, _ = read_glossary_file(Path(source))
    click.echo(save_terms(target, terms, replace_all=replace_all).line())
    return 0


@glossary.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="The merged glossary (.yaml or .csv).")
def merge(files: Sequence[str], output: str) -> int:
    """Merge glossaries into one; later files win, and every override is reported."""
    from plainspeak.glossary.load import load_glossary_set

    glossary_set = load_glossary_set(files, shipped=False)
    _warn_conflicts(glossary_set)
    _write_terms(_alphabetical(glossary_set.terms), output, _format_for(None, output))
    return 0


@glossary.command()
@click.argument("papers", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", default="glossary-worksheet.docx", show_default=True,
              type=click.Path(dir_okay=False), help="The worksheet to write (.docx).")
@click.option("--no-requests", is_flag=True, help="Leave out the requests waiting in the store.")
@store_option
@glossary_option
@no_shipped_option
@click.option("--model", help="An installed spaCy pipeline name or path (default: the built-in one).")
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
    glossary_set = _glossary_set(glossaries, no_shipped_glossaries)
    requests = [] if no_requests else _store(store).open_requests()
    rows, errors = collect_rows(papers, requests, glossary_set,
                                lambda path: check_path(path, settings, glossary_set))
    for error in errors:
        click.echo(f"plainspeak: {error}", err=True)
    write_worksheet(rows, output)
    click.echo(f"{output}: {len(rows)} word(s) to explain")
    return 3 if errors else 0


@glossary.command("import-worksheet")
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
    glossary_set = _glossary_set([*glossaries, *([target] if Path(target).exists() else [])],
                                 no_shipped_glossaries)
    plan = plan_import(rows, glossary_set, label=Path(source).name,
                       glossary_id=glossary_id_for(target), status=status,
                       agreed_on=agreed_on or "", source=source_text or "")
    report = save_terms(target, plan.terms) if plan.terms else None
    requests = _store(store)
    for word in {*plan.answered, *(entry.term for entry in plan.terms)}:
        requests.mark_answered(word)
    for left in plan.leftovers:
        requests.note(left.term, say_instead=left.say_instead or None, notes=left.notes or None,
                      paper=left.paper or None, sentence=left.sentence or None)
    click.echo(report.line() if report else f"{target}: nothing to add")
    click.echo(f"{len(plan.leftovers)} word(s) kept as open requests for the next meeting")
    return 0


@glossary.command()
@click.option("--by-paper", is_flag=True, help="Group them by the paper they were asked about.")
@store_option
def requests(by_paper: bool, store: str | None) -> int:
    """List the open requests to explain a word, most asked first."""
    opened = _store(store)
    groups = opened.by_paper() if by_paper else {"": opened.open_requests()}
    for paper, waiting in groups.items():
        if by_paper:
            click.echo(f"{paper or '(no paper named)'}:")
        for request in waiting:
            click.echo(f"{'  ' if by_paper else ''}{request.term}\t{request.count}")
    return 0
