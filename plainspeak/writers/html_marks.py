"""Mark words and passages inside one block's text, as nested HTML.

Each block gets a list of :class:`Mark` s in block offsets: explained words
(a link to their entry in "Words used in this paper", with the meaning shown
on hover, focus or tap) and hard passages (a ``<mark>`` followed by a label
that says why, with an icon and words, never colour alone). Marks that
cross one another cannot nest in HTML, so the later one of a crossing pair
is left out of the text (the word is still in the list at the end).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plainspeak.writers.html_build import Markup, el, join, text


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    kind: str  # "term" or "passage"
    term: str = ""  # the word, for "term"
    target: str = ""  # the id of its entry in the words list, for "term"
    tip: str = ""  # the meaning, or what is wrong, shown on hover and focus
    reasons: list[str] = field(default_factory=list)  # for "passage"
    number: int = 0  # unique on the page, for ids


def non_crossing(marks: list[Mark]) -> list[Mark]:
    """Marks sorted outer-first; identical passages merged; crossing ones dropped."""
    merged: dict[tuple[int, int, str], Mark] = {}
    for mark in marks:
        key = (mark.start, mark.end, mark.kind)
        if key in merged:
            if mark.kind == "passage":
                merged[key].reasons.extend(r for r in mark.reasons if r not in merged[key].reasons)
            continue
        merged[key] = mark
    kept: list[Mark] = []
    open_ends: list[int] = []
    for mark in sorted(merged.values(), key=lambda m: (m.start, -m.end, m.kind != "passage")):
        while open_ends and open_ends[-1] <= mark.start:
            open_ends.pop()
        if open_ends and mark.end > open_ends[-1]:
            continue
        if mark.kind == "term" and any(k.kind == "term" and k.start <= mark.start < k.end for k in kept):
            continue  # a word inside a marked word: one link is enough
        kept.append(mark)
        open_ends.append(mark.end)
    return kept


def render(block_text: str, marks: list[Mark]) -> Markup:
    """The block's text with its marks, all text escaped."""
    return _render(block_text, 0, len(block_text), non_crossing(marks))


def _render(source: str, low: int, high: int, marks: list[Mark]) -> Markup:
    parts: list[Markup] = []
    position, index = low, 0
    while index < len(marks):
        mark = marks[index]
        inner: list[Mark] = []
        index += 1
        while index < len(marks) and marks[index].start < mark.end:
            inner.append(marks[index])
            index += 1
        parts.append(text(source[position:mark.start]))
        parts.append(_wrap(mark, _render(source, mark.start, mark.end, inner)))
        position = mark.end
    parts.append(text(source[position:high]))
    return join(parts)


def _wrap(mark: Mark, content: Markup) -> Markup:
    if mark.kind == "term":
        tip_id = f"tip-{mark.number}"
        link = el("a", {"class": "term", "href": f"#{mark.target}", "aria-describedby": tip_id,
                        "data-ask": "term", "data-term": mark.term}, content)
        tip = el("span", {"class": "tip", "id": tip_id, "role": "tooltip"}, mark.tip)
        return el("span", {"class": "t", "id": f"use-{mark.number}"}, link, tip)
    reason = "; ".join(mark.reasons)
    label = el("span", {"class": "why"},
               el("span", {"class": "icon", "aria-hidden": "true"}, "\u26a0"),
               el("span", {"class": "vh"}, "Hard to read: "), reason)
    return join([el("mark", {"class": "hard", "id": f"hard-{mark.number}"}, content), label])
