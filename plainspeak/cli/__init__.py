"""The ``plainspeak`` command. Subcommands load lazily so ``--help`` is fast."""

from __future__ import annotations

import importlib
import os
import sys

import click

from plainspeak import __version__

INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C

# name -> "module:attribute"; each subcommand lives in its own module.
COMMANDS: dict[str, str] = {
    "check": "plainspeak.cli.check:check",
    "rules": "plainspeak.cli.rules:rules",
    "glossary": "plainspeak.cli.glossary_cmds:glossary",
    "explain": "plainspeak.cli.glossary_cmds:explain",
    "ask": "plainspeak.cli.requests_cmds:ask",
    "serve": "plainspeak.cli.serve:serve",
    "annotate": "plainspeak.cli.annotate:annotate",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plainspeak")
@click.option("--debug", is_flag=True, help="Show full tracebacks for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Check meeting papers for unexplained jargon and hard-to-read passages."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def one_blas_thread() -> None:
    """Give numpy's BLAS one thread in this process, unless the environment says otherwise.

    plainspeak runs papers in parallel processes; BLAS threads on top of those
    only fight over the same cores. Read when numpy first loads its BLAS, so
    it is set before anything imports numpy.
    """
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        os.environ.setdefault(variable, "1")


def main(argv: list[str] | None = None) -> None:
    """Run the command; turn any error into one clear line and a named exit code."""
    from plainspeak.errors import ExitCode, PlainspeakError
    from plainspeak.loaders.quiet import quiet_parsers

    one_blas_thread()
    quiet_parsers()

    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        outcome = cli.main(args=argv, prog_name="plainspeak", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("plainspeak: stopped.", err=True)
        sys.exit(INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(ExitCode.USAGE)
    except PlainspeakError as error:
        if debug:
            raise
        click.echo(f"plainspeak: {error.line()}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("plainspeak: stopped.", err=True)
        sys.exit(INTERRUPTED)
    except Exception as error:  # noqa: BLE001 - the last guard before a traceback
        if debug:
            raise
        from plainspeak.safe_text import printable

        click.echo(
            f"plainspeak: unexpected error ({type(error).__name__}: {printable(str(error))}) - "
            "run again with --debug and report it",
            err=True,
        )
        sys.exit(ExitCode.INPUT)
    # Commands return their exit code; --help and --version return 0 or None.
    sys.exit(int(outcome) if isinstance(outcome, int) else ExitCode.OK)


def run() -> None:
    """The console script: :func:`main`, then out of the process at once.

    A check leaves the model and every parsed paper in memory, millions of
    small objects; letting the interpreter take each apart on the way out
    cost 0.15 s on a quiet machine and 0.4 s on a busy one, after the report
    was written (a tenth of checking a 72-page paper). Every output stream is
    flushed first; nothing of plainspeak's runs at exit, and the processes it
    started (readers, workers, helpers) are waited for before :func:`main`
    returns. A run stopped by Ctrl-C leaves the ordinary way, whose exit
    handlers stop any worker still running.
    """
    import logging

    code: object = 0
    try:
        main()  # ends in sys.exit
    except SystemExit as done:
        code = done.code
    if code == INTERRUPTED:
        sys.exit(code)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what the interpreter would print for a message
        code = 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            pass
    os._exit(code or 0)
