"""The per-paper time limit covers the whole check: reading, parse and rules.

The timer itself first (it stops work, gives back the handler and timer it
found, and keeps out of threads and of a sooner timer); then a paper made slow
after it is read, in this process and in two workers, and a paper of a million
one-letter words through the real command.
"""

from __future__ import annotations

import json
import multiprocessing
import signal
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

import plainspeak.engine as engine
from plainspeak.deadline import TimeUp, check_time, on_lift, time_limit
from plainspeak.loaders.limits import Limits
from plainspeak.runner.batch import run_batch
from plainspeak.settings import Settings
from tests.helpers import LONG, run_plainspeak

E115_LINE = ("checking the paper took too long (it took longer than {limit} s) [E115]"
             " - split it into smaller papers, or raise the limit with --timeout")
GOOD_TEXT = f"# Budget\n\nThe group met in the hall.\n\n{LONG}\n"

needs_timer = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timer on this platform")


def spin(seconds: float) -> None:
    """Busy Python work for ``seconds``, as a rule stuck on a hard paper is."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


@pytest.fixture
def outer_alarm():
    """A SIGALRM handler of the test's own, recording what it hears; the old one back afterwards."""
    heard: list[int] = []

    def handler(signum, frame):
        heard.append(signum)

    before = signal.signal(signal.SIGALRM, handler)
    handler.heard = heard
    yield handler
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, before)


# The timer.

@needs_timer
def test_time_up_stops_busy_work_and_gives_back_the_handler_and_timer(outer_alarm) -> None:
    signal.setitimer(signal.ITIMER_REAL, 30, 7)
    started = time.monotonic()
    with pytest.raises(TimeUp):
        with time_limit(0.05):
            spin(10)
    assert time.monotonic() - started < 5
    assert signal.getsignal(signal.SIGALRM) is outer_alarm
    left, interval = signal.getitimer(signal.ITIMER_REAL)
    assert 25 < left < 30 - 0.05 and interval == 7
    assert outer_alarm.heard == []


@needs_timer
def test_work_in_time_ends_normally_with_nothing_left_armed() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


@needs_timer
def test_time_up_caught_by_the_work_is_raised_when_it_ends() -> None:
    caught = []
    with pytest.raises(TimeUp):
        with time_limit(0.05):
            try:
                spin(10)
            except BaseException as error:  # noqa: BLE001 - as careless code under the limit might
                caught.append(error)
    assert len(caught) == 1 and isinstance(caught[0], TimeUp)


@needs_timer
def test_no_time_left_is_time_up_at_once() -> None:
    ran = []
    with pytest.raises(TimeUp):
        with time_limit(-0.1):
            ran.append(True)
    assert ran == []


@needs_timer
def test_a_sooner_outer_timer_is_left_to_ring(outer_alarm) -> None:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    with time_limit(10):
        assert signal.getsignal(signal.SIGALRM) is outer_alarm
        until = time.monotonic() + 5
        while not outer_alarm.heard and time.monotonic() < until:
            pass
    assert outer_alarm.heard == [signal.SIGALRM]


class _Finalised:
    """An object whose finaliser does a little work, so a ring often lands inside it."""

    def __del__(self) -> None:
        sum(range(2_000))


@needs_timer
def test_a_ring_lost_in_a_finaliser_rings_again_quietly(capfd) -> None:
    began = time.monotonic()
    with pytest.raises(TimeUp):
        with time_limit(0.05):
            while time.monotonic() - began < 30:
                _Finalised()
    assert time.monotonic() - began < 10
    assert "TimeUp" not in capfd.readouterr().err
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@needs_timer
def test_a_ring_in_the_code_that_lifts_the_limit_is_let_pass() -> None:
    import contextlib
    import sys

    frames, heard = [], []
    with pytest.raises(TimeUp):  # the ring heard in the test's own code, at the limit's end
        with time_limit(30):
            ring = signal.getsignal(signal.SIGALRM)
            with contextlib.ExitStack() as stack:  # its callback runs from contextlib's own code
                stack.callback(lambda: frames.append(sys._getframe(1)))
            for frame in (frames[0], sys._getframe()):
                try:
                    ring(signal.SIGALRM, frame)
                    heard.append("let pass")
                except TimeUp:
                    heard.append("TimeUp")
    assert frames[0].f_globals["__name__"] == "contextlib"
    assert heard == ["let pass", "TimeUp"]  # raised in contextlib, the limit could not be lifted
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@needs_timer
def test_what_is_left_to_stop_is_stopped_as_the_limit_is_lifted_however_the_work_ends() -> None:
    stopped: list[tuple[str, tuple[float, float]]] = []

    def stop(name: str):  # noqa: ANN202
        return lambda: stopped.append((name, signal.getitimer(signal.ITIMER_REAL)))

    with time_limit(5):
        on_lift(stop("first"))
        on_lift(stop("second"))
        assert stopped == []
    assert stopped == [("second", (0.0, 0.0)), ("first", (0.0, 0.0))]  # last kept, first stopped; no timer armed
    stopped.clear()
    with pytest.raises(TimeUp), time_limit(0.05):
        with time_limit(5):  # the outer limit rings sooner: what is kept here is the outer one's
            on_lift(stop("inner"))
        on_lift(stop("outer"))
        spin(10)
    assert [name for name, _ in stopped] == ["outer", "inner"]
    stopped.clear()
    on_lift(stop("no limit"))  # with no limit holding, nothing is kept
    with time_limit(5):
        pass
    assert stopped == []


@needs_timer
def test_a_stop_that_fails_still_gives_back_the_handler_and_timer() -> None:
    before = signal.getsignal(signal.SIGALRM)

    def broken() -> None:
        raise OSError("no such process")

    with pytest.raises(OSError, match="no such process"), time_limit(5):
        on_lift(broken)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


@needs_timer
def test_a_limit_too_long_for_the_timer_is_no_limit() -> None:
    with time_limit(1e12):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def in_a_thread(work) -> list[str]:  # noqa: ANN001
    """What ``work`` did in a thread of its own: "finished", or the code (E115) or name of what it raised."""
    outcome: list[str] = []

    def run() -> None:
        try:
            work()
            outcome.append("finished")
        except BaseException as error:  # noqa: BLE001 - the test reports whatever happened
            kind = getattr(error, "kind", None)
            outcome.append(kind.code if kind is not None else type(error).__name__)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    return outcome


def test_outside_the_main_thread_work_that_never_checks_the_time_runs_on() -> None:
    before = signal.getsignal(signal.SIGALRM)

    def work() -> None:
        with time_limit(0.01):
            time.sleep(0.1)

    assert in_a_thread(work) == ["finished"]
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_the_limit_holds_where_the_work_checks_the_time() -> None:
    before = signal.getsignal(signal.SIGALRM)
    steps: list[int] = []

    def work() -> None:
        check_time()  # no limit yet: nothing to keep
        with time_limit(0.2):
            for step in range(1000):
                check_time()
                steps.append(step)
                time.sleep(0.01)

    started = time.monotonic()
    assert in_a_thread(work) == ["TimeUp"]
    assert 0.2 <= time.monotonic() - started < 5
    assert 0 < len(steps) < 100  # it ran, and stopped long before its 1,000 steps
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_a_sooner_outer_limit_stands_and_each_ends_with_its_block() -> None:
    seen: list[str] = []

    def work() -> None:
        with time_limit(0.1):
            with time_limit(30):  # the outer limit ends sooner, so it is the one kept
                time.sleep(0.15)
                try:
                    check_time()
                    seen.append("inner: on time")
                except TimeUp:
                    seen.append("inner: time up")
            seen.append("outer: left without a check")
        with time_limit(30):
            check_time()  # the spent limit went with its block
            seen.append("next: on time")
        with pytest.raises(TimeUp):
            with time_limit(0):  # no time at all: up at once
                seen.append("ran")

    assert in_a_thread(work) == ["finished"]
    assert seen == ["inner: time up", "outer: left without a check", "next: on time"]


class _WholeBatches:
    """Stands in for a trained component: it hands back no doc of a batch until all are done."""

    def __call__(self, doc):  # noqa: ANN001, ANN204
        time.sleep(0.1)
        return doc

    def pipe(self, docs, batch_size: int = 128):  # noqa: ANN001, ANN201
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            yield from [self(doc) for doc in batch]


def test_in_a_thread_a_paper_of_long_blocks_stops_about_one_block_past_its_limit(blank_model) -> None:
    """The clock is read as each block comes back from the parse; a batch of 32 very long
    blocks came back only when all were parsed (here 3.2 s), now each such block is a batch."""
    import spacy
    from spacy.language import Language

    from plainspeak.nlp.pipeline import add_components
    from tests.helpers import paper_from_text

    if not Language.has_factory("plainspeak_test_whole_batches"):
        Language.factory("plainspeak_test_whole_batches", func=lambda nlp, name: _WholeBatches())
    settings = Settings(model=blank_model, isolate=False)
    glossaries = engine.load_glossaries(settings)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp = add_components(nlp, settings, glossaries)
    nlp.add_pipe("plainspeak_test_whole_batches", first=True)
    long_block = "The plan was agreed. " * 3_000  # 63,000 characters
    paper = paper_from_text("# Plan\n\n" + "\n\n".join([long_block] * 32))

    def work() -> None:
        with engine.time_left("long.txt", Limits(timeout_s=0.5), 0):
            engine.check_paper(paper, settings, glossaries, nlp)

    started = time.monotonic()
    assert in_a_thread(work) == ["E115"]
    assert time.monotonic() - started < 2


# A paper that reads in time and is slow to check.

@pytest.fixture
def slow_rules(monkeypatch: pytest.MonkeyPatch):
    """Rules that grind for 30 s on any paper whose name starts ``slow``, as a pathological rule would."""
    real = engine.run_rules

    def run_rules(analysis, rules):
        if Path(analysis.paper.path).name.startswith("slow"):
            spin(30)
        return real(analysis, rules)

    monkeypatch.setattr(engine, "run_rules", run_rules)


def write_papers(folder: Path) -> tuple[str, str]:
    slow = folder / "slow.md"
    good = folder / "good.md"
    slow.write_text(GOOD_TEXT, encoding="utf-8")
    good.write_text(GOOD_TEXT, encoding="utf-8")
    return str(slow), str(good)


def settings_with_timeout(model: str, seconds: float) -> Settings:
    return Settings(model=model, limits=replace(Limits(), timeout_s=seconds))


def assert_timed_out(result, path: str, limit: str) -> None:
    assert result.error is not None and result.error.kind.code == "E115"
    assert result.error.exit_code == 3
    assert result.error.line() == f"{path}: " + E115_LINE.format(limit=limit)
    assert result.findings == []


@needs_timer
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_paper_slow_to_check_is_an_error_and_the_batch_goes_on(jobs, blank_model, slow_rules, tmp_path,
                                                                monkeypatch) -> None:
    # Workers forked from this process have the slow rules too.
    monkeypatch.setattr("plainspeak.runner.pool._context", lambda: multiprocessing.get_context("fork"))
    slow, good = write_papers(tmp_path)
    settings = settings_with_timeout(blank_model, 2)
    started = time.monotonic()
    results = run_batch([slow, good], settings, jobs=jobs)
    assert time.monotonic() - started < 20
    assert [r.path for r in results] == [slow, good]
    assert_timed_out(results[0], slow, "2")
    assert results[1].error is None
    assert [f.code for f in results[1].findings if f.code == "PS201"] == ["PS201"]


@needs_timer
def test_the_time_spent_reading_is_taken_from_the_check(blank_model, slow_rules, tmp_path, monkeypatch) -> None:
    from plainspeak import loaders

    slow, _ = write_papers(tmp_path)

    def slow_reader(path, limits=None):
        time.sleep(1.0)
        return loaders.load(path, limits=limits)

    settings = settings_with_timeout(blank_model, 1.5)
    glossaries = engine.load_glossaries(settings)
    warm = engine.check_path(str(tmp_path / "good.md"), settings, glossaries)  # the pipeline, built once
    assert warm.error is None
    monkeypatch.setattr("plainspeak.loaders.isolate.needs_isolation", lambda path, limits: True)
    monkeypatch.setattr(loaders, "load_isolated", slow_reader)
    started = time.monotonic()
    result = engine.check_path(slow, settings, glossaries)
    took = time.monotonic() - started
    assert_timed_out(result, slow, "1.5")
    assert 1.4 < took < 2.2, f"the paper had {took:.2f} s, not 1.5 s in all"


@needs_timer
def test_building_the_pipeline_is_not_taken_from_the_paper(blank_model, tmp_path, monkeypatch) -> None:
    from plainspeak.nlp import pipeline

    _, good = write_papers(tmp_path)
    real = pipeline.build_pipeline

    def slow_build(settings, glossaries):
        time.sleep(1.0)  # a first paper pays for the model's load
        return real(settings, glossaries)

    monkeypatch.setattr(pipeline, "build_pipeline", slow_build)
    result = engine.check_path(good, settings_with_timeout(blank_model, 0.8))
    assert result.error is None and "PS201" in [f.code for f in result.findings]


@needs_timer
def test_a_paper_in_time_keeps_its_findings_and_the_alarm_is_given_back(blank_model, outer_alarm,
                                                                       tmp_path) -> None:
    _, good = write_papers(tmp_path)
    settings = Settings(model=blank_model)
    alone = engine.check_path(good, settings)
    assert alone.error is None and "PS201" in [f.code for f in alone.findings]
    assert signal.getsignal(signal.SIGALRM) is outer_alarm
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    signal.setitimer(signal.ITIMER_REAL, 100)  # an outer timer longer than the paper's 60 s
    again = engine.check_path(good, settings)
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in alone.findings]
    assert signal.getsignal(signal.SIGALRM) is outer_alarm
    assert 90 < signal.getitimer(signal.ITIMER_REAL)[0] < 100
    assert outer_alarm.heard == []


# The real command.

def one_letter_words(path: Path, size: int) -> None:
    """Paragraphs of one-letter words: read in a moment, slow to parse (about 3 s a megabyte, blank model)."""
    paragraph = " ".join("abcdefghij"[i % 10] for i in range(400)) + ".\n\n"
    path.write_text(paragraph * (size // len(paragraph)), encoding="utf-8")


@needs_timer
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_gives_one_line_and_exit_3_for_a_paper_over_its_time(jobs, blank_model, tmp_path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    one_letter_words(papers / "a-letters.txt", 1_000_000)  # read in place: all its time is the check's
    (papers / "b-good.md").write_text(GOOD_TEXT, encoding="utf-8")
    started = time.monotonic()
    done = run_plainspeak("check", "--model", blank_model, "--isolated", "--no-cache", "--format", "json",
                          "--timeout", "1.5", "--jobs", jobs, "papers", cwd=tmp_path, timeout=120)
    took = time.monotonic() - started
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 3
    assert done.stderr.splitlines() == ["plainspeak: papers/a-letters.txt: " + E115_LINE.format(limit="1.5")]
    report = json.loads(done.stdout)
    letters, good = report["papers"]
    assert letters["error"]["code"] == "E115" and letters["findings"] == []
    assert good.get("error") is None and "PS201" in [f["code"] for f in good["findings"]]
    assert took < 30
