"""Mark words and passages inside one block's text, as nested HTML.

Each block gets a list of :class:`Mark` s in block offsets: explained words
(a link to the word itself, with the meaning shown on hover, focus or tap, and
from the meaning a link to its entry in "Words used in this paper") and hard passages (a ``<mark>`` followed by a label
that says why, with an icon and words, never colour alone), and note
references (a superscript link to the note, where the paper's mark for it
is not part of the text). Marks that cross one another cannot nest in HTML,
so the later one of a crossing pair is left out of the text (the word is
still in the list at the end). A note reference never falls out: it has no
width, stays inside a hard passage it ends, and follows a word it falls in.
Text the paper sets in bold is bold here, inside whatever marks hold it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plainspeak.writers.html_build import Markup, el, join, text


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    kind: str  # "term", "passage" or "note"
    term: str = ""  # the word, for "term"; the note's number as shown, for "note"
    target: str = ""  # the id of its entry in the words list, for "term"; of the note, for "note"
    tip: str = ""  # the meaning, or what is wrong, shown on hover and focus
    reasons: list[str] = field(default_factory=list)  # for "passage"
    number: int = 0  # unique on the page, for ids
    anchor: str = ""  # the id of a note reference, for the note's link back to it


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


def render(block_text: str, marks: list[Mark], bold: tuple[tuple[int, int], ...] = ()) -> Markup:
    """The block's text with its marks and bold ranges, all text escaped."""
    notes = [mark for mark in marks if mark.kind == "note"]
    kept = non_crossing([mark for mark in marks if mark.kind != "note"])
    # A reference where a passage or word begins belongs to the text before it.
    ordered = sorted(kept + notes, key=lambda m: (m.start, m.kind != "note", -m.end, m.kind != "passage"))
    return _render(block_text, 0, len(block_text), ordered, bold)


def _render(source: str, low: int, high: int, marks: list[Mark], bold: tuple[tuple[int, int], ...]) -> Markup:
    parts: list[Markup] = []
    position, index = low, 0
    while index < len(marks):
        mark = marks[index]
        inner: list[Mark] = []
        index += 1
        while index < len(marks) and (marks[index].start < mark.end or _closes(mark, marks[index])):
            inner.append(marks[index])
            index += 1
        after = [m for m in inner if m.kind == "note"] if mark.kind == "term" else []  # no link in a link
        if after:
            inner = [m for m in inner if m.kind != "note"]
        parts.append(_plain(source, position, mark.start, bold))
        parts.append(_wrap(mark, _render(source, mark.start, mark.end, inner, bold)))
        parts.extend(_wrap(note, Markup("")) for note in after)
        position = mark.end
    parts.append(_plain(source, position, high, bold))
    return join(parts)


def _plain(source: str, low: int, high: int, bold: tuple[tuple[int, int], ...]) -> Markup:
    """Text with no marks in it, bold where the paper has it."""
    parts: list[Markup] = []
    position = low
    for start, end in bold:
        start, end = max(start, position), min(end, high)
        if start >= end:
            continue
        parts.extend([text(source[position:start]), el("strong", {}, text(source[start:end]))])
        position = end
    parts.append(text(source[position:high]))
    return join(parts)


def _closes(mark: Mark, following: Mark) -> bool:
    """A note reference right at the end of a hard passage is part of it, before its label."""
    return mark.kind == "passage" and following.kind == "note" and following.start == mark.end


# A fragment no element of the page has (ids are "p-", "use-", "tip-", "w-", "note-", "hard-" and the
# sections' own), so that following it leaves no word the page's target.
CLOSED = "#closed"


def _wrap(mark: Mark, content: Markup) -> Markup:
    if mark.kind == "note":
        return el("sup", {"class": "note-ref"},
                  el("a", {"href": f"#{mark.target}", "id": mark.anchor or None},
                     el("span", {"class": "vh"}, "Note "), mark.term))
    if mark.kind == "term":
        # The word links to itself, so a tap on a phone (which has no hover and
        # follows a link at once) opens its meaning where it stands; the meaning
        # links on to the word's entry in the list, where the reader can ask about it.
        tip_id, use_id = f"tip-{mark.number}", f"use-{mark.number}"
        link = el("a", {"class": "term", "href": f"#{use_id}", "aria-describedby": tip_id,
                        "data-ask": "term", "data-term": mark.term}, content)
        # "Close" names no element, so following it closes the meaning a tap opened and scrolls nowhere.
        tip = el("span", {"class": "tip", "id": tip_id}, mark.tip, " ",
                 el("span", {"class": "tip-links"},
                    el("a", {"class": "more", "href": f"#{mark.target}"}, "More in the list of words"), " ",
                    el("a", {"class": "close", "href": CLOSED}, "Close")))
        return el("span", {"class": "t", "id": use_id}, link, tip)
    reason = "; ".join(mark.reasons)
    label = el("span", {"class": "why"},
               el("span", {"class": "icon", "aria-hidden": "true"}, "\u26a0"),
               el("span", {"class": "vh"}, "Hard to read: "), reason)
    return join([el("mark", {"class": "hard", "id": f"hard-{mark.number}"}, content), label])
