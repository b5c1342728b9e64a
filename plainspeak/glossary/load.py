"""Read and validate glossary files, and layer them into one :class:`GlossarySet`.

Errors name the file and line of the entry at fault. The shipped glossaries
come first; the user's glossaries (``--glossary``, config) extend and override
them in the order given, and every override is recorded as a conflict.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from plainspeak.errors import E201, GlossaryError
from plainspeak.glossary.model import (
    CATEGORIES,
    Conflict,
    GlossarySet,
    Origin,
    PlainAlternative,
    Status,
    Term,
)

MAX_DEFINITION_WORDS = 40
_LINE_KEY = "__line__"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TERM_FIELDS = {f.name for f in fields(Term)} - {"glossary", "origin"}
ALTERNATIVE_FIELDS = {"phrase", "say_instead", "why", "match"}
HEADER_FIELDS = {"id", "title", "language", "description", "defaults", "kind", "agreed_by", "source"}


# libyaml's parser, where PyYAML was built with it, reads the shipped glossaries
# several times faster; construction stays in Python, so the two behave alike.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that records the line of every mapping it builds."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = super().construct_mapping(node, deep=deep)
        seen: set = set()
        for key_node, _ in node.value:
            # A repeated key would silently drop the first value someone typed.
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key}' appears twice in one entry", key_node.start_mark)
            seen.add(key)
        mapping[_LINE_KEY] = node.start_mark.line + 1
        return mapping

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """A value YAML reads but Python cannot make ("2026-02-30", a number of 5,000 digits) is an error at its line."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as error:
            shown = node.value if isinstance(node, yaml.ScalarNode) else "a value"
            raise yaml.constructor.ConstructorError(
                None, None, f"'{str(shown)[:40]}' cannot be read ({error})", node.start_mark) from None


def _fail(path: Path | str, line: int, problem: str) -> GlossaryError:
    return GlossaryError(E201, f"{path}:{line}" if line else str(path), problem)


def read_yaml(path: Path) -> dict[str, Any]:
    """Parse a glossary YAML file, keeping line numbers on every mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(path, 0, f"cannot read it: {error}") from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> dict[str, Any]:
    """Parse glossary YAML ``text``; ``path`` names the file in errors."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise _fail(path, line, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("glossary"), dict):
        raise _fail(path, 1, "a glossary file starts with a 'glossary:' section")
    return data


def _text(value: Any, path: Path, line: int, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _fail(path, line, f"'{name}' should be text")
    return str(value).strip()


def _is_date(value: str) -> bool:
    """Whether ``value`` is a date written like 2026-03-31 that the calendar has (not 2026-02-30)."""
    if not _DATE.match(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _texts(value: Any, path: Path, line: int, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    if not isinstance(value, list):
        raise _fail(path, line, f"'{name}' should be a list")
    return tuple(_text(v, path, line, name) for v in value if v is not None)


def term_from_mapping(raw: dict[str, Any], path: Path, glossary_id: str, defaults: dict[str, Any]) -> Term:
    """Validate one entry and build a :class:`Term`."""
    line = raw.get(_LINE_KEY, 0)
    entry = {**defaults, **{k: v for k, v in raw.items() if k != _LINE_KEY}}
    unknown = sorted(set(entry) - TERM_FIELDS)
    if unknown:
        raise _fail(path, line, f"unknown field(s) {', '.join(unknown)}")
    term, definition = _term_and_definition(entry, path, line)
    status, category = _status_and_category(entry, path, line, term)
    dates = {k: _text(entry.get(k), path, line, k) for k in ("agreed_on", "review_by")}
    for key, value in dates.items():
        if value and not _is_date(value):
            raise _fail(path, line, f"'{key}' of '{term}' should be a date like 2026-03-31")
    common = entry.get("common_word", False)
    if not isinstance(common, bool):
        raise _fail(path, line, f"'common_word' of '{term}' should be true or false")
    return Term(
        term=term,
        definition=definition,
        aliases=_texts(entry.get("aliases"), path, line, "aliases"),
        expansion=_text(entry.get("expansion"), path, line, "expansion"),
        explanation=_text(entry.get("explanation"), path, line, "explanation"),
        say_instead=_text(entry.get("say_instead"), path, line, "say_instead"),
        category=category,
        example=_text(entry.get("example"), path, line, "example"),
        status=Status(status),
        agreed_by=_texts(entry.get("agreed_by"), path, line, "agreed_by"),
        agreed_on=dates["agreed_on"],
        review_by=dates["review_by"],
        source=_text(entry.get("source"), path, line, "source"),
        notes=_text(entry.get("notes"), path, line, "notes"),
        scope=_text(entry.get("scope"), path, line, "scope"),
        common_word=common,
        glossary=glossary_id,
        origin=Origin(str(path), line),
    )


def _term_and_definition(entry: dict[str, Any], path: Path, line: int) -> tuple[str, str]:
    """The entry's term and its definition (spaces made single), both required."""
    term = _text(entry.get("term"), path, line, "term")
    definition = " ".join(_text(entry.get("definition"), path, line, "definition").split())
    if not term:
        raise _fail(path, line, "an entry has no 'term'")
    if not definition:
        raise _fail(path, line, f"'{term}' has no definition")
    if len(definition.split()) > MAX_DEFINITION_WORDS:
        raise _fail(path, line, f"the definition of '{term}' is over {MAX_DEFINITION_WORDS} words")
    return term, definition


def _status_and_category(entry: dict[str, Any], path: Path, line: int, term: str) -> tuple[str, str]:
    """The entry's stage and category, each one of the fixed choices (or its default)."""
    status = _text(entry.get("status"), path, line, "status") or Status.PROPOSED.value
    if status not in {s.value for s in Status}:
        raise _fail(path, line, f"status of '{term}' must be proposed, agreed or retired")
    category = _text(entry.get("category"), path, line, "category") or "general"
    if category not in CATEGORIES:
        raise _fail(path, line, f"category of '{term}' must be one of: {', '.join(CATEGORIES)}")
    return status, category


def alternative_from_mapping(raw: dict[str, Any], path: Path) -> PlainAlternative:
    line = raw.get(_LINE_KEY, 0)
    unknown = sorted(set(raw) - ALTERNATIVE_FIELDS - {_LINE_KEY})
    if unknown:
        raise _fail(path, line, f"unknown field(s) {', '.join(unknown)}")
    phrase = _text(raw.get("phrase"), path, line, "phrase")
    instead = _texts(raw.get("say_instead"), path, line, "say_instead")
    if not phrase or not instead:
        raise _fail(path, line, "a phrase needs 'phrase' and 'say_instead'")
    match = _text(raw.get("match"), path, line, "match") or "exact"
    if match not in ("exact", "lemma"):
        raise _fail(path, line, f"'match' of '{phrase}' must be exact or lemma")
    why = _text(raw.get("why"), path, line, "why")
    return PlainAlternative(phrase, instead, why, match, Origin(str(path), line))


def read_glossary_file(path: Path) -> tuple[str, list[Term], list[PlainAlternative]]:
    """Read one glossary file (YAML or CSV): its id, terms and plain alternatives."""
    if path.suffix.lower() == ".csv":
        from plainspeak.glossary.csvio import read_csv

        return path.stem, list(read_csv(path)), []
    return glossary_from_yaml(read_yaml(path), path)


def glossary_from_yaml(data: dict[str, Any], path: Path) -> tuple[str, list[Term], list[PlainAlternative]]:
    """The id, terms and plain alternatives of a glossary already parsed by :func:`read_yaml`."""
    header = data["glossary"]
    glossary_id = _text(header.get("id"), path, header.get(_LINE_KEY, 1), "id") or path.stem
    if not _ID.match(glossary_id):
        raise _fail(path, header.get(_LINE_KEY, 1), "'id' uses lower-case letters, digits and hyphens")
    unknown = sorted(set(header) - HEADER_FIELDS - {_LINE_KEY})
    if unknown:
        raise _fail(path, header.get(_LINE_KEY, 1), f"unknown header field(s) {', '.join(unknown)}")
    defaults = {k: v for k, v in (header.get("defaults") or {}).items() if k != _LINE_KEY}
    terms = [term_from_mapping(raw, path, glossary_id, defaults) for raw in _entries(data, "terms", path)]
    phrases = [alternative_from_mapping(raw, path) for raw in _entries(data, "phrases", path)]
    return glossary_id, terms, phrases


def _entries(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    entries = data.get(key) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _fail(path, 1, f"'{key}' should be a list of entries")
    return entries


def shipped_glossary_paths() -> list[Path]:
    from plainspeak.resources import glossaries_dir

    return sorted(glossaries_dir().glob("*.yaml"))


def layer_key(term: Term) -> tuple[str, str]:
    """What makes two entries the same when glossaries layer: term and scope.

    Capital-only terms keep their case even without an expansion, as lookups
    match them exactly: a user's ``FTE`` must replace the shipped ``FTE``.
    """
    name = term.term if term.is_acronym or term.term.isupper() else term.term.casefold()
    return name, term.scope.casefold()


def layer(files: Iterable[tuple[str, list[Term], list[PlainAlternative]]]) -> GlossarySet:
    """Merge glossaries in order: a later entry with the same term and scope wins."""
    chosen: dict[tuple[str, str], Term] = {}
    conflicts: list[Conflict] = []
    alternatives: dict[str, PlainAlternative] = {}
    for _, terms, phrases in files:
        for term in terms:
            key = layer_key(term)
            earlier = chosen.get(key)
            if earlier is not None and earlier.definition != term.definition:
                conflicts.append(Conflict(term.term, kept=term, replaced=earlier))
            chosen[key] = term
        for phrase in phrases:
            alternatives[phrase.phrase.casefold()] = phrase
    return GlossarySet(terms=list(chosen.values()), alternatives=list(alternatives.values()),
                       conflicts=conflicts)


def load_glossary_set(paths: Iterable[str | Path] = (), *, shipped: bool = True) -> GlossarySet:
    """The shipped glossaries (unless ``shipped`` is false) layered under ``paths``."""
    user = [Path(p) for p in paths]
    for path in user:
        if not path.is_file():
            raise _fail(path, 0, "it is not an ordinary file" if path.exists() else "file not found")
    sources = (shipped_glossary_paths() if shipped else []) + user
    result = layer(_read_cached(path) for path in sources)
    result.sources = [str(p) for p in sources]
    return result


def _read_cached(path: Path) -> tuple[str, list[Term], list[PlainAlternative]]:
    stat = path.stat()
    return _read_by_stamp(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read_by_stamp(path: str, mtime_ns: int, size: int) -> tuple[str, list[Term], list[PlainAlternative]]:
    return read_glossary_file(Path(path))


def conflict_lines(glossaries: GlossarySet) -> list[str]:
    """One warning line per override, for stderr (``check``, ``glossary merge``)."""
    return [f"plainspeak: warning: glossary conflict: {c.describe()}" for c in glossaries.conflicts]
