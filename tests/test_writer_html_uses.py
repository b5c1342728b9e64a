"""Every explained word in a reader's copy is explained where the reader meets it, under each heading.

A word was tipped only at its first use in the whole paper, and a word the
paper itself explained (in brackets, or in a table of abbreviations) was never
tipped at all: a reader who opened the paper at its third section met "CQC"
with nothing to say what it was. An acronym the paper only spells out gets the
glossary's plain meaning too, and the acronym and its words are one entry.
"""

from __future__ import annotations

import re
from html import unescape

from plainspeak.glossary.model import GlossarySet, Status, Term
from plainspeak.result import Definition
from plainspeak.writers.appendix import words_used
from plainspeak.writers.html import render_reader_html
from tests.helpers import paper_from_text
from tests.writer_support import glossary, result_for, term_finding

TEXT = """# Care budget

The Care Quality Commission (CQC) rated two homes last year, and the virement was agreed.

## Homes

The CQC visited again in May. The CQC report is due in June.

## Money

A second virement moved money to home care.

## Abbreviations

CQC: Care Quality Commission
"""
CQC = Term("CQC", "The body that checks and rates care services in England.",
           expansion="Care Quality Commission", status=Status.AGREED)


def _result(paper, findings):
    result = result_for(paper, findings)
    start = paper.text.index("CQC")
    result.definitions = [Definition("CQC", "Care Quality Commission", "acronym", start, start + 3)]
    return result


def _tips(page: str) -> list[tuple[str, str, str]]:
    """(word, its tip, the heading it sits under) for every explained word in the paper's text."""
    paper_part = page[page.index('<section id="paper"'):page.index('<section id="words"')]
    tips, heading = [], ""
    for match in re.finditer(r'<h[2-6][^>]*>(.*?)</h[2-6]>|<a class="term"[^>]*>(.*?)</a><span class="tip"[^>]*>(.*?)(?: <span class="tip-links">|</span>)',
                             paper_part):
        if match.group(1) is not None:
            heading = unescape(re.sub(r"<[^>]+>", "", match.group(1)))
        else:
            tips.append((unescape(match.group(2)), unescape(match.group(3)), heading))
    return tips


def _page() -> str:
    paper = paper_from_text(TEXT)
    glossaries = GlossarySet(terms=[*glossary().terms, CQC])
    return render_reader_html(_result(paper, [term_finding(paper, "virement")]), paper, glossaries)


def test_each_word_is_explained_at_its_first_use_under_each_heading() -> None:
    tips = _tips(_page())
    assert [(word, heading) for word, _, heading in tips] == [
        # The words and the acronym name one entry: the first of them under a heading is explained.
        ("Care Quality Commission", "Care budget"), ("virement", "Care budget"),
        ("CQC", "Homes"),  # once under this heading, not at its second use there
        ("virement", "Money"),
        ("CQC", "Abbreviations"),
    ]


def test_an_acronym_the_paper_only_spells_out_gets_the_glossarys_meaning_too() -> None:
    expected = ("CQC stands for Care Quality Commission. "
                "The body that checks and rates care services in England.")
    assert {tip for word, tip, _ in _tips(_page()) if word == "CQC"} == {expected}
    paper = paper_from_text(TEXT)
    entries = words_used(paper, _result(paper, []), GlossarySet(terms=[CQC]))
    # One entry for the acronym and the words it stands for, which the glossary lists as one.
    assert [(e.term, e.meaning, e.source) for e in entries] == [("CQC", expected, "both")]
    assert entries[0].names() == ("CQC", "Care Quality Commission")


def test_what_the_paper_says_a_word_means_stands_alone() -> None:
    paper = paper_from_text(TEXT)
    result = _result(paper, [])
    start = paper.text.index("virement")
    result.definitions = [Definition("virement", "moving money between budgets, agreed by the board", "means",
                                     start, start + 8)]
    entries = words_used(paper, result, glossary())
    assert [(e.term, e.meaning, e.source) for e in entries] == [
        ("virement", "moving money between budgets, agreed by the board", "this paper")]


def test_each_list_entry_links_back_to_a_use_the_text_shows() -> None:
    page = _page()
    shown = set(re.findall(r'<span class="t" id="(use-\d+)"', page))
    backs = re.findall(r'<a href="#(use-\d+)" class="back">Back to where it is used</a>', page)
    assert backs and set(backs) <= shown


def test_the_summary_counts_what_the_page_shows() -> None:
    # A passage with two reasons was counted twice, and a word nobody explains as explained.
    from dataclasses import replace

    from tests.writer_support import sentence_finding

    paper = paper_from_text("# Care budget\n\nSpending on care rose this year because more people needed "
                            "help at home, and the virement and the outturn were agreed.")
    long = sentence_finding(paper, "Spending on care", 24)
    dense = replace(long, code="PS301", name="dense-figures", extra={})
    findings = [long, dense, term_finding(paper, "virement"), term_finding(paper, "outturn")]
    page = render_reader_html(result_for(paper, findings), paper, glossary())
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", page))
    assert facts["Passages marked hard to read"] == "1"
    assert page.count('<span class="why">') == 1
    # Its label says why in everyday words: not "dense figures".
    assert "long sentence (24 words); lots of numbers</span>" in page
    assert facts["Words explained for you"] == "1"  # virement; outturn is listed as nobody explaining it
    assert "<dfn>outturn</dfn>" in page
