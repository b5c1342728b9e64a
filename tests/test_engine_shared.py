"""A long paper checked with a helper started before plainspeak's components are built.

The engine forks the helper as soon as the model and the paper are in, with
the model alone (and the sentence-start annotator); the glossary matcher,
readability and the other readers are built meanwhile and run here on the
helper's Docs. The findings must be the ones a single process gives.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from plainspeak.engine import check_path
from plainspeak.forking import can_fork
from plainspeak.nlp import parse, pipeline
from plainspeak.settings import Settings
from tests.helpers import record_forks

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not can_fork(), reason="a helper is forked only on Linux, with one thread")]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def findings(result) -> list[tuple]:
    return [(f.code, f.start, f.end, f.text, f.message) for f in result.findings]


def test_an_early_helper_gives_the_findings_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paper = tmp_path / "long.md"
    paper.write_text((EXAMPLES / "budget-report.md").read_text(encoding="utf-8") * 6, encoding="utf-8")
    assert len(paper.read_text(encoding="utf-8")) > parse.MIN_SHARED_CHARS
    forked_with: list[list[str]] = []
    real_init = parse.SharedParse.__init__

    def init(self: parse.SharedParse, nlp, texts) -> None:
        forked_with.append(list(nlp.pipe_names))
        real_init(self, nlp, texts)

    monkeypatch.setattr(parse.SharedParse, "__init__", init)
    settings = Settings()
    alone = check_path(str(paper), dataclasses.replace(settings, processes=1))
    assert forked_with == []
    pipeline._BUILT.clear()  # a fresh build, so the helper starts before the readers exist
    shared = check_path(str(paper), dataclasses.replace(settings, processes=2))
    assert alone.error is None and shared.error is None
    assert len(forked_with) == 1
    assert "plainspeak_sentence_starts" in forked_with[0]
    assert "plainspeak_glossary" not in forked_with[0] and "plainspeak_readability" not in forked_with[0]
    assert findings(shared) == findings(alone) and findings(alone)
    assert shared.summary == alone.summary
    assert shared.definitions == alone.definitions


def test_a_glossary_that_fails_while_the_helper_parses_stops_the_helper(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paper = tmp_path / "long.md"
    paper.write_text((EXAMPLES / "budget-report.md").read_text(encoding="utf-8") * 6, encoding="utf-8")
    broken = tmp_path / "ours.yaml"
    broken.write_text("glossary:\n  id: ours\nterms: [unclosed\n", encoding="utf-8")
    forked = record_forks(monkeypatch)
    pipeline._BUILT.clear()
    settings = dataclasses.replace(Settings(), processes=2, isolate=False, glossaries=[str(broken)])
    result = check_path(str(paper), settings)
    assert result.error is not None and "ours.yaml" in result.error.line()
    assert len(forked) == 1  # the helper had started before the glossary was read ...
    with pytest.raises(ChildProcessError):  # ... and was stopped and waited for
        os.waitpid(forked[0], os.WNOHANG)
