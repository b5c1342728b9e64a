"""Hostile and damaged papers, each built here byte by byte, and the good papers beside them.

Every builder returns the bytes of one file; :data:`CASES` names each case
with the file name it is written under and what a user must be told about it
(an E1xx code with exit 3, or a PS9xx finding). The CLI tests in
``test_robust_cli.py`` and ``test_robust_batch.py`` run these through the real
command; the tests in this file only check that each builder makes what it
says it makes, so a broken builder cannot pass for a robust loader.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import docx

from tests.fixtures.make_pdf import Page, build_pdf

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SECRET = "PLAINSPEAK-CANARY-7f3a9c"  # what an external entity would leak if it were read

GOOD_TEXT = (
    "The cabinet agreed the virement at its June meeting.\n\n"
    "Residents asked how the change would affect day centres in the north of the borough."
)


# --- Word -------------------------------------------------------------------


def word_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def good_docx() -> bytes:
    return word_bytes(GOOD_TEXT.split("\n\n"))


def repack(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """The package with parts replaced (or dropped, for None) or added; other parts copied."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in [*names, *(name for name in replace if name not in names)]:
            content = replace[name] if name in replace else source.read(name)
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def main_part(body: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


# What Word's "Strict Open XML Document" writes instead of each Transitional name,
# written out here rather than taken from the loader, so a slip in either shows.
_STRICT_NAMES = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "http://purl.oclc.org/ooxml/officeDocument/math",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes":
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
}


def to_strict(data: bytes) -> bytes:
    """A DOCX rewritten as Strict Open XML: every part's namespaces and relationship types
    in their Strict form, and the main part marked ``w:conformance="strict"`` as Word marks it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {}
    for name in source.namelist():
        content = source.read(name)
        if name.endswith((".xml", ".rels")):
            for transitional, strict in _STRICT_NAMES.items():
                content = content.replace(transitional.encode(), strict.encode())
        parts[name] = content
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:document ", b'<w:document w:conformance="strict" ', 1)
    return repack(data, parts)


def docx_strict() -> bytes:
    return to_strict(good_docx())


DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_TEMPLATE_TYPE = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
_MS_RELS = "http://schemas.microsoft.com/office/2006/relationships"
# The parts Word stores a macro project in, and the key and toolbar customisations that run it.
MACRO_PARTS = ("word/vbaProject.bin", "word/_rels/vbaProject.bin.rels", "word/vbaData.xml",
               "word/customizations.xml", "word/_rels/customizations.xml.rels", "word/attachedToolbars.bin")


def as_word_kind(data: bytes, main_type: str, *, macros: bool = False) -> bytes:
    """The DOCX with its main part declared as ``main_type`` (a .docm, .dotx or .dotm),
    carrying with ``macros`` a VBA project, its data and key customisations as Word stores them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml").replace(DOCUMENT_TYPE.encode(), main_type.encode())
    parts: dict[str, bytes | None] = {"[Content_Types].xml": types}
    if macros:
        wne = 'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"'
        parts["[Content_Types].xml"] = types.replace(
            b"</Types>",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            b'<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/>'
            b'<Override PartName="/word/customizations.xml"'
            b' ContentType="application/vnd.ms-word.keyMapCustomizations+xml"/>'
            b'<Override PartName="/word/attachedToolbars.bin" ContentType="application/vnd.ms-word.attachedToolbars"/>'
            b"</Types>")
        parts["word/_rels/document.xml.rels"] = source.read("word/_rels/document.xml.rels").replace(
            b"</Relationships>", (
                f'<Relationship Id="rIdVba" Type="{_MS_RELS}/vbaProject" Target="vbaProject.bin"/>'
                f'<Relationship Id="rIdKeys" Type="{_MS_RELS}/keyMapCustomizations" Target="customizations.xml"/>'
                "</Relationships>").encode())
        parts["word/vbaProject.bin"] = ole_compound(["VBA", "PROJECT"])
        parts["word/_rels/vbaProject.bin.rels"] = _rels(f"{_MS_RELS}/wordVbaData", "vbaData.xml")
        parts["word/vbaData.xml"] = f"<wne:vbaSuppData {wne}/>".encode()
        parts["word/customizations.xml"] = (
            f'<wne:tcg {wne}><wne:keymaps><wne:keymap wne:kcmPrimary="0441">'
            '<wne:macro wne:macroName="PROJECT.NEWMACROS.AUTOOPEN"/></wne:keymap></wne:keymaps></wne:tcg>').encode()
        parts["word/_rels/customizations.xml.rels"] = _rels(f"{_MS_RELS}/attachedToolbars", "attachedToolbars.bin")
        parts["word/attachedToolbars.bin"] = b"\x00" * 64
    return repack(data, parts)


def _rels(kind: str, target: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{kind}" Target="{target}"/></Relationships>').encode()


def docx_truncated() -> bytes:
    data = good_docx()
    return data[: len(data) * 2 // 3]


def docx_without_text() -> bytes:
    return word_bytes([])


def docx_missing_main_part() -> bytes:
    return repack(good_docx(), {"word/document.xml": None})


def docx_malformed_xml() -> bytes:
    return repack(good_docx(), {"word/document.xml": main_part(para("Unclosed")).replace(b"</w:body>", b"")})


def docx_zip_bomb(inflated_mb: int = 300) -> bytes:
    """A DOCX of a few hundred KB whose main part inflates to ``inflated_mb`` MB of XML."""
    chunk = para("budget " * 1000).encode()
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(good_docx()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name in source.namelist():
            if name != "word/document.xml":
                target.writestr(name, source.read(name))
        with target.open("word/document.xml", "w", force_zip64=inflated_mb >= 4096) as part:
            part.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            for _ in range(inflated_mb * 1024 * 1024 // len(chunk)):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def docx_lying_sizes() -> bytes:
    """A zip whose headers claim a 2 KB main part that really inflates to 64 MB.

    Every copy of the true size (local header and central directory) is
    rewritten, so only inflating the part shows the lie.
    """
    data = docx_zip_bomb(64)
    real = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    return data.replace(struct.pack("<I", real), struct.pack("<I", 2048))


def docx_billion_laughs() -> bytes:
    levels = ['<!ENTITY l0 "ha ha ha ha ha ha ha ha ha ha">']
    levels += [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = f"<!DOCTYPE w:document [{''.join(levels)}]>"
    return repack(good_docx(), {"word/document.xml": main_part(para("&l9;"), doctype)})


def xxe_doctype(root: str, secret_path: Path) -> str:
    return f'<!DOCTYPE {root} [<!ENTITY leak SYSTEM "file://{secret_path}">]>'


def docx_external_entity(secret_path: Path) -> bytes:
    doctype = xxe_doctype("w:document", secret_path)
    return repack(good_docx(), {"word/document.xml": main_part(para("Figures: &leak; end."), doctype)})


def docx_external_entity_in_side_part(secret_path: Path) -> bytes:
    """The entity sits in the core properties (title), which a loader may read for the title."""
    core = (f'<?xml version="1.0"?>{xxe_doctype("cp:coreProperties", secret_path)}'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&leak;</dc:title></cp:coreProperties>')
    return repack(good_docx(), {"docProps/core.xml": core.encode()})


def docx_deep_tables(depth: int = 400) -> bytes:
    cell = para("Inner figure")
    for _ in range(depth):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>"
    return repack(good_docx(), {"word/document.xml": main_part(para("Before the table.") + cell)})


def ole_compound(stream_names: list[str]) -> bytes:
    """An OLE2 compound file (what Word 97 and encrypted Office files are) listing streams."""
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)
    struct.pack_into("<III", header, 0x38, 4096, 0xFFFFFFFE, 0)
    struct.pack_into("<II", header, 0x44, 0xFFFFFFFE, 0)
    struct.pack_into("<I", header, 0x4C, 0)
    header[0x50:512] = b"\xff" * (512 - 0x50)
    fat = struct.pack("<II", 0xFFFFFFFD, 0xFFFFFFFE) + b"\xff" * 504
    entries = bytearray(512)
    for index, name in enumerate(["Root Entry", *stream_names][:4]):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        base = index * 128
        entries[base : base + len(encoded)] = encoded
        struct.pack_into("<HBB", entries, base + 0x40, len(encoded), 5 if index == 0 else 2, 1)
        struct.pack_into("<III", entries, base + 0x44, 0xFFFFFFFF, 0xFFFFFFFF,
                         1 if index == 0 and len(stream_names) else 0xFFFFFFFF)
    return bytes(header) + fat + bytes(entries)


# --- PDF --------------------------------------------------------------------


def text_page(lines: list[str]) -> Page:
    page = Page()
    page.lines(72, 760, lines)
    return page


def good_pdf(pages: int = 1) -> bytes:
    return build_pdf([text_page([f"Page {n}: the cabinet agreed the virement.", "Residents asked questions."])
                      for n in range(1, pages + 1)])


def docx_zipcrypto() -> bytes:
    """A good DOCX whose zip entries carry the "encrypted" flag (ZipCrypto), as a
    password-protected zip tool writes them."""
    data = bytearray(good_docx())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            data[at + flag_at] |= 0x01
            at = data.find(signature, at + 4)
    return bytes(data)


def pdf_text_almost_too_small() -> bytes:
    """Every line drawn at a hundredth of a point: a hidden text layer, say."""
    page = Page()
    page.lines(72, 760, ["The cabinet agreed the virement.", "Residents asked questions."], size=0.01, leading=1)
    return build_pdf([page])


def pdf_truncated() -> bytes:
    data = build_pdf([text_page(["A paper cut short in the post."])], compress=False)
    return data[: len(data) // 2]


def pdf_bad_xref() -> bytes:
    """Every offset in the cross-reference table points at the wrong place."""
    data = good_pdf(2)
    head, _, tail = data.partition(b"xref\n")
    rows = tail.split(b"\n")
    fixed = [b"%010d 00000 n " % (int(r[:10]) + 7) if r.endswith(b" n ") else r for r in rows]
    return head + b"xref\n" + b"\n".join(fixed)


def pdf_absurd_page_count(references: int = 50_000) -> bytes:
    """A page tree that claims a billion pages and lists one page tens of thousands of times."""
    data = good_pdf(1)
    start = data.index(b"/Type /Pages /Kids [")
    end = data.index(b"]", start)
    kid = data[start + len(b"/Type /Pages /Kids ["):end]
    tree = b"/Type /Pages /Kids [" + b" ".join([kid] * references) + b"] /Count 999999999"
    count_end = data.index(b">>", end)
    body = data[:start] + tree + data[count_end:]
    return _without_xref(body)


def _without_xref(data: bytes) -> bytes:
    """Drop the cross-reference table so a reader must rebuild it by scanning."""
    at = data.rindex(b"xref\n")
    return data[:at] + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_no_text_layer() -> bytes:
    page = Page()
    page.image(0, 0, 595, 842)
    return build_pdf([page, Page()])


def pdf_cid_only() -> bytes:
    page = Page()
    page.hidden_text(72, 700, list(range(40, 80)))
    page.hidden_text(72, 680, list(range(90, 130)))
    return build_pdf([page])


def pdf_tiny_glyphs(count: int = 30_000) -> bytes:
    page = text_page(["A map of the wards follows."])
    page.scatter(count)
    return build_pdf([page])


def pdf_content_bomb(ops: int = 2_000_000) -> bytes:
    """One page whose 150 KB content stream inflates to 60 MB of text operations."""
    page = text_page(["The page below is drawn letter by letter."])
    page.ops.extend([b"BT /F1 1 Tf 10 10 Td (x) Tj ET"] * ops)
    return build_pdf([page])


def pdf_encrypted() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(good_pdf()))
    writer.encrypt(user_password="council", owner_password="clerk", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- Text -------------------------------------------------------------------


def text_windows_1252() -> bytes:
    return ("The \u201cbetter care fund\u201d rose by \u00a34m \u2013 a 5\u00bd% rise. "
            "The caf\u00e9 in the day centre stays open.\n").encode("cp1252")


def text_rtl_and_emoji() -> bytes:
    return ("Notes in Arabic: \u0645\u062c\u0644\u0633 \u0627\u0644\u0645\u062f\u064a\u0646\u0629 "
            "and Hebrew: \u05d5\u05e2\u05d3\u05d4.\n\n"
            "Residents liked the new bus route \U0001F68C\U0001F44D and the park \U0001F333.\n\n"
            "\u202eThis line starts with a right-to-left override.\u202c\n").encode("utf-8")


def markdown_deep_nesting(depth: int = 5000) -> bytes:
    return (">" * depth + " Deep quote.\n\n" + "".join("  " * i + "- item\n" for i in range(300))).encode()


def random_bytes(seed: int, size: int = 8192) -> bytes:
    return random.Random(seed).randbytes(size)


def write_huge_text(path: Path, megabytes: int = 100) -> None:
    """A text file of ``megabytes`` MB of ordinary sentences, written in pieces."""
    line = b"The board noted the report and agreed the recommendations.\n"
    block = line * (1024 * 1024 // len(line) + 1)
    with path.open("wb") as handle:
        for _ in range(megabytes):
            handle.write(block[: 1024 * 1024])


# --- The cases --------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One hostile file: its name, how to build it, and what the user must be told.

    ``codes`` are the acceptable E1xx codes for an unreadable file (exit 3);
    ``notices`` the PS9xx findings a readable-but-flawed file must get.
    ``codes`` and ``notices`` both empty means the file must simply be checked.
    ``may_read`` accepts either a clear error in ``codes`` or a checked paper,
    for damage a reader may or may not repair (a broken cross-reference table).
    """

    name: str
    build: Callable[[Path], bytes | None]
    codes: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    may_read: bool = False  # a reader that recovers the text is as good as a clear error

    @property
    def unreadable(self) -> bool:
        return bool(self.codes) and not self.may_read


def _const(make: Callable[[], bytes]) -> Callable[[Path], bytes]:
    return lambda folder: make()


def _secret(folder: Path) -> Path:
    secret = folder.parent / "secret-outside.txt"
    secret.write_text(f"{SECRET}\n")
    return secret


CASES: tuple[Case, ...] = (
    Case("zero.docx", _const(lambda: b""), ("E102",)),
    Case("zero.pdf", _const(lambda: b""), ("E102",)),
    Case("cut.docx", _const(docx_truncated), ("E107",)),
    Case("cut.pdf", _const(pdf_truncated), ("E107", "E113"), may_read=True),
    Case("no-text.docx", _const(docx_without_text), ("E113",)),
    Case("noise.docx", _const(lambda: random_bytes(1)), ("E103",)),
    Case("noise.pdf", _const(lambda: random_bytes(2)), ("E103",)),
    Case("noise.txt", _const(lambda: random_bytes(3)), ("E103",)),
    Case("noise.md", _const(lambda: random_bytes(4)), ("E103",)),
    Case("word97.docx", _const(lambda: ole_compound(["WordDocument", "1Table"])), ("E104",)),
    Case("really-a-pdf.docx", _const(good_pdf), ("E111",)),
    Case("no-main.docx", _const(docx_missing_main_part), ("E107",)),
    Case("malformed.docx", _const(docx_malformed_xml), ("E107",)),
    Case("bomb.docx", _const(docx_zip_bomb), ("E108",)),
    Case("lying-sizes.docx", _const(docx_lying_sizes), ("E107", "E108")),
    Case("laughs.docx", _const(docx_billion_laughs), ("E107",)),
    Case("xxe.docx", lambda folder: docx_external_entity(_secret(folder)), ("E107",)),
    Case("locked.docx", _const(lambda: ole_compound(["EncryptionInfo", "EncryptedPackage"])), ("E105",)),
    Case("locked.pdf", _const(pdf_encrypted), ("E106",)),
    Case("zipcrypto.docx", _const(docx_zipcrypto), ("E105",)),
    Case("tiny-text.pdf", _const(pdf_text_almost_too_small), ("E113",), may_read=True),
    Case("bad-xref.pdf", _const(pdf_bad_xref), ("E107",), may_read=True),
    Case("billion-pages.pdf", _const(pdf_absurd_page_count), ("E108",), may_read=True),
    Case("scanned.pdf", _const(pdf_no_text_layer), notices=("PS901",)),
    Case("cid.pdf", _const(pdf_cid_only), notices=("PS902",)),
    Case("glyphs.pdf", _const(pdf_tiny_glyphs)),
    Case("deep-tables.docx", _const(docx_deep_tables), ("E107",)),
    Case("deep.md", _const(markdown_deep_nesting), ("E107",)),
    Case("huge.txt", lambda folder: write_huge_text(folder / "huge.txt"), ("E108",)),
    Case("cp1252.txt", _const(text_windows_1252)),
    Case("strict.docx", _const(docx_strict)),
    Case("rtl-emoji.txt", _const(text_rtl_and_emoji)),
)
CASE_BY_NAME = {case.name: case for case in CASES}


def write_case(case: Case, folder: Path) -> Path:
    """Write one case into ``folder`` and return its path."""
    path = folder / case.name
    data = case.build(folder)
    if data is not None:
        path.write_bytes(data)
    return path


def write_good(folder: Path) -> Path:
    path = folder / "good-paper.docx"
    path.write_bytes(good_docx())
    return path


# --- The builders make what they say ----------------------------------------


def test_zip_bomb_is_small_and_inflates_far(tmp_path):
    data = docx_zip_bomb()
    inflated = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    assert len(data) < 2 * 1024 * 1024
    assert inflated > 299 * 1024 * 1024


def test_lying_zip_claims_a_small_part():
    info = zipfile.ZipFile(io.BytesIO(docx_lying_sizes())).getinfo("word/document.xml")
    assert info.file_size == 2048
    assert info.compress_size > 2048


def test_absurd_page_tree_lists_the_page_many_times():
    data = pdf_absurd_page_count(1000)
    assert data.count(b" 0 R") > 1000
    assert b"/Count 999999999" in data


def test_bad_xref_offsets_are_wrong():
    data = pdf_bad_xref()
    first = data.split(b"xref\n", 1)[1].split(b"\n")[2]
    offset = int(first[:10])
    assert not data[offset:].startswith(b"1 0 obj")


def test_windows_1252_bytes_are_not_utf8():
    data = text_windows_1252()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # pragma: no cover - the builder is wrong
        raise AssertionError("the Windows-1252 sample decodes as UTF-8")


def test_ole_compound_starts_with_the_signature():
    assert ole_compound(["WordDocument"]).startswith(bytes.fromhex("d0cf11e0a1b11ae1"))
    assert zlib.crc32(ole_compound(["A"])) != zlib.crc32(ole_compound(["B"]))


def test_the_strict_docx_uses_no_transitional_wordprocessingml_name():
    package = zipfile.ZipFile(io.BytesIO(docx_strict()))
    main = package.read("word/document.xml")
    assert W_NS.encode() not in main and b"http://purl.oclc.org/ooxml/wordprocessingml/main" in main
    assert b'w:conformance="strict"' in main
    assert b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in package.read("_rels/.rels")


def test_the_macro_enabled_builder_adds_a_vba_project_word_would_find():
    package = zipfile.ZipFile(io.BytesIO(as_word_kind(good_docx(), MACRO_TYPE, macros=True)))
    assert set(MACRO_PARTS) <= set(package.namelist())
    assert MACRO_TYPE.encode() in package.read("[Content_Types].xml")
    assert DOCUMENT_TYPE.encode() not in package.read("[Content_Types].xml")
    assert b"vbaProject.bin" in package.read("word/_rels/document.xml.rels")
