"""``plainspeak annotate PAPER...``: an annotated copy of each paper, beside it or in --output.

A Word paper gets a Word copy with comments, a PDF a PDF with highlighted
notes, and a text or Markdown paper a reader's copy in HTML, unless
``--format`` asks for another (HTML and Markdown work for every paper). The
paper itself is never written to. A paper that cannot be read or annotated
gets one line on stderr and the others go on.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import click

from plainspeak.cli.annotate_names import CopyName, copy_names
from plainspeak.cli.options import run_options
from plainspeak.errors import (
    E118,
    E401,
    E403,
    E404,
    ExitCode,
    InputError,
    OutputError,
    PlainspeakError,
)
from plainspeak.safe_text import printable

if TYPE_CHECKING:
    from plainspeak.findings import Finding
    from plainspeak.glossary.model import GlossarySet
    from plainspeak.loaders.limits import Limits
    from plainspeak.settings import Settings

CHOICES = ("docx", "pdf", "html", "md")


def _email(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--ask-email: one plain address, or none."""
    from plainspeak.email_address import EXPECTED, is_email_address

    if value is not None and not is_email_address(value):
        raise click.BadParameter(EXPECTED)
    return value


@click.command()
@click.argument("papers", nargs=-1, required=True, type=click.Path(dir_okay=False, readable=False))
@click.option("--format", "output_format", type=click.Choice(CHOICES), default=None,
              help="docx, pdf, html or md (default: the paper's own format; html for text and Markdown).")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Where to write: a file for one paper, a folder for several. Copies are named "
                   "NAME.plainspeak.EXT; papers of one run that would share a name keep their "
                   "extension (report.docx.plainspeak.html) or, from different folders, their "
                   "folder under --output (a/report.plainspeak.html). A link is written through.")
@click.option("--appendix/--no-appendix", default=False,
              help="Add a 'Words used in this paper' list at the end (the HTML copy always has one).")
@click.option("--ask-email", metavar="ADDRESS", default=None, callback=_email,
              help="The group's email address: the HTML reader's copy then has email links to ask "
                   "about each listed word and long paragraph (config: ask_email).")
@run_options
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.pass_context
def annotate(ctx: click.Context, papers: Sequence[str], output_format: str | None, output: str | None,
             appendix: bool, ask_email: str | None, **options: Any) -> int:
    """Write an annotated copy of each paper: comments, highlights or a reader's copy."""
    from plainspeak.cli.check import apply_options, resolve_config
    from plainspeak.engine import load_glossaries

    config = resolve_config(papers, options)
    apply_options(config, {**_CHECK_DEFAULTS, **options}, ctx.obj.get("debug", False) if ctx.obj else False)
    glossaries = load_glossaries(config.settings)
    run = Run(output_format, output, len(papers) > 1, appendix, config.settings, glossaries, tuple(papers),
              ask_email or config.run.ask_email)
    worst = ExitCode.OK
    for path, name in zip(papers, copy_names(papers, output_format, run.folder())):
        try:
            click.echo(printable(annotate_one(path, name, run)))
        except PlainspeakError as error:
            click.echo(f"plainspeak: {error.line()}", err=True)
            worst = max(worst, error.exit_code)
    return int(worst)


# The options ``check`` reads that annotate does not offer.
_CHECK_DEFAULTS: dict[str, Any] = {"fail_on": None, "include": (), "exclude": (), "jobs": None,
                                   "no_cache": True, "cache_dir": None}


@dataclass
class Run:
    """What every paper of one ``annotate`` run shares, and the copies it has written."""

    output_format: str | None
    output: str | None
    several: bool
    appendix: bool
    settings: Settings
    glossaries: GlossarySet
    papers: tuple[str, ...]
    ask_email: str | None = None  # the reader's copy's email ask route
    written: dict[str, str] = field(default_factory=dict)  # each copy's real path -> its paper's

    def folder(self) -> Path | None:
        """The --output folder, or None when copies go beside their papers or to one file."""
        if self.output is None:
            return None
        where = Path(self.output)
        try:
            return where if self.several or where.is_dir() else None
        except OSError:  # in a folder that cannot be searched: writing the file there will say so, per paper
            return None


def annotate_one(path: str, name: CopyName, run: Run) -> str:
    """Load, check and annotate one paper; return the line to show."""
    from plainspeak.atomic import atomic_write
    from plainspeak.engine import check_paper, time_left
    from plainspeak.loaders import load
    from plainspeak.loaders.isolate import IsolatedRead
    from plainspeak.nlp.pipeline import build_pipeline
    from plainspeak.runner.pool import default_jobs
    from plainspeak.writers import FORMATS, default_format, write_copy

    settings, glossaries = run.settings, run.glossaries
    limits = settings.limits
    if settings.isolate:  # read while the pipeline loads, on another core
        with IsolatedRead(Path(path), limits) as read:
            nlp = build_pipeline(settings, glossaries)  # for the run, outside the paper's time
            paper = read.result()
        used = read.seconds
    else:
        nlp = build_pipeline(settings, glossaries)
        started = time.monotonic()
        paper = load(path, limits=limits)
        used = time.monotonic() - started
    chosen = run.output_format or default_format(paper.format)
    accepted = FORMATS[chosen][2]
    if accepted is not None and paper.format not in accepted:
        raise OutputError(E403, path, f"a {chosen.upper()} copy needs a {chosen.upper()} paper, "
                                      f"and this is {paper.format}")
    # Papers are annotated one at a time, so each may share its parse among the cores.
    shared = replace(settings, processes=default_jobs())
    started = time.monotonic()
    with time_left(path, limits, used):  # reading, checking and writing the copy share one limit
        result = check_paper(paper, shared, glossaries, nlp)
    used += time.monotonic() - started
    source = _source(path, paper.sha256, limits) if chosen in ("docx", "pdf") else b""
    extra = {"ask_email": run.ask_email} if chosen == "html" and run.ask_email else {}
    if settings.isolate and source:  # a writer that parses the paper again gets a reader's caps
        from plainspeak.writers.isolate import write_isolated

        annotated = write_isolated(chosen, source, paper, result, glossaries, limits=limits,
                                   seconds=limits.timeout_s - used, appendix=run.appendix)
    else:
        with time_left(path, limits, used):
            annotated = write_copy(chosen, source, paper, result, glossaries, appendix=run.appendix, **extra)
    target = target_path(path, FORMATS[chosen][1], name, run)
    # A name the user gave is written through a link; one made here never is.
    atomic_write(target, annotated.data, protect=run.papers, follow=run.output is not None and run.folder() is None)
    unplaced = f"; {len(annotated.unplaced)} could not be placed ({_named(annotated.unplaced)})" \
        if annotated.unplaced else ""
    remarks = "".join(f"; {remark}" for remark in annotated.remarks)
    return f"{target}: {annotated.placed} note{'s' if annotated.placed != 1 else ''}{unplaced}{remarks}"


def _source(path: str, checked: str, limits: "Limits") -> bytes:
    """The paper's bytes again, for the writer: read with the loader's checks, and the same bytes that were checked.

    A paper moved away, swapped for a pipe or saved again while it was being
    checked is one clear line, and the batch goes on.
    """
    from plainspeak.loaders import read_file_bytes

    data = read_file_bytes(Path(path), limits)
    if checked and hashlib.sha256(data).hexdigest() != checked:
        raise InputError(E118, path, "its bytes are not those that were checked")
    return data


def _named(findings: Sequence["Finding"], most: int = 3) -> str:
    """ "PS201 at paragraph 125; PS101 'outturn' at page 3, line 4": which findings, so staff can find them."""
    named = [f"{f.code}{f' {f.term!r}' if f.term else ''} at {f.location.spoken()}" for f in findings[:most]]
    more = f" and {len(findings) - most} more" if len(findings) > most else ""
    return "; ".join(named) + more  # a place has commas of its own


def target_path(paper: str, copy_suffix: str, name: CopyName, run: Run) -> Path:
    """Where the paper's copy goes: beside it, in the --output folder, or --output itself.

    A copy another paper of the run has already written is refused (E404): the
    names chosen up front (:mod:`.annotate_names`) are meant to leave none, and
    should one be missed it must not silently replace another paper's copy.
    """
    folder = run.folder()
    if folder is not None:
        target = folder / name.file_name(paper, copy_suffix)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(E401, str(target.parent), error.strerror or str(error)) from None
    elif run.output is not None:
        target = Path(run.output)
    else:
        target = Path(paper).with_name(name.file_name(paper, copy_suffix).name)
    real, source = os.path.realpath(target), os.path.realpath(paper)
    if run.written.setdefault(real, source) != source:
        raise OutputError(E404, str(target), f"the copy of {_paper_named(run, run.written[real])} is there")
    return target


def _paper_named(run: Run, real: str) -> str:
    """The paper as the user named it, from its real path."""
    return next((paper for paper in run.papers if os.path.realpath(paper) == real), real)
