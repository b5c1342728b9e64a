"""Write ``plainspeak/data/helvetica_widths.txt``: the advance widths of Helvetica and Helvetica-Bold.

The annotated PDF's appendix pages are set in Helvetica, one of the PDF
standard fonts every reader has, and lines are wrapped by the widths of its
glyphs. They come from Adobe's AFM files for the core fonts, as pdfminer.six
carries them (``pdfminer.fontmetrics``); the table keeps one line per
character, ``font<TAB>character<TAB>width`` in thousandths of the type size,
and repeats the AFM files' notice, which asks that it travel with them.
Re-run after upgrading pdfminer.six:

    python scripts/build_font_widths.py
"""

from __future__ import annotations

from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "plainspeak" / "data" / "helvetica_widths.txt"
FONTS = ("Helvetica", "Helvetica-Bold")
NOTICE = """\
# Advance widths of Helvetica and Helvetica-Bold, from Adobe's AFM files for the
# core fonts as pdfminer.six carries them; written by scripts/build_font_widths.py.
# Lines: font, a tab, the character, a tab, its width in 1/1000 of the type size.
#
# The AFM files' notice:
# This file and the 35 PostScript(R) AFM files it accompanies may be
# used, copied, and distributed for any purpose and without charge,
# with or without modification, provided that all copyright notices
# are retained; that the AFM files are not distributed without this
# file; that all modifications to this file or any of the AFM files
# are prominently noted in the modified file(s); and that this
# paragraph is not modified. Adobe Systems has no responsibility or
# obligation to support the use of the AFM files.
"""


def table() -> str:
    from pdfminer.fontmetrics import FONT_METRICS

    lines = [NOTICE.rstrip("\n")]
    for font in FONTS:
        widths = FONT_METRICS[font][1]
        lines.extend(f"{font}\t{char}\t{width:g}" for char, width in sorted(widths.items()) if char not in "\t\n")
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(table(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
