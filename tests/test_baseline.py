"""Baselines: findings keyed by paper and fingerprint, counted, surviving moves, not edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plainspeak.baseline import apply_baseline, read_baseline, write_baseline
from plainspeak.engine import check_paper
from plainspeak.errors import ConfigError
from plainspeak.findings import Finding, Location, Severity
from plainspeak.result import PaperResult
from plainspeak.settings import Settings
from tests.helpers import LONG, blank_nlp, paper_from_text

FILLER = "The group met in the hall and talked about the plan for the year ahead."


def finding(text: str, context: str, paragraph: int = 1) -> Finding:
    return Finding(code="PS101", name="undefined-term", severity=Severity.WARNING, message="m",
                   start=0, end=len(text), text=text, location=Location(paragraph=paragraph),
                   term=text, context=context)


def long_sentences(text: str, path: str) -> PaperResult:
    """Check a paper with the long-sentence rule alone, on a blank pipeline."""
    from plainspeak.engine import load_glossaries
    from plainspeak.nlp.pipeline import add_components
    from plainspeak.rules import all_rules

    settings = Settings(ignore={r.code for r in all_rules() if r.code != "PS201"})
    glossaries = load_glossaries(settings)
    nlp = add_components(blank_nlp(), settings, glossaries)
    return check_paper(paper_from_text(text, path), settings, glossaries, nlp=nlp)


def test_write_then_read_counts_duplicates(tmp_path: Path) -> None:
    same = [finding("virement", "A virement was agreed."), finding("virement", "A virement was agreed.")]
    results = [PaperResult(path=str(tmp_path / "papers" / "a.md"), findings=same + [finding("precept", "The precept.")])]
    file = tmp_path / "plainspeak-baseline.json"
    assert write_baseline(results, file) == 3
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.0"
    assert sorted((e["paper"], e["code"], e["text"], e["count"]) for e in data["findings"]) == [
        ("papers/a.md", "PS101", "precept", 1), ("papers/a.md", "PS101", "virement", 2)]
    counts = read_baseline(file)
    assert sorted(counts.values()) == [1, 2]


def test_two_in_the_baseline_absorb_two_not_three(tmp_path: Path) -> None:
    file = tmp_path / "baseline.json"
    path = str(tmp_path / "a.md")
    write_baseline([PaperResult(path=path, findings=[finding("virement", "A virement.")] * 2)], file)
    now = PaperResult(path=path, findings=[finding("virement", "A virement.")] * 3)
    kept, absorbed = apply_baseline([now], read_baseline(file), file)
    assert (absorbed, len(kept[0].findings)) == (2, 1)


def test_the_same_finding_in_another_paper_is_new(tmp_path: Path) -> None:
    file = tmp_path / "baseline.json"
    write_baseline([PaperResult(path=str(tmp_path / "a.md"), findings=[finding("virement", "A virement.")])], file)
    other = PaperResult(path=str(tmp_path / "b.md"), findings=[finding("virement", "A virement.")])
    kept, absorbed = apply_baseline([other], read_baseline(file), file)
    assert (absorbed, len(kept[0].findings)) == (0, 1)


def test_a_moved_paragraph_stays_absorbed_and_an_edited_sentence_shows(tmp_path: Path) -> None:
    path = str(tmp_path / "paper.md")
    before = long_sentences(f"{LONG}\n\n{FILLER}\n\n{FILLER}", path)
    assert [f.code for f in before.findings] == ["PS201"]
    file = tmp_path / "baseline.json"
    write_baseline([before], file)
    moved = long_sentences(f"{FILLER}\n\n{FILLER}\n\n{LONG}", path)
    assert moved.findings[0].location.paragraph == 3
    kept, absorbed = apply_baseline([moved], read_baseline(file), file)
    assert (absorbed, kept[0].findings) == (1, [])
    edited = long_sentences(f"{FILLER}\n\n{LONG.replace('four localities', 'five localities')}", path)
    kept, absorbed = apply_baseline([edited], read_baseline(file), file)
    assert absorbed == 0
    assert [f.code for f in kept[0].findings] == ["PS201"]


@pytest.mark.parametrize("text, problem", [
    ("not json", "not a baseline"),
    ('{"findings": []}', "no schema_version 1.x"),
    ('{"schema_version": "1.0", "findings": [{"paper": "a.md"}]}', "finding 1 lacks paper, fingerprint or count"),
])
def test_a_bad_baseline_is_a_clear_error(tmp_path: Path, text: str, problem: str) -> None:
    file = tmp_path / "baseline.json"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as caught:
        read_baseline(file)
    assert "[E203]" in caught.value.line()
