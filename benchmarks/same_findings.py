"""Batching leaves findings unchanged: each paper parsed in batches of 128 and of 16.

Every example paper and any papers named are checked twice, with the engine's
``PIPE_BATCH`` at 128 and at 16, and the findings and summary compared.

    python benchmarks/same_findings.py [PAPER ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plainspeak import engine  # noqa: E402
from plainspeak.loaders import load  # noqa: E402
from plainspeak.settings import Settings  # noqa: E402

BATCHES = (128, 16)


def fingerprint(path: Path, settings: Settings, glossaries: object, batch: int) -> str:
    engine.PIPE_BATCH = batch
    result = engine.check_paper(load(path), settings, glossaries)
    findings = json.dumps([finding.to_dict() for finding in result.findings])
    return findings + json.dumps(result.summary, sort_keys=True, default=str)


def main() -> None:
    settings = Settings(isolate=False)
    glossaries = engine.load_glossaries(settings)
    examples = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt", ".pdf", ".docx"))
    different = 0
    for path in examples + [Path(name) for name in sys.argv[1:]]:
        first, second = (fingerprint(path, settings, glossaries, batch) for batch in BATCHES)
        different += first != second
        print(f"{path}: {'same' if first == second else 'DIFFERENT'}")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
