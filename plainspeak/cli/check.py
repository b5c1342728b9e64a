"""``plainspeak check PAPER...``: findings for each paper, and an exit code for CI."""

from __future__ import annotations

import sys
from typing import Sequence

import click

from plainspeak.errors import ExitCode

FAIL_LEVELS = ("error", "warning", "suggestion", "never")


@click.command()
@click.argument("papers", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--format", "output_format", default="text", show_default=True,
              help="Output format: text or json.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding is at or above this severity (default: error).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="A glossary of your own (YAML or CSV); repeat for more. Later ones win.")
@click.option("--no-shipped-glossaries", is_flag=True, help="Use only the glossaries you name.")
@click.option("--model", help="An installed spaCy pipeline name or path (default: the built-in one).")
@click.option("--select", multiple=True, help="Turn on a rule by code or name (repeatable).")
@click.option("--ignore", multiple=True, help="Turn off a rule by code or name (repeatable).")
@click.option("--timeout", type=float, default=None, help="Seconds allowed to read one paper (default 60).")
@click.pass_context
def check(ctx: click.Context, papers: Sequence[str], output_format: str, output: str | None,
          fail_on: str | None, glossaries: Sequence[str], no_shipped_glossaries: bool,
          model: str | None, select: Sequence[str], ignore: Sequence[str],
          timeout: float | None) -> int:
    """Check papers (DOCX, PDF, text or Markdown) and report what needs explaining."""
    from plainspeak.atomic import atomic_write
    from plainspeak.engine import check_path, load_glossaries
    from plainspeak.findings import Severity
    from plainspeak.reporters import FORMATS, get_reporter
    from plainspeak.settings import Settings

    if output_format not in FORMATS:
        raise click.BadParameter(f"choose one of {', '.join(sorted(FORMATS))}", param_hint="--format")
    settings = Settings(model=model, glossaries=list(glossaries),
                        use_shipped_glossaries=not no_shipped_glossaries,
                        select=set(select), ignore=set(ignore), debug=ctx.obj.get("debug", False))
    if fail_on and fail_on != "never":
        settings.fail_on = Severity.parse(fail_on)
    if timeout is not None:
        settings.timeout_s = timeout
    glossary_set = load_glossaries(settings)
    results = [check_path(path, settings, glossary_set) for path in papers]
    for result in results:
        if result.error is not None and (output or output_format != "text"):
            click.echo(f"plainspeak: {result.error.line()}", err=True)
    report = get_reporter(output_format).render(results, settings)
    if output:
        atomic_write(output, report, protect=tuple(papers))
    else:
        sys.stdout.write(report)
    return exit_code(results, None if fail_on == "never" else settings.fail_on)


def exit_code(results, fail_on) -> int:
    """3 if a paper could not be read, else 1 if a finding reaches ``fail_on``, else 0."""
    if any(result.error is not None for result in results):
        return ExitCode.INPUT
    if fail_on is not None:
        for result in results:
            if any(f.severity >= fail_on for f in result.findings):
                return ExitCode.FINDINGS
    return ExitCode.OK
