"""A small bar chart of reading age by page or section, with the same figures as a table.

Drawn as inline SVG (no images, no scripts), with a title and description
for screen readers and a table anyone can open. Bars are labelled with their
number, so nothing depends on colour.
"""

from __future__ import annotations

from typing import Any

from plainspeak.writers.html_build import Markup, el

_WIDTH, _LABEL, _ROW, _TOP = 640, 250, 26, 8
_SCALE_MAX = 20.0


def _shorten(label: str, limit: int = 30) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def profile_rows(profile: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows worth drawing: those with graded sentences and a reading age."""
    return [row for row in profile if row.get("sentences") and row.get("reading_age") is not None]


# A phone's column is some 320 px: drawn for it, each label on its own line above
# its bar, the text stays at the size it is drawn (the wide chart shrunk to a
# phone's width had 5 px labels). The page's stylesheet shows one or the other.
_NARROW, _NARROW_ROW = 320, 44


def chart(profile: list[dict[str, Any]]) -> Markup:
    """The figure: SVG bars (drawn for a wide and a narrow screen), then a disclosure holding the figures as a table."""
    rows = profile_rows(profile)
    if not rows:
        return Markup("")
    return el("figure", {"class": "profile"}, _svg(rows, narrow=False), _svg(rows, narrow=True),
              el("figcaption", {}, "Reading age by part of the paper. Longer bars are harder to read."),
              _table(rows))


def _svg(rows: list[dict[str, Any]], *, narrow: bool) -> Markup:
    scale = max(_SCALE_MAX, max(float(r["reading_age"]) for r in rows))
    width, row_height = (_NARROW, _NARROW_ROW) if narrow else (_WIDTH, _ROW)
    left = 0 if narrow else _LABEL  # where the bars start
    height = _TOP * 2 + row_height * len(rows)
    bars = []
    for index, row in enumerate(rows):
        y = _TOP + index * row_height
        age = float(row["reading_age"])
        length = max(2.0, (width - left - 60) * age / scale)
        label = _shorten(str(row["label"]), 44 if narrow else 30)
        if narrow:
            bars.append(el("text", {"x": 0, "y": y + 14, "class": "label"}, label))
            bar_y = y + 20
        else:
            bars.append(el("text", {"x": _LABEL - 8, "y": y + 16, "text-anchor": "end", "class": "label"}, label))
            bar_y = y + 4
        bars.append(el("rect", {"x": left, "y": bar_y, "width": f"{length:.1f}", "height": 16, "class": "bar"}))
        bars.append(el("text", {"x": f"{left + length + 6:.1f}", "y": bar_y + 12, "class": "value"}, f"{age:g}"))
    description = "; ".join(f"{r['label']}: reading age {r['reading_age']}" for r in rows)
    suffix = "-narrow" if narrow else ""
    return el("svg", {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {width} {height}", "role": "img",
                      "aria-labelledby": f"chart-title{suffix} chart-desc{suffix}",
                      "class": "chart chart-narrow" if narrow else "chart chart-wide"},
              el("title", {"id": f"chart-title{suffix}"}, "Reading age by part of the paper"),
              el("desc", {"id": f"chart-desc{suffix}"}, description), bars)


def _table(rows: list[dict[str, Any]]) -> Markup:
    head = el("tr", {}, el("th", {"scope": "col"}, "Part"), el("th", {"scope": "col"}, "Reading age"),
              el("th", {"scope": "col"}, "Sentences"), el("th", {"scope": "col"}, "Hard to read"))
    body = [el("tr", {}, el("th", {"scope": "row"}, str(r["label"])), el("td", {}, f"{float(r['reading_age']):g}"),
               el("td", {}, str(r["sentences"])), el("td", {}, str(r.get("hard", 0)))) for r in rows]
    return el("details", {"class": "figures"}, el("summary", {}, "Show these figures as a table"),
              el("table", {}, el("thead", {}, head), el("tbody", {}, body)))
