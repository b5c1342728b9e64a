"""Command-line options that several commands offer, declared once so their help reads the same.

Beside them are the few steps that turn those options' values into what the
commands work on: the glossaries in force, the request store, a typed phrase.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Callable, Sequence, TypeVar

import click

from plainspeak.loaders.limits import DEFAULT_LIMITS, checked_limit

if TYPE_CHECKING:
    from plainspeak.glossary.model import GlossarySet
    from plainspeak.requests_store import RequestStore

F = TypeVar("F", bound=Callable[..., object])
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")

glossary_option = click.option(
    "--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
    help="A glossary of your own (YAML or CSV); repeat for more. Later ones win.")
no_shipped_option = click.option(
    "--no-shipped-glossaries", is_flag=True, help="Use only the glossaries you name.")
model_option = click.option(
    "--model", help="An installed spaCy pipeline name or path (default: the built-in one).")
store_option = click.option(
    "--store", type=click.Path(dir_okay=False),
    help="The requests database (default: $PLAINSPEAK_STORE, else in your data folder).")


class LimitType(click.ParamType):
    """A number for one of the :class:`~plainspeak.loaders.limits.Limits`, in the range a config file allows."""

    name = "number"

    def __init__(self, field: str) -> None:
        self.field = field

    def convert(self, value, param, ctx) -> float | int:  # noqa: ANN001 - click's signature
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number", param, ctx)
        try:
            return checked_limit(self.field, number)
        except ValueError as error:  # its message says the range allowed
            self.fail(str(error), param, ctx)


timeout_option = click.option(
    "--timeout", type=LimitType("timeout_s"), default=None,
    help=f"Seconds allowed to read and check one paper (default {DEFAULT_LIMITS.timeout_s:g}).")

# The settings ``check`` and ``annotate`` both take, in the order --help lists them.
_RUN_OPTIONS = (
    glossary_option,
    no_shipped_option,
    model_option,
    click.option("--select", multiple=True, help="Turn on a rule by code or name (repeatable)."),
    click.option("--ignore", multiple=True, help="Turn off a rule by code or name (repeatable)."),
    timeout_option,
    click.option("--config", "config_file", type=click.Path(dir_okay=False),
                 help="Read settings from this file instead of looking for one."),
)


def run_options(command: F) -> F:
    """Add the glossary, model, rule, time-limit and config options a checking command takes."""
    # Decorators apply bottom-up, so apply them last-first to keep the listed order.
    for option in reversed(_RUN_OPTIONS):
        command = option(command)
    return command


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


def glossaries_in_force(glossaries: Sequence[str], no_shipped: bool = False) -> GlossarySet:
    """The shipped glossaries (unless ``no_shipped``) with the named ones layered on top."""
    from plainspeak.glossary.load import load_glossary_set

    return load_glossary_set(list(glossaries), shipped=not no_shipped)


def request_store(path: str | None) -> RequestStore:
    """The store of requests at ``path``, or the default one."""
    from plainspeak.requests_store import RequestStore

    return RequestStore(path)


def words(parts: Sequence[str]) -> str:
    """The words typed as separate arguments, as one phrase with single spaces."""
    return " ".join(" ".join(parts).split())
