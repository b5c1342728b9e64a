"""The annotated PDF: highlights over the right characters on the right pages, notes, appendix pages."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

import plainspeak
from plainspeak.writers import pdf as pdf_writer
from tests.fixtures.make_pdf import SHORT_PAPER, Page, build_pdf, short_paper, shown_to_user
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


@pytest.mark.parametrize(("last", "size"), [
    (Page(), (595, 842)),
    (Page(mediabox=(0, 842, 595, 0)), (595, 842)),  # written top first
    (Page(rotate=90, upright=True), (842, 595)),  # a landscape page
    (Page(rotate=90), (595, 842)),  # upright text shown sideways, read upright
], ids=["portrait", "inverted", "landscape", "sideways"])
def test_appendix_pages_are_the_last_page_as_it_reads(tmp_path, last, size):
    source = tmp_path / "last.pdf"
    source.write_bytes(build_pdf([short_paper(last)]))
    paper = plainspeak.load(source)
    result = result_for(paper, [term_finding(paper, "MTFS")])
    after = PdfReader(io.BytesIO(pdf_writer.write(source.read_bytes(), paper, result, glossary(), appendix=True).data))
    appendix = after.pages[-1]
    assert (len(after.pages), list(appendix.mediabox), appendix.rotation) == (2, [0, 0, *size], 0)
    assert appendix.extract_text().splitlines()[0] == "Words used in this paper"


def test_golden_annotations(annotated):
    _, out = annotated
    check_golden("pdf_annotations.json", json.dumps(_annotations(out.data), indent=2, ensure_ascii=False) + "\n")


BOXES = {"origin": (0, 0, 595, 842), "inverted": (0, 842, 595, 0), "offset": (100, 100, 695, 942)}
TURNS = [(rotate, upright, box, inherit) for rotate in (0, 90, 180, 270) for upright in (True, False)
         for box, inherit in (*((box, False) for box in BOXES), ("offset", True))]


def _user_space_chars(data: bytes) -> list:
    """pdfminer.six's characters of page 1 in content order, measured in user space itself."""
    pytest.importorskip("pdfminer")
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    page = next(PDFPage.get_pages(io.BytesIO(data)))
    page.rotate, page.mediabox = 0, (0, 0, 1, 1)  # so pdfminer applies no matrix of its own
    PDFPageInterpreter(manager, device).process_page(page)
    return [item for item in device.get_result() if isinstance(item, LTChar)]


def _word(chars: list, text: str) -> tuple[tuple[float, float, float, float], tuple[int, int]]:
    """The box of ``text``'s first use on the page, and the way its characters run."""
    start = "".join(char.get_text() for char in chars).index(text)
    run = chars[start : start + len(text)]
    a, b = run[0].matrix[:2]
    return ((min(c.x0 for c in run), min(c.y0 for c in run), max(c.x1 for c in run), max(c.y1 for c in run)),
            (round(a / abs(a or b)) if a else 0, round(b / abs(a or b)) if b else 0))


def _check_quad(quad_points: list[float], word: tuple, direction: tuple[int, int]) -> None:
    """The quadrilateral lies over the word, along it, with its top edge on the side the letters stand up to."""
    (ulx, uly, urx, ury, llx, lly, _, _), box = quad_points, word
    assert ((urx - ulx) * direction[0] + (ury - uly) * direction[1]) > 0  # upper left to upper right: reading on
    up = (-direction[1], direction[0])
    assert ((ulx - llx) * up[0] + (uly - lly) * up[1]) > 0  # lower left to upper left: up the letters
    xs, ys = quad_points[0::2], quad_points[1::2]
    along, across = (0, 1) if direction[0] else (1, 0)
    mark = ((min(xs), max(xs)), (min(ys), max(ys)))
    spans = ((box[0], box[2]), (box[1], box[3]))
    assert mark[along] == pytest.approx(spans[along], abs=0.5)
    low, high = spans[across]
    overlap = min(mark[across][1], high) - max(mark[across][0], low)
    assert overlap >= 0.9 * (high - low) and mark[across][1] - mark[across][0] == pytest.approx(10, abs=0.5)


@pytest.mark.parametrize(("rotate", "upright", "box", "inherit"), TURNS,
                         ids=[f"{r}-{'upright' if u else 'sideways'}-{b}{'-inherited' if i else ''}"
                              for r, u, b, i in TURNS])
def test_highlights_over_the_words_on_turned_pages(tmp_path, rotate, upright, box, inherit):
    source = tmp_path / "turned.pdf"
    source.write_bytes(build_pdf([short_paper(Page(rotate=rotate, mediabox=BOXES[box], upright=upright))],
                                 inherit=inherit))
    paper = plainspeak.load(source)
    findings = [term_finding(paper, "virement"), term_finding(paper, "MTFS"),
                sentence_finding(paper, "The virement", 12)]
    out = pdf_writer.write(source.read_bytes(), paper, result_for(paper, findings), glossary())
    assert out.placed == 3 and out.unplaced == []
    chars = _user_space_chars(source.read_bytes())
    sentence, virement, mtfs = _annotations(out.data)
    for found, text in ((virement, "virement"), (mtfs, "MTFS")):
        word, direction = _word(chars, text)
        assert len(found["quad_points"]) == 8
        _check_quad(found["quad_points"], word, direction)
    lines = [_word(chars, line) for line in SHORT_PAPER[1]]
    assert len(sentence["quad_points"]) == 16
    for quad_points, (word, direction) in zip((sentence["quad_points"][:8], sentence["quad_points"][8:]), lines):
        _check_quad(quad_points, word, direction)


def _as_read(page: Page, rect: list[float]) -> tuple[float, float, float, float]:
    """A user-space rectangle on ``page`` as the page reads: left, bottom, right, top."""
    a, b, c, d, e, f = shown_to_user(page.box(), page.rotate)
    xs, ys = [], []
    for x, y in ((rect[0] - e, rect[1] - f), (rect[2] - e, rect[3] - f)):
        xs.append(a * x + b * y)  # a quarter turn is undone by its transpose
        ys.append(c * x + d * y)
    return (min(xs), min(ys), max(xs), max(ys))


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_notes_open_beside_their_words_and_on_the_page(tmp_path, rotate):
    page = Page(rotate=rotate, mediabox=BOXES["offset"], upright=True)
    _, _, width, _ = page.area()
    page.text(width - 150, 300, "Ask about the MTFS")  # near the right edge as the page reads
    page.text(72, 20, "The precept is set.")  # near the foot
    source = tmp_path / "edge.pdf"
    source.write_bytes(build_pdf([page]))
    paper = plainspeak.load(source)
    result = result_for(paper, [term_finding(paper, "MTFS"), term_finding(paper, "precept")])
    reader = PdfReader(io.BytesIO(pdf_writer.write(source.read_bytes(), paper, result, glossary()).data))
    popups = {}
    for ref in reader.pages[0]["/Annots"]:
        if ref.get_object()["/Subtype"] == "/Popup":
            mark = ref.get_object()["/Parent"].get_object()
            word = "MTFS" if "'MTFS'" in mark["/Contents"] else "precept"
            popups[word] = (_as_read(page, [float(v) for v in ref.get_object()["/Rect"]]),
                            _as_read(page, [float(v) for v in mark["/Rect"]]))
    (popup, marked) = popups["MTFS"]
    # Below the word as the page reads, moved left to end at the page's right edge.
    assert popup == pytest.approx((width - 200, marked[1] - 80, width, marked[1]), abs=0.05)
    (popup, marked) = popups["precept"]
    # To the right of the word, moved up to stand on the page's foot.
    assert popup == pytest.approx((marked[2], 0, marked[2] + 200, 80), abs=0.05)
