"""JSON text that a person can read and a machine writes quickly.

``json.dumps(..., indent=2)`` falls back on the standard library's pure
Python encoder, which was most of the time a cached 200-paper run took. Here
only the outer levels are laid out on lines of their own; everything deeper
(one finding, one SARIF result) is written on one line by the C encoder. A
report reads one finding to a line, which also suits ``grep`` and diffs.

A file name's bytes that are not UTF-8 are written as ``\\xNN`` in its
string, and control characters the encoder leaves raw as ``\\uNNNN``
(:func:`plainspeak.safe_text.safe_json`), so the text is always valid UTF-8
and safe to show on a terminal.
"""

from __future__ import annotations

import json
from typing import Any

from plainspeak.safe_text import safe_json

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def dumps(value: Any, *, levels: int, indent: str = "  ") -> str:
    """``value`` as JSON, its outer ``levels`` of objects and arrays indented."""
    parts: list[str] = []
    _write(value, levels, indent, "", parts)
    return safe_json("".join(parts))


def _write(value: Any, levels: int, indent: str, margin: str, parts: list[str]) -> None:
    if levels <= 0 or not isinstance(value, (dict, list)) or not value:
        parts.append(_COMPACT.encode(value))
        return
    inner = margin + indent
    if isinstance(value, dict):
        parts.append("{\n")
        for position, (key, item) in enumerate(value.items()):
            parts.append(f",\n{inner}" if position else inner)
            if not isinstance(key, str):
                raise TypeError(f"keys must be strings, not {type(key).__name__}")
            parts.append(f"{_COMPACT.encode(key)}: ")
            _write(item, levels - 1, indent, inner, parts)
        parts.append(f"\n{margin}}}")
    else:
        parts.append("[\n")
        for position, item in enumerate(value):
            parts.append(f",\n{inner}" if position else inner)
            _write(item, levels - 1, indent, inner, parts)
        parts.append(f"\n{margin}]")
