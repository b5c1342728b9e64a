"""The annotated PDF: highlights over the right characters on the right pages, notes, appendix pages."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

import plainspeak
from plainspeak.writers import pdf as pdf_writer
from plainspeak.writers.pdf_geometry import page_matrix, quad
from tests.fixtures.make_pdf import Page, build_pdf
from tests.writer_support import check_golden, glossary, result_for, sentence_finding, term_finding


def build(path) -> None:
    first, second = Page(), Page()
    first.text(72, 770, "Budget update", size=18, bold=True)
    first.lines(72, 730, ["The virement of two million pounds was agreed by the", "cabinet last week."])
    first.lines(72, 690, ["Spending on care rose this year because more people needed help",
                          "at home after a stay in hospital than the budget allowed for."])
    second.lines(72, 770, ["The MTFS sets out the plan for the next three years."])
    path.write_bytes(build_pdf([first, second], title="Budget update"))


@pytest.fixture
def annotated(tmp_path):
    source = tmp_path / "paper.pdf"
    build(source)
    paper = plainspeak.load(source)
    findings = [term_finding(paper, "virement"), term_finding(paper, "MTFS"),
                sentence_finding(paper, "Spending on care", 24)]
    result = result_for(paper, findings)
    return source, pdf_writer.write(source.read_bytes(), paper, result, glossary(), appendix=True)


def _annotations(data: bytes) -> list[dict]:
    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation["/Subtype"] == "/Highlight":
                found.append({
                    "page": number,
                    "subject": str(annotation["/Subj"]),
                    "contents": str(annotation["/Contents"]),
                    "rect": [round(float(v), 1) for v in annotation["/Rect"]],
                    "quad_points": [round(float(v), 1) for v in annotation["/QuadPoints"]],
                    "colour": [round(float(v), 3) for v in annotation["/C"]],
                    "has_popup": "/Popup" in annotation,
                    "prints": int(annotation.get("/F", 0)) & 4 == 4,
                })
    return found


def test_highlights_on_the_right_pages_and_words(annotated):
    _, out = annotated
    assert out.placed == 3 and out.unplaced == []
    found = _annotations(out.data)
    assert [(a["page"], a["subject"]) for a in found] == [
        (1, "PS101 undefined-term"), (1, "PS201 long-sentence"), (2, "PS101 undefined-term")]
    virement = found[0]["rect"]
    assert 90 < virement[0] < 100 and 725 < virement[1] < 730 and virement[3] < 742
    assert len(found[1]["quad_points"]) == 16  # the sentence runs over two lines


def test_notes_say_problem_and_meaning(annotated):
    _, out = annotated
    assert _annotations(out.data)[2]["contents"] == (
        "'MTFS' is not explained in the paper; say what it means at its first use. Plain meaning: MTFS "
        "stands for medium-term financial strategy. The council's plan for its money over the next few years.")


def test_original_pages_kept_and_appendix_added(annotated):
    source, out = annotated
    before = PdfReader(source)
    after = PdfReader(io.BytesIO(out.data))
    assert len(after.pages) == len(before.pages) + 1
    for old, new in zip(before.pages, after.pages):
        assert new.extract_text() == old.extract_text()
    appendix = after.pages[-1].extract_text()
    assert appendix.splitlines()[0] == "Words used in this paper"
    assert "Moving money from one budget line to another." in appendix
    assert [item.title for item in after.outline] == ["Words used in this paper"]


def test_golden_annotations(annotated):
    _, out = annotated
    check_golden("pdf_annotations.json", json.dumps(_annotations(out.data), indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_rotated_pages_map_back_into_the_page(rotate):
    mediabox = (0.0, 0.0, 595.0, 842.0)
    width, height = (842.0, 595.0) if rotate in (90, 270) else (595.0, 842.0)
    points, rect = quad(page_matrix(mediabox, rotate), (10.0, 20.0, 60.0, 32.0))
    assert 0 <= rect[0] < rect[2] <= 595 and 0 <= rect[1] < rect[3] <= 842
    assert (rect[2] - rect[0], rect[3] - rect[1]) in ((50.0, 12.0), (12.0, 50.0))
    assert len(points) == 8 and width * height == 595.0 * 842.0
