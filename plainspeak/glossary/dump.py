"""Write glossary entries back out as YAML that reads in again unchanged.

The YAML is the same format people write by hand: a ``glossary:`` header and
a ``terms:`` list, each entry with only the fields it uses, in a fixed order,
lists on one line, and several-line texts as literal blocks. Writing what was
read gives the same bytes again, so exports can be compared and committed.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import IO, Any, Iterable

import yaml

from plainspeak.glossary.model import Status, Term

# The order fields are written in, in YAML and CSV alike.
FIELD_ORDER: tuple[str, ...] = (
    "term",
    "expansion",
    "aliases",
    "definition",
    "explanation",
    "say_instead",
    "example",
    "category",
    "scope",
    "status",
    "agreed_by",
    "agreed_on",
    "review_by",
    "source",
    "notes",
    "common_word",
)
LIST_FIELDS = frozenset({"aliases", "agreed_by"})
# Values the reader fills in when a field is missing, so they need not be written.
_DEFAULTS: dict[str, Any] = {"category": "general", "status": Status.PROPOSED.value, "common_word": False}


class _Flow(list):
    """A list written on one line: ``[a, b]``."""


class _Dumper(yaml.SafeDumper):
    """Block mappings, one-line lists, literal blocks for several-line text."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)


def term_values(term: Term) -> dict[str, Any]:
    """Every field of ``term`` as plain values, in :data:`FIELD_ORDER`."""
    values: dict[str, Any] = {}
    for name in FIELD_ORDER:
        value = getattr(term, name)
        if isinstance(value, Status):
            value = value.value
        values[name] = value
    return values


def term_to_mapping(term: Term) -> dict[str, Any]:
    """The YAML mapping for one entry: only the fields that say something."""
    mapping: dict[str, Any] = {}
    for name, value in term_values(term).items():
        if value in ("", (), None) or _DEFAULTS.get(name, object()) == value:
            continue
        mapping[name] = _Flow(value) if name in LIST_FIELDS else value
    return mapping


def glossary_id_for(path: str | Path) -> str:
    """A valid glossary id from a file name: lower case, digits and hyphens."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(path).stem.casefold()).strip("-")
    return stem or "glossary"


def yaml_text(terms: Iterable[Term], *, glossary_id: str = "glossary", title: str = "",
              header: dict[str, Any] | None = None, extra: dict[str, Any] | None = None) -> str:
    """A whole glossary file as text.

    ``header`` replaces the ``glossary:`` section built from ``glossary_id``
    and ``title``; ``extra`` holds other top-level sections (``phrases``) to keep.
    """
    if header is None:
        header = {"id": glossary_id, **({"title": title} if title else {})}
    document = {"glossary": header, "terms": [term_to_mapping(t) for t in terms], **(extra or {})}
    return _dump(document)


def entries_text(terms: Iterable[Term], indent: int = 2) -> str:
    """Entries only, as items of a ``terms:`` list indented by ``indent`` spaces."""
    text = _dump([term_to_mapping(t) for t in terms])
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def _dump(document: Any) -> str:
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=10_000, indent=2)


def write_yaml(terms: Iterable[Term], stream_or_path: IO[str] | str | Path, *,
               glossary_id: str | None = None, title: str = "") -> None:
    """Write ``terms`` as a glossary file; a path is written atomically."""
    if glossary_id is None:
        is_path = isinstance(stream_or_path, (str, Path))
        glossary_id = glossary_id_for(stream_or_path) if is_path else "glossary"  # type: ignore[arg-type]
    write_text(yaml_text(terms, glossary_id=glossary_id, title=title), stream_or_path)


def write_text(text: str, stream_or_path: IO[str] | IO[bytes] | str | Path) -> None:
    """Write ``text`` to a path (atomically) or an open stream (text, or binary as UTF-8)."""
    if isinstance(stream_or_path, (str, Path)):
        from plainspeak.atomic import atomic_write

        atomic_write(stream_or_path, text)
    elif isinstance(stream_or_path, io.TextIOBase) or hasattr(stream_or_path, "encoding"):
        stream_or_path.write(text)  # type: ignore[arg-type]
    else:
        stream_or_path.write(text.encode("utf-8"))  # type: ignore[arg-type]
