"""The Word and PDF writers run in a child process with the paper's time limit and a memory cap.

The hostile case is real: a PDF whose page the loader reads at once, while
the catalogue also points at an object packed in a compressed object stream
that inflates to 70 MB. pdfminer never opens it; pypdf's copy does.
"""

from __future__ import annotations

import os
import signal
import struct
import time
import zlib
from pathlib import Path

import pytest

from plainspeak.engine import check_paper
from plainspeak.errors import InputError
from plainspeak.glossary.model import GlossarySet
from plainspeak.loaders import load
from plainspeak.loaders.limits import Limits
from plainspeak.nlp.pipeline import build_pipeline
from plainspeak.settings import Settings
from plainspeak.writers import isolate
from plainspeak.writers.isolate import write_isolated
from tests.test_robust_files import good_docx, good_pdf

PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (The cabinet agreed the virement at its meeting.) Tj ET"


def pdf_with_swelling_object_stream(inflated_mb: int) -> bytes:
    """One page of text; the catalogue's /Extra is object 7, in a stream that inflates to ``inflated_mb``."""
    header = b"7 0\n"
    body = header + b"<< /Kind /Note >>" + b" " * (inflated_mb * 1024 * 1024)
    packed = zlib.compress(zlib.compress(body, 9), 9)  # twice: a few kilobytes on disk
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Extra 7 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PAGE_TEXT), PAGE_TEXT),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        6: b"<< /Type /ObjStm /N 1 /First %d /Filter [/FlateDecode /FlateDecode] /Length %d >>\n"
           b"stream\n%s\nendstream" % (len(header), len(packed), packed),
    }
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body_bytes in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body_bytes)
    offsets[8] = len(out)
    rows = b"\x00" + struct.pack(">IH", 0, 65535)
    rows += b"".join(b"\x01" + struct.pack(">IH", offsets[n], 0) for n in range(1, 7))
    rows += b"\x02" + struct.pack(">IH", 6, 0)  # object 7: the first in object stream 6
    rows += b"\x01" + struct.pack(">IH", offsets[8], 0)
    out += (b"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\n"
            b"endobj\nstartxref\n%d\n%%%%EOF\n" % (len(rows), rows, offsets[8]))
    return bytes(out)


@pytest.fixture(scope="module")
def checked(blank_model, tmp_path_factory):
    """Load and check a paper; return it with its result, ready for a writer."""
    settings = Settings(model=blank_model, isolate=False, use_shipped_glossaries=False)
    nlp = build_pipeline(settings, GlossarySet())
    folder = tmp_path_factory.mktemp("papers")

    def made(name: str, data: bytes):
        path = folder / name
        path.write_bytes(data)
        paper = load(str(path))
        return data, paper, check_paper(paper, settings, GlossarySet(), nlp)

    return made


def test_a_small_pdf_that_swells_only_in_the_writer_is_e110(checked):
    data, paper, result = checked("swells.pdf", pdf_with_swelling_object_stream(70))
    assert len(data) < 10_000
    assert "cabinet agreed the virement" in paper.text  # the loader read it, never touching /Extra
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        write_isolated("pdf", data, paper, result, GlossarySet(), limits=Limits(memory_mb=40), seconds=30)
    assert caught.value.kind.code == "E110"
    assert "40 MB" in caught.value.line() and "swells.pdf" in caught.value.line()
    assert time.monotonic() - started < 20


def test_the_same_pdf_under_a_cap_it_fits_is_written_as_in_this_process(checked):
    from plainspeak.writers import pdf

    data, paper, result = checked("swells-a-little.pdf", pdf_with_swelling_object_stream(2))
    made = write_isolated("pdf", data, paper, result, GlossarySet(), limits=Limits(memory_mb=400), seconds=30,
                          appendix=True)
    here = pdf.write(data, paper, result, GlossarySet(), appendix=True)
    assert made.data.startswith(b"%PDF-") and len(made.data) == len(here.data)
    assert (made.placed, len(made.unplaced)) == (here.placed, len(here.unplaced))


@pytest.mark.parametrize("fmt, name, data", [("pdf", "good.pdf", good_pdf()), ("docx", "good.docx", good_docx())])
def test_copies_come_back_from_a_fork_server_child_too(checked, monkeypatch, fmt, name, data):
    """Where this process may not fork (the web page's threads), the child is sent the paper instead."""
    source, paper, result = checked(name, data)
    from plainspeak.writers import get_writer

    here = get_writer(fmt).write(source, paper, result, GlossarySet())
    monkeypatch.setattr(isolate, "can_fork", lambda: False)
    made = write_isolated(fmt, source, paper, result, GlossarySet(), limits=Limits(), seconds=60)
    assert made.data[:4] == (b"%PDF" if fmt == "pdf" else b"PK\x03\x04")
    assert made.placed >= 1 and (made.placed, made.remarks) == (here.placed, here.remarks)


def test_where_the_address_space_cannot_be_read_a_forked_child_is_not_capped_below_its_start(checked, monkeypatch):
    source, paper, result = checked("good.pdf", good_pdf())
    monkeypatch.setattr(isolate, "address_space", lambda: 0)  # no /proc: a cap of memory_mb alone would kill it
    made = write_isolated("pdf", source, paper, result, GlossarySet(), limits=Limits(memory_mb=40), seconds=60)
    assert made.data.startswith(b"%PDF-") and made.placed >= 1


def _sleeps(*_args, **_kwargs):
    time.sleep(60)


def _crashes(*_args, **_kwargs):
    import faulthandler

    faulthandler.disable()  # pytest's, inherited: the crash is meant
    os.kill(os.getpid(), signal.SIGSEGV)


def _fails(*_args, **_kwargs):
    raise KeyError("/Annots")


@pytest.mark.parametrize("writer, code, words", [
    (_sleeps, "E115", "longer than 1 s"),
    (_crashes, "E119", "the writer crashed"),
    (_fails, "E119", "pypdf could not follow its structure (KeyError)"),
])
def test_a_writer_that_hangs_crashes_or_fails_is_one_clear_error(checked, monkeypatch, writer, code, words):
    from plainspeak.writers import pdf

    data, paper, result = checked("good.pdf", good_pdf())
    monkeypatch.setattr(pdf, "write", writer)  # the forked child inherits it
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        write_isolated("pdf", data, paper, result, GlossarySet(), limits=Limits(timeout_s=1), seconds=1)
    assert caught.value.kind.code == code and words in caught.value.line()
    assert time.monotonic() - started < 10


def test_annotate_reports_the_writers_limit_and_leaves_the_paper_alone(blank_model, tmp_path):
    from tests.test_robust_cli import run_cli

    path = tmp_path / "swells.pdf"
    data = pdf_with_swelling_object_stream(70)
    path.write_bytes(data)
    (tmp_path / "plainspeak.toml").write_text("[limits]\nmemory_mb = 80\n", encoding="utf-8")
    run = run_cli("annotate", "--model", blank_model, "--config", str(tmp_path / "plainspeak.toml"), path.name,
                  cwd=tmp_path)
    assert run.code == 3, run.output
    assert "swells.pdf" in run.stderr and "[E110]" in run.stderr and "Traceback" not in run.output
    assert path.read_bytes() == data
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["plainspeak.toml", "swells.pdf"]


def pdf_with_a_page_tree_loop() -> bytes:
    """One page of text whose page tree also lists itself: PDFium reads the page, pypdf refuses the loop."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PAGE_TEXT), PAGE_TEXT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_the_loader_reads_but_pypdf_cannot_copy_is_e119_and_html_still_works(blank_model, tmp_path):
    from tests.test_robust_cli import run_cli

    path = tmp_path / "loop.pdf"
    data = pdf_with_a_page_tree_loop()
    path.write_bytes(data)
    run = run_cli("annotate", "--model", blank_model, path.name, cwd=tmp_path)
    assert run.code == 3 and run.stdout == ""
    assert run.stderr == ("plainspeak: loop.pdf: the paper could be checked, but its annotated copy could not be "
                          "made (pypdf could not rebuild it: Detected cyclic page references.) [E119] - export the "
                          "paper again from the program that made it, or make a reader's copy with --format html\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop.pdf"]
    # The advice holds: the reader's copy needs only what the loader read.
    html = run_cli("annotate", "--model", blank_model, "--format", "html", path.name, cwd=tmp_path)
    assert html.code == 0, html.stderr
    assert "The cabinet agreed the " in (tmp_path / "loop.plainspeak.html").read_text(encoding="utf-8")
    assert path.read_bytes() == data
