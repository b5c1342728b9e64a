"""One paper through the whole flow: loader -> NLP pipeline -> rules -> result.

Data flows one way. The engine loads (in a child process with limits unless
told not to), parses every block with the pipeline, runs the enabled rules,
applies severities, and returns a :class:`PaperResult`. It never raises for a
bad paper: the error goes in the result, so a batch goes on.
"""

from __future__ import annotations

import importlib
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from plainspeak.analysis import Analysis
from plainspeak.deadline import check_time
from plainspeak.errors import E114, E115, InputError, PlainspeakError
from plainspeak.findings import Finding
from plainspeak.glossary.model import GlossarySet
from plainspeak.paper import Notice, Paper
from plainspeak.result import PaperResult
from plainspeak.rules.base import Rule, all_rules
from plainspeak.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from plainspeak.loaders import Limits
    from plainspeak.nlp.parse import SharedParse

# Modules offering ``summarise(analysis) -> dict`` for the paper summary.
SUMMARY_PROVIDERS: tuple[str, ...] = ("plainspeak.readability.summary",)


def enabled_rules(settings: Settings) -> list[type[Rule]]:
    """The rules in force: defaults, plus ``select``, minus ``ignore``."""
    def named(rule: type[Rule], names: set[str]) -> bool:
        keys = {rule.code, rule.name, *rule.aliases}
        return any(n.upper() in keys or n in keys for n in names)

    chosen = []
    for rule in all_rules():
        on = rule.enabled_by_default or named(rule, settings.select)
        if on and not named(rule, settings.ignore):
            chosen.append(rule)
    return chosen


def load_glossaries(settings: Settings) -> GlossarySet:
    from plainspeak.glossary.load import load_glossary_set

    return load_glossary_set(settings.glossaries, shipped=settings.use_shipped_glossaries)


def analyse(paper: Paper, settings: Settings, glossaries: GlossarySet, nlp: "Language | None" = None,
            texts: list[str] | None = None, shared: "SharedParse | None" = None) -> Analysis:
    """Parse every block of ``paper`` with the pipeline (built for the run unless given).

    ``texts`` are the blocks' :func:`paper_texts`, if taken already, and
    ``shared`` a helper already parsing them (:func:`plainspeak.nlp.parse.early_parse`).
    """
    from plainspeak.nlp.parse import parse_blocks
    from plainspeak.nlp.pipeline import build_pipeline

    nlp = nlp if nlp is not None else build_pipeline(settings, glossaries)
    texts = texts if texts is not None else paper_texts(paper)
    docs = parse_blocks(nlp, texts, processes=settings.processes, shared=shared)
    return Analysis(paper=paper, docs=docs, glossaries=glossaries, settings=settings)


def paper_texts(paper: Paper) -> list[str]:
    """The text of every block, as parsed (see :func:`checkable_text`); once per paper, for its notices."""
    return [checkable_text(paper, index) for index in range(len(paper.blocks))]


# No real paragraph comes near this (it is some 30,000 words); past it the parser's
# time and memory grow out of hand, so such a block is left out and reported.
MAX_BLOCK_CHARS = 200_000


def checkable_text(paper: Paper, index: int) -> str:
    """A block's text, or "" for a block too long to parse (with a PS903 notice).

    Runs of characters too long to be words are blanked (see
    :func:`plainspeak.nlp.tokenizer.blank_long_runs`).
    """
    from plainspeak.nlp.tokenizer import blank_long_runs

    block = paper.blocks[index]
    if len(block.text) <= MAX_BLOCK_CHARS:
        return blank_long_runs(block.text)
    paper.notices.append(Notice(
        "PS903", "block-too-long",
        f"Paragraph {block.place.paragraph} has {len(block.text):,} characters with no "
        "paragraph break, too many to check; it was left out.",
        page=block.place.page, paragraph=block.place.paragraph, line=block.line_at(0),
    ))
    return ""


# Where two rules flag overlapping words for what is one problem to a reader,
# the finding of the rule named second is kept: one stretch of text, one fix.
OVERLAP_PREFERENCE: dict[frozenset[str], str] = {
    frozenset({"PS105", "PS204"}): "PS204",  # a hidden verb is the more specific advice
    frozenset({"PS101", "PS105"}): "PS101",  # the glossary's definition beats rewording
    frozenset({"PS101", "PS104"}): "PS101",
    frozenset({"PS102", "PS104"}): "PS102",
}


def run_rules(analysis: Analysis, rules: Iterable[type[Rule]]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        check_time()
        findings.extend(rule().check(analysis))
    findings.sort(key=lambda f: (f.start, f.code, f.end))
    return drop_overlaps(findings)


def drop_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep one finding where two rules flag the same words for one problem."""
    dropped: set[int] = set()
    for i, first in enumerate(findings):
        for j in range(i + 1, len(findings)):
            second = findings[j]
            if second.start >= first.end:
                break
            keep = OVERLAP_PREFERENCE.get(frozenset({first.code, second.code}))
            if keep is not None and first.code != second.code:
                dropped.add(j if keep == first.code else i)
    return [f for k, f in enumerate(findings) if k not in dropped]


def apply_settings(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Drop accepted terms and apply configured severities, whatever each rule did.

    Here rather than in one caller, so check, annotate and the web page agree.
    """
    accepted = {term.casefold() for term in settings.accepted_terms}
    kept = [f for f in findings if (f.term or f.text).casefold() not in accepted]
    for finding in kept:
        if finding.code in settings.severities:
            finding.severity = settings.severities[finding.code]
    return kept


def check_paper(
    paper: Paper, settings: Settings, glossaries: GlossarySet | None = None, nlp: "Language | None" = None,
    texts: list[str] | None = None, shared: "SharedParse | None" = None,
) -> PaperResult:
    """Check a loaded paper (``texts`` and ``shared`` as for :func:`analyse`)."""
    glossaries = glossaries if glossaries is not None else load_glossaries(settings)
    analysis = analyse(paper, settings, glossaries, nlp, texts, shared)
    findings = apply_settings(run_rules(analysis, enabled_rules(settings)), settings)
    result = PaperResult(
        path=paper.path,
        format=paper.format,
        pages=paper.pages,
        words=paper.word_count,
        sha256=paper.sha256,
        title=paper.title,
        findings=findings,
    )
    from plainspeak.terms.definitions import paper_definitions  # here: it imports spaCy

    result.definitions = list(paper_definitions(analysis))
    result.summary = summarise(analysis, result)
    return result


def summarise(analysis: Analysis, result: PaperResult) -> dict:
    summary: dict = {"words": result.words, "blocks": len(analysis.paper.blocks)}
    for provider in SUMMARY_PROVIDERS:
        summary.update(importlib.import_module(provider).summarise(analysis))
    summary.update(analysis.summary)
    by_code: dict[str, int] = {}
    for finding in result.findings:
        by_code[finding.code] = by_code.get(finding.code, 0) + 1
    summary["findings_by_code"] = dict(sorted(by_code.items()))
    return summary


def check_path(path: str, settings: Settings, glossaries: GlossarySet | None = None) -> PaperResult:
    """Load and check one file; a bad file yields a result holding its error.

    The whole paper, reading, parse and rules, gets ``settings.limits.timeout_s``
    in all. A reader process keeps its own limit; the time it took is taken
    off what the parse and rules are then given, which is kept by an interval
    timer (:mod:`plainspeak.deadline`) where this runs in a process's main
    thread (the CLI with ``--jobs 1`` and every worker of the pool): a paper
    over its time gets E115 and the batch goes on. In any other thread (the
    web page's) the parse and rules check the time between blocks and between
    rules instead.
    """
    try:
        return _check_in_time(path, settings, glossaries, settings.limits)
    except PlainspeakError as error:
        return PaperResult(path=path, error=error)
    except Exception as error:  # noqa: BLE001 - one paper's fault must not stop a batch
        if settings.debug:
            raise
        from plainspeak.loaders import short_reason

        return PaperResult(path=path, error=InputError(E114, path, short_reason(error)))


def _check_in_time(path: str, settings: Settings, glossaries: GlossarySet | None, limits: "Limits") -> PaperResult:
    """Read, parse and check one paper, each step started as soon as what it needs is there.

    A reader process starts first, so the model loads on another core while
    the paper is read. A long paper's helper (:mod:`plainspeak.nlp.helper`)
    starts as soon as the paper and the model are both in, and parses while
    this process builds plainspeak's own components (the glossary matcher, the
    word tables); the helper's Docs come back through those components here.
    The pipeline is built for the run, not for a paper, and outside the
    paper's time: a build cut short would leave the process's shared model
    with half its components.
    """
    from plainspeak.loaders import load
    from plainspeak.loaders.isolate import IsolatedRead, needs_isolation

    if settings.isolate and needs_isolation(path, limits):
        # Started before spaCy is imported: a reader forked from a small process starts at once.
        with IsolatedRead(Path(path), limits) as read:
            nlp = _model(settings, glossaries)
            paper = read.result()
        used = read.seconds
    else:
        started = time.monotonic()
        with time_left(path, limits, 0.0):
            paper = load(path, limits=limits)
        used = time.monotonic() - started
        nlp = _model(settings, glossaries)
    from plainspeak.nlp.parse import early_parse
    from plainspeak.nlp.pipeline import build_pipeline

    started = time.monotonic()
    texts = paper_texts(paper)
    with early_parse(nlp, texts, settings.processes) as shared:
        used += time.monotonic() - started  # the paper's own work, unlike the pipeline's build below
        glossaries = glossaries if glossaries is not None else load_glossaries(settings)
        nlp = build_pipeline(settings, glossaries)
        with time_left(path, limits, used):
            return check_paper(paper, settings, glossaries, nlp, texts, shared)


def _model(settings: Settings, glossaries: GlossarySet | None) -> "Language":
    """The run's pipeline if built already for ``glossaries``, else the model without plainspeak's readers.

    Glossaries not given are read later, while a helper parses: a set read
    now would be a new one, which no earlier build was made for.
    """
    from plainspeak.nlp.pipeline import built_pipeline, model_stage

    built = built_pipeline(settings, glossaries) if glossaries is not None else None
    return built or model_stage(settings)


@contextmanager
def time_left(path: str, limits: "Limits", used: float) -> Iterator[None]:
    """What is left of the paper's ``timeout_s`` after ``used`` seconds; past it, E115."""
    from plainspeak.deadline import TimeUp, time_limit

    try:
        with time_limit(limits.timeout_s - used):
            yield
    except TimeUp:
        raise InputError(E115, path, f"it took longer than {limits.timeout_s:g} s") from None


