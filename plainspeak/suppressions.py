"""Suppressions kept outside the paper, in ``.plainspeak-ignore.toml``.

A paper is often published as it is, so a finding cannot be silenced in its
text. Instead each entry names papers (globs, relative to the ignore file)
and a term, fingerprint or rule, with the reason and who approved it, and
maybe a date it expires. Expired entries stop working and are reported;
entries that matched nothing in a run that checked their papers are
reported too, so the file does not rot.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

from plainspeak.errors import E203, ConfigError
from plainspeak.findings import Finding
from plainspeak.reporters.notes import RunNotes, RunNotice, Suppressed
from plainspeak.result import PaperResult
from plainspeak.settings_files import read_settings_text, reason

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

IGNORE_FILE_NAME = ".plainspeak-ignore.toml"
_SELECTORS = ("term", "fingerprint", "rule")
_KEYS = ("paper", "papers", *_SELECTORS, "reason", "approved_by", "expires")


@dataclass(frozen=True, slots=True)
class Entry:
    papers: tuple[str, ...]
    term: str | None
    fingerprint: str | None
    rule: str | None
    reason: str
    approved_by: str
    expires: dt.date | None
    line: int | None  # of its ``[[ignore]]`` header

    def describe(self) -> str:
        what = ", ".join(f"{k} {getattr(self, k)!r}" for k in _SELECTORS if getattr(self, k))
        return f"{what} in {', '.join(self.papers)}"

    def covers(self, finding: Finding) -> bool:
        if self.rule and finding.code != self.rule:
            return False
        if self.fingerprint and finding.fingerprint != self.fingerprint:
            return False
        subject = (finding.term or finding.text or "").casefold()
        return not self.term or self.term.casefold() == subject


@dataclass(frozen=True, slots=True)
class IgnoreFile:
    path: Path
    entries: tuple[Entry, ...]


def find_ignore_file(start: str | Path) -> Path | None:
    """The nearest ``.plainspeak-ignore.toml`` in ``start`` or a folder above it."""
    from plainspeak.config import folders_up

    for folder in folders_up(start):
        if (folder / IGNORE_FILE_NAME).is_file():
            return folder / IGNORE_FILE_NAME
    return None


def read_ignore_file(path: str | Path) -> IgnoreFile:
    file = Path(path).resolve()
    try:
        text = read_settings_text(file)
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError(E203, str(file), "no such file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(E203, str(file), f"cannot read it: {reason(error)}") from None
    except RecursionError:
        raise ConfigError(E203, str(file), "cannot read it: nested too deeply") from None
    unknown = sorted(set(data) - {"ignore"})
    if unknown:
        raise ConfigError(E203, str(file), f"key {unknown[0]!r}: unknown; entries go in [[ignore]] tables")
    raw = data.get("ignore", [])
    if not isinstance(raw, list):
        raise ConfigError(E203, str(file), "key 'ignore': expected [[ignore]] tables")
    lines = _header_lines(text)
    entries = tuple(_entry(item, index, file, lines) for index, item in enumerate(raw))
    return IgnoreFile(file, entries)


def _header_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip().startswith("[[ignore]]")]


def _entry(item: Any, index: int, file: Path, lines: list[int]) -> Entry:
    line = lines[index] if index < len(lines) else None
    fail = lambda problem: ConfigError(E203, f"{file}:{line}" if line else str(file),  # noqa: E731
                                       f"entry {index + 1}: {problem}")
    if not isinstance(item, dict):
        raise fail("expected a table")
    for key in item:
        if key not in _KEYS:
            raise fail(f"unknown key {key!r}; use {', '.join(_KEYS)}")
    papers = _papers(item, fail)
    if not any(item.get(k) for k in _SELECTORS):
        raise fail("say what to ignore: term, fingerprint or rule")
    text = {k: _text(item, k, fail) for k in (*_SELECTORS, "reason")}
    if not text["reason"]:
        raise fail("every entry needs a reason")
    return Entry(papers, text["term"], text["fingerprint"], _rule(text["rule"], fail),
                 text["reason"], _approvers(item.get("approved_by"), fail),
                 _expiry(item.get("expires"), fail), line)


def _text(item: dict[str, Any], key: str, fail: Any) -> str | None:
    value = item.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise fail(f"{key} must be non-empty text")
    return value.strip() if value else None


def _papers(item: dict[str, Any], fail: Any) -> tuple[str, ...]:
    value = item.get("papers", item.get("paper", "**"))
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
        raise fail("paper must be a glob, or papers a list of globs")
    return tuple(values)


def _rule(value: str | None, fail: Any) -> str | None:
    if value is None:
        return None
    from plainspeak.rules import resolve

    rule = resolve(value)
    if rule is None:
        raise fail(f"no rule called {value!r}")
    return rule.code


def _approvers(value: Any, fail: Any) -> str:
    """Who approved: one or more names (no email addresses: the file is shared)."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise fail("approved_by must name who approved it")
    if any("@" in name for name in names):
        raise fail("approved_by takes names only, not email addresses")
    return ", ".join(name.strip() for name in names)


def _expiry(value: Any, fail: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise fail(f"expires must be a date like 2026-03-31, not {value!r}") from None


def apply_suppressions(results: Sequence[PaperResult], ignore: IgnoreFile, notes: RunNotes,
                       today: dt.date | None = None) -> list[PaperResult]:
    """Drop the findings live entries cover; note suppressed findings, unused and expired entries."""
    from plainspeak.config import relative_to
    from plainspeak.runner.globs import matches

    today = today or dt.date.today()
    live = [e for e in ignore.entries if e.expires is None or e.expires >= today]
    used = {id(e): 0 for e in live}
    seen = {id(e): False for e in live}
    kept_results = []
    for result in results:
        paper = relative_to(result.path, ignore.path.parent)
        here = [e for e in live if matches(paper, e.papers)]
        for entry in here:
            seen[id(entry)] = seen[id(entry)] or result.ok
        kept = []
        for finding in result.findings:
            entry = next((e for e in here if e.covers(finding)), None)
            if entry is None:
                kept.append(finding)
                continue
            used[id(entry)] += 1
            notes.suppressed.append(Suppressed(result.path, finding, entry.reason, entry.approved_by))
        kept_results.append(replace(result, findings=kept) if len(kept) != len(result.findings) else result)
    notes.notices.extend(_notices(ignore, live, used, seen, today))
    return kept_results


def _notices(ignore: IgnoreFile, live: list[Entry], used: dict[int, int], seen: dict[int, bool],
             today: dt.date) -> list[RunNotice]:
    notices = []
    for entry in ignore.entries:
        if entry.expires is not None and entry.expires < today:
            notices.append(RunNotice("expired-suppression",
                                     f"ignore entry for {entry.describe()} expired on {entry.expires:%Y-%m-%d} "
                                     f"and no longer applies", str(ignore.path), entry.line))
        elif seen[id(entry)] and not used[id(entry)]:
            notices.append(RunNotice("unused-suppression",
                                     f"ignore entry for {entry.describe()} matched no finding; "
                                     f"remove it if it is no longer needed", str(ignore.path), entry.line))
    return notices
