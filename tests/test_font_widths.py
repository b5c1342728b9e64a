"""The shipped Helvetica widths are Adobe's, as pdfminer.six carries them."""

from __future__ import annotations

import pytest

from plainspeak.writers.pdf_pages import font_widths, text_width


@pytest.mark.parametrize("font", ["Helvetica", "Helvetica-Bold"])
def test_every_width_is_the_afm_files_width(font: str) -> None:
    metrics = pytest.importorskip("pdfminer.fontmetrics").FONT_METRICS
    expected = {char: float(width) for char, width in metrics[font][1].items() if char not in "\t\n"}
    assert font_widths(font) == expected


def test_a_line_is_measured_in_points() -> None:
    # H 722, e 556, l 222 twice, o 556: 2,278 thousandths of 10 points.
    assert text_width("Hello", "Helvetica", 10) == pytest.approx(22.78)
    assert text_width("Hello", "Helvetica-Bold", 10) > text_width("Hello", "Helvetica", 10)
    assert text_width("\u4e00", "Helvetica", 10) == pytest.approx(5.56)  # not in the font: an average width
