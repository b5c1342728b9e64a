"""Text from a paper made safe to place in Markdown.

Both Markdown outputs (the ``check --format md`` report and the one-paper
summary written by ``annotate --format md``) go to the same places, an email
or a pull-request comment, and put paper text in the same places, table cells
and list items. So they share one escaper: whatever a paper holds, it cannot
change the layout, add markup or HTML, mention someone (``@team``) or link an
issue (``#12``). A bare web address in a paper may still be shown as a link
by GitHub, which links addresses in plain text.
"""

from __future__ import annotations

import re

from plainspeak.safe_text import printable

# Backslash-escaped wherever they stand; ``#`` too, as GitHub links ``#12`` to an issue.
_SPECIAL = re.compile(r"([\\`*_{}\[\]|~#])")
# Written as entities: HTML can't open, and ``@`` can't mention anyone. Only
# where they could do that, so the summary still reads as plain text in an
# email: "A&E", "care@example.org" and quotes stay as they are. An ``&``
# that would start a named entity ("&copy;") is written out; ``&#`` cannot
# start one, as ``#`` is backslash-escaped first.
_ENTITIES = {"<": "&lt;", ">": "&gt;"}
_ENTITY_START = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;)")
_MENTION = re.compile(r"(?<!\w)@(?=[\w-])")
# List markers, and a line of ``=`` that would make the line above a heading,
# only count at the start of a line.
_LINE_START = re.compile(r"^([+\-=]|\d+[.)])")


def escape(text: str) -> str:
    """Text safe in a Markdown table cell, list item or line of its own, on one line.

    Spaces, tabs and newlines become one space; any other control character
    (a terminal escape, a byte that is not UTF-8) is shown escaped.
    """
    # Backslashes before entities, so the ``#`` of ``&#64;`` is left alone.
    text = _SPECIAL.sub(r"\\\1", printable(" ".join(text.split())))
    text = _ENTITY_START.sub("&amp;", text)
    text = "".join(_ENTITIES.get(char, char) for char in text)
    text = _MENTION.sub("&#64;", text)
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def code_span(text: str) -> str:
    """Text shown as code, such as a file name, on one line and outside a table.

    Backslashes and entities are shown as they are inside a code span, so the
    text is fenced instead: with more backticks than it holds in a row.
    """
    text = printable(" ".join(text.split()))
    fence = "`" * (max(map(len, re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
