"""Every output format, rendered from a fixed set of findings and compared with a reviewed golden file.

Set ``PLAINSPEAK_UPDATE_GOLDEN=1`` to rewrite the golden files, then review
the diff before committing it. Versions and the working directory are
blanked, so the files do not change with a release or a checkout.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from plainspeak import __version__
from plainspeak.errors import E107, InputError
from plainspeak.findings import Finding, Location, Severity
from plainspeak.reporters import FORMATS, get_reporter
from plainspeak.reporters.github import escape_data, escape_property
from plainspeak.reporters.json_text import dumps
from plainspeak.reporters.markdown import escape
from plainspeak.reporters.notes import RunNotes, RunNotice, Suppressed
from plainspeak.result import PaperResult
from plainspeak.settings import Settings

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)

GOLDEN = Path(__file__).parent / "golden" / "reporters"
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"
EXTENSIONS = {"text": "txt", "json": "json", "sarif": "sarif", "junit": "xml", "github": "txt", "markdown": "md"}


def _finding(code: str, name: str, severity: Severity, message: str, text: str, location: Location,
             context: str, term: str | None = None, suggestion: str | None = None) -> Finding:
    return Finding(code=code, name=name, severity=severity, message=message, start=0, end=len(text),
                   text=text, location=location, term=term, suggestion=suggestion, context=context)


def fixed_results() -> list[PaperResult]:
    """Three papers (text, PDF, DOCX) with findings, and one that could not be read."""
    text_paper = PaperResult(path="papers/budget.md", format="markdown", words=120, sha256="a" * 64,
                             title="Budget", findings=[
        _finding("PS101", "undefined-term", Severity.WARNING,
                 "'virement' is not explained in the paper; say what it means at its first use",
                 "virement", Location(paragraph=2, line=3, column=12, section="Budget"),
                 "The board agreed a virement of £2m.", term="virement",
                 suggestion="Moving money from one budget to another"),
        _finding("PS201", "long-sentence", Severity.ERROR,
                 "Long sentence: 41 words (over 30), with 50% figures, commas: and colons",
                 "The forecast", Location(paragraph=3, line=7, column=1), "The forecast, which ..."),
    ])
    pdf_paper = PaperResult(path="papers/board.pdf", format="pdf", pages=4, words=800, sha256="b" * 64,
                            findings=[
        _finding("PS102", "undefined-acronym", Severity.SUGGESTION,
                 "'ICB' is not spelt out", "ICB", Location(paragraph=9, page=2, line=14, column=5),
                 "The ICB will decide.", term="ICB"),
    ])
    docx_paper = PaperResult(path="papers/minutes.docx", format="docx", words=300, sha256="c" * 64,
                             findings=[
        _finding("PS104", "unknown-term", Severity.WARNING,
                 "'*S151* <b>officer</b> | note' may be unfamiliar",
                 "S151", Location(paragraph=4, table=1, row=2, cell=3, section="Actions"),
                 "The S151 officer reported.", term="*S151* <b>officer</b> | note"),
    ])
    broken = PaperResult(path="papers/broken.docx", error=InputError(E107, "papers/broken.docx", "bad zip"))
    return [text_paper, pdf_paper, docx_paper, broken]


def fixed_notes() -> RunNotes:
    suppressed = _finding("PS101", "undefined-term", Severity.WARNING, "'precept' is not explained",
                          "precept", Location(paragraph=5, line=11, column=3), "The precept rises.",
                          term="precept")
    return RunNotes(
        notices=[RunNotice("unused-suppression", "ignore entry for term 'FYE' in ** matched no finding",
                           ".plainspeak-ignore.toml", 4)],
        suppressed=[Suppressed("papers/budget.md", suppressed, "Defined in the cover note", "Sam Lee")],
    )


def blank(text: str, cwd: Path) -> str:
    """Blank what changes between machines and releases: the working directory and the version."""
    text = text.replace(cwd.resolve().as_uri(), "file:///<cwd>").replace(str(cwd.resolve()), "<cwd>")
    return re.sub(rf'(?<![\d.]){re.escape(__version__)}(?![\d.])', "<version>", text)


def rendered(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    return blank(get_reporter(name).render(fixed_results(), Settings(), run=fixed_notes()), tmp_path)


def golden_view(name: str, output: str) -> str:
    """What the golden file holds: rule text and the rule list come from the rules
    themselves and are tested apart, so a new rule does not change every golden file."""
    if name == "sarif":
        document = json.loads(output)
        document["runs"][0]["tool"]["driver"]["rules"] = "<one descriptor per registered rule>"
        for result in document["runs"][0]["results"]:
            result.pop("ruleIndex", None)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return output


def only_rules_with_findings() -> Settings:
    from plainspeak.rules import all_rules

    return Settings(ignore={rule.code for rule in all_rules()})


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_matches_golden_file(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = only_rules_with_findings()
    output = blank(get_reporter(name).render(fixed_results(), settings, run=fixed_notes()), tmp_path)
    output = golden_view(name, output)
    golden = GOLDEN / f"{name}.{EXTENSIONS[name]}"
    if os.environ.get("PLAINSPEAK_UPDATE_GOLDEN") == "1":
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_every_format_has_a_golden_file() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(f"{n}.{e}" for n, e in EXTENSIONS.items())


def test_every_reporter_declares_a_media_type() -> None:
    assert {n: get_reporter(n).MEDIA_TYPE for n in FORMATS} == {
        "text": "text/plain", "json": "application/json", "sarif": "application/sarif+json",
        "junit": "application/xml", "github": "text/plain", "markdown": "text/markdown",
    }


def test_sarif_is_valid_against_the_official_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(rendered("sarif", tmp_path, monkeypatch))
    jsonschema.validate(document, schema)
    empty = json.loads(get_reporter("sarif").render([], Settings()))
    jsonschema.validate(empty, schema)


def test_sarif_results_carry_rule_level_place_and_fingerprint(tmp_path: Path, monkeypatch) -> None:
    run = json.loads(rendered("sarif", tmp_path, monkeypatch))["runs"][0]
    first, pdf = run["results"][0], run["results"][2]
    assert (first["ruleId"], first["level"], first["message"]["text"][:10]) == ("PS101", "warning", "'virement'")
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 12, "endColumn": 20, "snippet": {"text": "virement"}}
    assert first["partialFingerprints"] == {"plainspeak/v1": fixed_results()[0].findings[0].fingerprint}
    assert pdf["level"] == "note"
    assert pdf["locations"][0]["logicalLocations"] == [{"name": "page 2", "kind": "page"}]
    assert pdf["locations"][0]["properties"]["page"] == 2
    assert run["results"][-1]["suppressions"][0]["justification"] == "Defined in the cover note (approved by Sam Lee)"
    errors = run["invocations"][0]["toolExecutionNotifications"]
    assert [e["descriptor"]["id"] for e in errors] == ["E107"]
    notices = run["invocations"][0]["toolConfigurationNotifications"]
    assert notices[0]["message"]["text"].startswith("ignore entry for term 'FYE'")


def test_sarif_rule_text_comes_from_the_docstring() -> None:
    from plainspeak.reporters.sarif_rules import rule_descriptor
    from plainspeak.rules import resolve

    rule = resolve("PS901")
    descriptor = rule_descriptor(rule)
    assert descriptor["shortDescription"]["text"] == rule.doc().summary
    assert descriptor["fullDescription"]["text"] == " ".join(rule.doc().section("What it flags").split())
    for title in ("What it flags", "Why it matters", "Example", "Prefer"):
        assert f"{title}:" in descriptor["help"]["text"]
        assert f"### {title}" in descriptor["help"]["markdown"]


def test_junit_has_one_suite_per_paper_and_counts(tmp_path: Path, monkeypatch) -> None:
    root = ET.fromstring(rendered("junit", tmp_path, monkeypatch))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [r.path for r in fixed_results()]
    # The default fail level is error: only the long sentence fails; the unreadable paper errors.
    assert (root.get("failures"), root.get("errors")) == ("1", "1")
    failing = [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None]
    assert failing == ["PS201 long-sentence"]


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_markdown_escapes_paper_text() -> None:
    assert escape("*S151* <b>x</b> | [link](u)") == r"\*S151\* &lt;b&gt;x&lt;/b&gt; \| \[link\](u)"
    assert escape("# not a heading") == r"\# not a heading"
    assert escape("1. not a list") == r"1\. not a list"
    assert escape("===") == r"\===" and escape("a = b") == "a = b"  # no heading underline


def test_markdown_report_blocks_mentions_and_issue_links() -> None:
    # A PR comment would notify @finance and cross-link issue 12.
    assert escape("ask @finance about item #12") == r"ask &#64;finance about item \#12"


def test_text_lines_are_vale_style(tmp_path: Path, monkeypatch) -> None:
    lines = rendered("text", tmp_path, monkeypatch).splitlines()
    assert lines[0].startswith("papers/budget.md:3:12: PS101 undefined-term 'virement' - ")
    assert lines[2].startswith("papers/board.pdf:2:14: PS102 undefined-acronym 'ICB' - ")
    assert lines[3].startswith("papers/minutes.docx:¶4: PS104 unknown-term ")


def test_reporters_render_no_papers() -> None:
    for name in FORMATS:
        assert get_reporter(name).render([], Settings()).endswith("\n")


@hypothesis_settings(max_examples=200, deadline=None)
@given(value=JSON_VALUES, levels=st.integers(min_value=0, max_value=6))
def test_readable_json_is_the_same_json(value: object, levels: int) -> None:
    assert json.loads(dumps(value, levels=levels)) == value


def test_readable_json_puts_each_deep_item_on_one_line() -> None:
    text = dumps({"papers": [{"findings": [{"code": "PS101", "at": [1, 2]}, {"code": "PS201"}]}]}, levels=4)
    assert text.splitlines() == [
        "{",
        '  "papers": [',
        "    {",
        '      "findings": [',
        '        {"code": "PS101", "at": [1, 2]},',
        '        {"code": "PS201"}',
        "      ]",
        "    }",
        "  ]",
        "}",
    ]
