"""``plainspeak explain`` and ``plainspeak ask``, driven end to end through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainspeak.requests_store import RequestStore
from tests.helpers import run_cli

GLOSSARY = """\
glossary:
  id: ours
terms:
  - term: virement
    definition: Moving money from one budget line to another.
    say_instead: moving money
    status: agreed
    agreed_by: [Ann Lee, Bo Chen, Cat Diaz]
    agreed_on: 2026-03-12
  - term: CQC
    expansion: Care Quality Commission
    definition: The body that checks care services are safe and good.
    explanation: It visits care homes and home care services and publishes reports.
    scope: England
  - term: precept
    definition: An amount added to the council tax bill for another body.
    example: The police precept goes up by £10.
    status: retired
  - term: outturn
    definition: What was really spent by the end of the year.
"""


def run(*args: str, store: Path | None = None) -> tuple[int, str, str]:
    return run_cli(*args, env={"PLAINSPEAK_STORE": str(store)} if store else {})


@pytest.fixture()
def ours(tmp_path: Path) -> list[str]:
    path = tmp_path / "ours.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return ["--glossary", str(path), "--no-shipped-glossaries"]


def test_agreed_entry(ours: list[str]) -> None:
    assert run("explain", "virement", *ours) == (0, (
        "virement\n"
        "What it means: Moving money from one budget line to another.\n"
        "Say instead: moving money\n"
        "Agreed by Ann Lee, Bo Chen and Cat Diaz on 12 March 2026.\n"), "")


def test_acronym_starter_entry_in_any_case(ours: list[str]) -> None:
    expected = (
        'CQC stands for "Care Quality Commission".\n'
        "What it means: The body that checks care services are safe and good.\n"
        "More about it: It visits care homes and home care services and publishes reports.\n"
        "Where this applies: England\n"
        "This is a starter definition; your group has not agreed it yet.\n")
    assert run("explain", "CQC", *ours) == (0, expected, "")
    assert run("explain", "cqc", *ours) == (0, expected, "")
    assert run("explain", "care", "quality", "commission", *ours) == (0, expected, "")


def test_misspelled(ours: list[str]) -> None:
    assert run("explain", "virment", *ours) == (1, (
        'There is no entry for "virment". Did you mean "virement"?\n'
        'If not, you can ask your group to explain it: plainspeak ask "virment"\n'), "")


def test_unknown(ours: list[str]) -> None:
    assert run("explain", "section", "117", *ours) == (1, (
        'There is no entry for "section 117" yet.\n'
        'To ask your group to explain it, run: plainspeak ask "section 117"\n'), "")


def test_retired_entries_are_not_explained(ours: list[str]) -> None:
    code, out, _ = run("explain", "precept", *ours)
    assert (code, out.splitlines()[0]) == (1, 'There is no entry for "precept" yet.')


def test_shipped_glossary_answers_a_starter_definition() -> None:
    code, out, err = run("explain", "virement")
    lines = out.splitlines()
    assert (code, err, lines[0]) == (0, "", "virement")
    assert lines[1].startswith("What it means: ")
    assert lines[-1] == "This is a starter definition; your group has not agreed it yet."


def test_bad_glossary_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("glossary: {id: bad}\nterms:\n  - term: x\n", encoding="utf-8")
    code, out, err = run("explain", "x", "--glossary", str(bad))
    assert (code, out) == (2, "")
    assert err == (f"plainspeak: {bad}:3: the glossary is not valid ('x' has no definition) [E201]"
                   " - fix the entry named, or run 'plainspeak glossary lint FILE'\n")


def test_ask_records_and_counts(tmp_path: Path, ours: list[str]) -> None:
    store = tmp_path / "requests.sqlite3"
    first = run("ask", "zorbing", "levy", "--paper", "budget.docx", "--name", "Ann Lee",
                "--sentence", "The zorbing levy rose.", *ours, store=store)
    assert first == (0, ('Thank you. Your request to explain "zorbing levy" is saved.\n'
                         "Your group will look at it at their next meeting.\n"), "")
    second = run("ask", "Zorbing  levy", "--store", str(store), *ours)
    assert second[1].splitlines()[0] == (
        'Thank you. Your request to explain "Zorbing levy" is saved (2 requests for it so far).')
    (request,) = RequestStore(store).open_requests()
    assert (request.term, request.count, request.papers, request.names, request.sentences) == (
        "zorbing levy", 2, ["budget.docx"], ["Ann Lee"], ["The zorbing levy rose."])


def test_ask_for_a_known_word_points_to_explain(tmp_path: Path, ours: list[str]) -> None:
    code, out, _ = run("ask", "virement", *ours, store=tmp_path / "r.sqlite3")
    assert (code, out.splitlines()[-1]) == (0, 'There is already an entry for it: plainspeak explain "virement"')
