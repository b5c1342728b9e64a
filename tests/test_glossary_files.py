"""Reading, layering, writing and editing YAML glossaries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from plainspeak.errors import GlossaryError
from plainspeak.glossary.dump import write_yaml, yaml_text
from plainspeak.glossary.edit import save_terms
from plainspeak.glossary.load import conflict_lines, load_glossary_set, read_glossary_file
from plainspeak.glossary.model import Status, Term

OURS = """\
# Our group's words. Keep this comment.
glossary:
  id: ours
  title: Our words
  description: Agreed at our meetings.
terms:
  - term: virement
    definition: Moving money from one budget line to another.
    status: agreed
    agreed_by: [Ann Lee, Bo Chen]
    agreed_on: 2026-03-12
  - term: FTE
    definition: One person's full working week, however many people share it.
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _plain(term: Term) -> Term:
    return replace(term, glossary="", origin=None)


def test_yaml_round_trip_is_stable(tmp_path: Path) -> None:
    terms = load_glossary_set().terms
    path = tmp_path / "all.yaml"
    write_yaml(terms, path)
    first = path.read_bytes()
    _, back, _ = read_glossary_file(path)
    write_yaml(back, path)
    assert path.read_bytes() == first
    assert [_plain(t) for t in back] == [_plain(t) for t in terms]


def test_yaml_text_layout() -> None:
    term = Term(term="virement", definition="Moving money.", aliases=("virements",),
                explanation="Line one.\nLine two.", status=Status.AGREED, agreed_by=("Ann Lee",),
                agreed_on="2026-03-12")
    assert yaml_text([term], glossary_id="ours") == (
        "glossary:\n"
        "  id: ours\n"
        "terms:\n"
        "- term: virement\n"
        "  aliases: [virements]\n"
        "  definition: Moving money.\n"
        "  explanation: |-\n"
        "    Line one.\n"
        "    Line two.\n"
        "  status: agreed\n"
        "  agreed_by: [Ann Lee]\n"
        "  agreed_on: '2026-03-12'\n"
    )


def test_errors_name_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.yaml", OURS.replace("    definition: One person's", "    meaning: One"))
    with pytest.raises(GlossaryError) as caught:
        read_glossary_file(path)
    assert (caught.value.subject, caught.value.detail) == (f"{path}:12", "unknown field(s) meaning")


def test_a_key_twice_in_one_entry_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "twice.yaml", OURS + "    definition: Said twice.\n")
    with pytest.raises(GlossaryError) as caught:
        read_glossary_file(path)
    assert caught.value.subject == f"{path}:14"
    assert "'definition' appears twice in one entry" in caught.value.detail


@pytest.mark.parametrize("written, line, shown", [
    # YAML makes these values itself, so the error is at the value's own line.
    ("agreed_on: 2026-02-30", 11, "'2026-02-30' cannot be read"),  # a date the calendar lacks
    ("agreed_on: 2026-13-01", 11, "'2026-13-01' cannot be read"),
    ("agreed_on: " + "9" * 5000, 11, "cannot be read"),  # past Python's 4,300 digits
    # Quoted, it is text that the entry's check finds is no date: the entry's line.
    ("agreed_on: '2026-02-30'", 7, "'agreed_on' of 'virement' should be a date like 2026-03-31"),
])
def test_a_value_python_cannot_make_is_an_error_at_its_line(tmp_path: Path, written: str, line: int,
                                                            shown: str) -> None:
    # It was a ValueError that blamed the paper being checked and named no glossary.
    path = _write(tmp_path / "dates.yaml", OURS.replace("agreed_on: 2026-03-12", written))
    with pytest.raises(GlossaryError) as caught:
        read_glossary_file(path)
    assert caught.value.subject == f"{path}:{line}"
    assert shown in caught.value.detail


def test_user_glossary_overrides_shipped_and_reports_it(tmp_path: Path) -> None:
    path = _write(tmp_path / "ours.yaml", OURS)
    glossaries = load_glossary_set([path])
    (virement,) = glossaries.lookup("virement")
    assert virement.definition == "Moving money from one budget line to another."
    # A capital-only term replaces the shipped acronym even without an expansion.
    assert [t.definition for t in glossaries.lookup("FTE")] == [
        "One person's full working week, however many people share it."]
    lines = conflict_lines(glossaries)
    assert [line.split(" from ")[0] for line in lines] == [
        "plainspeak: warning: glossary conflict: 'virement'",
        "plainspeak: warning: glossary conflict: 'FTE'",
    ]
    assert lines[0].split(" from ")[1].startswith(f"{path}:7 overrides ")


def test_add_appends_and_keeps_comments(tmp_path: Path) -> None:
    path = _write(tmp_path / "ours.yaml", OURS)
    report = save_terms(path, [Term(term="precept", definition="A charge added to council tax.")])
    assert report.line() == f"{path}: 1 added, 0 updated"
    assert path.read_text(encoding="utf-8") == OURS + (
        "  - term: precept\n"
        "    definition: A charge added to council tax.\n")


def test_replacing_an_entry_rewrites_and_keeps_header(tmp_path: Path) -> None:
    path = _write(tmp_path / "ours.yaml", OURS)
    changed = Term(term="Virement", definition="Moving money between budgets.")
    report = save_terms(path, [changed])
    assert (report.added, report.updated) == ([], ["Virement"])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("glossary:\n  id: ours\n  title: Our words\n  description: Agreed at our meetings.\n")
    _, terms, _ = read_glossary_file(path)
    assert [(t.term, t.definition) for t in terms] == [
        ("Virement", "Moving money between budgets."),
        ("FTE", "One person's full working week, however many people share it.")]


def test_defaults_in_header_do_not_leak_into_appended_entries(tmp_path: Path) -> None:
    text = OURS.replace("  description: Agreed at our meetings.\n",
                        "  defaults:\n    status: agreed\n    category: budget\n")
    text = text.replace("    status: agreed\n    agreed_by", "    agreed_by")
    path = _write(tmp_path / "ours.yaml", text)
    save_terms(path, [Term(term="precept", definition="A charge added to council tax.")])
    _, terms, _ = read_glossary_file(path)
    assert [(t.term, t.status.value, t.category) for t in terms] == [
        ("virement", "agreed", "budget"), ("FTE", "agreed", "budget"), ("precept", "proposed", "general")]


def test_save_creates_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "New Words.yaml"
    save_terms(path, [Term(term="precept", definition="A charge added to council tax.")])
    assert path.read_text(encoding="utf-8") == (
        "glossary:\n  id: new-words\n  title: New words\nterms:\n"
        "- term: precept\n  definition: A charge added to council tax.\n")
    assert read_glossary_file(path)[0] == "new-words"


def test_save_refuses_csv_target(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="saved to a .yaml glossary"):
        save_terms(tmp_path / "x.csv", [Term(term="a", definition="b")])
