"""``plainspeak annotate`` end to end: formats, where copies go, errors that let the rest go on."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from click.testing import Result
from pypdf import PdfReader

from tests.helpers import invoke

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples"


def _run(*args: str) -> Result:
    return invoke("annotate", "--isolated", *args)


def test_text_paper_gets_an_html_copy_beside_it(tmp_path, blank_model):
    paper = tmp_path / "update.md"
    paper.write_text("# Update\n\nThe virement was agreed.\n", encoding="utf-8")
    outcome = _run("--model", blank_model, str(paper))
    assert outcome.exit_code == 0, outcome.output
    copy = tmp_path / "update.plainspeak.html"
    assert copy.exists() and "<main>" in copy.read_text(encoding="utf-8")
    assert paper.read_text(encoding="utf-8") == "# Update\n\nThe virement was agreed.\n"


def test_docx_from_text_is_a_usage_error_and_bad_input_lets_the_rest_go_on(tmp_path, blank_model):
    good = tmp_path / "good.md"
    good.write_text("The virement was agreed.\n", encoding="utf-8")
    outcome = _run("--model", blank_model, "--format", "docx", str(good))
    assert outcome.exit_code == 2 and "[E403]" in outcome.output
    outcome = _run("--model", blank_model, "--format", "md", str(tmp_path / "missing.docx"), str(good),
                   "--output", str(tmp_path / "out"))
    assert outcome.exit_code == 3 and "[E101]" in outcome.output
    assert (tmp_path / "out" / "good.plainspeak.md").exists()


def test_output_over_the_paper_is_refused(tmp_path, blank_model):
    paper = tmp_path / "update.md"
    paper.write_text("The virement was agreed.\n", encoding="utf-8")
    outcome = _run("--model", blank_model, "--format", "md", "--output", str(paper), str(paper))
    assert outcome.exit_code == 2 and "[E402]" in outcome.output
    assert paper.read_text(encoding="utf-8") == "The virement was agreed.\n"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["budget-report.docx", "budget-report.pdf"])
def test_example_papers_in_their_own_format(tmp_path, name):
    copy = tmp_path / name
    copy.write_bytes((EXAMPLES / name).read_bytes())
    outcome = _run("--appendix", str(copy))
    assert outcome.exit_code == 0, outcome.output
    annotated = tmp_path / name.replace(".", ".plainspeak.")
    data = annotated.read_bytes()
    if name.endswith(".docx"):
        assert len(list(docx.Document(io.BytesIO(data)).comments)) > 10
    else:
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) > 4 and any(page.get("/Annots") for page in reader.pages[:4])


def test_a_paper_over_its_time_is_left_and_the_next_is_annotated(tmp_path, blank_model, monkeypatch):
    import time

    import plainspeak.engine

    real_check = plainspeak.engine.check_paper

    def slow_for_one(paper, *args, **kwargs):
        if paper.path.endswith("slow.md"):
            time.sleep(30)
        return real_check(paper, *args, **kwargs)

    monkeypatch.setattr(plainspeak.engine, "check_paper", slow_for_one)
    slow, good = tmp_path / "slow.md", tmp_path / "good.md"
    for paper in (slow, good):
        paper.write_text("The virement was agreed.\n", encoding="utf-8")
    started = time.monotonic()
    outcome = _run("--model", blank_model, "--format", "md", "--timeout", "0.5", str(slow), str(good))
    assert time.monotonic() - started < 20
    assert outcome.exit_code == 3 and "slow.md: checking the paper took too long" in outcome.output
    assert "[E115]" in outcome.output and "Traceback" not in outcome.output
    assert not (tmp_path / "slow.plainspeak.md").exists() and (tmp_path / "good.plainspeak.md").exists()


def test_findings_that_could_not_be_placed_are_named() -> None:
    from plainspeak.cli.annotate import _named
    from plainspeak.findings import Finding, Location, Severity

    def finding(code: str, term: str | None, paragraph: int) -> Finding:
        return Finding(code, "x", Severity.WARNING, "m", 0, 1, "t", Location(paragraph, section="Footnotes"), term=term)

    found = [finding("PS201", None, 125), finding("PS101", "outturn", 126)]
    assert _named(found) == "PS201 at paragraph 125, under 'Footnotes'; PS101 'outturn' at paragraph 126, under 'Footnotes'"
    assert _named(found * 3).endswith("and 3 more")


def test_output_through_a_link_writes_the_links_target_and_keeps_the_link(tmp_path, blank_model):
    paper = tmp_path / "update.md"
    paper.write_text("The virement was agreed.\n", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "summary.md"
    real.write_text("last week's summary\n", encoding="utf-8")
    link = tmp_path / "summary.md"
    link.symlink_to(real)
    outcome = _run("--model", blank_model, "--format", "md", "--output", str(link), str(paper))
    assert outcome.exit_code == 0, outcome.output
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "virement" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in shared.iterdir()) == ["summary.md"]  # no temporary file left


def test_a_link_planted_where_a_copy_would_go_is_refused_and_the_batch_goes_on(tmp_path, blank_model):
    """A copy's own name beside its paper is never written through a link: it could aim at any file."""
    precious = tmp_path / "elsewhere" / "settings.ini"
    precious.parent.mkdir()
    precious.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "update.md").write_text("The virement was agreed.\n", encoding="utf-8")
    (tmp_path / "update.plainspeak.html").symlink_to(precious)
    (tmp_path / "minutes.md").write_text("The precept was set.\n", encoding="utf-8")
    outcome = _run("--model", blank_model, str(tmp_path / "update.md"), str(tmp_path / "minutes.md"))
    assert outcome.exit_code == 2, outcome.output
    assert (f"plainspeak: {tmp_path / 'update.plainspeak.html'}: a symbolic link stands where plainspeak would "
            f"write, so nothing was written there (it links to {precious}) [E405]") in outcome.output
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert (tmp_path / "update.plainspeak.html").is_symlink()
    assert "precept" in (tmp_path / "minutes.plainspeak.html").read_text(encoding="utf-8")


def test_output_through_a_link_to_the_paper_is_refused(tmp_path, blank_model):
    paper = tmp_path / "update.md"
    paper.write_text("The virement was agreed.\n", encoding="utf-8")
    link = tmp_path / "copy.md"
    link.symlink_to(paper)
    outcome = _run("--model", blank_model, "--format", "md", "--output", str(link), str(paper))
    assert outcome.exit_code == 2 and "[E402]" in outcome.output
    assert f"it is a link to {paper}" in outcome.output and "Traceback" not in outcome.output
    assert paper.read_text(encoding="utf-8") == "The virement was agreed.\n" and link.is_symlink()


def test_namesakes_in_one_run_each_get_their_own_copy(tmp_path, blank_model):
    papers = {"a/report.md": "The virement was agreed.\n", "b/report.md": "The precept was set.\n",
              "a/report.txt": "The outturn was reported.\n"}
    for name, text in papers.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    outcome = _run("--model", blank_model, "--format", "md", "--output", str(out),
                   *(str(tmp_path / name) for name in papers))
    assert outcome.exit_code == 0, outcome.output
    copies = {path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
              for path in out.rglob("*") if path.is_file()}
    assert sorted(copies) == ["a/report.md.plainspeak.md", "a/report.txt.plainspeak.md", "b/report.plainspeak.md"]
    assert "virement" in copies["a/report.md.plainspeak.md"] and "precept" in copies["b/report.plainspeak.md"]
    assert "outturn" in copies["a/report.txt.plainspeak.md"]
    assert f"{out / 'b' / 'report.plainspeak.md'}: " in outcome.output


def test_a_paper_alone_keeps_the_plain_copy_name_beside_it(tmp_path, blank_model):
    for name, word in (("report.md", "virement"), ("report.txt", "precept")):
        (tmp_path / name).write_text(f"The {word} was agreed.\n", encoding="utf-8")
    outcome = _run("--model", blank_model, "--format", "md", str(tmp_path / "report.md"))
    assert outcome.exit_code == 0 and (tmp_path / "report.plainspeak.md").exists()
    outcome = _run("--model", blank_model, "--format", "md", str(tmp_path / "report.md"), str(tmp_path / "report.txt"))
    assert outcome.exit_code == 0, outcome.output
    assert "virement" in (tmp_path / "report.md.plainspeak.md").read_text(encoding="utf-8")
    assert "precept" in (tmp_path / "report.txt.plainspeak.md").read_text(encoding="utf-8")


def test_a_copy_another_paper_has_written_is_refused_and_the_run_goes_on(tmp_path, blank_model, monkeypatch):
    import plainspeak.cli.annotate as annotate_cli
    from plainspeak.cli.annotate_names import CopyName

    # Names that would clash, as papers whose format only their bytes tell could still get.
    monkeypatch.setattr(annotate_cli, "copy_names", lambda papers, *_: [CopyName() for _ in papers])
    for name, word in (("report.md", "virement"), ("report.txt", "precept"), ("other.md", "outturn")):
        (tmp_path / name).write_text(f"The {word} was agreed.\n", encoding="utf-8")
    outcome = _run("--model", blank_model, "--format", "md",
                   *(str(tmp_path / name) for name in ("report.md", "report.txt", "other.md")))
    assert outcome.exit_code == 2 and "[E404]" in outcome.output and "Traceback" not in outcome.output
    assert f"(the copy of {tmp_path / 'report.md'} is there)" in outcome.output
    assert "virement" in (tmp_path / "report.plainspeak.md").read_text(encoding="utf-8")
    assert (tmp_path / "other.plainspeak.md").exists()


def test_a_macro_enabled_paper_gets_an_ordinary_word_copy_and_its_line_says_so(tmp_path, blank_model):
    from tests.test_robust_files import DOCUMENT_TYPE, MACRO_PARTS, MACRO_TYPE, as_word_kind, good_docx

    paper = tmp_path / "report.docm"
    original = as_word_kind(good_docx(), MACRO_TYPE, macros=True)
    paper.write_bytes(original)
    outcome = _run("--model", blank_model, str(paper))
    assert outcome.exit_code == 0, outcome.output
    copy = tmp_path / "report.plainspeak.docx"
    assert outcome.output == f"{copy}: 1 note; an ordinary .docx, without the paper's macros\n"
    written = docx.Document(str(copy))
    assert written.part.content_type == DOCUMENT_TYPE and len(list(written.comments)) == 1
    assert not set(zipfile.ZipFile(copy).namelist()) & set(MACRO_PARTS)
    assert paper.read_bytes() == original


def test_a_strict_paper_is_one_line_for_a_word_copy_and_gets_a_readers_copy(tmp_path, blank_model):
    from tests.test_robust_files import docx_strict

    paper = tmp_path / "strict.docx"
    paper.write_bytes(docx_strict())
    outcome = _run("--model", blank_model, str(paper))
    assert outcome.exit_code == 3 and outcome.output.count("\n") == 1
    assert outcome.output.startswith(f"plainspeak: {paper}: the Word file is saved as Strict Open XML")
    assert "[E116] - save it as an ordinary Word document (.docx)" in outcome.output
    assert not (tmp_path / "strict.plainspeak.docx").exists()
    outcome = _run("--model", blank_model, "--format", "html", str(paper))
    assert outcome.exit_code == 0, outcome.output
    assert "virement" in (tmp_path / "strict.plainspeak.html").read_text(encoding="utf-8")


def _mail_targets(copy) -> set[str]:
    import re

    return {link.split("?")[0] for link in re.findall(r'href="(mailto:[^"]+)"', copy.read_text(encoding="utf-8"))}


def test_ask_email_gives_the_readers_copy_email_links_to_the_group(tmp_path, blank_model):
    paper = tmp_path / "update.md"
    paper.write_text("# Update\n\nThe virement was agreed.\n", encoding="utf-8")
    plain = _run("--model", blank_model, str(paper), "-o", str(tmp_path / "plain.html"))
    assert plain.exit_code == 0, plain.output
    assert _mail_targets(tmp_path / "plain.html") == set()
    asked = _run("--model", blank_model, "--ask-email", "ashdown-group@example.org", str(paper),
                 "-o", str(tmp_path / "asked.html"))
    assert asked.exit_code == 0, asked.output
    assert _mail_targets(tmp_path / "asked.html") == {"mailto:ashdown-group@example.org"}


def test_ask_email_from_the_config_and_the_option_wins(tmp_path, blank_model):
    (tmp_path / "plainspeak.toml").write_text('ask_email = "from-config@example.org"\n', encoding="utf-8")
    paper = tmp_path / "update.md"
    paper.write_text("# Update\n\nThe virement was agreed.\n", encoding="utf-8")
    configured = invoke("annotate", "--model", blank_model, str(paper), "-o", str(tmp_path / "a.html"))
    assert configured.exit_code == 0, configured.output
    assert _mail_targets(tmp_path / "a.html") == {"mailto:from-config@example.org"}
    chosen = invoke("annotate", "--model", blank_model, "--ask-email", "group@example.org", str(paper),
                    "-o", str(tmp_path / "b.html"))
    assert chosen.exit_code == 0, chosen.output
    assert _mail_targets(tmp_path / "b.html") == {"mailto:group@example.org"}


def test_ask_email_that_is_not_one_address_is_a_usage_error_and_nothing_is_written(tmp_path, blank_model):
    paper = tmp_path / "update.md"
    paper.write_text("The virement was agreed.\n", encoding="utf-8")
    outcome = _run("--model", blank_model, "--ask-email", "group@example.org\nBcc: all@example.org", str(paper))
    assert outcome.exit_code == 2 and "--ask-email" in outcome.output
    assert not (tmp_path / "update.plainspeak.html").exists()


def test_ask_email_leaves_a_word_copy_as_it_would_be(tmp_path, blank_model):
    source = docx.Document()
    source.add_paragraph("The virement was agreed by the board last month after a long talk.")
    paper = tmp_path / "update.docx"
    source.save(paper)
    outcome = _run("--model", blank_model, "--ask-email", "group@example.org", str(paper))
    assert outcome.exit_code == 0, outcome.output
    copy = tmp_path / "update.plainspeak.docx"
    with zipfile.ZipFile(copy) as package:
        assert not any(b"mailto:" in package.read(name) for name in package.namelist())


def test_the_writers_second_read_is_checked_like_the_first(tmp_path):
    # It was a bare read_bytes: a paper moved away mid-run stopped the batch with
    # "unexpected error", and one saved again had notes placed on bytes never checked.
    import hashlib
    import os

    from plainspeak.cli.annotate import _source
    from plainspeak.errors import InputError
    from plainspeak.loaders.limits import Limits

    paper = tmp_path / "paper.docx"
    paper.write_bytes(b"checked bytes")
    checked = hashlib.sha256(b"checked bytes").hexdigest()
    assert _source(str(paper), checked, Limits()) == b"checked bytes"
    paper.write_bytes(b"saved again")
    with pytest.raises(InputError) as changed:
        _source(str(paper), checked, Limits())
    assert changed.value.kind.code == "E118"
    paper.unlink()
    with pytest.raises(InputError) as gone:
        _source(str(paper), checked, Limits())
    assert gone.value.kind.code == "E101"
    if hasattr(os, "mkfifo"):
        os.mkfifo(paper)
        with pytest.raises(InputError) as pipe:
            _source(str(paper), checked, Limits())
        assert pipe.value.kind.code == "E112"
