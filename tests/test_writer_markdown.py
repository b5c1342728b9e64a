"""The Markdown summary: counts, words, hard passages, and nothing a paper can inject."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from plainspeak.markdown_text import code_span
from plainspeak.writers.markdown_summary import escape, render_summary
from tests.helpers import paper_from_text
from tests.writer_support import check_golden, glossary, result_for, sentence_finding, term_finding

TEXT = """# Budget update

The virement was agreed. The MTFS is updated.

Spending on care rose this year because more people needed help at home after a stay in hospital than the budget allowed for."""


def test_golden_summary():
    paper = paper_from_text(TEXT, path="update.md")
    findings = [term_finding(paper, "virement"), term_finding(paper, "MTFS"),
                sentence_finding(paper, "Spending on care", 24)]
    result = result_for(paper, findings, readability={"reading_age": 14.2})
    check_golden("summary.md", render_summary(result, paper, glossary(), appendix=True))


def test_escape_blocks_markup_links_and_mentions():
    assert escape("a | b") == "a \\| b"
    assert escape("<script>@team [x](javascript:y)") == "&lt;script&gt;&#64;team \\[x\\](javascript:y)"
    assert escape("two\nlines") == "two lines"


def test_escape_leaves_plain_text_plain_where_nothing_could_render():
    # Read as plain text in an email, "A&amp;E" and "care&#64;example.org" were noise.
    assert escape("A&E and care@example.org, Q&A") == "A&E and care@example.org, Q&A"
    # An ampersand that would start an entity, and an @ that would mention someone, are still written out.
    assert escape("&copy; (@finance) @team-leads") == "&amp;copy; (&#64;finance) &#64;team-leads"


def test_escape_keeps_quotes_braces_and_list_markers_as_text():
    assert escape('the "virement" {note}') == r'the "virement" \{note\}'
    assert escape("1. Agree the budget") == r"1\. Agree the budget"
    assert escape("- not a bullet") == r"\- not a bullet"


def test_file_name_shows_as_written_in_its_code_span():
    # Inside backticks Markdown shows backslashes and entities literally.
    paper = paper_from_text("We will meet on Monday.", path="budget_2024 & `draft`.md")
    headline = render_summary(result_for(paper, []), paper, glossary()).splitlines()[2]
    assert headline.startswith("``budget_2024 & `draft`.md`` \u00b7 ")
    assert code_span("`x`") == "`` `x` ``"


def test_clean_paper_says_so():
    paper = paper_from_text("We will meet on Monday.", path="note.md")
    text = render_summary(result_for(paper, []), paper, glossary())
    assert "Nothing to explain and no hard passages found." in text


MARKDOWN_CHARS = "ab AE1#&;@<>\"'`*_[]()|\\~!-=+.{}:/\n\t"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MARKDOWN_CHARS, max_size=40))
def test_escaped_text_renders_as_exactly_that_text_and_nothing_else(raw: str) -> None:
    # Through a CommonMark renderer with tables, as GitHub renders a summary's cells:
    # no emphasis, code, link, image or HTML comes of it, and the words read as written.
    cell = escape(raw)
    tokens = MarkdownIt("commonmark").enable("table").parse(f"| x |\n| - |\n| {cell} |\n")
    inline = [token for token in tokens if token.type == "inline"][-1]
    assert {child.type for child in inline.children or []} <= {"text"}
    assert "".join(child.content for child in inline.children or []) == " ".join(raw.split())


def test_a_long_list_is_cut_with_a_line_that_says_where_the_rest_are():
    paper = paper_from_text(" ".join(f"The virement number {n} was agreed." for n in range(50)))
    findings = [term_finding(paper, "virement", n) for n in range(45)]
    summary = render_summary(result_for(paper, findings), paper, glossary())
    assert "\u2026and 5 more, which `plainspeak check` lists and an annotated copy marks where each stands." in summary
    assert summary.count("| virement |") == 40
