"""A very small HTML builder that escapes everything it is not told is markup.

The reader's copy puts a paper's text and a glossary's definitions on a
page; either could hold ``<script>`` or an ``onerror=`` attribute. Every
string passed here is escaped unless it is already :class:`Markup` made by
this module, attribute names come only from code (never from a paper), and
link targets are checked, so nothing from a paper can run.
"""

from __future__ import annotations

import html
import re
from typing import Iterable, Union
from urllib.parse import urlsplit

_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*$")  # SVG has camelCase names (viewBox)
_VOID = frozenset({"br", "meta", "input", "link"})


class Markup(str):
    """A string that is already safe HTML."""


Child = Union[str, Markup, None, Iterable["Child"]]


def escape(text: str) -> Markup:
    return text if isinstance(text, Markup) else Markup(html.escape(text, quote=True))


def text(value: str) -> Markup:
    """Escaped text whose line breaks (``w:br``, soft returns) become ``<br>``."""
    return Markup(escape(value).replace("\n", "<br>"))


def join(children: Iterable[Child]) -> Markup:
    parts: list[str] = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            parts.append(escape(child))
        else:
            parts.append(join(child))
    return Markup("".join(parts))


def el(tag: str, attrs: dict[str, object] | None = None, *children: Child) -> Markup:
    """``<tag attrs>children</tag>``: attribute values and children escaped."""
    if not _NAME.match(tag):
        raise ValueError(f"not a tag name: {tag!r}")
    rendered = "".join(_attribute(name, value) for name, value in (attrs or {}).items())
    if tag in _VOID:
        return Markup(f"<{tag}{rendered}>")
    return Markup(f"<{tag}{rendered}>{join(children)}</{tag}>")


def _attribute(name: str, value: object) -> str:
    if not _NAME.match(name) or name.lower().startswith("on"):
        raise ValueError(f"not an allowed attribute: {name!r}")
    if value is None or value is False:
        return ""
    if value is True:
        return f" {name}"
    if name in ("href", "action", "src") and not safe_url(str(value)):
        raise ValueError(f"not a safe URL for {name}: {value!r}")
    return f' {name}="{html.escape(str(value), quote=True)}"'


def safe_url(url: str) -> bool:
    """A fragment, a relative path, an http(s) or a mailto address: never ``javascript:`` or ``data:``."""
    stripped = "".join(url.split())
    if stripped.startswith("#"):
        return True
    parts = urlsplit(stripped)
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https", "mailto")
    return not stripped.startswith("//") or bool(parts.netloc)
