"""Every kind of bad input gets one clear InputError with the right code."""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from plainspeak.errors import InputError
from plainspeak.loaders import Limits, load, load_isolated


def code_of(path: Path, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        load(path, **kwargs)
    assert "Traceback" not in caught.value.line()
    return caught.value.kind.code


def small_docx(text: str = "Hello") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rewrite_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == name else source.read(item.filename))
    return out.getvalue()


def ole_file(names: list[str]) -> bytes:
    """A minimal OLE2 compound file whose directory lists ``names``."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 0x1E, 9)
    struct.pack_into("<I", header, 0x2C, 1)  # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)  # directory in sector 1
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    directory = bytearray(512)
    for index, name in enumerate(["Root Entry", *names][:4]):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[index * 128 : index * 128 + len(raw)] = raw
        struct.pack_into("<HB", directory, index * 128 + 0x40, len(raw), 5 if index == 0 else 2)
    return bytes(header) + fat + bytes(directory)


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.txt", b"", "E102"),
    ("blank.txt", b"  \n\t\n\n   ", "E113"),
    ("paper.doc", ole_file(["WordDocument", "1Table"]), "E104"),
    ("locked.docx", ole_file(["EncryptionInfo", "EncryptedPackage"]), "E105"),
    ("other.docx", ole_file(["Workbook"]), "E103"),
    ("notes.pdf", b"Just a plain text note, named as a PDF.\n", "E111"),
    ("page.html", b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 50, "E103"),
])
def test_inputs_that_are_refused(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    assert code_of(path) == code


def test_missing_file_and_folder(tmp_path):
    assert code_of(tmp_path / "absent.docx") == "E101"
    assert code_of(tmp_path) == "E112"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".pdf", ".docx", ".doc", ""])
def test_random_bytes_with_any_extension(tmp_path, suffix):
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(random.Random(5).randbytes(4096))
    assert code_of(path) == "E103"


def test_zip_that_is_not_a_docx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    (tmp_path / "a.zip").write_bytes(buffer.getvalue())
    (tmp_path / "a.docx").write_bytes(buffer.getvalue())
    assert code_of(tmp_path / "a.zip") == "E103"
    assert code_of(tmp_path / "a.docx") == "E111"


def test_truncated_docx(tmp_path):
    data = small_docx()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert code_of(path) == "E107"


def test_malformed_xml_and_missing_main_part(tmp_path):
    data = small_docx()
    (tmp_path / "bad.docx").write_bytes(rewrite_part(data, "word/document.xml", b"<w:document><w:body>"))
    assert code_of(tmp_path / "bad.docx") == "E107"
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item.filename, source.read(item.filename))
    (tmp_path / "nomain.docx").write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as caught:
        load(tmp_path / "nomain.docx")
    assert (caught.value.kind.code, caught.value.detail) == ("E107", "its main part word/document.xml is missing")


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    data = small_docx()
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item.filename, source.read(item.filename))
        out.writestr("word/media/filler.bin", b"\0" * (64 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1024 * 1024
    assert code_of(path) == "E108"
    assert code_of(path, limits=Limits(max_inflated_mb=10)) == "E108"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [
 <!ENTITY a "laugh laugh laugh laugh laugh laugh laugh laugh laugh laugh">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&g;</w:t></w:r></w:p></w:body></w:document>"""


def test_billion_laughs_never_expands(tmp_path):
    path = tmp_path / "laughs.docx"
    path.write_bytes(rewrite_part(small_docx(), "word/document.xml", BILLION_LAUGHS))
    assert code_of(path) == "E107"


def test_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    path = tmp_path / "xxe.docx"
    path.write_bytes(rewrite_part(small_docx(), "word/document.xml", xxe))
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.kind.code == "E107"
    assert "TOP-SECRET" not in caught.value.line()
    styles = path.with_name("xxe-styles.docx")
    styles.write_bytes(rewrite_part(small_docx(), "word/styles.xml", xxe.replace(b"w:document", b"w:styles")))
    with pytest.raises(InputError) as caught:
        load(styles)
    assert "TOP-SECRET" not in caught.value.line()


def test_loading_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "paper.docx"
    path.write_bytes(small_docx("Unchanged"))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    stat = path.stat()
    paper = load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before == paper.sha256
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_too_large_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "big.bin"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no time spent writing
    assert code_of(path, limits=Limits(max_file_mb=50)) == "E108"


def test_text_beyond_the_text_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"council " * (4 * 1024 * 1024))  # 32 MB
    assert code_of(path) == "E108"
    assert code_of(path, limits=Limits(max_text_mb=1)) == "E108"


@pytest.mark.slow
def test_hundred_megabyte_text_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        for _ in range(100):
            handle.write(b"The board noted the report.\n" * 37450)
    assert code_of(path) == "E108"


def test_isolated_load_returns_the_same_paper(tmp_path):
    path = tmp_path / "paper.docx"
    path.write_bytes(small_docx("Isolated"))
    paper = load_isolated(path)
    assert [b.text for b in paper.blocks] == ["Isolated"]
    assert paper == load(path)


def test_isolated_load_passes_errors_and_limits(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        load_isolated(path)
    assert caught.value.kind.code == "E102"
    path.write_text("text " * 1000)
    with pytest.raises(InputError) as caught:
        load_isolated(path, Limits(timeout_s=0.001))
    assert caught.value.kind.code == "E109"


def shared_folder() -> Path | None:
    for candidate in (os.environ.get("PLAINSPEAK_SHARED"), Path(__file__).parents[2] / "shared"):
        if candidate and (Path(candidate) / "data" / "badfiles-public").is_dir():
            return Path(candidate) / "data" / "badfiles-public"
    return None


BADFILES = shared_folder()
BADFILE_PATHS = [
    BADFILES / line.split("\t", 1)[0]
    for line in (BADFILES / "MANIFEST.tsv").read_text().splitlines()[1:] if line.strip()
] if BADFILES else []


@pytest.mark.skipif(BADFILES is None, reason="the shared bad-files folder is not present")
@pytest.mark.parametrize("path", BADFILE_PATHS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_bad_file_gets_a_clear_answer(path):
    try:
        paper = load(path)
    except InputError as error:
        assert error.kind.code.startswith("E1")
        assert "\n" not in error.line()
    else:
        assert paper.format in ("pdf", "docx")
        assert paper.blocks or paper.notices


@pytest.mark.parametrize("suffix", [".docm", ".dotx", ".dotm"])
def test_macro_enabled_papers_and_templates_are_read_as_word(tmp_path, suffix):
    from tests.test_robust_files import (
        GOOD_TEXT, MACRO_TEMPLATE_TYPE, MACRO_TYPE, TEMPLATE_TYPE, as_word_kind, good_docx,
    )

    main_type, macros = {".docm": (MACRO_TYPE, True), ".dotx": (TEMPLATE_TYPE, False),
                         ".dotm": (MACRO_TEMPLATE_TYPE, True)}[suffix]
    path = tmp_path / f"paper{suffix}"
    path.write_bytes(as_word_kind(good_docx(), main_type, macros=macros))
    paper = load(path)
    assert paper.format == "docx"
    assert [block.text for block in paper.blocks] == GOOD_TEXT.split("\n\n")
    # The extension still has its say when the bytes are not Word's.
    (tmp_path / f"really-a-note{suffix}").write_bytes(b"Just a plain text note.\n")
    assert code_of(tmp_path / f"really-a-note{suffix}") == "E111"
