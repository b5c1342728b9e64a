"""``plainspeak check`` end to end: the real command on papers written here, exact lines out."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from plainspeak.rules import all_rules
from tests.helpers import LONG, run_cli, run_plainspeak

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = ROOT.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
SHORT = "The group met in the hall and talked about the plan for the year."
ONLY_LONG_SENTENCES = ",".join(f'"{r.code}"' for r in all_rules() if r.code != "PS201")


@pytest.fixture
def project(tmp_path: Path, blank_model: str) -> Path:
    """A folder of papers with a config: the long-sentence rule only, a blank model, jobs 1."""
    (tmp_path / "plainspeak.toml").write_text(
        f'model = "{blank_model}"\nignore = [{ONLY_LONG_SENTENCES}]\njobs = 1\n'
        f'cache_dir = ".cache"\n', encoding="utf-8")
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "budget.md").write_text(f"# Budget\n\n{SHORT}\n\n{LONG}\n", encoding="utf-8")
    (tmp_path / "papers" / "plain.txt").write_text(f"{SHORT}\n", encoding="utf-8")
    return tmp_path


def plainspeak(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return run_plainspeak("check", *args, cwd=cwd)


LONG_LINE_PREFIX = "papers/budget.md:5:1: PS201 long-sentence - Long sentence: 42 words (over 30"


def test_a_folder_gives_vale_style_lines_and_exit_1(project: Path) -> None:
    done = plainspeak(project, "papers", "--fail-on", "suggestion")
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith(LONG_LINE_PREFIX)
    assert lines[1] == "2 papers checked: 0 errors, 1 warning, 0 suggestions."
    assert (done.returncode, done.stderr) == (1, "")
    assert "Traceback" not in done.stdout + done.stderr


def test_a_bad_paper_is_one_line_and_the_rest_is_checked(project: Path) -> None:
    (project / "papers" / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    done = plainspeak(project, "papers", "--format", "json", "--jobs", "2")
    report = json.loads(done.stdout)
    assert [p["path"] for p in report["papers"]] == ["papers/broken.docx", "papers/budget.md", "papers/plain.txt"]
    assert [f["code"] for f in report["papers"][1]["findings"]] == ["PS201"]
    stderr = done.stderr.splitlines()
    assert len(stderr) == 1 and stderr[0].startswith("plainspeak: papers/broken.docx: ")
    assert "[E107]" in stderr[0] and done.returncode == 3


def test_in_text_format_a_bad_paper_is_told_on_stderr_and_stdout_holds_only_findings(project: Path) -> None:
    (project / "papers" / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    done = plainspeak(project, "papers")
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith(LONG_LINE_PREFIX)
    assert lines[1] == "2 papers checked: 0 errors, 1 warning, 0 suggestions; 1 could not be read."
    [told] = done.stderr.splitlines()
    assert told.startswith("plainspeak: papers/broken.docx: the file is damaged and cannot be read (")
    assert told.endswith("[E107] - export the paper again from the program that made it")
    assert done.returncode == 3


def test_a_text_report_file_holds_findings_and_stderr_the_bad_paper(project: Path) -> None:
    (project / "papers" / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    done = plainspeak(project, "papers", "--output", "report.txt")
    assert (done.returncode, done.stdout) == (3, "")
    report = (project / "report.txt").read_text(encoding="utf-8").splitlines()
    assert len(report) == 2 and report[0].startswith(LONG_LINE_PREFIX) and "broken.docx" not in report[1]
    [told] = done.stderr.splitlines()
    assert told.startswith("plainspeak: papers/broken.docx: ") and "[E107]" in told


def test_an_unreadable_subfolder_is_one_line_exit_3_and_the_rest_is_checked(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_batch import refuse_to_list, touch

    touch(project / "papers" / "locked" / "secret.md", f"{LONG}\n")
    monkeypatch.chdir(project)
    refuse_to_list(monkeypatch, Path("papers/locked"))
    code, stdout, stderr = run_cli("check", "papers", "--no-cache")
    lines = stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith(LONG_LINE_PREFIX)
    assert lines[1] == "2 papers checked: 0 errors, 1 warning, 0 suggestions; 1 could not be read."
    assert stderr == ("plainspeak: papers/locked: the folder cannot be read, so its papers were not checked "
                      "(Permission denied) [E117] - check you have permission to read it, "
                      "or leave it out with --exclude\n")
    assert code == 3
    code, stdout, _ = run_cli("check", "papers", "--no-cache", "--format", "json")
    papers = json.loads(stdout)["papers"]
    assert [(p["path"], p["error"] and p["error"]["code"]) for p in papers] == [
        ("papers/locked", "E117"), ("papers/budget.md", None), ("papers/plain.txt", None)]
    assert code == 3
    assert run_cli("check", "papers", "--no-cache", "--exclude", "locked")[0] == 0


def test_a_folder_that_is_unreadable_itself_is_reported_not_no_papers(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_batch import refuse_to_list

    monkeypatch.chdir(project)
    refuse_to_list(monkeypatch, Path("papers"))
    code, stdout, stderr = run_cli("check", "papers", "--no-cache")
    assert stdout == "0 papers checked: 0 errors, 0 warnings, 0 suggestions; 1 could not be read.\n"
    assert stderr.startswith("plainspeak: papers: the folder cannot be read") and "[E117]" in stderr
    assert code == 3


def test_sarif_output_file_is_valid(project: Path) -> None:
    done = plainspeak(project, "papers", "--format", "sarif", "--output", "plainspeak.sarif")
    assert (done.returncode, done.stdout) == (0, "")
    document = json.loads((project / "plainspeak.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    result = document["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "papers/budget.md"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


@pytest.mark.parametrize("name, reason", [("r" * 300 + ".json", "File name too long"),
                                          ("no-such-folder/report.json", "No such file or directory")])
def test_an_output_that_cannot_be_written_is_e401_and_no_file(project: Path, name: str, reason: str) -> None:
    done = plainspeak(project, "papers", "--format", "json", "--output", name)
    assert done.returncode == 2
    assert done.stderr.startswith(f"plainspeak: {name}: the output file could not be written ({reason}) [E401]")
    assert "unexpected error" not in done.stderr and done.stdout == ""
    assert sorted(p.name for p in project.iterdir()) == [".cache", "papers", "plainspeak.toml"]


def test_baseline_reports_only_new_findings(project: Path) -> None:
    written = plainspeak(project, "papers", "--write-baseline", "baseline.json")
    assert written.returncode == 0
    assert written.stderr == "plainspeak: wrote 1 finding to the baseline baseline.json\n"
    paper = project / "papers" / "budget.md"
    paper.write_text(f"# Budget\n\n{LONG}\n\n{SHORT}\n", encoding="utf-8")  # moved, not changed
    done = plainspeak(project, "papers", "--baseline", "baseline.json", "--fail-on", "suggestion")
    assert done.stdout == "2 papers checked: 0 errors, 0 warnings, 0 suggestions; 1 already in the baseline.\n"
    assert done.returncode == 0
    paper.write_text(f"# Budget\n\n{LONG.replace('four', 'five')}\n", encoding="utf-8")  # edited
    done = plainspeak(project, "papers", "--baseline", "baseline.json", "--fail-on", "suggestion")
    assert done.stdout.startswith("papers/budget.md:3:1: PS201 long-sentence") and done.returncode == 1


def test_ignore_file_suppresses_and_reports_unused_entries(project: Path) -> None:
    (project / ".plainspeak-ignore.toml").write_text(
        '[[ignore]]\npaper = "papers/budget.md"\nrule = "PS201"\nreason = "Quoted from the law"\n'
        'approved_by = "Jo Smith"\n\n[[ignore]]\nterm = "virement"\nreason = "In the cover note"\n'
        'approved_by = "Jo Smith"\n', encoding="utf-8")
    done = plainspeak(project, "papers", "--fail-on", "suggestion")
    assert done.stdout == "2 papers checked: 0 errors, 0 warnings, 0 suggestions; 1 suppressed by the ignore file.\n"
    ignore_file = project.resolve() / ".plainspeak-ignore.toml"
    assert done.stderr == (f"plainspeak: warning: {ignore_file}:7: ignore entry for term 'virement' in ** "
                           "matched no finding; remove it if it is no longer needed\n")
    assert done.returncode == 0
    isolated = plainspeak(project, "papers", "--isolated", "--model", str(project / "nowhere"))
    assert isolated.returncode == 2 and "[E301]" in isolated.stderr


def test_the_cache_is_used_and_no_cache_skips_it(project: Path) -> None:
    first = plainspeak(project, "papers")
    entries = sorted((project / ".cache").rglob("*.json"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_text("{broken", encoding="utf-8")  # a corrupt entry is checked again
    second = plainspeak(project, "papers")
    assert second.stdout == first.stdout
    # Rewritten in place, or under a new key if plainspeak's own files changed in between.
    readable = [e for e in (project / ".cache").rglob("*.json") if e.read_text(encoding="utf-8") != "{broken"]
    assert sorted(json.loads(e.read_text(encoding="utf-8"))["format"] for e in readable) == ["markdown", "text"]
    skipped = plainspeak(project, "papers", "--no-cache", "--cache-dir", "elsewhere")
    assert skipped.stdout == first.stdout and not (project / "elsewhere").exists()


def test_config_errors_are_one_line_and_exit_2(project: Path) -> None:
    (project / "plainspeak.toml").write_text('fail_on = "loud"\n', encoding="utf-8")
    done = plainspeak(project, "papers")
    assert done.returncode == 2
    assert done.stderr == (f"plainspeak: {project.resolve() / 'plainspeak.toml'}: the configuration is not valid "
                           "(key 'fail_on': 'loud' is not error, warning or suggestion) [E202] - "
                           "fix the setting named in the config file\n")


def test_github_format_annotates_lines(project: Path) -> None:
    done = plainspeak(project, "papers/budget.md", "--format", "github", "--fail-on", "never")
    first = done.stdout.splitlines()[0]
    assert first.startswith("::warning file=papers/budget.md,line=5,col=1,title=PS201 long-sentence::Long sentence")
    assert done.returncode == 0


@pytest.mark.slow
def test_the_trained_model_checks_a_folder(tmp_path: Path) -> None:
    paper = tmp_path / "report.md"
    paper.write_text(f"# Report\n\n{LONG}\n", encoding="utf-8")
    done = plainspeak(tmp_path, ".", "--isolated", "--no-cache", "--format", "json")
    report = json.loads(done.stdout)
    assert "PS201" in [f["code"] for f in report["papers"][0]["findings"]]
    assert done.returncode in (0, 1)


@pytest.mark.parametrize("timeout, got", [("0", "0.0"), ("-5", "-5.0"), ("1e12", "1000000000000.0"),
                                          ("nan", "nan"), ("inf", "inf"), ("1e400", "inf")])
def test_a_timeout_no_timer_can_keep_is_a_usage_error(project: Path, timeout: str, got: str) -> None:
    done = plainspeak(project, "--timeout", timeout, "papers/plain.txt")
    assert done.returncode == 2
    assert (f"Error: Invalid value for '--timeout': expected a number above 0 and at most 1,000,000 "
            f"(seconds), got {got}\n") in done.stderr
    assert "Traceback" not in done.stderr


def test_a_timeout_that_is_not_a_number_is_a_usage_error_and_one_in_range_is_kept(project: Path) -> None:
    done = plainspeak(project, "--timeout", "soon", "papers/plain.txt")
    assert done.returncode == 2 and "Error: Invalid value for '--timeout': 'soon' is not a number" in done.stderr
    kept = plainspeak(project, "--timeout", "1000000", "papers/plain.txt")
    assert (kept.returncode, kept.stderr) == (0, "")


def test_an_infinite_size_limit_is_a_config_error_not_a_paper_error(project: Path) -> None:
    config = project / "plainspeak.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[limits]\nmax_file_mb = inf\n", encoding="utf-8")
    done = plainspeak(project, "papers")
    assert done.stdout == ""
    assert done.stderr == (f"plainspeak: {config.resolve()}: the configuration is not valid (key "
                           "'limits.max_file_mb': expected a number above 0 and at most 1,048,576 (MB), got inf) "
                           "[E202] - fix the setting named in the config file\n")
    assert done.returncode == 2
