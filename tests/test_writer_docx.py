"""The annotated DOCX: exact comment anchors, formatting kept, text unchanged."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

import plainspeak
from plainspeak.loaders.docx_text import W, paragraph_nodes
from plainspeak.writers import docx as docx_writer
from plainspeak.writers.docx_map import RunIndex, align, position
from plainspeak.writers.docx_ordinary import ordinary_docx
from tests.test_robust_files import (
    DOCUMENT_TYPE, MACRO_PARTS, MACRO_TEMPLATE_TYPE, MACRO_TYPE, TEMPLATE_TYPE, as_word_kind, repack, to_strict,
)
from tests.writer_support import check_golden, glossary, result_for, sentence_finding, term_finding


def _hyperlink(paragraph, text: str, url: str) -> None:
    rel = paragraph.part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    props.append(OxmlElement("w:u", attrs={qn("w:val"): "single"}))
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A complex field: begin, instruction, separate, shown result, end."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, shown), ("end", None)):
        run = paragraph.add_run()
        if kind:
            run._r.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def build_docx(path) -> None:
    document = docx.Document()
    document.add_heading("Budget update", level=1)
    first = document.add_paragraph("The ")
    first.add_run("virement of £2m").bold = True
    first.add_run(" was agreed, and the ")
    italic = first.add_run("precept rises")
    italic.italic = True
    italic.font.size = Pt(13)
    first.add_run(".")
    second = document.add_paragraph("Read the ")
    _hyperlink(second, "MTFS summary", "https://example.org/mtfs")
    second.add_run(" on page ")
    _field(second, " PAGE ", "4")
    second.add_run(" before the meeting.")
    document.add_paragraph(
        "Spending on care for older people rose again this year because more people needed help at home "
        "after a stay in hospital than the budget had allowed for. We will explain this at the meeting.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Line"
    table.cell(0, 1).text = "Note"
    table.cell(1, 0).text = "Transfers"
    table.cell(1, 1).text = "A virement moves money."
    document.core_properties.title = "Budget update"
    document.save(path)


@pytest.fixture
def annotated(tmp_path):
    source = tmp_path / "paper.docx"
    build_docx(source)
    paper = plainspeak.load(source)
    findings = [term_finding(paper, "virement"), term_finding(paper, "precept"), term_finding(paper, "MTFS"),
                term_finding(paper, "virement", 1), sentence_finding(paper, "Spending on care", 31)]
    result = result_for(paper, findings)
    out = docx_writer.write(source.read_bytes(), paper, result, glossary(), appendix=True)
    return source, paper, result, out


def _texts(data: bytes) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return ["".join(t for _, t in paragraph_nodes(p).nodes) for p in root.iter(f"{W}p")]


def _anchored(data: bytes) -> dict[str, str]:
    """Comment id -> the text between its range start and end, in document order."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for element in root.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids[element.get(f"{W}id")] = []
        elif element.tag == f"{W}commentRangeEnd":
            done[element.get(f"{W}id")] = "".join(open_ids.pop(element.get(f"{W}id")))
        elif element.tag == f"{W}t" and element.getparent().getparent().tag != f"{W}del":
            for pieces in open_ids.values():
                pieces.append(element.text or "")
    return done


def test_one_comment_per_finding_anchored_on_exact_words(annotated):
    _, _, result, out = annotated
    assert out.placed == 5 and out.unplaced == []
    comments = list(docx.Document(io.BytesIO(out.data)).comments)
    assert len(comments) == 5
    anchored = _anchored(out.data)
    assert [anchored[str(c.comment_id)] for c in comments] == [f.text for f in result.findings]


def test_original_text_is_unchanged(annotated):
    source, _, _, out = annotated
    before = _texts(source.read_bytes())
    after = _texts(out.data)
    assert after[: len(before)] == before


def test_formatting_hyperlink_and_field_are_kept(annotated):
    _, _, _, out = annotated
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(out.data)).read("word/document.xml"))
    runs: dict[str, etree._Element] = {}
    for run in root.iter(f"{W}r"):  # the first run with each text: the appendix repeats words
        runs.setdefault("".join(run.itertext()), run)
    assert runs["virement"].find(f"{W}rPr/{W}b") is not None
    assert runs[" of £2m"].find(f"{W}rPr/{W}b") is not None
    assert runs["precept"].find(f"{W}rPr/{W}i") is not None
    assert runs["precept"].find(f"{W}rPr/{W}sz").get(f"{W}val") == "26"
    assert runs["MTFS"].getparent().tag == f"{W}hyperlink"
    assert runs[" summary"].getparent().tag == f"{W}hyperlink"
    assert [t.text for t in root.iter(f"{W}instrText")] == [" PAGE "]


def test_comment_says_problem_and_meaning(annotated):
    _, _, _, out = annotated
    comment = list(docx.Document(io.BytesIO(out.data)).comments)[0]
    assert comment.author == "plainspeak"
    assert [p.text for p in comment.paragraphs] == [
        "'virement' is not explained in the paper; say what it means at its first use (PS101 undefined-term)",
        "Plain meaning: Moving money from one budget line to another.",
    ]


def test_appendix_table_lists_words_used(annotated):
    _, _, _, out = annotated
    table = docx.Document(io.BytesIO(out.data)).tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Word", "What it means"],
        ["MTFS", "MTFS stands for medium-term financial strategy. The council's plan for its money over the next few years."],
        ["precept", "An amount added to council tax for another body."],
        ["virement", "Moving money from one budget line to another."],
    ]


def test_appendix_rows_are_not_split_across_pages_but_the_header_repeats(annotated):
    _, _, _, out = annotated
    table = docx.Document(io.BytesIO(out.data)).tables[-1]
    kept = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows]
    assert kept == [False, True, True, True]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_golden_document_and_comments(annotated):
    _, _, _, out = annotated
    package = zipfile.ZipFile(io.BytesIO(out.data))
    for part, golden in (("word/document.xml", "docx_document.xml"), ("word/comments.xml", "docx_comments.xml")):
        root = etree.fromstring(package.read(part))
        for element in root.iter():
            for name in list(element.attrib):
                if name == f"{W}date" or name.startswith(f"{W}rsid"):
                    del element.attrib[name]
        check_golden(golden, etree.tostring(root, pretty_print=True, encoding="unicode"))


def test_alignment_rebuilds_a_missing_run_map():
    runs = align("The virement was agreed", ["The ", "vire", "ment", " was agreed"])
    assert position(runs, 4, end=False) == (1, 0)
    assert position(runs, 12, end=True) == (2, 4)
    # Collapsed spaces in the block still map back to the node's characters.
    runs = align("a b", ["a  b"])
    assert position(runs, 2, end=False) == (0, 3)


def test_the_run_index_finds_what_a_walk_of_the_runs_finds():
    import random

    from plainspeak.paper import RunSpan

    rng = random.Random(4)
    for _ in range(3_000):
        runs, at = [], 0
        for node in range(rng.randint(0, 6)):
            at += rng.choice((0, 0, 1, 2))  # gaps where the loader put a character of its own
            width = rng.randint(0, 4)
            runs.append(RunSpan(at, at + width, node, rng.randint(0, 2)))
            at += width
        if rng.random() < 0.2:
            rng.shuffle(runs)  # out of order: walked, as before
        index = RunIndex(tuple(runs))
        for offset in range(at + 2):
            for end in (False, True):
                assert index.position(offset, end=end) == position(tuple(runs), offset, end=end)


def _paper_with_comment(tmp_path, pieces: list[str], comment_ids: list[int]):
    """A one-paragraph DOCX, a run for each of ``pieces``, already carrying comments with these ids, and its Paper."""
    from plainspeak.loaders import load

    document = docx.Document()
    paragraph = document.add_paragraph()
    for piece in pieces:
        paragraph.add_run(piece)
    runs = paragraph.runs
    for comment_id in comment_ids:
        comment = document.add_comment(runs, text="Check this", author="Ruth")
        comment._comment_elm.id = comment_id  # as another tool may number them
    path = tmp_path / "commented.docx"
    document.save(path)
    return path, load(path)


def test_new_comments_take_ids_past_the_papers_own_and_keep_them(tmp_path):
    path, paper = _paper_with_comment(tmp_path, ["The virement and the precept were agreed."], [0, 7])
    result = result_for(paper, [term_finding(paper, "virement"), term_finding(paper, "precept")])
    out = docx_writer.write(path.read_bytes(), paper, result, glossary())
    comments = list(docx.Document(io.BytesIO(out.data)).comments)
    assert [(c.comment_id, c.author) for c in comments] == [(0, "Ruth"), (7, "Ruth"), (8, "plainspeak"),
                                                            (9, "plainspeak")]
    anchored = _anchored(out.data)
    assert (anchored["8"], anchored["9"]) == ("virement", "precept")


def test_comment_ids_past_the_32_bit_limit_fall_back_to_the_free_ones():
    assert [next(ids) for ids in [docx_writer._free_ids({5})] for _ in range(2)] == [6, 7]
    ids = docx_writer._free_ids({0, 2, 2**31 - 1})
    assert [next(ids) for _ in range(3)] == [1, 3, 4]


def test_thousands_of_comments_in_one_paragraph_of_thousands_of_runs_are_written_in_time(tmp_path):
    """Choosing each id from every comment before it, and finding each note's node and run
    by a walk of the paragraph's runs and pieces, made 4,000 comments take half a minute."""
    from plainspeak.deadline import TimeUp, time_limit

    path, paper = _paper_with_comment(tmp_path, ["The "] + ["virement and the "] * 6_000 + ["end."], [])
    first = term_finding(paper, "virement")
    starts = [first.start + nth * len("virement and the ") for nth in range(6_000)]
    result = result_for(paper, [replace(first, start=start, end=start + len("virement"), fingerprint="")
                                for start in starts])
    try:
        with time_limit(20):
            out = docx_writer.write(path.read_bytes(), paper, result, glossary())
    except TimeUp:
        pytest.fail("writing 6,000 comments took more than 20 s")
    assert out.placed == 6_000 and out.unplaced == []
    anchored = _anchored(out.data)
    assert len(anchored) == 6_000 and set(anchored.values()) == {"virement"}


def test_appendix_fits_a_body_without_section_properties(tmp_path):
    # w:sectPr is optional: Word then uses its default page. The appendix's table still needs a width.
    source = tmp_path / "no-sections.docx"
    document = docx.Document()
    document.add_paragraph("The virement was agreed by the cabinet.")
    body = document.element.body
    body.remove(body.find(qn("w:sectPr")))
    document.save(source)
    paper = plainspeak.load(source)
    out = docx_writer.write(source.read_bytes(), paper, result_for(paper, [term_finding(paper, "virement")]),
                            glossary(), appendix=True)
    written = docx.Document(io.BytesIO(out.data))
    assert written.sections[-1].page_width > 0
    assert any("virement" in cell.text for table in written.tables for row in table.rows for cell in row.cells)


# --- Macro-enabled papers, templates and Strict Open XML ---------------------

_KINDS = {"docm": (MACRO_TYPE, True), "dotx": (TEMPLATE_TYPE, False), "dotm": (MACRO_TEMPLATE_TYPE, True)}


def _paper_of_kind(tmp_path, suffix: str):
    ordinary = tmp_path / "paper.docx"
    build_docx(ordinary)
    main_type, macros = _KINDS[suffix]
    path = tmp_path / f"paper.{suffix}"
    path.write_bytes(as_word_kind(ordinary.read_bytes(), main_type, macros=macros))
    return ordinary, path


def test_an_ordinary_docx_is_left_as_it_is(tmp_path):
    ordinary, _ = _paper_of_kind(tmp_path, "dotx")
    data = ordinary.read_bytes()
    assert ordinary_docx(str(ordinary), data) == (data, [])


def test_a_macro_enabled_paper_becomes_an_ordinary_docx_without_its_macros(tmp_path):
    ordinary, path = _paper_of_kind(tmp_path, "docm")
    data, remarks = ordinary_docx(str(path), path.read_bytes())
    assert remarks == ["an ordinary .docx, without the paper's macros"]
    package = zipfile.ZipFile(io.BytesIO(data))
    # Every part but the macros' is kept, byte for byte where nothing named a macro part.
    assert set(package.namelist()) == set(zipfile.ZipFile(ordinary).namelist())
    kept = zipfile.ZipFile(ordinary)
    assert package.read("word/document.xml") == kept.read("word/document.xml")
    types = package.read("[Content_Types].xml").decode()
    assert DOCUMENT_TYPE in types and "macroEnabled" not in types
    assert "vbaProject" not in types and "vbaData" not in types and "customizations" not in types
    assert 'Extension="bin"' not in types
    links = package.read("word/_rels/document.xml.rels").decode()
    assert "vbaProject" not in links and "keyMapCustomizations" not in links and "styles.xml" in links


def test_a_part_a_kept_part_needs_stays_though_a_macro_part_names_it_too(tmp_path):
    _, path = _paper_of_kind(tmp_path, "docm")
    package = zipfile.ZipFile(path)
    # The toolbars' customisations point at the paper's own styles as well as at the toolbars.
    rels = package.read("word/_rels/customizations.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rId2" Type="http://example.org/styles" Target="styles.xml"/></Relationships>')
    data, _ = ordinary_docx(str(path), repack(path.read_bytes(), {"word/_rels/customizations.xml.rels": rels}))
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert "word/styles.xml" in names and not names & set(MACRO_PARTS)


@pytest.mark.parametrize("suffix, remark", [
    ("docm", "an ordinary .docx, without the paper's macros"),
    ("dotx", "an ordinary .docx document, not a template"),
    ("dotm", "an ordinary .docx document, not a template, without the paper's macros"),
])
def test_macro_enabled_papers_and_templates_get_a_commented_ordinary_copy(tmp_path, suffix, remark):
    _, path = _paper_of_kind(tmp_path, suffix)
    paper = plainspeak.load(path)
    result = result_for(paper, [term_finding(paper, "virement"), term_finding(paper, "precept")])
    out = docx_writer.write(path.read_bytes(), paper, result, glossary())
    assert out.remarks == [remark] and out.placed == 2
    written = docx.Document(io.BytesIO(out.data))  # python-docx opens only ordinary documents
    assert written.part.content_type == DOCUMENT_TYPE
    assert len(list(written.comments)) == 2
    assert sorted(_anchored(out.data).values()) == ["precept", "virement"]
    names = set(zipfile.ZipFile(io.BytesIO(out.data)).namelist())
    assert not names & set(MACRO_PARTS)
    assert b"vba" not in zipfile.ZipFile(io.BytesIO(out.data)).read("[Content_Types].xml").lower()
    assert _texts(out.data) == _texts(path.read_bytes())


def test_an_ordinary_paper_has_no_remark(annotated):
    *_, out = annotated
    assert out.remarks == []


def test_a_strict_open_xml_paper_gets_one_clear_refusal_for_a_word_copy(tmp_path):
    from plainspeak.errors import InputError

    ordinary = tmp_path / "paper.docx"
    build_docx(ordinary)
    path = tmp_path / "strict.docx"
    path.write_bytes(to_strict(ordinary.read_bytes()))
    paper = plainspeak.load(path)  # read as its ordinary twin is
    assert paper.text == plainspeak.load(ordinary).text
    with pytest.raises(InputError) as raised:
        docx_writer.write(path.read_bytes(), paper, result_for(paper, [term_finding(paper, "virement")]), glossary())
    assert raised.value.kind.code == "E116"
    assert raised.value.line() == (
        f"{path}: the Word file is saved as Strict Open XML, which plainspeak can check but not annotate in Word "
        "[E116] - save it as an ordinary Word document (.docx), or choose --format html or md")


def test_a_finding_in_a_footnote_is_a_comment_on_the_word_its_mark_follows(tmp_path):
    # A comment cannot be anchored in the notes part; left out, the finding was lost to whoever opened the copy.
    from tests.test_load_docx import make_docx, p

    body = ('<w:p><w:r><w:t xml:space="preserve">The plan was agreed</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> in May.</w:t></w:r></w:p>')
    notes = {"footnotes": (f'<w:footnote w:id="1">{p("Set out in the budget report.")}'
                           f'{p("Paid for by virement from the transport budget.")}</w:footnote>'),
             "endnotes": f'<w:endnote w:id="1">{p("A note no text refers to, about the precept.")}</w:endnote>'}
    source = make_docx(tmp_path, body, notes=notes)
    paper = plainspeak.load(source)
    findings = [term_finding(paper, "virement"), term_finding(paper, "precept")]
    out = docx_writer.write(source.read_bytes(), paper, result_for(paper, findings), glossary())
    assert out.placed == 1 and [f.term for f in out.unplaced] == ["precept"]  # nothing refers to that note
    (comment,) = docx.Document(io.BytesIO(out.data)).comments
    assert comment.paragraphs[0].text.startswith("In the note marked here: 'virement' is not explained")
    assert _anchored(out.data) == {str(comment.comment_id): "agreed"}
    assert _texts(out.data) == _texts(source.read_bytes())
