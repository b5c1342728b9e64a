"""Figures in running text: sums of money, percentages, dates and large numbers.

Each figure gets a *kind* (``money``, ``percent``, ``date``, ``year``,
``number``) and, where it has one, a *style* that PS302 compares across a
paper: how sums of a thousand or more are written (``£4.2m``, ``£4.2
million``, ``£4,200,000``) and how financial years are written (``2024/25``,
``2024-25``, ``FY25``). Numbers that label a part of the paper ("paragraph
3.2", "Appendix 1") and small counts are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainspeak.terms.wordlists import word_set

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# The look-ahead lets the engine skip, in one step, every place a figure cannot
# start (a figure opens with a digit, a currency sign, "FY" or a month name).
_FIGURE = re.compile(
    r"(?=[\d£$€FJMASOND])"
    r"(?:(?P<money>[£$€]\s?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?P<suffix>bn|m|k|mn)\b|\s(?P<word>thousand|million|billion)\b)?)"
    r"|(?P<percent>\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))"
    r"|(?P<fy>\bFY\s?(?:20)?\d{2}(?:[/-]\d{2})?\b)"
    r"|(?P<yearpair>\b(?:19|20)\d{2}\s?[/\-–]\s?(?:19|20)?\d{2}\b)"
    rf"|(?P<date>\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|\b{_MONTH}\s+(?:19|20)\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b)"
    r"|(?P<year>\b(?:19|20)\d{2}\b)"
    r"|(?P<number>\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+\.\d+\b|\b\d{3,}\b))"
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\s*$")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: character offsets in the text scanned, kind and style."""

    start: int
    end: int
    kind: str
    style: str = ""
    magnitude: str = ""  # "thousands" or "millions" for sums of money


def figures_in(text: str, offset: int = 0) -> list[Figure]:
    """The figures of ``text``, with offsets shifted by ``offset``."""
    found = []
    for match in _FIGURE.finditer(text):
        kind = match.lastgroup or ""
        if kind in ("suffix", "word"):
            kind = "money"
        if kind in ("number", "year", "yearpair") and _labels_a_part(text, match.start()):
            continue
        figure = _classify(match, kind, offset)
        if figure is not None:
            found.append(figure)
    return found


def _labels_a_part(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return bool(before) and before.group(1).lower() in word_set("figure_labels.txt")


def _classify(match: re.Match[str], kind: str, offset: int) -> Figure | None:
    start, end = match.start() + offset, match.end() + offset
    if kind == "money":
        return _money(match, start, end)
    if kind == "yearpair":
        first, second = re.split(r"\s?[/\-–]\s?", match.group("yearpair"))
        if int(second[-2:]) != (int(first[-2:]) + 1) % 100:
            return Figure(start, end, "date")  # a span of years, not a financial year
        separator = "slash" if "/" in match.group("yearpair") else "dash"
        return Figure(start, end, "year", f"{separator}-{len(second)}")
    if kind == "fy":
        return Figure(start, end, "year", "fy")
    return Figure(start, end, "date" if kind == "year" else kind)


# Below this a sum is written in full whatever the paper does with larger ones:
# "£1,200 a week", never "£1.2k"; so it is no figure whose style PS302 compares.
SMALL_SUM = 10_000


def _money(match: re.Match[str], start: int, end: int) -> Figure:
    number = re.search(r"\d[\d,]*(?:\.\d+)?", match.group("money"))
    value = float(number.group().replace(",", "")) if number else 0.0
    suffix, word = match.group("suffix"), match.group("word")
    scale = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
    value *= scale.get(suffix or word or "", 1)
    magnitude = "millions" if value >= 1e6 else "thousands" if value >= SMALL_SUM else ""
    style = f"suffix-{suffix}" if suffix else "words" if word else "digits"
    return Figure(start, end, "money", style if magnitude else "", magnitude)
