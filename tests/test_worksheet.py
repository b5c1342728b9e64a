"""The meeting worksheet: written, filled in as a person would, and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from plainspeak.findings import Finding, Location, Severity
from plainspeak.glossary.load import load_glossary_set, read_glossary_file
from plainspeak.glossary.worksheet import HEADERS, WorksheetRow, provenance_of, where_lines
from plainspeak.glossary.worksheet_import import split_definition, split_names
from plainspeak.requests_store import RequestStore
from plainspeak.result import PaperResult
from tests.helpers import run_cli as run


def _finding(code: str, term: str, sentence: str) -> Finding:
    return Finding(code, "undefined-term", Severity.WARNING, f"'{term}' is not explained", 0,
                   len(term), term, Location(paragraph=1), term=term, context=sentence)


def _fake_check(path: str, settings, glossaries) -> PaperResult:  # noqa: ANN001
    return PaperResult(path=path, findings=[
        _finding("PS101", "virement", "A virement of £2m was approved."),
        _finding("PS201", "long", "Not a term finding."),
        _finding("PS104", "zorbing levy", "The zorbing levy rose."),
        _finding("PS102", "FTE", "We have 12 FTE in the team."),
        _finding("PS101", "virement", "A second virement."),
    ])


@pytest.fixture()
def store(tmp_path: Path) -> RequestStore:
    requests = RequestStore(tmp_path / "requests.sqlite3")
    requests.add("precept", paper="budget.docx", name="Ann Lee", sentence="The precept went up.")
    requests.add("zorbing levy", name="Bo Chen")
    requests.add("zorbing levy")
    requests.add("Precept")
    requests.add("precept")
    return requests


@pytest.fixture()
def sheet(tmp_path: Path, store: RequestStore, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("plainspeak.engine.check_path", _fake_check)
    paper = tmp_path / "budget-2026.docx"
    paper.write_bytes(b"not read: the check is replaced")
    output = tmp_path / "sheet.docx"
    assert run("glossary", "worksheet", str(paper), "--output", str(output),
               "--store", str(store.path)) == (0, f"{output}: 4 word(s) to explain\n", "")
    return output


def _table_texts(path: Path) -> list[list[str]]:
    (table,) = Document(str(path)).tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_rows_requests_first_then_paper_terms(sheet: Path) -> None:
    rows = _table_texts(sheet)
    assert rows[0] == list(HEADERS)
    assert [r[0] for r in rows[1:]] == ["precept", "zorbing levy", "virement", "FTE", "", "", ""]
    assert rows[1][1].startswith("Asked for 3 times\nIn budget.docx:\n\u201cThe precept went up.\u201d\n"
                                 "Starter wording: ")
    assert rows[2][1] == "Asked for 2 times\nIn budget-2026.docx:\n\u201cThe zorbing levy rose.\u201d"
    assert rows[3][1].startswith("In budget-2026.docx:\n\u201cA virement of £2m was approved.\u201d\n")
    assert all(r[2:] == ["", "", ""] for r in rows[1:])


def test_large_clear_print(sheet: Path) -> None:
    document = Document(str(sheet))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Arial", Pt(14))
    header = document.tables[0].rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None
    assert all(row.height is not None and round(row.height.cm, 2) >= 1.2 for row in document.tables[0].rows)


def _fill(path: Path, answers: dict[str, tuple[str, str, str]], extra: tuple[str, ...] = ()) -> None:
    """Type into the table as a person would, then save."""
    document = Document(str(path))
    table = document.tables[0]
    for row in table.rows[1:]:
        cells = row.cells
        if cells[0].text in answers:
            for cell, text in zip(cells[2:], answers[cells[0].text]):
                cell.paragraphs[0].add_run(text)
        elif not cells[0].text and extra:
            for cell, text in zip(cells, extra):
                cell.paragraphs[0].add_run(text)
            extra = ()
    document.save(str(path))


def test_filled_worksheet_imports_agreed_and_proposed(sheet: Path, store: RequestStore, tmp_path: Path) -> None:
    _fill(sheet, {
        "precept": ("An extra amount on the council tax bill that pays for another body, like the police.",
                    "extra charge", "Ann Lee, Bo Chen and Cat Diaz"),
        "virement": ("Moving money from one budget line to another.", "", ""),
        "FTE": ("", "full-time post", "Dev Patel"),
    }, extra=("hardship fund", "", "Money kept to help people who cannot pay a bill.", "", "Ann Lee"))
    target = tmp_path / "ours.yaml"
    code, out, err = run("glossary", "import-worksheet", str(sheet), "--to", str(target),
                         "--agreed-on", "12/03/2026", "--store", str(store.path))
    assert (code, err) == (0, "")
    assert out == (f"{target}: 3 added, 0 updated\n"
                   "2 word(s) kept as open requests for the next meeting\n")
    _, terms, _ = read_glossary_file(target)
    found = {t.term: t for t in terms}
    assert set(found) == {"precept", "virement", "hardship fund"}
    precept = found["precept"]
    assert (precept.status.value, precept.agreed_by, precept.agreed_on, precept.say_instead, precept.category) == (
        "agreed", ("Ann Lee", "Bo Chen", "Cat Diaz"), "2026-03-12", "extra charge", "budget")
    assert (found["virement"].status.value, found["virement"].agreed_by, found["virement"].agreed_on) == (
        "proposed", (), "")
    assert (found["hardship fund"].status.value, found["hardship fund"].agreed_by) == ("agreed", ("Ann Lee",))
    assert precept.source == "sheet.docx"
    # The group's words now answer citizens' questions.
    glossaries = load_glossary_set([target])
    assert glossaries.lookup("precept")[0].agreed_by == ("Ann Lee", "Bo Chen", "Cat Diaz")
    # Answered rows close their requests; rows without a meaning stay open, keeping what was written.
    left = {g.term: g for g in store.open_requests()}
    assert set(left) == {"zorbing levy", "FTE"}
    assert (left["FTE"].say_instead, left["FTE"].notes, left["FTE"].papers, left["FTE"].sentences) == (
        "full-time post", ["Names written on the worksheet: Dev Patel"], ["budget-2026.docx"],
        ["We have 12 FTE in the team."])
    assert left["zorbing levy"].count == 2


def test_status_proposed_keeps_names_but_not_agreement(sheet: Path, store: RequestStore, tmp_path: Path) -> None:
    _fill(sheet, {"virement": ("Moving money between budget lines.", "", "Ann Lee")})
    target = tmp_path / "ours.yaml"
    assert run("glossary", "import-worksheet", str(sheet), "--to", str(target), "--status", "proposed",
               "--store", str(store.path))[0] == 0
    (term,) = read_glossary_file(target)[1]
    assert (term.status.value, term.agreed_by, term.agreed_on) == ("proposed", ("Ann Lee",), "")


def test_next_worksheet_carries_the_say_instead(sheet: Path, store: RequestStore, tmp_path: Path) -> None:
    _fill(sheet, {"FTE": ("", "full-time post", "")})
    assert run("glossary", "import-worksheet", str(sheet), "--to", str(tmp_path / "o.yaml"),
               "--store", str(store.path))[0] == 0
    second = tmp_path / "second.docx"
    assert run("glossary", "worksheet", "--output", str(second), "--store", str(store.path))[0] == 0
    rows = {r[0]: r for r in _table_texts(second)[1:] if r[0]}
    assert rows["FTE"][3] == "full-time post"
    # Rows left empty stayed open requests too, so they come back, most asked first.
    assert list(rows) == ["precept", "zorbing levy", "virement", "FTE"]


def test_writing_without_a_word_is_refused(sheet: Path, store: RequestStore, tmp_path: Path) -> None:
    _fill(sheet, {}, extra=("", "", "A meaning with no word.", "", ""))
    code, out, err = run("glossary", "import-worksheet", str(sheet), "--to", str(tmp_path / "o.yaml"),
                         "--store", str(store.path))
    assert (code, out) == (2, "")
    assert "sheet.docx, row 5: the glossary is not valid (there is writing in this row" in err
    assert not (tmp_path / "o.yaml").exists()


def test_split_names() -> None:
    assert split_names("Ann Lee, Bo Chen and Cat Diaz") == ("Ann Lee", "Bo Chen", "Cat Diaz")
    assert split_names("Ann Lee\nBo Chen; Ann Lee & Dev") == ("Ann Lee", "Bo Chen", "Dev")
    assert split_names("") == ()


def test_long_meaning_keeps_whole_sentences() -> None:
    first = "Money the council keeps back for a rainy day, like savings in a bank account."
    second = "The council can use it when costs go up by surprise or income falls short of plan, " \
             "and it must explain to councillors and the public why it needed to use the money."
    assert split_definition(f"{first}  {second}") == (first, second)
    assert split_definition(" ".join(["word"] * 41) + ".") == ("", " ".join(["word"] * 41) + ".")


def test_where_cell_reads_back() -> None:
    row = WorksheetRow("virement", ["a.docx", "b.pdf"], "A virement, again.", 2, starter="Moving money.")
    assert provenance_of("\n".join(where_lines(row))) == {"papers": ["a.docx", "b.pdf"],
                                                          "sentence": "A virement, again."}
    assert provenance_of("Asked for once") == {"papers": [], "sentence": ""}
