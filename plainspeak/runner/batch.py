"""One run over many papers: per-paper settings, the cache, the workers, progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from plainspeak.cache import ResultCache, file_sha256
from plainspeak.config import settings_for
from plainspeak.result import PaperResult
from plainspeak.runner.pool import Task, run_tasks, usage_error
from plainspeak.runner.progress import Progress
from plainspeak.settings import Settings


@dataclass(slots=True)
class BatchStats:
    papers: int = 0
    cached: int = 0
    checked: int = 0


def run_batch(paths: Sequence[str], settings: Settings, *, jobs: int, cache: ResultCache | None = None,
              progress: bool = False, stats: BatchStats | None = None) -> list[PaperResult]:
    """Results for ``paths`` in order; raises only for errors about the whole run (model, glossary)."""
    stats = stats if stats is not None else BatchStats()
    stats.papers = len(paths)
    results: list[PaperResult | None] = [None] * len(paths)
    bar = Progress(len(paths), progress)
    todo: list[tuple[int, Task, str | None]] = []
    for index, path in enumerate(paths):
        paper_settings = settings_for(settings, path)
        file_hash = file_sha256(path) if cache is not None else None
        hit = cache.get(path, file_hash, paper_settings) if cache is not None and file_hash else None
        if hit is not None:
            results[index] = hit
            bar.advance()
        else:
            todo.append((index, Task(path, paper_settings), file_hash))
    stats.cached = len(paths) - len(todo)
    stats.checked = len(todo)

    def done(position: int, result: PaperResult) -> None:
        bar.advance()
        _index, task, file_hash = todo[position]
        # Stored as each paper ends, while the workers go on with the rest. A
        # paper edited while it was checked is stored under no hash.
        if cache is not None and file_hash and result.sha256 in ("", file_hash):
            cache.put(result, file_hash, task.settings)

    try:
        fresh = run_tasks([task for _, task, _ in todo], settings, jobs, on_done=done)
    finally:
        bar.close()
    error = usage_error(fresh)
    if error is not None:
        raise error
    for (index, _task, _hash), result in zip(todo, fresh):
        results[index] = result
    return [r for r in results if r is not None]
