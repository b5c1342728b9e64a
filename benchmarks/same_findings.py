"""Batching and sharing leave findings unchanged.

Every example paper and any papers named are checked three ways: parsed in
batches of 128 and of 16 in one process, and in the usual batches shared
with a helper process (:mod:`plainspeak.nlp.parse`); the findings and
summaries must be the same.

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

WAYS = (("batches of 128", 128, 1), ("batches of 16", 16, 1), ("two processes", parse.PIPE_BATCH, 2))


def fingerprint(path: Path, settings: Settings, glossaries: object, batch: int, processes: int) -> str:
    parse.PIPE_BATCH = batch
    shared = parse.MIN_SHARED_CHARS
    parse.MIN_SHARED_CHARS = 0  # share even the short example papers
    try:
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
        first, *others = (fingerprint(path, settings, glossaries, batch, processes)
                          for _, batch, processes in WAYS)
        odd = [name for (name, _, _), other in zip(WAYS[1:], others) if other != first]
        different += bool(odd)
        print(f"{path}: {'DIFFERENT with ' + ', '.join(odd) if odd else 'same'}")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
