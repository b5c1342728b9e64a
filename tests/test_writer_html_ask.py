"""A reader's copy handed out as a file asks the group by email: each word, long paragraphs, and the list's end."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from plainspeak.email_address import is_email_address
from plainspeak.writers.html import render_reader_html
from tests.helpers import paper_from_text
from tests.writer_support import glossary, result_for, term_finding

TEXT = """Date: 4 March 2026

The board agreed a virement from the transport budget to home care, and asked the group to look again at the precept.

Short line with the precept.
"""
ADDRESS = "care-group@example.org"


def _page(**ask) -> str:
    paper = paper_from_text(TEXT)
    findings = [term_finding(paper, "virement"), term_finding(paper, "precept")]
    return render_reader_html(result_for(paper, findings), paper, glossary(), **ask)


def _mail_links(page: str) -> list[tuple[str, str, dict[str, list[str]]]]:
    """(link text, address, query) for every mailto link."""
    links = []
    for href, text in re.findall(r'<a href="(mailto:[^"]*)">(.*?)</a>', page):
        parts = urlsplit(unescape(href))
        links.append((unescape(text), unquote(parts.path), parse_qs(parts.query)))
    return links


def test_each_word_and_each_long_paragraph_has_an_email_saying_what_it_is_about() -> None:
    links = _mail_links(_page(ask_email=ADDRESS))
    by_text = {text: (address, query) for text, address, query in links}
    assert all(address == ADDRESS for _, address, _ in links)
    address, query = by_text["Ask about \u2018virement\u2019 by email"]
    assert query["subject"] == ["Please explain \u2018virement\u2019 (case.txt)"]
    assert "\u2018virement\u2019" in query["body"][0] and "My question" in query["body"][0]
    assert "\r\n" in query["body"][0]  # RFC 6068 line breaks
    assert "Ask about \u2018precept\u2019 by email" in by_text
    # The long paragraph has a link; the "Date:" line and the short line do not.
    paragraph_links = [q for text, _, q in links if text == "Ask about this part by email"]
    # Named by its opening words (and heading, where it has one), not by a number no one sees.
    assert len(paragraph_links) == 1
    assert paragraph_links[0]["subject"] == ["A question about case.txt: \u2018The board agreed a virement from\u2026\u2019"]
    assert paragraph_links[0]["body"][0].startswith(
        "Please could the group explain this part of the paper case.txt? It begins: "
        "\u2018The board agreed a virement from the transport budget to home care,\u2026\u2019")
    assert "paragraph 2" not in paragraph_links[0]["body"][0]
    # The hint at the end names the address itself.
    assert re.search(rf'<p class="hint">[^<]*<a href="mailto:{re.escape(ADDRESS)}[^"]*">{re.escape(ADDRESS)}</a>',
                     _page(ask_email=ADDRESS))


def test_no_address_no_email_links_and_a_web_page_keeps_its_forms() -> None:
    plain = _page()
    assert "mailto:" not in plain and "<form" not in plain
    assert "Ask the person who sent you this paper" in plain
    served = _page(ask_url="/ask", ask_email=ADDRESS)
    assert "<form" in served and "mailto:" not in served


def test_the_page_still_allows_no_forms_and_no_scripts() -> None:
    page = unescape(_page(ask_email=ADDRESS))
    assert "form-action 'none'" in page and "<script" not in page


@pytest.mark.parametrize("bad", ["care-group", "a@b", "x@example.org?cc=y@example.org", "x@example.org\nBcc: y@z.org",
                                 "javascript:alert(1)@x.org", "x y@example.org", "x@example.org,y@example.org"])
def test_anything_but_one_plain_address_is_refused(bad: str) -> None:
    assert not is_email_address(bad)
    with pytest.raises(ValueError, match="email address"):
        _page(ask_email=bad)


@pytest.mark.parametrize("good", [ADDRESS, "first.last+papers@council.gov.uk", "o'neill@example.ie"])
def test_plain_addresses_are_taken(good: str) -> None:
    assert is_email_address(good)
    assert f"mailto:{good}?" in unescape(_page(ask_email=good))


def test_a_paragraphs_email_names_the_heading_it_sits_under() -> None:
    paper = paper_from_text("Budget update\n\n" + TEXT)
    paper.blocks[2].section = "Budget update"  # as a heading above it makes it
    findings = [term_finding(paper, "virement")]
    page = render_reader_html(result_for(paper, findings), paper, glossary(), ask_email=ADDRESS)
    bodies = [q["body"][0] for text, _, q in _mail_links(page) if text == "Ask about this part by email"]
    assert len(bodies) == 1
    assert "this part of the paper case.txt under \u2018Budget update\u2019? It begins: \u2018The board" in bodies[0]
