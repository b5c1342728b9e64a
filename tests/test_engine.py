"""The engine's own policies, on findings built by hand."""

from __future__ import annotations

from plainspeak.engine import drop_overlaps
from plainspeak.findings import Finding, Location, Severity


def _finding(code: str, start: int, end: int) -> Finding:
    return Finding(code=code, name=code.lower(), severity=Severity.SUGGESTION, message="m",
                   start=start, end=end, text="x" * (end - start), location=Location(paragraph=1))


def test_overlapping_style_findings_keep_the_more_specific_rule() -> None:
    kept = drop_overlaps([_finding("PS105", 10, 30), _finding("PS204", 12, 30)])
    assert [f.code for f in kept] == ["PS204"]


def test_glossary_definition_wins_over_rewording_whichever_comes_first() -> None:
    kept = drop_overlaps([_finding("PS101", 5, 15), _finding("PS105", 5, 15), _finding("PS201", 0, 40)])
    assert [f.code for f in kept] == ["PS101", "PS201"]


def test_findings_that_do_not_overlap_are_all_kept() -> None:
    found = [_finding("PS105", 0, 5), _finding("PS204", 5, 9), _finding("PS105", 9, 12)]
    assert drop_overlaps(found) == found


def test_a_block_too_long_to_parse_is_left_out_and_reported() -> None:
    from plainspeak.engine import MAX_BLOCK_CHARS, check_paper
    from plainspeak.nlp.pipeline import add_components
    from plainspeak.settings import Settings
    from tests.helpers import blank_nlp, paper_from_text

    wall = "The board noted the report. " * (MAX_BLOCK_CHARS // 28 + 10)
    paper = paper_from_text(f"# Plan\n\nThe ICB agreed it.\n\n{wall}")
    settings = Settings()
    from plainspeak.engine import load_glossaries

    glossaries = load_glossaries(settings)
    result = check_paper(paper, settings, glossaries, nlp=add_components(blank_nlp(), settings, glossaries))
    too_long = [f for f in result.findings if f.code == "PS903"]
    assert len(too_long) == 1 and too_long[0].message.startswith("Paragraph 3 has ")
    assert (too_long[0].location.paragraph, too_long[0].location.line) == (3, 5)  # where it starts
    assert [f.text for f in result.findings if f.code == "PS102"] == ["ICB"]


def test_an_unexpected_failure_in_one_paper_is_one_error_line(tmp_path, monkeypatch) -> None:
    import plainspeak.engine as engine
    from plainspeak.settings import Settings

    paper = tmp_path / "paper.txt"
    paper.write_text("The board agreed the plan.\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'text'")

    monkeypatch.setattr(engine, "check_paper", broken)
    result = engine.check_path(str(paper), Settings(isolate=False), glossaries=None)
    assert result.error is not None and result.error.kind.code == "E114"
    assert result.error.line() == (
        f"{paper}: plainspeak could not check this paper (AttributeError: 'NoneType' object has "
        "no attribute 'text') [E114] - run again with --debug and report what it shows"
    )


def test_accepted_terms_and_severities_apply_to_every_caller_of_check_paper() -> None:
    from plainspeak.engine import check_paper, load_glossaries
    from plainspeak.findings import Severity
    from plainspeak.nlp.pipeline import add_components
    from plainspeak.settings import Settings
    from tests.helpers import blank_nlp, paper_from_text

    paper = paper_from_text("The ICB and the NCTR figures were agreed.")
    settings = Settings(accepted_terms={"ICB"}, severities={"PS102": Severity.SUGGESTION})
    glossaries = load_glossaries(settings)
    nlp = add_components(blank_nlp(), settings, glossaries)
    found = [(f.text, f.severity) for f in check_paper(paper, settings, glossaries, nlp=nlp).findings
             if f.code == "PS102"]
    assert found == [("NCTR", Severity.SUGGESTION)]
