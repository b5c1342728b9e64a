"""In headless Chromium, every explanation in the reader's copy is shown whole, on the screen.

A tip hung from its term ran off the right edge for a term near the end of a
line; it now hangs from its paragraph's left edge, no wider than the
paragraph. A tip in a table hung from its cell: squeezed to a narrow column,
and cut off by the table's scroller where it reached below the table; it now
hangs from the paper's column. Each tip is checked by focus (the Tab key) and
by hover, by the points of the page at its corners: they must be on the
screen and belong to the tip, not to whatever a clipped tip leaves showing.
Uses the Python ``playwright`` package with the system Chromium; it never
downloads a browser.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

import plainspeak
from plainspeak.writers.html import render_reader_html
from tests.test_writer_html import PROFILE
from tests.writer_support import glossary, result_for, term_finding

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="chromium is not installed"),
]

# Terms at the start, middle and end of lines, in a paragraph, a list item and
# a table's first and last columns, down to its last row.
TEXT = """# Budget update

The group agreed the plan for next year and then looked again at the virement.

A long list of budget lines went to the board, which asked what a precept is and why it rises every single year.

- Each line of the plan names the budget it comes from and any virement

The MTFS sets the plan for the years ahead, and every line of it may change the precept.

| Budget line | Budget | Forecast outturn | Note |
| :--- | ---: | ---: | :--- |
| Care homes | 24,850 | 26,310 | Paid from the precept |
| Home care | 18,420 | 19,655 | Moved by virement |
| Day services | 2,640 | 2,515 | Set in the MTFS |
"""

USES = (("virement", 0), ("precept", 0), ("virement", 1), ("MTFS", 0), ("precept", 1),
        ("precept", 2), ("virement", 2), ("MTFS", 1))
WIDTHS = (320, 360, 420, 768, 1200)
NARROWEST = 200  # px: a tip narrower than this is a column of two-word lines

# Scrolls the tip's top into the upper part of the window, then reads its box
# and what the page shows at its four corners (a little inside them).
MEASURE = """term => {
  const tip = term.nextElementSibling;
  window.scrollBy(0, tip.getBoundingClientRect().top - 100);
  const box = tip.getBoundingClientRect(), inset = 4;
  const corners = [[box.left + inset, box.top + inset], [box.right - inset, box.top + inset],
                   [box.left + inset, box.bottom - inset], [box.right - inset, box.bottom - inset]];
  const seen = corners.map(([x, y]) => { const hit = document.elementFromPoint(x, y); return !!hit && tip.contains(hit); });
  return {shown: getComputedStyle(tip).display !== 'none', left: box.left, right: box.right,
          width: box.width, screen: document.documentElement.clientWidth, seen: seen};
}"""
CONTAINER = "term => term.closest('p, li, td, th, h2, h3').tagName.toLowerCase()"


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tips")
    source = folder / "tips.md"
    source.write_text(TEXT, encoding="utf-8")
    paper = plainspeak.load(str(source))
    findings = [term_finding(paper, word, nth) for word, nth in USES]
    page = folder / "tips.html"
    page.write_text(render_reader_html(result_for(paper, findings, **PROFILE), paper, glossary()),
                    encoding="utf-8")
    return page


def _problems(page_file: Path, how: str) -> list[tuple[int, str, str]]:
    problems: list[tuple[int, str, str]] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(page_file.as_uri())
            terms = page.query_selector_all("a.term")
            assert len(terms) == len(USES)
            for term in terms:
                if how == "focus":
                    term.focus()
                else:
                    page.mouse.move(0, 0)
                    term.hover()
                tip = term.evaluate(MEASURE)
                where = f"{term.inner_text()} in {term.evaluate(CONTAINER)}"
                if not tip["shown"]:
                    problems.append((width, where, "not shown"))
                elif tip["left"] < 0 or tip["right"] > tip["screen"]:
                    problems.append((width, where, f"off the screen: {tip['left']:.0f} to {tip['right']:.0f}"))
                elif not all(tip["seen"]):
                    problems.append((width, where, f"cut off or covered at its corners: {tip['seen']}"))
                elif tip["width"] < min(NARROWEST, tip["screen"] - 40):
                    problems.append((width, where, f"squeezed to {tip['width']:.0f} px"))
            page.close()
        browser.close()
    return problems


@pytest.mark.parametrize("how", ["focus", "hover"])
def test_every_tip_is_shown_whole_on_the_screen_at_every_width(page_file: Path, how: str) -> None:
    assert _problems(page_file, how) == []


def test_a_tip_is_hidden_until_its_term_is_pointed_at_or_reached(page_file: Path) -> None:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 360, "height": 900})
        page.goto(page_file.as_uri())
        shown = page.eval_on_selector_all(".tip", "tips => tips.filter(t => getComputedStyle(t).display !== 'none').length")
        browser.close()
    assert shown == 0


# Reads, for the term the Tab key has reached, its tip's box in the window as it stands.
FOCUSED = """() => {
  const term = document.activeElement;
  if (!term.classList.contains('term')) return null;
  const box = term.nextElementSibling.getBoundingClientRect();
  return {word: term.textContent, top: box.top, bottom: box.bottom, window: window.innerHeight};
}"""


@pytest.mark.parametrize("width", [320, 360, 1200])
def test_a_tip_reached_by_the_tab_key_is_in_the_window_without_scrolling_by_hand(page_file: Path, width: int) -> None:
    # A short window, so the page scrolls as the Tab key goes down it: a term
    # scrolled only just into view at the foot of the window had its tip below it.
    reached, hidden = 0, []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": 500})
        page.goto(page_file.as_uri())
        for _ in range(60):
            page.keyboard.press("Tab")
            tip = page.evaluate(FOCUSED)
            if tip is None:
                continue
            reached += 1
            if tip["top"] < 0 or tip["bottom"] > tip["window"]:
                hidden.append((tip["word"], round(tip["top"]), round(tip["bottom"]), tip["window"]))
        browser.close()
    assert reached >= len(USES)
    assert hidden == []


# For the term tapped, whether its tip is open, its box in the window, and the page's fragment.
TAPPED = """term => {
  const tip = term.nextElementSibling, box = tip.getBoundingClientRect(), word = term.getBoundingClientRect();
  return {shown: getComputedStyle(tip).display !== 'none', top: box.top, bottom: box.bottom, word: word.top,
          width: box.width, screen: document.documentElement.clientWidth,
          window: window.innerHeight, hash: location.hash, own: '#' + term.parentElement.id};
}"""


def test_a_tapped_word_opens_its_meaning_where_it_stands_on_a_phone(page_file: Path) -> None:
    # A phone has no hover and follows a link at once: a word that linked to the
    # list at the end took the reader away from the sentence they were reading.
    problems = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
        page = context.new_page()
        page.goto(page_file.as_uri())
        terms = page.query_selector_all("a.term")
        assert len(terms) == len(USES)
        for term in terms:
            term.scroll_into_view_if_needed()
            term.tap()
            page.wait_for_function("hash => location.hash === hash", arg="#" + term.evaluate("t => t.parentElement.id"))
            tip = term.evaluate(TAPPED)
            if not (tip["shown"] and tip["hash"] == tip["own"] and 0 <= tip["word"] < tip["top"]
                    and tip["bottom"] <= tip["window"] and tip["width"] >= min(NARROWEST, tip["screen"] - 40)):
                problems.append((term.inner_text(), tip))
            # Shut it as a reader would: open over a table's rows, its links may lie on the next word.
            term.evaluate_handle("t => t.nextElementSibling.querySelector('a.close')").as_element().tap()
            page.wait_for_function("() => location.hash === '#closed'")
        browser.close()
    assert problems == []


def test_the_meaning_links_on_to_the_words_entry_in_the_list(page_file: Path) -> None:
    page = page_file.read_text(encoding="utf-8")
    tips = re.findall(r'<a class="term" href="#(use-\d+)"[^>]*>[^<]*</a><span class="tip" id="tip-\d+">[^<]*'
                      r'<span class="tip-links"><a class="more" href="#(w-[\w-]+)">More in the list of words</a> '
                      r'<a class="close" href="#(\w+)">Close</a></span></span>', page)
    assert len(tips) == len(USES)
    assert all(f'id="{use}"' in page and f'id="{entry}"' in page for use, entry, _ in tips)
    assert all(f'id="{closed}"' not in page for _, _, closed in tips)  # "Close" leads nowhere, so nothing stays open


def test_close_shuts_a_tapped_meaning_without_moving_the_page(page_file: Path) -> None:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
        page = context.new_page()
        page.goto(page_file.as_uri())
        term = page.query_selector_all("a.term")[1]
        term.tap()
        page.wait_for_function("() => location.hash.startsWith('#use-')")
        tip = term.evaluate_handle("t => t.nextElementSibling").as_element()
        close = tip.query_selector("a.close")
        assert close.is_visible()
        scrolled = page.evaluate("scrollY")
        close.tap()
        page.wait_for_function("() => location.hash === '#closed'")
        state = {"shown": tip.is_visible(), "scroll": page.evaluate("scrollY")}
        browser.close()
    assert state == {"shown": False, "scroll": scrolled}


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_keyboard_focus_ring_stands_out_from_the_page(page_file: Path) -> None:
    # WCAG 1.4.11: a focus indicator needs 3:1 against what is around it; the yellow ring alone had 1.6:1.
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 800, "height": 900})
        page.goto(page_file.as_uri())
        page.keyboard.press("Tab")
        ring, ground = page.evaluate("""() => [getComputedStyle(document.activeElement).outlineColor,
                                              getComputedStyle(document.body).backgroundColor]""")
        browser.close()
    lighter, darker = sorted((_luminance(ring), _luminance(ground)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3


@pytest.mark.parametrize("width", [320, 360, 1200])
def test_the_charts_words_are_big_enough_to_read_at_every_width(tmp_path: Path, width: int) -> None:
    # Shrunk to a phone's width, the chart drawn for a wide page had labels 5 px high.
    paper = plainspeak.load(str(_write(tmp_path / "chart.md", TEXT)))
    profile = {"readability": {"reading_age": 14.2, "profile": [
        {"label": f"{n}. A section with a long heading of its own", "sentences": 3, "hard": 1, "reading_age": 9.0 + n}
        for n in range(1, 6)]}}
    page = tmp_path / "chart.html"
    page.write_text(render_reader_html(result_for(paper, [], **profile), paper, glossary()), encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        view = browser.new_page(viewport={"width": width, "height": 900})
        view.goto(page.as_uri())
        sizes = view.evaluate("""() => [...document.querySelectorAll('svg.chart')]
            .filter(svg => getComputedStyle(svg).display !== 'none')
            .map(svg => Math.min(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)))""")
        browser.close()
    assert len(sizes) == 1 and sizes[0] >= 10


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
