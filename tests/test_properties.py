"""Property tests: random text and structure never crash a loader, the pipeline or a reporter.

Invariants held for every generated paper: blocks sit where ``Paper.text``
says they do; every finding's offsets lie inside the text and its ``text`` is
exactly that slice; JSON parses, SARIF validates against the OASIS schema,
JUnit parses as XML, and the HTML reader's copy parses with no element or
event handler that came from the paper. The pipeline is ``spacy.blank("en")``
with plainspeak's components (the rules and components are the point, not the
model); one slow test runs the same properties through the trained pipeline.
"""

from __future__ import annotations

import io
import json
import string
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainspeak.errors import InputError
from plainspeak.loaders import load
from plainspeak.loaders.clean import clean_text
from plainspeak.paper import BLOCK_SEPARATOR, Paper
from plainspeak.settings import Settings
from tests.helpers import blank_nlp, paper_from_text

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = REPO.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])

# Words that make rules fire: glossary terms, acronyms, passives, figures, units.
VOCABULARY = [
    "the", "board", "agreed", "was", "noted", "by", "officers", "virement", "precept", "outturn",
    "S151", "ICB", "(ICB)", "integrated", "care", "board", "BCF", "means", "is", "£4.5m", "12%",
    "2024/25", "WTE", "FTE", "reablement", "it", "were", "approved", "residents", "and", "of",
    "section", "75", "agreement", "A&E", "(", ")", ",", ".", ";", ":", "-", "–", "—", "/", "\"",
    "'", "…", "e.g.", "i.e.", "etc.", "NHS", "ASC", "CHC", "(continuing", "healthcare)",
    "<script>alert(1)</script>", "<b>", "&amp;", "&", "<", ">", "café", "naïve", "\u0645\u062c\u0644\u0633",
    "\U0001F600", "\u200b", "\u00ad", "\ufb01nance", "1.", "2.3", "a)", "•",
]
# Markup a paper might carry; each piece is marked so that, if it ever became
# an element of the reader's copy, the parsed page would show it.
HOSTILE_TAGS = ["script", "iframe", "object", "embed", "svg", "math", "x-planted", "img", "style", "link", "meta"]
PLANTED = [f"<{tag} data-planted onload=planted()>" for tag in HOSTILE_TAGS] + [
    '<a data-planted href="javascript:planted()">', "<img data-planted src=x onerror=planted()>",
    "<scr<script>ipt data-planted>", "<!--", "-->", "<![CDATA[", "]]>", '"><x-planted data-planted>',
]


def chunk_text() -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(VOCABULARY + PLANTED), min_size=1, max_size=40).map(" ".join)
    return st.one_of(words, st.text(min_size=1, max_size=120), st.text(string.printable, min_size=1, max_size=80))


@st.composite
def paper_source(draw) -> str:
    """Text in the helpers' layout: blank-line paragraphs, ``# `` headings, ``- `` list items."""
    chunks = []
    for _ in range(draw(st.integers(1, 8))):
        prefix = draw(st.sampled_from(["", "", "", "# ", "## ", "- "]))
        chunks.append(prefix + draw(chunk_text()))
    return "\n\n".join(chunks)


# --- Pipeline and reporters -------------------------------------------------


@lru_cache(maxsize=None)
def glossaries():
    from plainspeak.engine import load_glossaries

    return load_glossaries(Settings())


@pytest.fixture(scope="module")
def nlp():
    """The shared blank pipeline, given this module's components once for all its examples."""
    from plainspeak.nlp.pipeline import add_components

    return add_components(blank_nlp(), Settings(), glossaries())


def check(paper: Paper, nlp):
    from plainspeak.engine import check_paper

    return check_paper(paper, Settings(isolate=False), glossaries(), nlp)


def assert_blocks_consistent(paper: Paper) -> None:
    cursor = 0
    for index, block in enumerate(paper.blocks):
        assert block.start >= cursor and block.end >= block.start
        assert paper.text[block.start : block.end] == block.text
        if index:
            assert paper.text[cursor : block.start] == BLOCK_SEPARATOR
        cursor = block.end
    assert cursor == len(paper.text)


def assert_findings_placed(paper: Paper, result) -> None:
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(paper.text), finding
        assert finding.text == paper.text[finding.start : finding.end], finding
        assert paper.block_at(finding.start) is not None or not paper.blocks
    for definition in result.definitions:
        assert 0 <= definition.start <= definition.end <= len(paper.text)


def assert_reports_valid(result, paper: Paper) -> None:
    from plainspeak.reporters import FORMATS, get_reporter

    rendered = {name: get_reporter(name).render([result], Settings()) for name in FORMATS}
    assert json.loads(rendered["json"])["papers"][0]["path"] == paper.path
    validate_sarif(json.loads(rendered["sarif"]))
    ElementTree.fromstring(rendered["junit"])
    for name, text in rendered.items():
        assert isinstance(text, str), name


@lru_cache(maxsize=1)
def sarif_validator():
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text())
    return jsonschema.Draft7Validator(schema)


def validate_sarif(document: dict) -> None:
    if SARIF_SCHEMA.is_file():
        errors = list(sarif_validator().iter_errors(document))
        assert not errors, errors[0].message


class Elements(HTMLParser):
    """Every start tag and attribute name in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)


def assert_html_safe(paper: Paper, result) -> None:
    from plainspeak.writers.html import write

    page = write(paper.text.encode("utf-8"), paper, result, glossaries()).data.decode("utf-8")
    parser = Elements()
    parser.feed(page)
    parser.close()
    assert not {"script", "x-planted", "iframe", "object", "embed"} & set(parser.tags)
    assert not [name for name, _ in parser.attributes if name == "data-planted" or name.startswith("on")]
    assert not [value for _, value in parser.attributes if value and "planted()" in value]


@FAST
@given(paper_source())
def test_random_papers_check_with_placed_findings_and_valid_reports(nlp, source):
    paper = paper_from_text(source)
    assert_blocks_consistent(paper)
    result = check(paper, nlp)
    assert result.error is None
    assert_findings_placed(paper, result)
    assert_reports_valid(result, paper)
    assert_html_safe(paper, result)


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(paper_source())
def test_random_papers_through_the_trained_pipeline(source):
    from plainspeak.nlp.pipeline import build_pipeline

    paper = paper_from_text(source)
    result = check(paper, build_pipeline(Settings(), glossaries()))
    assert_findings_placed(paper, result)
    assert_reports_valid(result, paper)
    assert_html_safe(paper, result)


# --- Loaders ----------------------------------------------------------------


def loaded_or_refused(path: Path) -> Paper | None:
    """The paper, or None when the loader gives a clear E1xx refusal."""
    try:
        paper = load(path)
    except InputError as error:
        assert error.kind.code.startswith("E1") and "\n" not in error.line()
        return None
    assert_blocks_consistent(paper)
    return paper


@FAST
@given(st.binary(min_size=1, max_size=2000), st.sampled_from([".txt", ".md", ".docx", ".pdf", ""]))
def test_any_bytes_with_any_extension_get_a_clear_answer(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"paper{suffix}"
    path.write_bytes(data)
    loaded_or_refused(path)


@FAST
@given(st.text(min_size=1, max_size=3000), st.sampled_from([".txt", ".md"]),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_any_text_in_any_encoding_loads_consistently(tmp_path_factory, nlp, text, suffix, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass" if encoding == "utf-8" else "replace")
    path = tmp_path_factory.mktemp("text") / f"paper{suffix}"
    path.write_bytes(data)
    paper = loaded_or_refused(path)
    if paper is not None:
        result = check(paper, nlp)
        assert_findings_placed(paper, result)


XML_SAFE = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")


@st.composite
def word_document(draw) -> list[tuple[str, str]]:
    """A sequence of (kind, text): headings, paragraphs, list items and one-cell tables."""
    items = []
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["heading", "paragraph", "paragraph", "bullet", "table"]))
        text = draw(st.one_of(st.text(XML_SAFE, max_size=80),
                              st.lists(st.sampled_from(VOCABULARY + PLANTED), max_size=25).map(" ".join)))
        items.append((kind, text))
    return items


def word_bytes(items: list[tuple[str, str]]) -> bytes:
    document = docx.Document()
    for kind, text in items:
        if kind == "heading":
            document.add_heading(text, level=2)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "table":
            table = document.add_table(rows=2, cols=2)
            table.cell(0, 0).text = text
            table.cell(1, 1).text = text[::-1]
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@FAST
@given(word_document())
def test_random_word_papers_load_check_and_report(tmp_path_factory, nlp, items):
    path = tmp_path_factory.mktemp("docx") / "paper.docx"
    path.write_bytes(word_bytes(items))
    paper = loaded_or_refused(path)
    if paper is None:
        # Refused as empty: nothing a reader sees once the loaders' cleaning has
        # deleted the invisible characters (a zero-width space, a soft hyphen).
        assert not clean_text("".join(text for _, text in items))[0].strip()
        return
    for _, text in items:
        for word in text.split():
            if word.isalpha() and word.isascii():
                assert word in paper.text
    result = check(paper, nlp)
    assert_findings_placed(paper, result)
    assert_reports_valid(result, paper)
    assert_html_safe(paper, result)
