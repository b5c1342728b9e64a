"""Keep the PDF libraries' own warnings about a damaged file off the terminal."""

from __future__ import annotations

import logging


def quiet_parsers() -> None:
    """Show only errors from pypdf and pdfminer.six.

    They log each oddity they work round ("Object 1 0 found", "MediaBox
    missing"); plainspeak reports a paper it cannot read in one line of its
    own. Set by the command line, and in each reader process, which starts
    without the command's logging settings.
    """
    for name in ("pypdf", "pdfminer"):
        logging.getLogger(name).setLevel(logging.ERROR)
