"""Keep the PDF library's own warnings about a damaged file off the terminal."""

from __future__ import annotations

import logging


def quiet_parsers() -> None:
    """Show only errors from pypdf, which the annotated PDF is written with.

    It logs each oddity it works round ("Object 1 0 found", "MediaBox
    missing"); plainspeak reports a paper it cannot read in one line of its
    own. Set by the command line, and in each reader process, which starts
    without the command's logging settings.
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)
