"""The paper's blocks as HTML: headings, paragraphs, lists and tables kept.

Headings move down one level (the page's ``<h1>`` is the paper's title) and
never skip a level. Runs of list items become nested ``<ul>`` s, or ``<ol>`` s
keeping the paper's numbers; runs of table
cells become a ``<table>`` whose first row is its header. Each paragraph
carries ``data-ask="paragraph"`` and its number, the hook a web page uses to
ask about it; with an ask form, the form follows the paragraph.
"""

from __future__ import annotations

import re
from typing import Callable

from plainspeak.paper import Block, BlockKind
from plainspeak.writers.html_build import Markup, el, join

Render = Callable[[Block], Markup]  # a block's text, with its marks
AskForm = Callable[[Block], Markup]  # the ask form after a paragraph, or ""


def body(blocks: list[Block], render: Render, ask: AskForm) -> Markup:
    parts: list[Markup] = []
    index, level = 0, 1
    notes_started = False
    while index < len(blocks):
        block = blocks[index]
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1) + 1, level + 1, 6)
            parts.append(el(f"h{level}", _hook(block, "heading"), render(block)))
            index += 1
        elif block.kind is BlockKind.LIST_ITEM:
            run = _run(blocks, index, lambda b: b.kind is BlockKind.LIST_ITEM)
            parts.append(_list(run, render, ask))
            index += len(run)
        elif block.kind is BlockKind.TABLE_CELL:
            table = block.place.table
            run = _run(blocks, index, lambda b: b.kind is BlockKind.TABLE_CELL and b.place.table == table)
            parts.append(_table(run, render))
            index += len(run)
        else:
            if block.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE) and not notes_started:
                notes_started = True
                level = 2
                parts.append(el("h2", {}, "Notes"))
            parts.append(join([el("p", _hook(block, "paragraph"), render(block)), ask(block)]))
            index += 1
    return join(parts)


def _hook(block: Block, kind: str) -> dict[str, object]:
    return {"id": f"p-{block.place.paragraph}", "data-ask": kind, "data-paragraph": block.place.paragraph}


def _run(blocks: list[Block], start: int, keep: Callable[[Block], bool]) -> list[Block]:
    end = start
    while end < len(blocks) and keep(blocks[end]):
        end += 1
    return blocks[start:end]


def _list(items: list[Block], render: Render, ask: AskForm) -> Markup:
    """Nested lists from list levels: a deeper item opens a list inside the one before.

    Numbered items make an ``<ol>`` that shows the paper's numbers, bulleted
    ones a ``<ul>``; where one gives way to the other a new list starts. A
    later paragraph of a numbered item (it repeats the number) stays in the
    item's ``<li>``.
    """
    top = min(max(item.level, 1) for item in items)
    groups: list[tuple[list[Block], list[Block]]] = []  # an item's paragraphs, and the items inside it
    for item in items:
        if max(item.level, 1) > top and groups:
            groups[-1][1].append(item)
        elif groups and not groups[-1][1] and item.number and _numbering(item) == _numbering(groups[-1][0][0]):
            groups[-1][0].append(item)
        else:
            groups.append(([item], []))
    lists, start = [], 0
    for end in range(1, len(groups) + 1):
        if end == len(groups) or _style(groups[end][0][0]) != _style(groups[start][0][0]):
            lists.append(_one_list(groups[start:end], render, ask))
            start = end
    return join(lists)


def _one_list(groups: list[tuple[list[Block], list[Block]]], render: Render, ask: AskForm) -> Markup:
    entries = []
    first = groups[0][0][0]
    counted = first.number  # the number the browser gives the next item
    for paragraphs, children in groups:
        item = paragraphs[0]
        more = [join([el("p", {"class": "li-p", **_hook(b, "paragraph")}, render(b)), ask(b)]) for b in paragraphs[1:]]
        nested = _list(children, render, ask) if children else None
        attrs = _hook(item, "paragraph")
        if item.number:
            # Said again only where the paper's count jumps; a repeated number
            # is the rest of an item after its sub-list, shown without one.
            attrs["value"] = item.number if item.number != counted else None
            attrs["class"] = "more" if item.number == counted - 1 else None
            counted = item.number + 1
        entries.append(el("li", attrs, render(item), ask(item), more, nested))
    if not first.number:
        return el("ul", {}, entries)
    style = _style(first)
    return el("ol", {"start": first.number if first.number != 1 else None,
                     "type": style if style != "1" else None}, entries)


def _numbering(block: Block) -> tuple[int, str]:
    return block.number, block.number_style


def _style(block: Block) -> str:
    """How a list item is marked: a bullet (""), or the style of its number."""
    return block.number_style if block.number else ""


# A figure alone: "24,850", "(330)", "-4.5%", "£1.2m", "£450k", "£2.1bn".
_FIGURE = re.compile(r"[(\u2212\u2013+-]?[£$€]?\d[\d,]*(?:\.\d+)?(?:%|k|m|bn)?\)?", re.IGNORECASE)


def _figure(paragraphs: list[Block]) -> bool:
    return all(_FIGURE.fullmatch(block.text.strip()) for block in paragraphs)


def _column_of_figures(rows: list[dict[int, list[Block]]], position: int) -> bool:
    """Every cell below a heading that has something in it holds a figure, and one at least does."""
    column = [row[position] for row in rows if position in row]
    return bool(column) and all(_figure(cell) for cell in column)


def _table(cells: list[Block], render: Render) -> Markup:
    """A table whose first row heads it; figures stand to the right, as in the paper's columns.

    A cell that holds only a figure is right-aligned, and so is a heading over
    a column of them.
    """
    rows: dict[int, dict[int, list[Block]]] = {}
    for cell in cells:
        rows.setdefault(cell.place.row or 0, {}).setdefault(cell.place.cell or 0, []).append(cell)
    ordered = [rows[r] for r in sorted(rows)]
    body_rows = ordered[1:] if len(ordered) > 1 else ordered
    html_rows = []
    for number, row in enumerate(ordered):
        header = number == 0 and len(ordered) > 1
        tag = "th" if header else "td"
        cells_html = []
        for position in sorted(row):
            content = [el("span", {"class": "cell-p", **_hook(b, "paragraph")}, render(b)) for b in row[position]]
            figures = _column_of_figures(body_rows, position) if header else _figure(row[position])
            cells_html.append(el(tag, {"scope": "col" if header else None, "class": "num" if figures else None},
                                 content))
        html_rows.append(el("tr", {}, cells_html))
    head = el("thead", {}, html_rows[:1]) if len(ordered) > 1 else None
    rest = html_rows[1:] if len(ordered) > 1 else html_rows
    return el("div", {"class": "table-wrap"}, el("table", {}, head, el("tbody", {}, rest)))
