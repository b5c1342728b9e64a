"""Decide a file's format from its bytes; the extension only has a say when it lies.

Magic bytes decide. A known extension that names a different format than the
bytes hold is refused with E111, because the user believes the file is
something it is not (a PDF saved as ``.docx`` usually means the wrong file was
picked). Files with an unknown or no extension are read by content.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from plainspeak.errors import E103, E104, E105, E107, E111, InputError
from plainspeak.loaders.decode import looks_like_text
from plainspeak.loaders.ole import ole_stream_names

PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# PDF readers accept junk before the header within the first kilobyte.
PDF_HEADER_WINDOW = 1024
# Damaged PDFs can lose their header but keep their object syntax; PDF readers
# often read them anyway, so they go to the PDF loader rather than being "text".
_PDF_SYNTAX = re.compile(rb"-?\d+\s+-?\d+\s+obj\b|\bstartxref\b|\btrailer\s*<<")
_SYNTAX_WINDOW = 65536

EXTENSIONS = {
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx",
    ".doc": "doc", ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
}
_LABELS = {
    "pdf": "a PDF", "docx": "a Word .docx file", "doc": "an old Word .doc file",
    "text": "a plain text file", "markdown": "a Markdown file",
}
WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def pdf_header_offset(data: bytes) -> int:
    """Where ``%PDF-`` starts within the first kilobyte, or -1."""
    return data.find(PDF_MAGIC, 0, PDF_HEADER_WINDOW)


def sniff(path: Path, data: bytes) -> str:
    """Return ``pdf``, ``docx``, ``text`` or ``markdown``, or raise InputError."""
    claimed = EXTENSIONS.get(path.suffix.lower())
    found = _binary_format(path, data)
    if found is None:
        if not looks_like_text(data):
            raise InputError(E103, str(path), "it holds binary data, not text")
        found = "markdown" if claimed == "markdown" else "text"
        if claimed in ("pdf", "docx", "doc"):
            _refuse_mismatch(path, claimed, found)
        return found
    if found == "doc":
        raise InputError(E104, str(path), "it is an OLE2 Word 97-2003 document")
    if claimed is not None and claimed != found and not (claimed == "doc" and found == "docx"):
        _refuse_mismatch(path, claimed, found)
    return found


def _refuse_mismatch(path: Path, claimed: str, found: str) -> None:
    raise InputError(
        E111, str(path),
        f"it is named {path.suffix} but holds {_LABELS[found]}",
    )


def _binary_format(path: Path, data: bytes) -> str | None:
    """The binary format the bytes announce, or None if they announce none."""
    if pdf_header_offset(data) >= 0 or _PDF_SYNTAX.search(data[:_SYNTAX_WINDOW]):
        return "pdf"
    if data.startswith(ZIP_MAGICS):
        return _zip_format(path, data)
    if data.startswith(OLE_MAGIC):
        return _ole_format(path, data)
    return None


def _zip_format(path: Path, data: bytes) -> str:
    """``docx`` when the zip's content types name a Word main part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names:
                _not_word(path, "a zip archive without Office content types")
            # Declared types are read as bytes and searched, not parsed, so
            # nothing here expands entities; the DOCX loader parses safely.
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > 1024 * 1024:
                raise InputError(E107, str(path), "its content types part is far too large")
            types = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise InputError(E107, str(path), f"the zip archive is broken: {error}") from None
    except NotImplementedError as error:
        raise InputError(E107, str(path), f"the zip archive uses {error}") from None
    except RuntimeError:  # zipfile's "File ... is encrypted, password required"
        raise InputError(E105, str(path), "its parts are encrypted") from None
    if any(kind.encode() in types for kind in WORD_MAIN_TYPES):
        return "docx"
    if b"spreadsheetml" in types or b"presentationml" in types:
        _not_word(path, "an Excel or PowerPoint file, not a Word document")
    _not_word(path, "a zip archive that is not a Word document")
    raise AssertionError  # unreachable: _not_word always raises


def _not_word(path: Path, detail: str) -> None:
    kind = E111 if EXTENSIONS.get(path.suffix.lower()) in ("docx", "doc") else E103
    raise InputError(kind, str(path), detail)


def _ole_format(path: Path, data: bytes) -> str:
    """Word 97-2003 and password-protected OOXML both live in OLE2 files."""
    names = ole_stream_names(data)
    if {"EncryptionInfo", "EncryptedPackage"} <= names:
        raise InputError(E105, str(path), "the document is encrypted with a password")
    if "WordDocument" in names:
        return "doc"
    raise InputError(E103, str(path), "an OLE2 compound file that is not a Word document")
