"""How a paper's reader process is started: forked from a small process, else from a fork server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from plainspeak.loaders import isolate
from tests.fixtures.make_pdf import Page, write_pdf

REPO = Path(__file__).resolve().parents[1]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and /proc are Linux's")


@linux_only
def test_a_small_process_with_one_thread_forks_its_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolate, "_address_space", lambda: 30 * isolate.MB)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert isolate._context().get_start_method() == "fork"


@linux_only
def test_a_process_with_the_model_loaded_uses_the_fork_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolate, "_address_space", lambda: 400 * isolate.MB)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert isolate._context().get_start_method() == "forkserver"
    monkeypatch.setattr(isolate, "_address_space", lambda: 0)  # size unknown: never fork
    assert isolate._context().get_start_method() == "forkserver"


@linux_only
def test_a_process_running_another_thread_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolate, "_address_space", lambda: 30 * isolate.MB)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert isolate._context().get_start_method() == "forkserver"
    finally:
        stop.set()
        other.join()


def test_the_address_space_is_this_process_s_virtual_size() -> None:
    size = isolate._address_space()
    if sys.platform.startswith("linux"):
        assert 10 * isolate.MB < size < 64 * 1024 * isolate.MB
    else:
        assert size == 0


# A fresh process, as the command line is before it loads the model: the
# reader it starts is forked, reads the paper, and is still held to its cap.
_FRESH = r"""
import json, sys
from pathlib import Path
from plainspeak.errors import InputError
from plainspeak.loaders.isolate import _context, run_isolated
from plainspeak.loaders.limits import Limits
out = {"method": _context().get_start_method()}
paper = run_isolated(Path(sys.argv[1]), Limits())
out["blocks"] = [block.text for block in paper.blocks]
try:
    run_isolated(Path(sys.argv[1]), Limits(memory_mb=int(sys.argv[2])))
    out["capped"] = "read"
except InputError as error:
    out["capped"] = error.kind.code
print(json.dumps(out))
"""


@linux_only
def test_a_forked_reader_reads_the_paper_and_keeps_its_memory_cap(tmp_path: Path) -> None:
    pages = []
    for number in range(40):
        page = Page()
        page.lines(72, 760, [f"Page {number}: the board agreed the outturn for the year.",
                             "The precept rises by two per cent."] * 25)
        pages.append(page)
    path = write_pdf(tmp_path, pages)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # A cap under what the reader's process already holds: its read must fail as out of memory.
    run = subprocess.run([sys.executable, "-c", _FRESH, str(path), "1"], capture_output=True, text=True,
                         env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["method"] == "fork"
    assert len(out["blocks"]) >= 40
    assert "Page 39: the board agreed the outturn" in " ".join(out["blocks"])
    assert out["capped"] == "E110"
    assert path.read_bytes().startswith(b"%PDF")


# A whole check as the command line runs it: the reader must start before
# anything imports spaCy, or the process is too big to fork it.
_CHECK = r"""
import json, sys
from plainspeak.loaders import isolate
from plainspeak.engine import check_path
from plainspeak.settings import Settings
seen = []
real = isolate.IsolatedRead.__init__
def init(self, path, limits):
    seen.append({"spacy": "spacy" in sys.modules, "method": isolate._context().get_start_method()})
    real(self, path, limits)
isolate.IsolatedRead.__init__ = init
result = check_path(sys.argv[1], Settings())
print(json.dumps({"seen": seen, "error": str(result.error) if result.error else None}))
"""


@linux_only
@pytest.mark.slow
def test_a_check_starts_its_reader_before_spacy_is_imported(tmp_path: Path) -> None:
    page = Page()
    page.lines(72, 760, ["The board agreed the outturn for the year."])
    path = write_pdf(tmp_path, [page])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-c", _CHECK, str(path)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["error"] is None
    assert out["seen"] == [{"spacy": False, "method": "fork"}]


def test_the_reads_time_is_all_the_wait_for_the_paper(tmp_path: Path) -> None:
    # By the child's clock alone, sending back a paper of many paragraphs was left
    # out: --timeout 20 on 300,000 of them ended at 30 s.
    import time

    from plainspeak.loaders.limits import Limits

    path = tmp_path / "many.txt"
    path.write_text("The plan was agreed.\n\n" * 60_000, encoding="utf-8")
    with isolate.IsolatedRead(path, Limits()) as read:
        waited = time.monotonic()
        paper = read.result()
        waited = time.monotonic() - waited
    assert len(paper.blocks) == 60_000
    assert read.seconds >= waited - 0.05  # the wait, less the call itself
