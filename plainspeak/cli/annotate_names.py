"""The names of annotated copies: one paper's copy never takes another's name in a run.

A copy is ``NAME.plainspeak.EXT``, NAME being the paper's name without its
extension, beside the paper or in the --output folder. When papers of one run
would have copies of the same name in the same folder, each of them is told
apart (all of them, not only the later ones, so no name hangs on the order the
papers were given in):

- papers from different folders going into one --output folder each keep
  their folder, relative to the folder they share: ``a/report.md`` and
  ``b/report.md`` give ``OUT/a/report.plainspeak.html`` and
  ``OUT/b/report.plainspeak.html``;
- papers from one folder keep their extension: ``report.docx`` and
  ``report.pdf`` copied to HTML give ``report.docx.plainspeak.html`` and
  ``report.pdf.plainspeak.html``.

A paper with no such namesake in the run keeps the plain name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Iterator, Sequence


@dataclass(frozen=True)
class CopyName:
    """How one paper's copy is named: under which folder of --output, and whether the
    paper's extension stays in the name."""

    folder: PurePath = PurePath()
    keep_suffix: bool = False

    def file_name(self, paper: str, copy_suffix: str) -> PurePath:
        """``report.plainspeak.html``, ``report.docx.plainspeak.html`` or ``a/report.plainspeak.html``."""
        source = Path(paper)
        return self.folder / ((source.name if self.keep_suffix else source.stem) + copy_suffix)


def copy_names(papers: Sequence[str], output_format: str | None, into: Path | None) -> list[CopyName]:
    """How each paper's copy is named; ``into`` is the --output folder, None for beside each paper."""
    names = [CopyName() for _ in papers]
    for members in _clashes(papers, output_format, into, names):
        parents = [_folder(papers[index]) for index in members]
        if len(set(parents)) > 1:  # only possible with one --output folder for them all
            shared = os.path.commonpath(parents)
            for index, parent in zip(members, parents):
                names[index] = CopyName(folder=PurePath(os.path.relpath(parent, shared)))
    telling = True
    while telling:  # a name that keeps its extension may meet another paper's ("report.md.txt")
        telling = False
        for members in _clashes(papers, output_format, into, names):
            for index in members:
                if not names[index].keep_suffix:
                    names[index] = replace(names[index], keep_suffix=True)
                    telling = True
    return names


def _clashes(papers: Sequence[str], output_format: str | None, into: Path | None,
             names: list[CopyName]) -> Iterator[list[int]]:
    """Groups of papers (their indices) whose copies, as named now, could have one name."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, paper in enumerate(papers):
        folder = str(into.absolute()) if into is not None else _folder(paper)
        name = names[index].file_name(paper, "")
        groups.setdefault((os.path.join(folder, str(name.parent)), name.name.casefold()), []).append(index)
    for members in groups.values():
        suffixes = {index: _copy_suffix(papers[index], output_format) for index in members}
        clashing = [index for index in members
                    if any(_could_be_one(suffixes[index], suffixes[other])
                           and os.path.realpath(papers[index]) != os.path.realpath(papers[other])
                           for other in members if other != index)]
        if clashing:
            yield clashing


def _folder(paper: str) -> str:
    """The folder the paper was named in (a link to a paper is beside its link, not its target)."""
    return os.path.dirname(os.path.abspath(paper))


def _could_be_one(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first.casefold() == second.casefold()


def _copy_suffix(paper: str, output_format: str | None) -> str | None:
    """The copy's ``.plainspeak.EXT``, or None when only the paper's bytes will tell."""
    from plainspeak.loaders.sniff import EXTENSIONS
    from plainspeak.writers import FORMATS, default_format

    if output_format is not None:
        return FORMATS[output_format][1]
    # A known extension decides the format: a paper whose bytes say otherwise is refused.
    own = EXTENSIONS.get(Path(paper).suffix.lower())
    return FORMATS[default_format(own)][1] if own not in (None, "doc") else None
