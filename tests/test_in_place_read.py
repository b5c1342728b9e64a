"""Which papers are read in place and which in a reader process with limits."""

from __future__ import annotations

from plainspeak.loaders import Limits
from plainspeak.loaders.isolate import IN_PLACE_MAX_BYTES, needs_isolation


def test_small_text_and_markdown_are_read_in_place(tmp_path):
    text, markdown = tmp_path / "a.txt", tmp_path / "b.md"
    text.write_text("The board noted the report.\n")
    markdown.write_text("# Budget\n\nThe board noted the report.\n")
    assert not needs_isolation(text, Limits())
    assert not needs_isolation(str(markdown), Limits())


def test_binary_big_missing_and_mislabelled_files_go_to_a_reader(tmp_path):
    pdf, big, binary = tmp_path / "a.pdf", tmp_path / "big.txt", tmp_path / "c.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    big.write_bytes(b"The board noted the report.\n" * (IN_PLACE_MAX_BYTES // 28 + 1))
    binary.write_bytes(bytes(range(256)) * 4)
    for path in (pdf, big, binary, tmp_path / "missing.txt", tmp_path):
        assert needs_isolation(path, Limits())


def test_the_loader_size_cap_still_sends_a_file_to_a_reader(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("The board noted the report.\n" * 100)
    assert needs_isolation(text, Limits(max_file_mb=0.001))
