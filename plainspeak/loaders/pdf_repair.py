"""A second try at a PDF whose structure pdfminer cannot follow.

Some damaged PDFs (a cross-reference table that loops or points nowhere,
pages kept where the format does not put them) stop pdfminer.six, while
pypdf, reading leniently, still finds every page. :func:`repaired` has pypdf
write those pages out as a new, well-formed file in memory, which pdfminer
then reads as usual, so the text keeps its positions. The paper's own bytes
are never changed; the copy exists only while the paper is read. pypdf's
warnings about the damage it works round are kept off the terminal by
:func:`plainspeak.loaders.quiet.quiet_parsers`.
"""

from __future__ import annotations

import io

from plainspeak.loaders.limits import Limits


def repaired(data: bytes, limits: Limits) -> bytes | None:
    """The pages of ``data`` in a new PDF, or None if pypdf cannot read them either."""
    from pypdf import PdfReader, PdfWriter

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted or not 0 < len(reader.pages) <= limits.max_pages:
            return None
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        out = io.BytesIO()
        writer.write(out)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises anything on damaged input, RecursionError too
        return None  # a time limit, Ctrl-C and the like are BaseExceptions and go on up
    return out.getvalue()
