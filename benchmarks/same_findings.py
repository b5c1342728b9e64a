"""Batching and sharing leave findings unchanged.

Every example paper and any papers named are checked four ways: parsed in
batches of 128 and of 16 in one process, in the usual batches shared with a
helper forked once the pipeline is built (:mod:`plainspeak.nlp.parse`), and
as the command line checks a paper, with the helper forked before
plainspeak's readers are built and the readers run here on its Docs; the
findings and summaries must be the same.

    python benchmarks/same_findings.py [PAPER ...]
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plainspeak import engine  # noqa: E402
from plainspeak.loaders import load  # noqa: E402
from plainspeak.nlp import parse  # noqa: E402
from plainspeak.settings import Settings  # noqa: E402

WAYS = (("batches of 128", 128, 1, False), ("batches of 16", 16, 1, False),
        ("two processes", parse.PIPE_BATCH, 2, False), ("an early helper", parse.PIPE_BATCH, 2, True))


def fingerprint(path: Path, settings: Settings, glossaries: object, batch: int, processes: int,
                early: bool) -> str:
    parse.PIPE_BATCH = batch
    shared = parse.MIN_SHARED_CHARS
    parse.MIN_SHARED_CHARS = 0  # share even the short example papers
    try:
        if early:  # no glossaries given: the engine builds the readers anew, after the fork
            result = engine.check_path(str(path), replace(settings, processes=processes))
            if result.error is not None:
                raise SystemExit(f"{path}: {result.error}")
        else:
            result = engine.check_paper(load(path), replace(settings, processes=processes), glossaries)
    finally:
        parse.MIN_SHARED_CHARS = shared
    findings = json.dumps([finding.to_dict() for finding in result.findings])
    return findings + json.dumps(result.summary, sort_keys=True, default=str)


def main() -> None:
    settings = Settings(isolate=False)
    glossaries = engine.load_glossaries(settings)
    examples = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt", ".pdf", ".docx"))
    different = 0
    for path in examples + [Path(name) for name in sys.argv[1:]]:
        first, *others = (fingerprint(path, settings, glossaries, batch, processes, early)
                          for _, batch, processes, early in WAYS)
        odd = [name for (name, *_), other in zip(WAYS[1:], others) if other != first]
        different += bool(odd)
        print(f"{path}: {'DIFFERENT with ' + ', '.join(odd) if odd else 'same'}")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
