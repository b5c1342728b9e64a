"""The paper's blocks as HTML: headings, paragraphs, lists and tables kept.

Headings move down one level (the page's ``<h1>`` is the paper's title) and
never skip a level. Runs of list items become nested ``<ul>`` s; runs of table
cells become a ``<table>`` whose first row is its header. Each paragraph
carries ``data-ask="paragraph"`` and its number, the hook a web page uses to
ask about it; with an ask form, the form follows the paragraph.
"""

from __future__ import annotations

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
    """Nested lists from list levels: a deeper item opens a list inside the one before."""
    top = min(max(item.level, 1) for item in items)
    groups: list[tuple[Block, list[Block]]] = []
    for item in items:
        if max(item.level, 1) > top and groups:
            groups[-1][1].append(item)
        else:
            groups.append((item, []))
    entries = []
    for item, children in groups:
        nested = _list(children, render, ask) if children else None
        entries.append(el("li", _hook(item, "paragraph"), render(item), ask(item), nested))
    return el("ul", {}, entries)


def _table(cells: list[Block], render: Render) -> Markup:
    rows: dict[int, dict[int, list[Block]]] = {}
    for cell in cells:
        rows.setdefault(cell.place.row or 0, {}).setdefault(cell.place.cell or 0, []).append(cell)
    ordered = [rows[r] for r in sorted(rows)]
    html_rows = []
    for number, row in enumerate(ordered):
        header = number == 0 and len(ordered) > 1
        tag = "th" if header else "td"
        cells_html = []
        for position in sorted(row):
            content = [el("span", {"class": "cell-p", **_hook(b, "paragraph")}, render(b)) for b in row[position]]
            cells_html.append(el(tag, {"scope": "col"} if header else {}, content))
        html_rows.append(el("tr", {}, cells_html))
    head = el("thead", {}, html_rows[:1]) if len(ordered) > 1 else None
    rest = html_rows[1:] if len(ordered) > 1 else html_rows
    return el("div", {"class": "table-wrap"}, el("table", {}, head, el("tbody", {}, rest)))
