"""Whole runs over folders of bad papers: each gets its answer and the good ones still get checked.

One ``plainspeak check FOLDER`` over every hostile case plus a good paper
(workers in parallel, as a user runs it), one over the shared bad-files
folder, lowered limits turning good papers into clear errors, and an
external entity whose target never reaches any report.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.test_robust_cli import (
    MEMORY_CAP_MB,
    TIME_LIMIT_S,
    assert_clear_answer,
    check_args,
    run_cli,
)
from tests.test_robust_files import (
    CASES,
    SECRET,
    docx_external_entity,
    docx_external_entity_in_side_part,
    good_docx,
    good_pdf,
    main_part,
    para,
    pdf_content_bomb,
    pdf_tiny_glyphs,
    repack,
    write_case,
    write_good,
    xxe_doctype,
)

REPO = Path(__file__).resolve().parents[1]
BADFILES = REPO.parent / "shared" / "data" / "badfiles-public"


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def by_name(report: dict) -> dict[str, dict]:
    return {Path(paper["path"]).name: paper for paper in report["papers"]}


def test_batch_of_every_hostile_paper_and_one_good_one(blank_model, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    for case in CASES:
        write_case(case, folder)
    write_good(folder)
    before = hashes(folder)
    run = run_cli(*check_args(blank_model, "--jobs", "2", folder), cwd=tmp_path)
    assert "Traceback" not in run.output
    assert SECRET not in run.output
    assert run.code == 3
    papers = by_name(run.report())
    assert set(papers) == {case.name for case in CASES} | {"good-paper.docx"}
    for case in CASES:
        assert_clear_answer(case, papers[case.name], run.lines())
    good = papers["good-paper.docx"]
    assert good.get("error") is None
    assert "virement" in [finding["text"] for finding in good["findings"]]
    assert hashes(folder) == before
    # Two workers, each paper within its limit: the run as a whole is bounded too.
    assert run.seconds < TIME_LIMIT_S * 4
    assert run.peak_mb < MEMORY_CAP_MB * 2


@pytest.mark.skipif(not BADFILES.is_dir(), reason="the shared bad-files folder is not present")
def test_every_shared_bad_file_in_one_run(blank_model, tmp_path):
    listed = [line.split("\t", 1)[0] for line in (BADFILES / "MANIFEST.tsv").read_text().splitlines()[1:]
              if line.strip()]
    before = hashes(BADFILES)
    run = run_cli(*check_args(blank_model, "--include", "*.pdf", "--include", "*.docx", "--include",
                              "*.fuzz", BADFILES), cwd=tmp_path)
    assert "Traceback" not in run.output
    assert run.code in (0, 1, 3)
    papers = {Path(paper["path"]).relative_to(BADFILES).as_posix(): paper for paper in run.report()["papers"]}
    assert set(listed) <= set(papers)
    for name in listed:
        paper = papers[name]
        error = paper.get("error")
        if error is not None:
            assert error["code"].startswith("E1"), name
            mine = [line for line in run.lines() if f"{name}:" in line]
            assert len(mine) == 1 and f"[{error['code']}]" in mine[0] and " - " in mine[0], (name, mine)
        else:
            assert paper["format"] in ("pdf", "docx"), name
            assert paper["words"] > 0 or any(f["code"].startswith("PS9") for f in paper["findings"]), name
    if any(paper.get("error") for paper in papers.values()):
        assert run.code == 3
    else:
        assert run.code in (0, 1)
    assert run.seconds < TIME_LIMIT_S * 2
    assert hashes(BADFILES) == before


# --- Limits a user can lower ------------------------------------------------


def config(tmp_path: Path, **limits: float) -> Path:
    path = tmp_path / "limits.toml"
    path.write_text("[limits]\n" + "".join(f"{key} = {value}\n" for key, value in limits.items()))
    return path


def error_of(run, name: str) -> dict:
    assert "Traceback" not in run.output
    return by_name(run.report())[name].get("error") or {}


def test_lowered_limits_turn_good_papers_into_clear_errors(blank_model, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    # A good Word paper whose parts inflate to about 2 MB, and a good 5-page PDF.
    (folder / "long.docx").write_bytes(repack(good_docx(), {
        "word/document.xml": main_part(para("The board agreed the plan.") + para("x " * 25_000) * 40),
    }))
    (folder / "five.pdf").write_bytes(good_pdf(5))
    (folder / "notes.txt").write_text("The board agreed the plan.\n\n" * 30_000)
    paths = [folder / "long.docx", folder / "five.pdf", folder / "notes.txt"]
    relaxed = run_cli(*check_args(blank_model, "--jobs", "1", *paths), cwd=tmp_path)
    assert relaxed.code in (0, 1), relaxed.stderr
    assert all(paper.get("error") is None for paper in relaxed.report()["papers"])
    lowered = config(tmp_path, max_inflated_mb=1, max_pages=2, max_text_mb=0.5)
    run = run_cli("check", "--model", blank_model, "--format", "json", "--no-cache", "--config", lowered,
                  "--jobs", "1", *paths, cwd=tmp_path)
    assert run.code == 3
    for name, expected in (("long.docx", "limit 1 MB"), ("five.pdf", "more than 2 pages"),
                           ("notes.txt", "more than 0.5 MB of text")):
        error = error_of(run, name)
        assert error["code"] == "E108", (name, error)
        assert expected in error["detail"], (name, error["detail"])
        [line] = [line for line in run.lines() if name in line]
        assert line.endswith(error["advice"])


def test_lowered_time_limit_is_e109(blank_model, tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_tiny_glyphs())  # a few seconds' reading, far past the limit below
    run = run_cli(*check_args(blank_model, "--jobs", "1", "--timeout", "0.2", path.name), cwd=tmp_path)
    assert run.code == 3
    error = error_of(run, "paper.pdf")
    assert error["code"] == "E109" and "--timeout" in error["advice"]
    assert run.seconds < 30


def test_lowered_memory_cap_is_e110(blank_model, tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_content_bomb())  # 60 MB once inflated, against a cap of 40
    run = run_cli("check", "--model", blank_model, "--format", "json", "--no-cache", "--jobs", "1",
                  "--config", config(tmp_path, memory_mb=40), path.name, cwd=tmp_path)
    assert run.code == 3
    assert error_of(run, "paper.pdf")["code"] == "E110"


def test_one_enormous_paragraph_gets_an_answer_and_the_batch_goes_on(blank_model, tmp_path):
    """A text file with no blank lines is one paragraph; here, 1.5 million characters of it."""
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "one-line.txt").write_text("The board noted the report and agreed the plan. " * 31_000)
    write_good(folder)
    run = run_cli(*check_args(blank_model, "--jobs", "1", folder), cwd=tmp_path)
    assert "Traceback" not in run.output and "unexpected error" not in run.output, run.stderr[-300:]
    papers = by_name(run.report())
    assert "virement" in [finding["text"] for finding in papers["good-paper.docx"]["findings"]]
    # Under the default limits it is read, and the one paragraph too long to parse is left out with PS903.
    assert papers["one-line.txt"].get("error") is None
    assert [finding["code"] for finding in papers["one-line.txt"]["findings"]] == ["PS903"]


# --- External entities never reach a report ---------------------------------


def xxe_variants(secret: Path) -> dict[str, bytes]:
    """The entity declared in each part a reader may open, and in a plain text paper."""
    base = good_docx()
    styles = zipfile.ZipFile(io.BytesIO(base)).read("word/styles.xml").decode()
    styles = styles.replace("<w:styles ", xxe_doctype("w:styles", secret) + "<w:styles ", 1)
    styles = styles.replace("</w:styles>", '<w:style w:styleId="Leak"><w:name w:val="&leak;"/></w:style></w:styles>')
    return {
        "in-body.docx": docx_external_entity(secret),
        "in-styles.docx": repack(base, {"word/styles.xml": styles.encode()}),
        "in-title.docx": docx_external_entity_in_side_part(secret),
        "as-text.txt": (f'<!DOCTYPE x [<!ENTITY leak SYSTEM "file://{secret}">]>\n\n'
                        "The budget was &leak; agreed.\n").encode(),
    }


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)


def test_external_entity_target_never_reaches_any_output(blank_model, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    folder = tmp_path / "papers"
    folder.mkdir()
    for name, data in xxe_variants(secret).items():
        (folder / name).write_bytes(data)
    write_good(folder)
    for output_format in ("json", "sarif", "text", "markdown", "junit", "github"):
        run = run_cli("check", "--model", blank_model, "--format", output_format, "--no-cache", "--isolated",
                      "--jobs", "1", folder, cwd=tmp_path)
        assert "Traceback" not in run.output
        assert SECRET not in run.output, output_format
        assert run.code in (1, 3, 0)
    out = tmp_path / "copies"
    run = run_cli("annotate", "--model", blank_model, "--format", "html", "--isolated", "--output", out,
                  *sorted(folder.iterdir()), cwd=tmp_path)
    assert "Traceback" not in run.output and SECRET not in run.output
    pages = {path.name: path.read_text(encoding="utf-8") for path in out.glob("*.html")}
    assert "good-paper.plainspeak.html" in pages, (run.code, run.stderr[-400:])
    for name, page in pages.items():
        assert SECRET not in page, name
        parser = _Elements()
        parser.feed(page)
        assert "script" not in parser.tags, name


def test_sarif_of_a_hostile_batch_is_valid(blank_model, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = REPO.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
    if not schema_file.is_file():
        pytest.skip("the SARIF schema is not in the shared folder")
    folder = tmp_path / "papers"
    folder.mkdir()
    for case in CASES:
        if case.name in ("zero.pdf", "laughs.docx", "scanned.pdf", "rtl-emoji.txt", "cp1252.txt", "noise.md"):
            write_case(case, folder)
    write_good(folder)
    run = run_cli("check", "--model", blank_model, "--format", "sarif", "--no-cache", "--isolated", "--jobs", "1",
                  folder, cwd=tmp_path)
    assert run.code == 3 and "Traceback" not in run.output
    sarif = json.loads(run.stdout)
    jsonschema.validate(sarif, json.loads(schema_file.read_text()))


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_a_pipe_and_a_device_are_refused_at_once_and_the_batch_goes_on(blank_model, tmp_path, cached):
    import os

    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("needs named pipes and /dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")  # with no writer, reading it would wait for ever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    good = write_good(tmp_path)
    args = check_args(blank_model, "--jobs", "1", "pipe.txt", "zero.txt", good.name)
    if cached:  # the cache hashes each paper first: that read hung on both
        args = [a if a != "--no-cache" else "--cache-dir" for a in args]
        args.insert(args.index("--cache-dir") + 1, str(tmp_path / "cache"))
    run = run_cli(*args, cwd=tmp_path, timeout=60)
    assert run.code == 3
    for name in ("pipe.txt", "zero.txt"):
        error = error_of(run, name)
        assert error["code"] == "E112" and "pipe or device" in error["message"]
    assert by_name(run.report())[good.name]["findings"]
    assert run.seconds < 30
