"""Read ``[tool.plainspeak]`` in ``pyproject.toml`` or ``plainspeak.toml`` into Settings.

The config file is found upward from the papers (the nearest folder holding
one wins; in one folder ``plainspeak.toml`` beats ``.plainspeak.toml`` beats
``pyproject.toml``, which only counts if it has a ``[tool.plainspeak]``
table). Paths in it are relative to the file. Every mistake is a
:class:`ConfigError` (E202) naming the file and the key, so a typo never
silently turns a rule off.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from plainspeak.config_values import (
    Where,
    fail_level,
    names_from_file,
    overrides_from,
    rule_codes,
    rule_options_from,
    severities_from,
    typed,
    words,
)
from plainspeak.errors import E202, ConfigError
from plainspeak.loaders.limits import Limits, checked_limit
from plainspeak.settings import Settings
from plainspeak.settings_files import read_settings_text, reason

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("plainspeak.toml", ".plainspeak.toml", "pyproject.toml")

# A ``[limits]`` key -> the Limits field it sets ("timeout" -> timeout_s).
LIMIT_KEYS = {f.metadata.get("key", f.name): f.name for f in fields(Limits)}


@dataclass(slots=True)
class RunOptions:
    """How a run goes, as opposed to what it finds (so not part of the cache key)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jobs: int | None = None  # None: one per core
    cache: bool = True
    cache_dir: str | None = None
    ask_email: str | None = None  # where a reader's copy sends asks, as email


@dataclass(slots=True)
class Config:
    """Settings and run options, and the file they came from (None: defaults)."""

    settings: Settings = field(default_factory=Settings)
    run: RunOptions = field(default_factory=RunOptions)
    path: Path | None = None


def find_config(start: str | Path) -> Path | None:
    """The nearest config file in ``start`` or a folder above it."""
    for folder in folders_up(start):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if _is_file(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a folder that cannot be looked in has none to find."""
    try:
        return path.is_file()
    except OSError:
        return False


def folders_up(start: str | Path) -> tuple[Path, ...]:
    """``start`` (or, for a file, its folder) and every folder above it, nearest first."""
    here = Path(start).resolve()
    try:
        if here.is_file() or not here.exists():
            here = here.parent
    except OSError:  # it cannot be looked at: start from the folder it is in
        here = here.parent
    return (here, *here.parents)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(read_settings_text(pyproject))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False  # someone else's broken pyproject is not our config
    tool = data.get("tool")
    return isinstance(tool, dict) and isinstance(tool.get("plainspeak"), dict)


def load_config(path: str | Path | None) -> Config:
    """Read the config file at ``path`` (None: the defaults)."""
    if path is None:
        return Config()
    file = Path(path).resolve()
    table = read_table(file)
    prefix = "tool.plainspeak." if file.name == "pyproject.toml" else ""
    config = Config(path=file)
    config.settings.root = str(file.parent)
    apply_table(config, table, Where(file, prefix))
    return config


def read_table(file: Path) -> dict[str, Any]:
    """The plainspeak table of a config file: ``tool.plainspeak`` or the top level."""
    try:
        data = tomllib.loads(read_settings_text(file))
    except FileNotFoundError:
        raise ConfigError(E202, str(file), "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(E202, str(file), f"cannot read it: {reason(error)}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(E202, str(file), f"not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(E202, str(file), "not valid TOML: nested too deeply") from None
    if file.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("plainspeak", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(E202, str(file), "key 'tool.plainspeak': expected a table")
        return table
    return data


def apply_table(config: Config, table: dict[str, Any], where: Where) -> None:
    """Fill ``config`` from a parsed table; unknown keys are errors."""
    settings, run = config.settings, config.run
    for key, value in table.items():
        at = where.key(key)
        handler = _HANDLERS.get(key)
        if handler is None:
            raise at.error(f"unknown setting; known ones are {', '.join(sorted(_HANDLERS))}")
        handler(settings, run, value, at)


def _glossaries(settings: Settings, run: RunOptions, value: Any, at: Where) -> None:
    settings.glossaries = [str(at.resolve(p)) for p in words(value, at)]


def _limits(settings: Settings, run: RunOptions, value: Any, at: Where) -> None:
    for key, raw in typed(value, dict, at, "a table").items():
        if key not in LIMIT_KEYS:
            raise at.key(key).error(f"unknown limit; known ones are {', '.join(LIMIT_KEYS)}")
        attribute = LIMIT_KEYS[key]
        try:
            number = checked_limit(attribute, raw)
        except ValueError as error:
            raise at.key(key).error(str(error)) from None
        settings.limits = replace(settings.limits, **{attribute: number})


def _jobs(settings: Settings, run: RunOptions, value: Any, at: Where) -> None:
    jobs = typed(value, int, at, "a whole number")
    if isinstance(jobs, bool) or jobs < 1:
        raise at.error("expected a whole number of 1 or more")
    run.jobs = jobs


def _names(settings: Settings, run: RunOptions, value: Any, at: Where) -> None:
    settings.names |= set(words(value, at))


def _names_file(settings: Settings, run: RunOptions, value: Any, at: Where) -> None:
    settings.names |= names_from_file(at.resolve(typed(value, str, at, "a path")), at)


def _ask_email(value: Any, at: Where) -> str:
    from plainspeak.email_address import EXPECTED, is_email_address

    address = typed(value, str, at, "an email address")
    if not is_email_address(address):
        raise at.error(EXPECTED)
    return address


def _set(attribute: str, convert: Any) -> Any:
    def handler(settings: Settings, run: RunOptions, value: Any, at: Where) -> None:
        target = run if hasattr(run, attribute) else settings
        setattr(target, attribute, convert(value, at))
    return handler


_HANDLERS = {
    "glossaries": _glossaries,
    "shipped_glossaries": _set("use_shipped_glossaries", lambda v, at: typed(v, bool, at, "true or false")),
    "model": _set("model", lambda v, at: str(at.resolve_if_path(typed(v, str, at, "a name or path")))),
    "select": _set("select", lambda v, at: set(rule_codes(v, at))),
    "ignore": _set("ignore", lambda v, at: set(rule_codes(v, at))),
    "fail_on": _set("fail_on", fail_level),
    "severity": _set("severities", severities_from),
    "rules": _set("rule_options", rule_options_from),
    "overrides": _set("overrides", overrides_from),
    "accept": _set("accepted_terms", lambda v, at: set(words(v, at))),
    "names": _names,
    "names_file": _names_file,
    "widely_known": _set("widely_known", lambda v, at: set(words(v, at))),
    "strict_sections": _set("strict_sections", lambda v, at: tuple(w.casefold() for w in words(v, at))),
    "limits": _limits,
    "include": _set("include", lambda v, at: tuple(words(v, at))),
    "exclude": _set("exclude", lambda v, at: tuple(words(v, at))),
    "jobs": _jobs,
    "cache": _set("cache", lambda v, at: typed(v, bool, at, "true or false")),
    "cache_dir": _set("cache_dir", lambda v, at: str(at.resolve(typed(v, str, at, "a path")))),
    "ask_email": _set("ask_email", _ask_email),
}


def settings_for(settings: Settings, paper_path: str | Path) -> Settings:
    """The settings for one paper: ``settings`` with matching overrides laid on, in order."""
    if not settings.overrides:
        return settings
    from plainspeak.runner.globs import matches

    relative = relative_to(paper_path, settings.root)
    chosen = [o for o in settings.overrides if matches(relative, o.paths)]
    if not chosen:
        return settings
    merged = replace(
        settings,
        select=set(settings.select), ignore=set(settings.ignore),
        severities=dict(settings.severities),
        rule_options={k: dict(v) for k, v in settings.rule_options.items()},
        accepted_terms=set(settings.accepted_terms),
    )
    for override in chosen:
        # A later select undoes an earlier ignore of the same rule, and the other way round.
        merged.ignore = (merged.ignore - override.select) | override.ignore
        merged.select = (merged.select - override.ignore) | override.select
        merged.severities.update(override.severities)
        for code, options in override.rule_options:
            merged.rule_options.setdefault(code, {}).update(options)
        merged.accepted_terms |= override.accepted_terms
    return merged


def relative_to(path: str | Path, root: str | Path) -> str:
    """``path`` relative to ``root`` (or the working directory), with ``/`` separators."""
    import os

    base = Path(root) if root else Path.cwd()
    relative = os.path.relpath(Path(path).resolve(), base.resolve())
    return Path(relative).as_posix()
