"""``plainspeak check PAPER_OR_FOLDER...``: findings for each paper, and an exit code for CI."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import click

from plainspeak.cli.options import run_options
from plainspeak.errors import ExitCode, InputError
from plainspeak.safe_text import printable

if TYPE_CHECKING:
    from plainspeak.config import Config
    from plainspeak.findings import Severity
    from plainspeak.reporters.notes import RunNotes
    from plainspeak.result import PaperResult

FAIL_LEVELS = ("error", "warning", "suggestion", "never")


@click.command()
@click.argument("papers", nargs=-1, required=True, type=click.Path(dir_okay=True, readable=False))
@click.option("--format", "output_format", default="text", show_default=True,
              help="Output format: text, json, sarif, junit, github or markdown.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding is at or above this severity (default: error).")
@run_options
@click.option("--isolated", is_flag=True, help="Ignore every config and ignore file.")
@click.option("--include", multiple=True, help="In folders, check files matching this glob (repeatable).")
@click.option("--exclude", multiple=True, help="In folders, skip paths matching this glob (repeatable).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to use: papers checked at once, or for one paper, processes sharing "
                   "its parse (default: one per core; 1 checks in this process).")
@click.option("--no-cache", is_flag=True, help="Check every paper again, even if unchanged.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Keep cached results here.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's findings as the baseline, and exit 0 unless a paper is unreadable.")
@click.option("--ignore-file", type=click.Path(dir_okay=False),
              help="Suppressions file (default: the nearest .plainspeak-ignore.toml).")
@click.pass_context
def check(ctx: click.Context, papers: Sequence[str], output_format: str, output: str | None,
          **options: Any) -> int:
    """Check papers or folders of papers (DOCX, PDF, text or Markdown) and report what needs explaining."""
    from plainspeak.reporters import FORMATS, get_reporter
    from plainspeak.reporters.notes import RunNotes

    if output_format not in FORMATS:
        raise click.BadParameter(f"choose one of {', '.join(sorted(FORMATS))}", param_hint="--format")
    config = resolve_config(papers, options)
    apply_options(config, options, ctx.obj.get("debug", False) if ctx.obj else False)
    results = check_papers(papers, config, options)
    notes = RunNotes()
    results = suppress(results, papers, options, notes)
    if options["write_baseline"]:
        return write_baseline(results, options["write_baseline"], papers)
    results = against_baseline(results, options["baseline"], notes)
    tell(results, notes)
    report = get_reporter(output_format).render(results, config.settings, run=notes)
    if output:
        from plainspeak.atomic import atomic_write

        atomic_write(output, report, protect=tuple(r.path for r in results))
    else:
        sys.stdout.write(report)
    return exit_code(results, config.settings.fail_on)


def start_folder(papers: Sequence[str]) -> Path:
    """Where config and ignore files are looked for: the folder holding every paper given."""
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in papers]
    return Path(os.path.commonpath(folders))


def resolve_config(papers: Sequence[str], options: dict[str, Any]) -> "Config":
    from plainspeak.config import Config, find_config, load_config

    if options["config_file"]:
        return load_config(options["config_file"])
    if options["isolated"]:
        return Config()
    return load_config(find_config(start_folder(papers)))


def apply_options(config: "Config", options: dict[str, Any], debug: bool) -> None:
    """Command-line options win over the config file; lists add to it."""
    from plainspeak.findings import Severity

    settings, run = config.settings, config.run
    settings.glossaries = [*settings.glossaries, *(str(Path(g).resolve()) for g in options["glossaries"])]
    if options["no_shipped_glossaries"]:
        settings.use_shipped_glossaries = False
    if options["model"]:
        settings.model = options["model"]
    settings.select = (settings.select - set(options["ignore"])) | set(options["select"])
    settings.ignore = (settings.ignore - set(options["select"])) | set(options["ignore"])
    if options["fail_on"]:
        settings.fail_on = None if options["fail_on"] == "never" else Severity.parse(options["fail_on"])
    if options["timeout"] is not None:
        settings.limits = replace(settings.limits, timeout_s=options["timeout"])
    settings.debug = debug
    run.include = tuple(options["include"]) or run.include
    run.exclude = (*run.exclude, *options["exclude"])
    run.jobs = options["jobs"] or run.jobs
    run.cache = run.cache and not options["no_cache"]
    run.cache_dir = options["cache_dir"] or run.cache_dir


def check_papers(papers: Sequence[str], config: "Config", options: dict[str, Any]) -> list["PaperResult"]:
    from plainspeak.cache import ResultCache, default_cache_dir
    from plainspeak.result import PaperResult
    from plainspeak.runner import progress
    from plainspeak.runner.batch import run_batch
    from plainspeak.runner.collect import collect_papers
    from plainspeak.runner.pool import default_jobs

    unreadable: list[InputError] = []
    paths = collect_papers(papers, config.run.include, config.run.exclude, unreadable)
    if not paths and not unreadable:
        raise click.UsageError("no papers found; check the paths and --include/--exclude globs")
    # A folder that could not be read is reported as a paper that could not be,
    # first, so the exit code and every format tell of it.
    results = [PaperResult(path=error.subject, error=error) for error in unreadable]
    cache = None
    if config.run.cache:
        cache = ResultCache(config.run.cache_dir or default_cache_dir(config.path), config.settings)
    return results + run_batch(paths, config.settings, jobs=config.run.jobs or default_jobs(), cache=cache,
                               progress=progress.wanted())


def suppress(results: list["PaperResult"], papers: Sequence[str], options: dict[str, Any],
             notes: "RunNotes") -> list["PaperResult"]:
    from plainspeak.suppressions import apply_suppressions, find_ignore_file, read_ignore_file

    path = options["ignore_file"]
    if path is None and not options["isolated"]:
        path = find_ignore_file(start_folder(papers))
    if path is None:
        return results
    return apply_suppressions(results, read_ignore_file(path), notes)


def write_baseline(results: list["PaperResult"], file: str, papers: Sequence[str]) -> int:
    from plainspeak.baseline import write_baseline as write

    count = write(results, file, protect=tuple(r.path for r in results))
    click.echo(f"plainspeak: wrote {count} finding{'s' if count != 1 else ''} to the baseline {printable(file)}",
               err=True)
    for result in results:
        if result.error is not None:
            click.echo(f"plainspeak: {result.error.line()}", err=True)
    return ExitCode.INPUT if any(r.error is not None for r in results) else ExitCode.OK


def against_baseline(results: list["PaperResult"], file: str | None, notes: "RunNotes") -> list["PaperResult"]:
    if not file:
        return results
    from plainspeak.baseline import apply_baseline, read_baseline

    kept, notes.baselined = apply_baseline(results, read_baseline(file), file)
    notes.baseline = file
    return kept


def tell(results: Sequence["PaperResult"], notes: "RunNotes") -> None:
    """Lines on stderr, whatever the format: unreadable papers and ignore-file notices.

    Not in the text report, so the findings on stdout stay one kind of line
    (``path:line:col: CODE ...``) that an editor or ``grep`` can take as it is;
    the machine formats carry the same errors in their own structure.
    """
    for result in results:
        if result.error is not None:
            click.echo(f"plainspeak: {result.error.line()}", err=True)
    for notice in notes.notices:
        where = f"{notice.file}:{notice.line}: " if notice.line else (f"{notice.file}: " if notice.file else "")
        click.echo(f"plainspeak: warning: {printable(where + notice.message)}", err=True)


def exit_code(results: Sequence["PaperResult"], fail_on: "Severity | None") -> int:
    """3 if a paper could not be read, else 1 if a finding reaches ``fail_on``, else 0."""
    if any(result.error is not None for result in results):
        return ExitCode.INPUT
    if fail_on is not None:
        for result in results:
            if any(f.severity >= fail_on for f in result.findings):
                return ExitCode.FINDINGS
    return ExitCode.OK
