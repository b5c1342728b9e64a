"""Draw the "Words used in this paper" pages for a PDF, with pypdf alone.

The pages are plain text in Helvetica, one of the PDF standard fonts every
reader has, so nothing is embedded and the file stays small. Lines are
wrapped with Helvetica's own character widths (Adobe's, in
``plainspeak/data/helvetica_widths.txt``). Text is encoded as WinAnsi,
which covers English and the usual pound signs, dashes and curly quotes;
anything else prints as "?".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from plainspeak.writers.appendix import INTRO, TITLE, WordEntry

MARGIN = 56.0  # about 2 cm
BODY, TITLE_SIZE, LEADING = 11.0, 16.0, 1.35
_FONTS = {"/F1": "Helvetica", "/F2": "Helvetica-Bold"}


@dataclass
class _Line:
    font: str
    size: float
    text: str
    x: float
    gap_before: float = 0.0


def text_width(text: str, font: str, size: float) -> float:
    widths = font_widths(font)
    return sum(widths.get(char, 556) for char in text) * size / 1000


@lru_cache(maxsize=None)
def font_widths(font: str) -> dict[str, float]:
    """Each character's advance width in ``font``, in thousandths of the type size."""
    from plainspeak.resources import data_file

    widths: dict[str, float] = {}
    for line in data_file("helvetica_widths.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, char, width = line.split("\t")
            if name == font:
                widths[char] = float(width)
    return widths


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points, at spaces."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and text_width(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def layout(entries: list[WordEntry], width: float) -> list[list[_Line]]:
    """The list's lines in groups a page break must not split: the heading, then each word."""
    usable = width - 2 * MARGIN
    head = [_Line("/F2", TITLE_SIZE, TITLE, MARGIN)]
    for number, piece in enumerate(wrap(INTRO, _FONTS["/F1"], BODY, usable)):
        head.append(_Line("/F1", BODY, piece, MARGIN, 8.0 if number == 0 else 0.0))
    groups = [head]
    for entry in entries:
        group = []
        for number, piece in enumerate(wrap(entry.term, _FONTS["/F2"], BODY, usable)):
            group.append(_Line("/F2", BODY, piece, MARGIN, 10.0 if number == 0 else 0.0))
        for piece in wrap(entry.meaning, _FONTS["/F1"], BODY, usable - 14):
            group.append(_Line("/F1", BODY, piece, MARGIN + 14))
        groups.append(group)
    return groups


def add_pages(writer: PdfWriter, entries: list[WordEntry], width: float, height: float) -> int:
    """Append the pages; return the index of the first one."""
    first = len(writer.pages)
    page_lines: list[tuple[_Line, float]] = []
    y = height - MARGIN
    for group in layout(entries, width):
        needed = sum(line.gap_before + line.size * LEADING for line in group)
        if y - needed < MARGIN and page_lines:
            _page(writer, page_lines, width, height)
            page_lines, y = [], height - MARGIN
        for line in group:
            y -= line.gap_before + line.size * LEADING
            page_lines.append((line, y))
    if page_lines:
        _page(writer, page_lines, width, height)
    return first


def _page(writer: PdfWriter, lines: list[tuple[_Line, float]], width: float, height: float) -> None:
    page = writer.add_blank_page(width, height)
    fonts = DictionaryObject()
    for name, base in _FONTS.items():
        fonts[NameObject(name)] = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject(f"/{base}"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        })
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = DecodedStreamObject()
    stream.set_data(b"\n".join(_show(line, y) for line, y in lines))
    page.replace_contents(stream)


def _show(line: _Line, y: float) -> bytes:
    """One line of text as content-stream operators, the string escaped for PDF."""
    raw = line.text.encode("cp1252", errors="replace")
    escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    head = f"BT {line.font} {line.size:g} Tf 1 0 0 1 {line.x:.2f} {y:.2f} Tm (".encode("ascii")
    return head + escaped + b") Tj ET"
