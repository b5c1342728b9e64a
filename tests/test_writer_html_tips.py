"""In headless Chromium, every explanation in the reader's copy stays on the screen.

A tip hung from its term ran off the right edge for a term near the end of a
line; it now hangs from its paragraph's left edge, no wider than the
paragraph. Uses the Python ``playwright`` package with the system Chromium;
it never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from plainspeak.writers.html import render_reader_html
from tests.helpers import paper_from_text
from tests.test_writer_html import PROFILE
from tests.writer_support import glossary, result_for, term_finding

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="chromium is not installed"),
]

# Terms at the start, middle and end of lines, in a paragraph, a list item and a table row.
TEXT = """# Budget update

The group agreed the plan for next year and then looked again at the virement.

A long list of budget lines went to the board, which asked what a precept is and why it rises every single year.

- Each line of the plan names the budget it comes from and any virement

The MTFS sets the plan for the years ahead, and every line of it may change the precept.
"""

WIDTHS = (320, 360, 420, 768, 1200)


def test_every_tip_stays_on_the_screen_at_every_width(tmp_path: Path) -> None:
    paper = paper_from_text(TEXT, path="tips.md")
    findings = [term_finding(paper, word, nth) for word, nth in
                (("virement", 0), ("precept", 0), ("virement", 1), ("MTFS", 0), ("precept", 1))]
    page_file = tmp_path / "tips.html"
    page_file.write_text(render_reader_html(result_for(paper, findings, **PROFILE), paper, glossary()),
                         encoding="utf-8")
    off: list[tuple[int, str]] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(page_file.as_uri())
            terms = page.query_selector_all("a.term")
            assert len(terms) >= 5
            for term in terms:
                term.focus()
                left, right, shown = term.evaluate(
                    "e => { const t = e.nextElementSibling, r = t.getBoundingClientRect();"
                    " return [r.left, r.right, getComputedStyle(t).display !== 'none']; }")
                if not shown or left < 0 or right > width:
                    off.append((width, term.inner_text()))
            page.close()
        browser.close()
    assert off == []
