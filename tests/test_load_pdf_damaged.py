"""A damaged PDF is read where it can be, refused in one line where it cannot; the file is left as it was."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_pdf import Page, build_pdf  # noqa: E402

from plainspeak.errors import InputError  # noqa: E402
from plainspeak.loaders import load  # noqa: E402
from tests.helpers import run_plainspeak  # noqa: E402

TEXT = "The virement was agreed by the board."


def _page() -> Page:
    page = Page()
    page.lines(72, 700, [TEXT])
    return page


def looping_xref(tmp_path: Path) -> Path:
    """A good PDF with an update appended whose cross-reference section names itself as the one before."""
    data = build_pdf([_page()])
    root = re.search(rb"/Root (\d+ \d+ R)", data).group(1)
    size = re.search(rb"/Size (\d+)", data).group(1)
    at = str(len(data)).encode()
    update = (b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size " + size + b" /Root " + root
              + b" /Prev " + at + b" >>\nstartxref\n" + at + b"\n%%EOF\n")
    path = tmp_path / "looping.pdf"
    path.write_bytes(data + update)
    return path


def test_a_looping_cross_reference_is_read_all_the_same(tmp_path: Path) -> None:
    path = looping_xref(tmp_path)
    before = path.read_bytes()
    paper = load(path)
    assert [paper.text[b.start:b.end] for b in paper.blocks] == [TEXT]
    assert paper.pages == 1 and paper.blocks[0].place.page == 1
    assert path.read_bytes() == before  # the paper itself is never rewritten
    assert paper.sha256 == hashlib.sha256(before).hexdigest()  # and is known by its own bytes


def test_a_pdf_nothing_can_read_keeps_its_first_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.kind.code == "E107"


def test_the_command_reads_it_without_the_pdf_libraries_chatter(tmp_path: Path, blank_model: str) -> None:
    path = looping_xref(tmp_path)
    # A page with no MediaBox, which PDF libraries warn of, in the reader process the paper is read in.
    no_box = tmp_path / "no-box.pdf"
    no_box.write_bytes(re.sub(rb"/MediaBox \[[^\]]*\]", lambda m: b" " * len(m.group(0)),
                              build_pdf([_page()])))
    runs = [(["check", "--no-cache", "--format", "json"], path), (["annotate", "--format", "pdf"], path),
            (["check", "--no-cache", "--isolated", "--format", "json"], no_box)]
    for args, paper in runs:
        done = run_plainspeak(*args, "--model", blank_model, paper, timeout=120)
        assert done.returncode in (0, 1), done.stderr
        assert done.stderr == ""
    assert (tmp_path / "looping.plainspeak.pdf").exists()
