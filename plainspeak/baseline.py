"""Baselines: report only findings that are new since a recorded run.

A baseline counts findings by paper (its path relative to the baseline
file) and :attr:`Finding.fingerprint` (rule, term and sentence, not place).
A paragraph moved to another page keeps its findings absorbed; an edited
sentence gets a new fingerprint and shows up. Counts matter: two identical
findings in the baseline absorb two findings in the new run, not three.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from plainspeak import __version__
from plainspeak.errors import E203, ConfigError
from plainspeak.result import PaperResult
from plainspeak.safe_text import decodable
from plainspeak.settings_files import read_settings_text, reason

BASELINE_SCHEMA_VERSION = "1.0"
Key = tuple[str, str]  # (paper relative to the baseline, fingerprint)


def paper_key(path: str, baseline_file: str | Path) -> str:
    """The paper's path relative to the baseline's folder, with ``/`` separators.

    Bytes of the name that are not UTF-8 are written ``\\xNN``, as the JSON
    report writes them, so the key can be stored and compared as it is read back.
    """
    from plainspeak.config import relative_to

    return decodable(relative_to(path, Path(baseline_file).resolve().parent))


def baseline_document(results: Sequence[PaperResult], baseline_file: str | Path) -> dict[str, Any]:
    """The baseline for ``results``: one entry per paper and fingerprint, with a count."""
    entries: dict[Key, dict[str, Any]] = {}
    for result in results:
        paper = paper_key(result.path, baseline_file)
        for finding in result.findings:
            entry = entries.setdefault((paper, finding.fingerprint), {
                "paper": paper, "fingerprint": finding.fingerprint, "code": finding.code,
                "text": finding.term or finding.text, "count": 0,
            })
            entry["count"] += 1
    return {
        "schema_version": BASELINE_SCHEMA_VERSION,
        "tool": {"name": "plainspeak", "version": __version__},
        "findings": [entries[key] for key in sorted(entries)],
    }


def write_baseline(results: Sequence[PaperResult], baseline_file: str | Path, *, protect: tuple[str, ...] = ()) -> int:
    """Write the baseline file atomically; return how many findings it holds."""
    from plainspeak.atomic import atomic_write

    document = baseline_document(results, baseline_file)
    atomic_write(baseline_file, json.dumps(document, ensure_ascii=False, indent=2) + "\n", protect=protect)
    return sum(entry["count"] for entry in document["findings"])


def read_baseline(baseline_file: str | Path) -> Counter[Key]:
    """How many findings of each (paper, fingerprint) the baseline absorbs."""
    where = str(baseline_file)
    try:
        data = json.loads(read_settings_text(baseline_file))
    except FileNotFoundError:
        raise ConfigError(E203, where, "no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as error:  # ValueError: a 5,000-digit number
        raise ConfigError(E203, where, f"not a baseline: {reason(error)}") from None
    except RecursionError:
        raise ConfigError(E203, where, "not a baseline: nested too deeply") from None
    if not isinstance(data, dict) or str(data.get("schema_version", "")).split(".")[0] != "1":
        raise ConfigError(E203, where, "no schema_version 1.x; write it again with --write-baseline")
    counts: Counter[Key] = Counter()
    for index, entry in enumerate(data.get("findings", [])):
        try:
            paper, fingerprint, count = entry["paper"], entry["fingerprint"], int(entry.get("count", 1))
        except (TypeError, KeyError, ValueError):
            raise ConfigError(E203, where, f"finding {index + 1} lacks paper, fingerprint or count") from None
        counts[(str(paper), str(fingerprint))] += max(count, 0)
    return counts


def apply_baseline(results: Sequence[PaperResult], baseline: Counter[Key],
                   baseline_file: str | Path) -> tuple[list[PaperResult], int]:
    """Results without the findings the baseline absorbs, and how many it absorbed."""
    remaining = Counter(baseline)
    absorbed = 0
    kept_results: list[PaperResult] = []
    for result in results:
        paper = paper_key(result.path, baseline_file)
        kept = []
        for finding in result.findings:
            key = (paper, finding.fingerprint)
            if remaining[key] > 0:
                remaining[key] -= 1
                absorbed += 1
            else:
                kept.append(finding)
        kept_results.append(replace(result, findings=kept) if len(kept) != len(result.findings) else result)
    return kept_results, absorbed
