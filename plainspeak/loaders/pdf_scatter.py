"""Pages of scattered glyphs: tens of thousands of loose letters in no reading order.

A map or drawing whose labels were turned into text letter by letter, or a
hostile file, can put tens of thousands of tiny glyphs on one page. Read as
text they become thousands of one-letter paragraphs that tell a reader
nothing and flood every later stage, so such a page is left out with a
notice.

A page is scattered glyphs when both hold:

* it has more than 8,000 separate pieces of text (the loader's text lines) of
  one or two characters, per A4 page's worth of area, and
* those pieces hold at least half of the page's characters.

No page a person can read meets the first test. Measured on the A4 pages
of ``tests/test_load_pdf_glyphs.py``: a page of prose in 5-point type from
top to bottom splits into 138 pieces, two columns of it 268, none of them
short; a table of 100 rows by 12 columns of short figures in 6-point type
gives 1,200 pieces, 943 of them short; single letters packed wall to wall,
as tight as the loader keeps them apart, give about 4,200 pieces at 6 points
and 6,000 at 5 points. Only type of 4 points or less, which no one can
read on paper, reaches 8,000. Scattered glyphs of 1 to 5 points come out
as a piece each: 20,000 glyphs are 20,000 short pieces. The second test
keeps a page whose loose letters sit among more text than they hold.
"""

from __future__ import annotations

from plainspeak.loaders.pdf_lines import Line

_A4_AREA = 595.0 * 842.0
_MAX_SHORT_PIECES = 8_000  # for each A4 page's worth of area, so an A3 plan gets twice as many
_SHORT = 2  # characters in a piece that is a loose glyph or two
_SHORT_SHARE = 0.5


def scattered_characters(lines: list[Line], width: float, height: float) -> int:
    """How many characters the page holds if it is scattered glyphs, else 0."""
    limit = _MAX_SHORT_PIECES * max(1.0, width * height / _A4_AREA)
    if len(lines) <= limit:  # the common case costs one comparison
        return 0
    pieces = short = total = 0
    for line in lines:
        length = len(line.text)
        total += length
        if length <= _SHORT:
            pieces += 1
            short += length
    if pieces > limit and short >= _SHORT_SHARE * total:
        return total
    return 0
