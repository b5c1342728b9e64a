"""Check many papers: cached results first, the rest in worker processes.

On Linux, while this process has no other thread, the glossaries and the
spaCy pipeline are built once here and the workers are forked from it, so
each starts ready in milliseconds and shares the model's memory until it
writes to it (loading it in every worker took seconds each and made two
workers no faster than one). Elsewhere, or with threads running, a fork is
not safe: workers start with ``forkserver`` (or ``spawn``) and each builds
its own. Workers take paths and send back :class:`PaperResult` s (plain
data, so they pickle). Inside a worker each paper that needs it is still
read in its own child process with the time and memory limits
(:func:`plainspeak.loaders.load_isolated`), so a hostile file costs one
paper, not the run. The parse and rules that follow are held to what is left
of the paper's time by a timer signal, which needs the main thread: a worker
runs its tasks there, and so does ``jobs=1``, which checks in this process,
with no pool (see :func:`plainspeak.engine.check_path`).
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import sys
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

from plainspeak.errors import ExitCode, PlainspeakError
from plainspeak.forking import start_context
from plainspeak.loaders.isolate import READER_MODULES as _LOADER_MODULES
from plainspeak.result import PaperResult
from plainspeak.settings import Settings

_STATE: dict[str, Any] = {}  # this process's glossaries, or the error that stopped loading them
# Imported once by the fork server that starts each paper's reader, so a reader
# starts in milliseconds instead of importing the loaders again (~25 ms, not ~150 ms).
READER_MODULES = ("plainspeak.loaders.isolate", *_LOADER_MODULES)


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    settings: Settings  # the paper's own settings, per-path overrides applied


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on this platform
        return max(1, os.cpu_count() or 1)


def start_worker(settings: Settings, modules: Sequence[str] = (), preload: bool = True) -> None:
    """Ready this process to check papers: rule modules, glossaries, pipeline.

    ``preload`` has the readers' fork server import the loaders first, which
    pays off from the second paper read; for one paper it only holds memory.
    """
    from plainspeak.engine import load_glossaries
    from plainspeak.nlp.pipeline import build_pipeline

    for name in modules:  # rules registered outside plainspeak.rules run in workers too
        importlib.import_module(name)
    if settings.isolate and preload:
        preload_readers()
    _STATE.clear()
    _STATE["key"] = _state_key(settings)
    try:
        _STATE["glossaries"] = load_glossaries(settings)
        build_pipeline(settings, _STATE["glossaries"])
    except PlainspeakError as error:
        _STATE["error"] = error


def preload_readers() -> None:
    """Have this process's fork server import the loaders before it forks readers.

    It only takes effect before the first isolated read starts the server,
    which is when a worker starts.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        multiprocessing.set_forkserver_preload(list(READER_MODULES))


def _state_key(settings: Settings) -> tuple:
    return (settings.model, tuple(settings.glossaries), settings.use_shipped_glossaries)


def check_task(task: Task) -> PaperResult:
    """Check one paper in a ready process; never raises for a bad paper."""
    from plainspeak.engine import check_path

    if "error" in _STATE:
        return PaperResult(path=task.path, error=_STATE["error"])
    result = check_path(task.path, task.settings, _STATE["glossaries"])
    give_back_memory()
    return result


def give_back_memory() -> None:
    """Return the freed heap of a checked paper's parse to the system (glibc only).

    The parsed blocks of a long paper are freed once its rules have run, but
    glibc keeps the space; the report then grows the process anew. Trimming
    took a 300-page paper's peak from 377 MB to 333 MB, for about a millisecond.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim): nothing to give back
        return


def usage_error(results: Sequence[PaperResult]) -> PlainspeakError | None:
    """An error that is about the run (model, glossary), not about one paper."""
    for result in results:
        if result.error is not None and result.error.exit_code != ExitCode.INPUT:
            return result.error
    return None


def run_tasks(tasks: Sequence[Task], settings: Settings, jobs: int,
              on_done: Callable[[int, PaperResult], None] = lambda i, r: None) -> list[PaperResult]:
    """Results for ``tasks``, in the same order; ``on_done(index, result)`` hears of each as it ends."""
    if not tasks:
        return []
    if len(tasks) == 1 and _STATE.get("key") != _state_key(settings):
        # One paper: check_path builds the pipeline while a reader process reads
        # it (about 0.7 s of a 72-page PDF's 5 s), where start_worker would
        # build it first and then wait for the read.
        from plainspeak.engine import check_path

        task = tasks[0]
        result = check_path(task.path, replace(task.settings, processes=jobs))
        give_back_memory()
        on_done(0, result)
        return [result]
    if jobs <= 1 or len(tasks) <= 1:
        if _STATE.get("key") != _state_key(settings):
            start_worker(settings, preload=len(tasks) > 1)
        results = []
        for index, task in enumerate(tasks):
            # One paper and cores to spare: its parse may share them (plainspeak.nlp.parse).
            results.append(check_task(replace(task, settings=replace(task.settings, processes=jobs))))
            on_done(index, results[-1])
        return results
    return _in_pool(tasks, settings, min(jobs, len(tasks)), on_done)


def _in_pool(tasks: Sequence[Task], settings: Settings, jobs: int,
             on_done: Callable[[int, PaperResult], None]) -> list[PaperResult]:
    results: list[PaperResult | None] = [None] * len(tasks)
    # Biggest papers first, so no worker is left with a long one at the end.
    order = sorted(range(len(tasks)), key=lambda i: -_size(tasks[i].path))
    context = _context()
    if context.get_start_method() == "fork":
        if _STATE.get("key") != _state_key(settings):
            start_worker(settings)
        gc.freeze()  # the collector would otherwise touch, and so copy, every inherited page
        ready: dict[str, Any] = {"initializer": forget_parent_fork_server}
    else:
        ready = {"initializer": start_worker, "initargs": (settings, outside_rule_modules())}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, **ready) as pool:
        pending: dict[Future, int] = {pool.submit(check_task, tasks[i]): i for i in order}
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    results[index] = future.result()
                    on_done(index, results[index])
        except BaseException:
            # Ctrl-C or a failed paper: drop the queued papers rather than wait for them.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [r for r in results if r is not None]


def forget_parent_fork_server() -> None:
    """In a forked worker, start readers from a fork server of its own.

    A worker forked after this process read a paper in isolation inherits the
    record of this process's reader fork server, which is not the worker's
    child, so multiprocessing cannot check on it there and fails.
    """
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    if getattr(server, "_forkserver_pid", None) is None:
        return
    alive = server._forkserver_alive_fd
    if alive is not None:
        os.close(alive)  # this process's copy only; the parent keeps its server
    server._forkserver_address = server._forkserver_alive_fd = server._forkserver_pid = None


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where it is safe (Linux, no other thread), else forkserver or spawn."""
    return start_context()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def outside_rule_modules() -> tuple[str, ...]:
    """Modules of rules registered so far that the package does not import by itself.

    Reads the registry as it stands rather than through ``all_rules()``, which
    would import every rule (and spaCy) in the parent only to find none.
    """
    from plainspeak.rules.base import _REGISTRY

    return tuple(sorted({r.__module__ for r in _REGISTRY.values() if not r.__module__.startswith("plainspeak.rules.")}))
