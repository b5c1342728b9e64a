"""``plainspeak explain`` and ``plainspeak glossary ...``.

``explain`` answers a citizen's question from the glossaries; the ``glossary``
commands let a group keep its glossary: list, show, lint, add, export, import
and merge. The worksheet that carries questions to the next meeting and
answers back is in :mod:`plainspeak.cli.requests_cmds`, with ``ask``.

Exit codes: 0 when the command did what was asked; 1 when ``explain`` or
``show`` has no entry for the word, or ``lint`` found errors (or warnings,
with ``--strict``); 2 for a wrong command line or an invalid glossary.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import click

from plainspeak.cli.options import DATE, glossaries_in_force, glossary_option, no_shipped_option, words
from plainspeak.cli.requests_cmds import import_worksheet, requests, worksheet

if TYPE_CHECKING:
    from plainspeak.glossary.model import Term

NOT_FOUND = 1


def _entries_or_suggestions(text: str, glossaries: Sequence[str], no_shipped: bool) -> list[Term]:
    """The entries for ``text``; when there are none, print close spellings and how to ask."""
    from plainspeak.glossary.explain import find_entries, suggestions, unknown_lines

    glossary_set = glossaries_in_force(glossaries, no_shipped)
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

    found = _entries_or_suggestions(words(term), glossaries, no_shipped_glossaries)
    if not found:
        return NOT_FOUND
    click.echo("\n\n".join("\n".join(explain_lines(entry)) for entry in found))
    return 0


@click.group()
def glossary() -> None:
    """Keep your group's glossary: list, check, add, share, and agree words at meetings."""


# The meeting cycle (worksheet, import-worksheet, requests) lives with ``ask`` in requests_cmds.
for _command in (worksheet, import_worksheet, requests):
    glossary.add_command(_command)


@glossary.command("list")
@click.option("--category", help="Only entries in this category (budget, health, ...).")
@click.option("--status", type=click.Choice(["proposed", "agreed", "retired"]), help="Only entries at this stage.")
@glossary_option
@no_shipped_option
def list_entries(category: str | None, status: str | None, glossaries: Sequence[str],
                 no_shipped_glossaries: bool) -> int:
    """List the entries in force: term, category and stage, alphabetically."""
    glossary_set = glossaries_in_force(glossaries, no_shipped_glossaries)
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

    found = _entries_or_suggestions(words(term), glossaries, no_shipped_glossaries)
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
    mapping.update(term=words(term), definition=definition, status=status, agreed_by=list(names))
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
    glossary_set = glossaries_in_force(glossaries, no_shipped_glossaries)
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
