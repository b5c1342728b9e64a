"""Checking and converting the values of a config file, each error naming its key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plainspeak.errors import E202, ConfigError
from plainspeak.findings import Severity
from plainspeak.settings import PathOverride
from plainspeak.settings_files import read_settings_text

FAIL_LEVELS = ("error", "warning", "suggestion", "never")


@dataclass(frozen=True, slots=True)
class Where:
    """The file and dotted key a value came from, for error messages and paths."""

    file: Path
    prefix: str = ""  # "tool.plainspeak." for pyproject.toml

    def key(self, name: str) -> "Where":
        return Where(self.file, f"{self.prefix}{name}.")

    @property
    def name(self) -> str:
        return self.prefix.rstrip(".")

    def error(self, problem: str) -> ConfigError:
        return ConfigError(E202, str(self.file), f"key '{self.name}': {problem}")

    def resolve(self, path: str) -> Path:
        """A path written in the file, relative to the file's folder."""
        return (self.file.parent / Path(path).expanduser()).resolve()

    def resolve_if_path(self, value: str) -> str:
        """A model is a package name or a path; only the latter is made absolute."""
        looks_like_path = "/" in value or "\\" in value or value.startswith(".")
        return str(self.resolve(value)) if looks_like_path else value


def typed(value: Any, kind: Any, at: Where, expected: str) -> Any:
    if not isinstance(value, kind):
        raise at.error(f"expected {expected}, got {type(value).__name__} {value!r}")
    return value


def words(value: Any, at: Where) -> list[str]:
    """A list of non-empty strings."""
    items = typed(value, list, at, "a list of strings")
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise at.error(f"expected a list of strings, and {item!r} is not a non-empty string")
    return [item.strip() for item in items]


def rule_code(identifier: str, at: Where) -> str:
    """The code of a rule named by code, old code or name."""
    from plainspeak.rules import resolve

    rule = resolve(identifier)
    if rule is None:
        raise at.error(f"no rule called {identifier!r}; run 'plainspeak rules' to list them")
    return rule.code


def rule_codes(value: Any, at: Where) -> list[str]:
    return [rule_code(item, at) for item in words(value, at)]


def severity(value: Any, at: Where) -> Severity:
    text = typed(value, str, at, "error, warning or suggestion")
    try:
        return Severity.parse(text)
    except ValueError:
        raise at.error(f"{text!r} is not error, warning or suggestion") from None


def fail_level(value: Any, at: Where) -> Severity | None:
    text = typed(value, str, at, "one of " + ", ".join(FAIL_LEVELS))
    if text.strip().lower() == "never":
        return None
    return severity(text, at)


def severities_from(value: Any, at: Where) -> dict[str, Severity]:
    table = typed(value, dict, at, "a table of rule = severity")
    return {rule_code(k, at.key(k)): severity(v, at.key(k)) for k, v in table.items()}


def rule_options_from(value: Any, at: Where) -> dict[str, dict[str, Any]]:
    """``[rules.PS201] max_words = 25``: each option must exist and keep its type."""
    from plainspeak.rules import resolve

    options: dict[str, dict[str, Any]] = {}
    for identifier, raw in typed(value, dict, at, "a table of rule tables").items():
        code = rule_code(identifier, at.key(identifier))
        rule = resolve(code)
        table = typed(raw, dict, at.key(identifier), "a table of options")
        for name, given in table.items():
            _check_option(rule.options, name, given, at.key(identifier).key(name))
        options[code] = dict(table)
    return options


def _check_option(known: dict[str, Any], name: str, given: Any, at: Where) -> None:
    if name not in known:
        listed = ", ".join(sorted(known)) or "none"
        raise at.error(f"the rule has no such option (its options: {listed})")
    default = known[name]
    if isinstance(default, bool) or isinstance(given, bool):
        if type(default) is not type(given):
            raise at.error(f"expected true or false, like the default {default!r}")
    elif isinstance(default, (int, float)):
        if not isinstance(given, (int, float)) or (isinstance(default, int) and isinstance(given, float)):
            raise at.error(f"expected a number like the default {default!r}, got {given!r}")
    elif default is not None and not isinstance(given, type(default)):
        raise at.error(f"expected {type(default).__name__} like the default {default!r}, got {given!r}")


def overrides_from(value: Any, at: Where) -> tuple[PathOverride, ...]:
    """``[[overrides]] paths = [...]`` with select/ignore/severity/rules/accept."""
    items = typed(value, list, at, "an array of tables ([[overrides]])")
    return tuple(_override(item, at.key(str(index))) for index, item in enumerate(items))


_OVERRIDE_KEYS = ("paths", "select", "ignore", "severity", "rules", "accept")


def _override(item: Any, at: Where) -> PathOverride:
    table = typed(item, dict, at, "a table")
    for key in table:
        if key not in _OVERRIDE_KEYS:
            raise at.key(key).error(f"not allowed in an override; use one of {', '.join(_OVERRIDE_KEYS)}")
    if "paths" not in table:
        raise at.key("paths").error("every override needs paths = [\"glob\", ...]")
    options = rule_options_from(table.get("rules", {}), at.key("rules"))
    return PathOverride(
        paths=tuple(words(table["paths"], at.key("paths"))),
        select=frozenset(rule_codes(table.get("select", []), at.key("select"))),
        ignore=frozenset(rule_codes(table.get("ignore", []), at.key("ignore"))),
        severities=tuple(sorted(severities_from(table.get("severity", {}), at.key("severity")).items())),
        rule_options=tuple(sorted((k, tuple(sorted(v.items()))) for k, v in options.items())),
        accepted_terms=frozenset(words(table.get("accept", []), at.key("accept"))),
    )


def names_from_file(path: Path, at: Where) -> set[str]:
    """One name per line; blank lines and ``#`` comments skipped."""
    try:
        text = read_settings_text(path)
    except OSError as error:
        raise at.error(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise at.error(f"{path} is not UTF-8 text") from None
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return {name for name in names if name}
