"""Add and update entries in a user's YAML glossary without losing their work.

New entries are appended as text, so the comments and layout a person wrote
stay as they were. Only when an entry is replaced (or appending would not
read back exactly) is the file written out again in the standard layout,
keeping its header and any other sections. Every write is checked by reading
the result back before it replaces the file, and is atomic.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from plainspeak.atomic import atomic_write
from plainspeak.errors import E201, GlossaryError
from plainspeak.glossary.dump import _Flow, entries_text, glossary_id_for, yaml_text
from plainspeak.glossary.load import _LINE_KEY, glossary_from_yaml, layer_key, parse_yaml, read_yaml
from plainspeak.glossary.model import Term


@dataclass(slots=True)
class SaveReport:
    """What a save did, for the one line a command prints."""

    path: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    def line(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        return f"{self.path}: {', '.join(parts)}"


def same_entry(a: Term, b: Term) -> bool:
    """Equal in everything a person wrote (not where it was read from)."""
    return replace(a, glossary="", origin=None) == replace(b, glossary="", origin=None)


def save_terms(path: str | Path, terms: list[Term], *, replace_all: bool = False) -> SaveReport:
    """Put ``terms`` into the YAML glossary at ``path``, creating it if needed.

    An entry with the same term and scope as one already there replaces it;
    others are added at the end. With ``replace_all`` the file's entries are
    exactly ``terms`` afterwards (its header is kept).
    """
    path = Path(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise GlossaryError(E201, str(path), "entries are saved to a .yaml glossary")
    report = SaveReport(path)
    if not path.exists():
        report.added = [t.term for t in terms]
        atomic_write(path, yaml_text(terms, glossary_id=glossary_id_for(path), title=_title(path)))
        return report
    data = read_yaml(path)
    _, existing, _ = glossary_from_yaml(data, path)
    merged = list(terms) if replace_all else _merge(existing, terms, report)
    if replace_all:
        report.added = [t.term for t in terms]
    text = None if replace_all or report.updated else _appended(path, data, existing, report_new(terms, report))
    atomic_write(path, text if text is not None else _rewritten(data, merged))
    return report


def report_new(terms: list[Term], report: SaveReport) -> list[Term]:
    added = set(report.added)
    return [t for t in terms if t.term in added]


def _merge(existing: list[Term], incoming: list[Term], report: SaveReport) -> list[Term]:
    index_of = {layer_key(t): i for i, t in enumerate(existing)}
    merged = list(existing)
    for term in incoming:
        index = index_of.get(layer_key(term))
        if index is None:
            index_of[layer_key(term)] = len(merged)
            merged.append(term)
            report.added.append(term.term)
        elif same_entry(merged[index], term):
            report.unchanged += 1
        else:
            merged[index] = term
            report.updated.append(term.term)
    return merged


def _appended(path: Path, data: dict[str, Any], existing: list[Term], new: list[Term]) -> str | None:
    """The file's text with ``new`` appended, or None if that would not read back exactly.

    ``data`` is the file as :func:`read_yaml` parsed it, for the entries' line numbers.
    """
    text = path.read_text(encoding="utf-8")
    if not new:
        return text
    entries = data.get("terms")
    keys = [k for k in data if k != _LINE_KEY]
    if not isinstance(entries, list) or not entries or keys[-1] != "terms":
        return None
    first_line = text.splitlines()[entries[0][_LINE_KEY] - 1]
    stripped = first_line.lstrip(" ")
    if not stripped.startswith("- "):
        return None
    candidate = text.rstrip("\n") + "\n" + entries_text(new, len(first_line) - len(stripped))
    return candidate if _reads_back(path, candidate, existing + new) else None


def _reads_back(path: Path, text: str, expected: list[Term]) -> bool:
    try:
        _, terms, _ = glossary_from_yaml(parse_yaml(text, path), path)
    except GlossaryError:
        return False
    return len(terms) == len(expected) and all(map(same_entry, terms, expected))


def _rewritten(parsed: dict[str, Any], terms: list[Term]) -> str:
    """The whole file in the standard layout: its header, ``terms``, other sections kept."""
    data = _plain(parsed)
    header = {k: v for k, v in data.pop("glossary").items() if k != "defaults"}
    data.pop("terms", None)
    # Defaults are already part of each entry; keeping them would change entries that omit a field.
    return yaml_text(terms, header=header, extra=data)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != _LINE_KEY}
    if isinstance(value, list):
        items = [_plain(v) for v in value]
        return _Flow(items) if all(isinstance(v, str) for v in items) and items else items
    return value


def _title(path: Path) -> str:
    return path.stem.replace("-", " ").replace("_", " ").capitalize()
