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


def chart(profile: list[dict[str, Any]]) -> Markup:
    """The figure: SVG bars, then a disclosure holding the figures as a table."""
    rows = profile_rows(profile)
    if not rows:
        return Markup("")
    scale = max(_SCALE_MAX, max(float(r["reading_age"]) for r in rows))
    height = _TOP * 2 + _ROW * len(rows)
    bars = []
    for index, row in enumerate(rows):
        y = _TOP + index * _ROW
        age = float(row["reading_age"])
        length = max(2.0, (_WIDTH - _LABEL - 60) * age / scale)
        bars.append(el("text", {"x": _LABEL - 8, "y": y + 16, "text-anchor": "end", "class": "label"},
                       _shorten(str(row["label"]))))
        bars.append(el("rect", {"x": _LABEL, "y": y + 4, "width": f"{length:.1f}", "height": 16,
                                "class": "bar"}))
        bars.append(el("text", {"x": f"{_LABEL + length + 6:.1f}", "y": y + 16, "class": "value"}, f"{age:g}"))
    description = "; ".join(f"{r['label']}: reading age {r['reading_age']}" for r in rows)
    svg = el("svg", {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {_WIDTH} {height}",
                     "role": "img", "aria-labelledby": "chart-title chart-desc", "class": "chart"},
             el("title", {"id": "chart-title"}, "Reading age by part of the paper"),
             el("desc", {"id": "chart-desc"}, description), bars)
    return el("figure", {"class": "profile"}, svg,
              el("figcaption", {}, "Reading age by part of the paper. Longer bars are harder to read."),
              _table(rows))


def _table(rows: list[dict[str, Any]]) -> Markup:
    head = el("tr", {}, el("th", {"scope": "col"}, "Part"), el("th", {"scope": "col"}, "Reading age"),
              el("th", {"scope": "col"}, "Sentences"), el("th", {"scope": "col"}, "Hard to read"))
    body = [el("tr", {}, el("th", {"scope": "row"}, str(r["label"])), el("td", {}, f"{float(r['reading_age']):g}"),
               el("td", {}, str(r["sentences"])), el("td", {}, str(r.get("hard", 0)))) for r in rows]
    return el("details", {"class": "figures"}, el("summary", {}, "Show these figures as a table"),
              el("table", {}, el("thead", {}, head), el("tbody", {}, body)))
