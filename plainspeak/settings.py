"""The settings in force for one run, whatever set them.

Defaults live here, but for the loader's limits, which live on
:class:`~plainspeak.loaders.limits.Limits`. ``plainspeak.config`` fills a
:class:`Settings` from ``[tool.plainspeak]`` or ``plainspeak.toml`` and the
command line. Rules read their own options through :meth:`Settings.rule_option`,
each with a default declared on the rule, so a new option needs no change here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plainspeak.findings import Severity
from plainspeak.loaders.limits import DEFAULT_LIMITS, Limits


@dataclass(frozen=True, slots=True)
class PathOverride:
    """Settings that apply only to papers matching ``paths`` (globs).

    Globs are relative to :attr:`Settings.root`, the config file's folder.
    Overrides change which rules run and how findings are graded, never the
    model or glossaries, so one parsed pipeline serves every paper in a run.
    """

    paths: tuple[str, ...]
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severities: tuple[tuple[str, Severity], ...] = ()
    rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    accepted_terms: frozenset[str] = frozenset()


@dataclass(slots=True)
class Settings:
    model: str | None = None  # None: the shipped pipeline
    glossaries: list[str] = field(default_factory=list)  # user glossaries, applied in order
    use_shipped_glossaries: bool = True
    fail_on: Severity | None = Severity.ERROR  # None: never fail on findings
    select: set[str] = field(default_factory=set)  # rule codes or names to enable
    ignore: set[str] = field(default_factory=set)  # rule codes or names to turn off
    severities: dict[str, Severity] = field(default_factory=dict)  # code -> severity
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> options
    accepted_terms: set[str] = field(default_factory=set)  # never flagged
    names: set[str] = field(default_factory=set)  # local register of people, places, bodies
    widely_known: set[str] = field(default_factory=set)  # acronyms exempt beyond the shipped list
    strict_sections: tuple[str, ...] = (
        "summary",
        "executive summary",
        "recommendation",
        "recommendations",
        "decision required",
        "decisions required",
        "purpose of report",
        "purpose of the report",
    )
    limits: Limits = DEFAULT_LIMITS  # the loader's
    isolate: bool = True  # load each paper in a child process with limits
    processes: int = 1  # processes one paper's parse may use (set by the run, never by config)
    overrides: tuple[PathOverride, ...] = ()  # per-path settings, later ones win
    root: str = ""  # the folder override globs are relative to ("" = working directory)
    debug: bool = False

    def rule_option(self, code: str, name: str, default: Any) -> Any:
        return self.rule_options.get(code, {}).get(name, default)

    def cache_key(self) -> str:
        """A stable text of everything that can change a paper's findings."""
        parts = [
            f"model={self.model}",
            f"glossaries={self.glossaries}",
            f"shipped={self.use_shipped_glossaries}",
            f"select={sorted(self.select)}",
            f"ignore={sorted(self.ignore)}",
            f"severities={sorted((k, v.value) for k, v in self.severities.items())}",
            f"options={sorted((k, sorted(v.items())) for k, v in self.rule_options.items())}",
            f"accepted={sorted(self.accepted_terms)}",
            f"names={sorted(self.names)}",
            f"known={sorted(self.widely_known)}",
            f"strict={self.strict_sections}",
        ]
        return "|".join(parts)
