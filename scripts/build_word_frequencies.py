"""Write ``plainspeak/data/word_frequencies.txt.gz``: English word frequencies from wordfreq.

plainspeak asks how common a word is in three places: to find rare words
(below Zipf 2.8) and rare-ish noun pairs (below 3.5), to choose the base
form of a participle, and to decide whether a word hyphenated across a PDF
line is written closed up. Importing wordfreq and unpacking its whole
English list costs a fifth of a second in every process, so plainspeak
ships the words of wordfreq's "en" list at Zipf ``CUTOFF`` or above, in
hundredths of a Zipf unit (the steps wordfreq stores and rounds to). Rarer
words read as unknown (0), well below every threshold above.

wordfreq's data is licensed CC BY-SA 4.0, so the table is too; its header
carries the attribution wordfreq's README asks for. Re-run after upgrading
wordfreq:

    python scripts/build_word_frequencies.py
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "plainspeak" / "data" / "word_frequencies.txt.gz"
CUTOFF = 150  # hundredths of a Zipf unit

NOTICE = """\
# English word frequencies derived from the data of wordfreq {version} by Robyn Speer
# (https://github.com/rspeer/wordfreq), written by scripts/build_word_frequencies.py.
# One line per frequency: the Zipf frequency in hundredths, then every word of wordfreq's
# "en" list with that frequency. Words rarer than Zipf {cutoff:.2f} are left out.
#
# wordfreq's data is licensed under the Creative Commons Attribution-ShareAlike 4.0
# licence (https://creativecommons.org/licenses/by-sa/4.0/), and so is this table.
# wordfreq's data draws on Google Books Ngrams (http://books.google.com/ngrams), the
# Leeds Internet Corpus (University of Leeds Centre for Translation Studies), Wikipedia,
# ParaCrawl, OPUS OpenSubtitles 2018 (from the OpenSubtitles project,
# http://www.opensubtitles.org/), the SUBTLEX word lists by Marc Brysbaert et al.
# (freely available at http://crr.ugent.be/programs-data/subtitle-frequencies),
# Twitter, Reddit and other sources listed in wordfreq's README.
"""


def frequencies() -> dict[int, list[str]]:
    """Every word at or above the cut-off, grouped by Zipf frequency in hundredths."""
    from wordfreq import get_frequency_dict, zipf_frequency

    grouped: dict[int, list[str]] = defaultdict(list)
    for word in sorted(get_frequency_dict("en")):
        hundredths = round(zipf_frequency(word, "en") * 100)
        if hundredths >= CUTOFF:
            if any(c.isspace() for c in word):
                raise ValueError(f"a word with a space cannot be stored: {word!r}")
            grouped[hundredths].append(word)
    return grouped


def main() -> None:
    from importlib.metadata import version

    lines = [NOTICE.format(version=version("wordfreq"), cutoff=CUTOFF / 100)]
    lines += [f"{value} {' '.join(words)}\n" for value, words in sorted(frequencies().items(), reverse=True)]
    # mtime=0 so the same data gives the same bytes
    with open(TARGET, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write("".join(lines).encode("utf-8"))
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
