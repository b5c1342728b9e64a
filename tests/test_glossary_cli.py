"""``plainspeak glossary`` commands and lint, driven end to end."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from plainspeak.glossary.lint import lint_files, term_warnings
from plainspeak.glossary.load import read_glossary_file
from plainspeak.glossary.model import Status, Term
from tests.helpers import run_cli as run

A = """\
glossary:
  id: a
terms:
  - term: outturn
    definition: What was really spent by the end of the year.
    category: budget
  - term: virement
    definition: Moving money from one budget line to another.
    category: budget
"""
B = """\
glossary:
  id: b
terms:
  - term: virement
    definition: Moving money between budgets.
    category: budget
    status: agreed
    agreed_by: [Ann Lee, Housing Officer]
    agreed_on: 2025-01-10
    review_by: 2025-06-01
  - term: CQC
    expansion: Care Quality Commission
    definition: The body that checks care services are safe and good, and publishes what it finds in reports that anyone can read online or ask for on paper.
    category: health
"""


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


def test_list_with_category(files: tuple[Path, Path]) -> None:
    a, b = files
    code, out, err = run("glossary", "list", "--glossary", str(a), "--glossary", str(b),
                         "--no-shipped-glossaries", "--category", "budget")
    assert (code, out, err) == (0, "outturn\tbudget\tproposed\nvirement\tbudget\tagreed\n", "2 entries\n")


def test_show(files: tuple[Path, Path]) -> None:
    _, b = files
    code, out, _ = run("glossary", "show", "cqc", "--glossary", str(b), "--no-shipped-glossaries")
    assert (code, out.splitlines()) == (0, [
        "term: CQC", "expansion: Care Quality Commission",
        "definition: The body that checks care services are safe and good, and publishes what it finds "
        "in reports that anyone can read online or ask for on paper.",
        "category: health", "status: proposed", f"from: {b}:11"])
    assert run("glossary", "show", "virment", "--glossary", str(b), "--no-shipped-glossaries")[0] == 1


def test_lint_warnings_and_exit_codes(files: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = files
    code, out, _ = run("glossary", "lint", str(a), str(b))
    assert (code, out.splitlines()) == (0, [
        f"{b}:4: warning: agreed_by 'Housing Officer' looks like a role or label; give people's names only",
        f"{b}:4: warning: 'virement' was due for review by 2025-06-01",
        f"{b}:11: warning: a sentence in the definition of 'CQC' has 27 words (keep each under 26)",
        f"{b}:4: warning: 'virement' also names 'virement' at {a}:7",
        "0 error(s), 4 warning(s) in 2 file(s)"])
    assert run("glossary", "lint", "--strict", str(a))[0] == 0
    assert run("glossary", "lint", "--strict", str(b))[0] == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text(A.replace("    category: budget\n  - term: virement", "    category: money\n  - term: virement"),
                   encoding="utf-8")
    code, out, _ = run("glossary", "lint", str(bad))
    assert (code, out.splitlines()) == (1, [
        f"{bad}:4: error: category of 'outturn' must be one of: budget, local government, health, social care, "
        "housing, legal, meetings, acronym, general",
        "1 error(s), 0 warning(s) in 1 file(s)"])


def test_lint_shipped_by_default() -> None:
    code, out, _ = run("glossary", "lint")
    assert code == 0 and out.splitlines()[-1].startswith("0 error(s)")


@pytest.mark.parametrize("name", ["Finance Manager", "Cllr Jones", "a carer", "Service User 3", "Chair",
                                  "Resident", "Head of Adult Care", "lived experience rep", "Team Lead"])
def test_role_like_names_warn(name: str) -> None:
    term = Term(term="x", definition="y.", status=Status.AGREED, agreed_by=(name,), agreed_on="2026-01-01",
                review_by="2027-01-01")
    assert len(term_warnings(term, _dt.date(2026, 6, 1))) == 1


@pytest.mark.parametrize("name", ["Ann Lee", "Mao Ng", "Bo Chen", "Leadbetter"])
def test_names_do_not_warn(name: str) -> None:
    term = Term(term="x", definition="y.", status=Status.AGREED, agreed_by=(name,), agreed_on="2026-01-01",
                review_by="2027-01-01")
    assert term_warnings(term, _dt.date(2026, 6, 1)) == []


def test_agreed_without_names_dates_or_review() -> None:
    term = Term(term="x", definition="y.", status=Status.AGREED)
    assert term_warnings(term, _dt.date(2026, 6, 1)) == [
        "'x' is agreed but agreed_by names nobody", "'x' is agreed but has no agreed_on date",
        "'x' is agreed but has no review_by date"]


def test_add_creates_then_appends(tmp_path: Path) -> None:
    target = tmp_path / "ours.yaml"
    assert run("glossary", "add", "precept", "--definition", "An amount added to council tax.",
               "--category", "budget", "--to", str(target)) == (0, f"{target}: 1 added, 0 updated\n", "")
    assert run("glossary", "add", "BCF", "--expansion", "better care fund", "--definition",
               "A shared pot of NHS and council money.", "--say-instead", "shared care fund",
               "--agreed-by", "Ann Lee", "--agreed-by", "Bo Chen", "--agreed-on", "12/03/2026",
               "--to", str(target))[0] == 0
    _, terms, _ = read_glossary_file(target)
    assert [(t.term, t.status.value, t.agreed_by, t.agreed_on, t.say_instead) for t in terms] == [
        ("precept", "proposed", (), "", ""),
        ("BCF", "agreed", ("Ann Lee", "Bo Chen"), "2026-03-12", "shared care fund")]


def test_add_validates(tmp_path: Path) -> None:
    code, out, err = run("glossary", "add", "x", "--definition", " ".join(["word"] * 41),
                         "--to", str(tmp_path / "o.yaml"))
    assert (code, out) == (2, "")
    assert "(the definition of 'x' is over 40 words) [E201]" in err
    assert not (tmp_path / "o.yaml").exists()


def test_export_import_round_trip(files: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = files
    csv_path = tmp_path / "all.csv"
    code, _, err = run("glossary", "export", "--glossary", str(a), "--glossary", str(b),
                       "--no-shipped-glossaries", "--output", str(csv_path))
    assert code == 0
    assert err.splitlines() == [
        f"plainspeak: warning: glossary conflict: 'virement' from {b}:4 overrides {a}:7",
        f"{csv_path}: 3 entries"]
    target = tmp_path / "back.yaml"
    assert run("glossary", "import", str(csv_path), "--to", str(target))[1] == f"{target}: 3 added, 0 updated\n"
    assert run("glossary", "import", str(csv_path), "--to", str(target))[1] == (
        f"{target}: 0 added, 0 updated, 3 unchanged\n")
    again = tmp_path / "again.csv"
    run("glossary", "export", "--glossary", str(target), "--no-shipped-glossaries", "-o", str(again))
    assert again.read_bytes() == csv_path.read_bytes()


def test_export_to_screen(files: tuple[Path, Path]) -> None:
    a, _ = files
    code, out, _ = run("glossary", "export", "--format", "yaml", "--glossary", str(a), "--no-shipped-glossaries")
    assert (code, out.splitlines()[:4]) == (0, ["glossary:", "  id: export", "terms:", "- term: outturn"])


def test_merge_reports_conflicts(files: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = files
    output = tmp_path / "c.yaml"
    code, out, err = run("glossary", "merge", str(a), str(b), "--output", str(output))
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        f"plainspeak: warning: glossary conflict: 'virement' from {b}:4 overrides {a}:7",
        f"{output}: 3 entries"]
    glossary_id, terms, _ = read_glossary_file(output)
    assert (glossary_id, [(t.term, t.glossary) for t in terms]) == (
        "c", [("CQC", "c"), ("outturn", "c"), ("virement", "c")])
    assert terms[2].agreed_by == ("Ann Lee", "Housing Officer")


def test_lint_of_csv(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("term,definition\r\nx,\r\n", encoding="utf-8")
    assert lint_files([path])[0].line() == f"{path}:2: error: 'x' has no definition"
