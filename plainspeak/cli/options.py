"""Command-line options that several commands offer, declared once so their help reads the same."""

from __future__ import annotations

from typing import Callable, TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])

glossary_option = click.option(
    "--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
    help="A glossary of your own (YAML or CSV); repeat for more. Later ones win.")
no_shipped_option = click.option(
    "--no-shipped-glossaries", is_flag=True, help="Use only the glossaries you name.")

# The settings ``check`` and ``annotate`` both take, in the order --help lists them.
_RUN_OPTIONS = (
    glossary_option,
    no_shipped_option,
    click.option("--model", help="An installed spaCy pipeline name or path (default: the built-in one)."),
    click.option("--select", multiple=True, help="Turn on a rule by code or name (repeatable)."),
    click.option("--ignore", multiple=True, help="Turn off a rule by code or name (repeatable)."),
    click.option("--timeout", type=float, default=None, help="Seconds allowed to read one paper (default 60)."),
    click.option("--config", "config_file", type=click.Path(dir_okay=False),
                 help="Read settings from this file instead of looking for one."),
)


def run_options(command: F) -> F:
    """Add the glossary, model, rule, time-limit and config options a checking command takes."""
    # Decorators apply bottom-up, so apply them last-first to keep the listed order.
    for option in reversed(_RUN_OPTIONS):
        command = option(command)
    return command
