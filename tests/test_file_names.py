"""File names holding control characters or bytes that are not UTF-8, through the real command.

Linux allows both. Every format must stay what it claims to be: text lines
with no raw control character, JSON and SARIF that are valid UTF-8 JSON,
well-formed XML. Names are shown escaped as :mod:`plainspeak.safe_text`
documents; SARIF's URIs are the exact bytes, percent-encoded.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote_to_bytes
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainspeak.result import PaperResult
from plainspeak.rules import all_rules
from plainspeak.safe_text import decodable, safe_json, printable
from tests.helpers import LONG, run_plainspeak
from tests.test_cli_check import SARIF_SCHEMA

ONLY_LONG_SENTENCES = ",".join(f'"{r.code}"' for r in all_rules() if r.code != "PS201")
# What a terminal would act on: C0, DEL and C1 controls.
RAW_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# The papers' names as the file system holds them, and as every text report shows them.
NAMES = {
    b"bad\xff.txt": r"bad\xff.txt",
    b"esc\x1b[31mred.txt": r"esc\x1b[31mred.txt",
    b"nl\nx.txt": r"nl\nx.txt",
    b"ok.txt": "ok.txt",
}
EMPTY = b"empty\x07.txt"  # a paper that cannot be read, for an error line
MISSING = "gone\r.txt"  # named on the command line, not there


@pytest.fixture
def project(tmp_path: Path, blank_model: str) -> Path:
    """A folder of papers with awkward names; the long-sentence rule only, so each good paper has one finding."""
    (tmp_path / "plainspeak.toml").write_text(
        f'model = "{blank_model}"\nignore = [{ONLY_LONG_SENTENCES}]\njobs = 1\ncache_dir = ".cache"\n',
        encoding="utf-8")
    folder = os.fsencode(tmp_path / "papers")
    os.mkdir(folder)
    try:
        for name in NAMES:
            with open(os.path.join(folder, name), "wb") as paper:
                paper.write(f"{LONG}\n".encode())
        open(os.path.join(folder, EMPTY), "wb").close()
    except OSError as error:  # a file system that refuses such names (not ext4 or tmpfs)
        pytest.skip(f"cannot make the file names here: {error}")
    return tmp_path


def check(project: Path, *args: str):
    done = run_plainspeak("check", "papers", MISSING, *args, cwd=project, text=False)
    stdout, stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # strict: must be UTF-8
    assert "Traceback" not in stdout + stderr
    assert done.returncode == 3  # the empty and the missing paper
    return stdout, stderr


def assert_printable_lines(text: str) -> None:
    for line in text.splitlines():
        assert not RAW_CONTROL.search(line), line


def test_text_report_shows_each_name_escaped_on_one_line(project: Path) -> None:
    stdout, stderr = check(project)
    lines = stdout.splitlines()
    assert sorted(line.split(":1:1: PS201 long-sentence - ")[0] for line in lines[:-1]) == sorted(
        f"papers/{shown}" for shown in NAMES.values())
    assert lines[-1] == "4 papers checked: 0 errors, 4 warnings, 0 suggestions; 2 could not be read."
    assert_printable_lines(stdout)
    assert_printable_lines(stderr)
    told = sorted(stderr.splitlines())
    assert len(told) == 2
    assert told[0].startswith(r"plainspeak: gone\r.txt: file not found") and "[E101]" in told[0]
    assert told[1] == (r"plainspeak: papers/empty\x07.txt: the file is empty (it has zero bytes) [E102] - "
                       "export the paper again and check it opens")


def test_the_cache_keeps_such_names_and_gives_the_same_report(project: Path) -> None:
    first, _ = check(project)
    assert len(list((project / ".cache").rglob("*.json"))) == 1  # the four papers have the same text
    again, _ = check(project)
    assert again == first


def test_json_report_is_utf8_and_keeps_each_name(project: Path) -> None:
    stdout, stderr = check(project, "--format", "json")
    report = json.loads(stdout)
    paths = [paper["path"] for paper in report["papers"]]
    # Control characters as JSON holds them (\n, \u001b); the byte that is not UTF-8 as \xff.
    assert sorted(paths) == sorted([MISSING, "papers/bad\\xff.txt", "papers/empty\x07.txt",
                                    "papers/esc\x1b[31mred.txt", "papers/nl\nx.txt", "papers/ok.txt"])
    errors = {paper["path"]: paper["error"] for paper in report["papers"] if paper["error"]}
    assert errors["papers/empty\x07.txt"]["message"].startswith(r"papers/empty\x07.txt: the file is empty")
    assert errors[MISSING]["code"] == "E101"
    assert_printable_lines(stderr)


def test_json_report_file_is_utf8(project: Path) -> None:
    check(project, "--format", "json", "--output", "report.json")
    report = json.loads((project / "report.json").read_bytes().decode("utf-8"))
    assert "papers/bad\\xff.txt" in [paper["path"] for paper in report["papers"]]


def test_sarif_uris_are_the_names_bytes_percent_encoded(project: Path) -> None:
    stdout, _ = check(project, "--format", "sarif")
    document = json.loads(stdout)
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run = document["runs"][0]
    uris = sorted(location["physicalLocation"]["artifactLocation"]["uri"]
                  for result in run["results"] for location in result["locations"])
    assert uris == ["papers/bad%FF.txt", "papers/esc%1B%5B31mred.txt", "papers/nl%0Ax.txt", "papers/ok.txt"]
    assert sorted(unquote_to_bytes(uri) for uri in uris) == sorted(b"papers/" + name for name in NAMES)
    notified = sorted(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                      for note in run["invocations"][0]["toolExecutionNotifications"])
    assert notified == ["gone%0D.txt", "papers/empty%07.txt"]


def test_junit_is_well_formed_with_names_shown_escaped(project: Path) -> None:
    stdout, _ = check(project, "--format", "junit")
    root = ET.fromstring(stdout)
    names = sorted(suite.get("name") for suite in root.findall("testsuite"))
    assert names == sorted([r"gone\r.txt", r"papers/empty\x07.txt", *(f"papers/{s}" for s in NAMES.values())])


def test_github_annotations_stay_one_command_a_line(project: Path) -> None:
    stdout, _ = check(project, "--format", "github")
    assert_printable_lines(stdout)
    files = sorted(re.match(r"::\w+ file=([^,]*),", line).group(1) for line in stdout.splitlines()[:-1])
    # GitHub reads %0A and %0D back as the newline and return the names hold.
    assert files == sorted(["gone%0D.txt", r"papers/empty\x07.txt", r"papers/bad\xff.txt",
                            r"papers/esc\x1b[31mred.txt", "papers/nl%0Ax.txt", "papers/ok.txt"])


def test_markdown_summary_shows_names_escaped(project: Path) -> None:
    stdout, _ = check(project, "--format", "markdown")
    assert_printable_lines(stdout)
    rows = [line for line in stdout.splitlines() if line.startswith("| papers/")]
    # Markdown's own escape doubles the backslash, so a reader sees papers/bad\xff.txt.
    assert sorted(row.split(" | ")[0] for row in rows) == sorted([
        r"| papers/bad\\xff.txt", r"| papers/empty\\x07.txt", r"| papers/esc\\x1b\[31mred.txt",
        r"| papers/nl\\nx.txt", "| papers/ok.txt"])


def test_a_baseline_holds_such_names_and_absorbs_their_findings(project: Path) -> None:
    check(project, "--write-baseline", "baseline.json")
    baseline = json.loads((project / "baseline.json").read_bytes().decode("utf-8"))
    assert sorted(entry["paper"] for entry in baseline["findings"]) == sorted(
        ["papers/bad\\xff.txt", "papers/esc\x1b[31mred.txt", "papers/nl\nx.txt", "papers/ok.txt"])
    stdout, _ = check(project, "--baseline", "baseline.json")
    assert stdout == ("4 papers checked: 0 errors, 0 warnings, 0 suggestions; 2 could not be read; "
                      "4 already in the baseline.\n")


def test_every_reporter_renders_such_names_as_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plainspeak.errors import E107, InputError
    from plainspeak.reporters import FORMATS, get_reporter
    from plainspeak.reporters.notes import RunNotes, RunNotice
    from plainspeak.settings import Settings
    from tests.test_reporters import fixed_results

    monkeypatch.chdir(tmp_path)
    awkward = "papers/" + os.fsdecode(b"x\xff\x1b]0;title\x07\n") + "\x9b\u2028.md"
    good = fixed_results()[0]
    good.path = awkward
    results = [good, PaperResult(path=awkward + "2", error=InputError(E107, awkward + "2", "bad zip"))]
    notes = RunNotes(notices=[RunNotice("unused-suppression", "matched no finding", awkward + ".toml", 2)])
    for name in FORMATS:
        output = get_reporter(name).render(results, Settings(), run=notes)
        output.encode("utf-8")  # raises on a lone surrogate
        assert_printable_lines(output)  # JSON holds each control character as its own escape
    assert json.loads(get_reporter("json").render(results))["papers"][0]["path"] == (
        "papers/x\\xff\x1b]0;title\x07\n\x9b\u2028.md")


def test_printable_escapes_controls_and_undecodable_bytes_and_leaves_the_rest() -> None:
    assert printable("a\nb\r\tc\x1b[0m\x7f\x85\u2028\u202e" + os.fsdecode(b"\xff")) == (
        r"a\nb\r\tc\x1b[0m\x7f\x85\u2028\u202e\xff")
    ordinary = r"Budget £2m – café\notes/ICB (draft) ‘v2’.docx"
    assert printable(ordinary) == ordinary == decodable(ordinary)
    assert decodable("a\nb" + os.fsdecode(b"\xfe")) == "a\nb\\xfe"


def test_safe_json_reads_back_as_decodable_gives_it() -> None:
    value = {"path": "p/" + os.fsdecode(b"\xff\xfe") + "\n\x85\u202e", "ok": "£"}
    text = safe_json(json.dumps(value, ensure_ascii=False, indent=1))
    assert not RAW_CONTROL.search(text.replace("\n", "")) and "\u202e" not in text
    assert json.loads(text.encode("utf-8")) == {"path": "p/\\xff\\xfe\n\x85\u202e", "ok": "£"}
    plain = json.dumps({"path": "p/q.txt"}, ensure_ascii=False)
    assert safe_json(plain) == plain


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_printable_text_is_one_safe_line_and_stays_so(text: str) -> None:
    shown = printable(text)
    shown.encode("utf-8")  # no lone surrogate left
    assert not RAW_CONTROL.search(shown) and len(shown.splitlines()) <= 1
    assert printable(shown) == shown


def test_a_readers_copy_of_a_paper_with_such_a_name_is_written(tmp_path: Path) -> None:
    # The page embeds the name; a byte that is not UTF-8 could not be written, and the paper was called damaged.
    from plainspeak.loaders import load
    from plainspeak.writers.html import render_reader_html
    from tests.writer_support import glossary, result_for

    path = os.path.join(os.fsencode(tmp_path), b"caf\xe9 paper.md")
    try:
        with open(path, "wb") as paper:
            paper.write(b"# Budget\n\nThe virement was agreed by the board.\n")
    except OSError:
        pytest.skip("this file system refuses such names")
    paper = load(os.fsdecode(path))
    page = render_reader_html(result_for(paper, []), paper, glossary())
    assert "Made by plainspeak from caf\\xe9 paper.md." in page
    page.encode("utf-8")  # no lone surrogate left in it
