"""The reader's copy: structure, escaping (nothing from a paper runs), ask forms, golden page."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

import plainspeak
from plainspeak.glossary.model import GlossarySet, Status, Term
from plainspeak.paper import Block, BlockKind, Paper, Place
from plainspeak.writers.html import render_reader_html
from tests.helpers import paper_from_text
from tests.writer_support import check_golden, glossary, result_for, sentence_finding, term_finding

TEXT = """# Budget update

The virement was agreed. The precept rises by 2%.

## What happens next

- The MTFS is updated.
- We will tell you what changes.

Spending on care rose this year because more people needed help at home after a stay in hospital than the budget allowed for."""

PROFILE = {"readability": {"reading_age": 14.2, "profile": [
    {"label": "(opening)", "sentences": 2, "hard": 0, "reading_age": 9.5},
    {"label": "What happens next", "sentences": 3, "hard": 1, "reading_age": 16.0}]}}


def _page(text: str = TEXT, glossaries: GlossarySet | None = None, **options) -> str:
    paper = paper_from_text(text, path="/somewhere/private/update.md")
    findings = [term_finding(paper, "virement")]
    if "Spending on care" in text:
        findings.append(sentence_finding(paper, "Spending on care", 24))
    return render_reader_html(result_for(paper, findings, **PROFILE), paper,
                              glossaries if glossaries is not None else glossary(), **options)


class _Audit(HTMLParser):
    """Collects what could run: script elements, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts, self.handlers, self.urls, self.tags = 0, [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.scripts += tag == "script"
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(name)
            if value and re.match(r"\s*(javascript|data|vbscript):", value, re.I) and name in ("href", "src", "action"):
                self.urls.append(value)


def _audit(page: str) -> _Audit:
    audit = _Audit()
    audit.feed(page)
    return audit


def test_golden_page():
    page = _page().replace("plainspeak 0.1.0", "plainspeak VERSION")
    page = re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-HASH", page)
    check_golden("reader.html", page)


def test_structure_kept_and_words_listed():
    page = _page()
    assert "<h2" in page and "<h3" in page and "<ul><li" in page
    assert 'href="#w-virement"' in page and 'id="w-virement"' in page
    assert '<dfn>MTFS</dfn>' in page and "medium-term financial strategy" in page
    assert '<span class="vh">Hard to read: </span>long sentence (24 words)' in page
    assert "/somewhere/private" not in page  # only the file's name is shown


def test_paper_and_glossary_cannot_run_anything():
    hostile = ('# <script>alert(1)</script>\n\nThe virement <img src=x onerror="alert(2)"> was '
               '<a href="javascript:alert(3)">agreed</a>.')
    evil = GlossarySet(terms=[Term("virement", '<script>alert(4)</script><b onmouseover="alert(5)">x</b>',
                                   status=Status.AGREED)])
    page = _page(hostile, evil)
    audit = _audit(page)
    assert (audit.scripts, audit.handlers, audit.urls) == (0, [], [])
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "default-src 'none'" in html.unescape(page)


def test_ask_forms_when_a_web_page_gives_a_target():
    page = _page(ask_url="/ask", csrf_token='tok"en')
    assert page.count('action="/ask"') >= 5
    assert 'name="csrf_token" value="tok&quot;en"' in page
    assert "form-action 'self'" in html.unescape(page)
    assert 'data-ask="paragraph"' in page and 'data-ask="term"' in page


def test_standalone_file_has_hooks_but_no_forms():
    page = _page()
    assert "<form" not in page and "form-action 'none'" in html.unescape(page)
    assert 'data-ask="term" data-term="virement"' in page


def test_unsafe_ask_url_is_refused():
    with pytest.raises(ValueError):
        _page(ask_url="javascript:alert(1)")


def _listed(*items: tuple[int, str, int, str]) -> str:
    """The paper part of a page whose blocks are list items: (level, text, number, style)."""
    blocks = [Block(BlockKind.LIST_ITEM, text, Place(paragraph=index), level=level, number=number,
                    number_style=style) for index, (level, text, number, style) in enumerate(items, start=1)]
    paper = Paper(path="list.docx", format="docx", blocks=blocks)
    page = render_reader_html(result_for(paper, [], **PROFILE), paper, glossary())
    part = page[page.index('<h2 id="paper-h"'):page.index('<section id="words"')]
    return re.sub(r' (id|data-ask|data-paragraph)="[^"]*"', "", part.split("</h2>", 1)[1])


def test_numbered_items_keep_the_papers_numbers_and_bullets_stay_bullets():
    assert _listed((1, "note", 1, "1"), (1, "agree", 2, "1"), (1, "a risk", 0, "")) == (
        "<ol><li>note</li><li>agree</li></ol><ul><li>a risk</li></ul></section>")
    assert _listed((1, "third", 3, "1"), (1, "fourth", 4, "1"), (1, "sixth", 6, "1")) == (
        '<ol start="3"><li>third</li><li>fourth</li><li value="6">sixth</li></ol></section>')


def test_numbered_sub_items_nest_with_their_style():
    assert _listed((1, "first", 1, "1"), (2, "one", 1, "a"), (2, "two", 2, "a"), (1, "second", 2, "1"),
                   (2, "bullet", 0, ""), (1, "third", 3, "I")) == (
        '<ol><li>first<ol type="a"><li>one</li><li>two</li></ol></li>'
        "<li>second<ul><li>bullet</li></ul></li></ol>"
        '<ol start="3" type="I"><li>third</li></ol></section>')


def test_a_numbered_items_later_paragraphs_stay_in_its_item():
    assert _listed((1, "fourth", 4, "1"), (1, "more on it", 4, "1"), (2, "inside", 0, ""),
                   (1, "after the sub-list", 4, "1"), (1, "fifth", 5, "1")) == (
        '<ol start="4"><li>fourth<p class="li-p">more on it</p><ul><li>inside</li></ul></li>'
        '<li value="4" class="more">after the sub-list</li><li>fifth</li></ol></section>')


NOTED = """# Update

Spending on care rose this year because more people needed help at home after a stay in hospital.[^1] The virement[^2] was agreed, and so was a second virement.[^2]

[^1]: From the month 9 forecast.

[^2]: Moving money between budget lines.
"""


def test_markdown_notes_are_superscript_links_and_notes_link_back(tmp_path):
    source = tmp_path / "noted.md"
    source.write_text(NOTED, encoding="utf-8")
    paper = plainspeak.load(str(source))
    findings = [term_finding(paper, "virement"), sentence_finding(paper, "Spending on care", 19)]
    page = render_reader_html(result_for(paper, findings, **PROFILE), paper, glossary())
    def ref(number: int, first: bool = True) -> str:
        anchor = f' id="note-ref-{number}"' if first else ""
        return f'<sup class="note-ref"><a href="#note-{number}"{anchor}><span class="vh">Note </span>{number}</a></sup>'

    # At a hard passage's end, the reference stays in the passage, before its label.
    assert f'hospital.{ref(1)}</mark><span class="why">' in page
    # After an explained word, never inside its link; a second reference has no id of its own.
    assert 'Moving money from one budget line to another. <span class="tip-links">' in page
    assert f'Close</a></span></span></span>{ref(2)} was' in page
    assert f"second virement.{ref(2, first=False)}</p>" in page
    assert ('<h2>Notes</h2><p id="p-3" data-ask="paragraph" data-paragraph="3"><span class="note-no" id="note-1">1.'
            '</span> From the month 9 forecast. <a href="#note-ref-1" class="back">Back to the text</a></p>') in page
    assert '<span class="note-no" id="note-2">2.</span> Moving money between budget lines. <a href="#note-ref-2"' in page
    assert "[^" not in page


def test_bold_stays_bold_inside_and_around_explained_words():
    block = Block(BlockKind.PARAGRAPH, "Budget and precept: both agreed.", Place(paragraph=1), bold=((0, 19),))
    paper = Paper(path="bold.docx", format="docx", blocks=[block])
    page = render_reader_html(result_for(paper, [term_finding(paper, "precept")], **PROFILE), paper, glossary())
    assert ('<p id="p-1" data-ask="paragraph" data-paragraph="1"><strong>Budget and </strong>'
            '<span class="t" id="use-1"><a class="term" href="#use-1" aria-describedby="tip-1" data-ask="term" '
            'data-term="precept"><strong>precept</strong></a>') in page
    assert '</span></span><strong>:</strong> both agreed.</p>' in page


def test_figures_stand_right_in_their_cells_and_under_their_headings():
    cells = [("Budget line", 1, 1), ("Budget", 1, 2), ("Note", 1, 3),
             ("Care homes", 2, 1), ("24,850", 2, 2), ("Paid in 2026", 2, 3),
             ("Income", 3, 1), ("(14,600)", 3, 2), ("£1.2m", 3, 3)]
    blocks = [Block(BlockKind.TABLE_CELL, text, Place(paragraph=index, table=1, row=row, cell=cell))
              for index, (text, row, cell) in enumerate(cells, start=1)]
    paper = Paper(path="table.docx", format="docx", blocks=blocks)
    page = render_reader_html(result_for(paper, [], **PROFILE), paper, glossary())
    classes = re.findall(r'<(t[hd])(?: scope="col")?(?: class="(num)")?><span class="cell-p"[^>]*>([^<]*)<', page)
    assert classes == [("th", "", "Budget line"), ("th", "num", "Budget"), ("th", "", "Note"),
                       ("td", "", "Care homes"), ("td", "num", "24,850"), ("td", "", "Paid in 2026"),
                       ("td", "", "Income"), ("td", "num", "(14,600)"), ("td", "num", "£1.2m")]
