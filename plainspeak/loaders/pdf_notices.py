"""PS9xx notices about a PDF's text layer: pages without text, unmapped glyphs, scattered glyphs."""

from __future__ import annotations

from plainspeak.paper import Notice


def page_ranges(pages: list[int]) -> str:
    """``3`` / ``3-5, 9``: a short list of page numbers."""
    parts: list[str] = []
    start = prev = None
    for page in sorted(pages):
        if start is None:
            start = prev = page
        elif page == prev + 1:
            prev = page
        else:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
            start = prev = page
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}-{prev}")
    return ", ".join(parts)


def _pages_label(pages: list[int]) -> str:
    return f"page {pages[0]}" if len(pages) == 1 else f"pages {page_ranges(pages)}"


def no_text_notice(empty: list[bool], hidden: dict[int, int]) -> Notice | None:
    """PS901 for pages with no text layer (pages of only unmapped glyphs aside)."""
    pages = [number for number, blank in enumerate(empty, start=1) if blank and number not in hidden]
    if not pages:
        return None
    whole = len(pages) == len(empty)
    verb = "has" if len(pages) == 1 else "have"
    scope = "the paper has no text layer" if whole else f"{_pages_label(pages)} {verb} no text layer"
    return Notice(
        "PS901", "no-text-layer",
        f"{scope}: it is probably scanned and needs OCR before it can be checked",
        page=pages[0],
    )


def hidden_text_notice(hidden: dict[int, int]) -> Notice | None:
    """PS902 when glyphs came out as (cid:NN) with no Unicode meaning."""
    if not hidden:
        return None
    pages = sorted(hidden)
    count = sum(hidden.values())
    return Notice(
        "PS902", "unreadable-text",
        f"{count} characters on {_pages_label(pages)} use a font without a Unicode map, "
        "so their text cannot be read and was left out; export the PDF again with "
        "fonts embedded as text, or check the Word version",
        page=pages[0],
    )


def scattered_text_notice(scattered: dict[int, int]) -> Notice | None:
    """PS904 for pages left out as scattered glyphs (see :mod:`.pdf_scatter`).

    The message says why the page was left out and what to check.
    """
    if not scattered:
        return None
    pages = sorted(scattered)
    if len(pages) == 1:
        holds, it, was, drawing = "holds", "it", "it was", "it is a map or drawing"
    else:
        holds, it, was, drawing = "hold", "they", "they were", "they are maps or drawings"
    return Notice(
        "PS904", "scattered-text",
        f"{_pages_label(pages)} {holds} {sum(scattered.values()):,} characters scattered in no "
        f"readable order, so {was} left out; check whether {drawing}, and if {it} should be "
        "text, export the PDF again from the original document",
        page=pages[0],
    )
