"""Any paper in, a reader's copy out: one HTML file that works offline, opened from disk.

The page has a summary at the top (reading age, counts, a small chart of
difficulty by page or section), the paper with its headings, lists and
tables, each explained word linked to its meaning (shown on hover, focus or
tap, printed inline), hard passages marked with a label saying why, and
"Words used in this paper" at the end. It has no scripts and no outside
resources; a Content-Security-Policy allows only its own stylesheet, so
nothing in a paper or a glossary can run even if it got past the escaping.

A web page passes ``ask_url`` (and ``csrf_token``) to add an "Ask about
this" form after each paragraph and each word. A copy handed out as a file
can carry the group's email address (``ask_email``) instead: each word and
paragraph then has a link that opens an email to the group, already saying
which word, paper and paragraph it is about, which staff record with
``plainspeak ask``. Without either the file has the ``data-ask`` hooks only
(see docs/annotated-copies.md).
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from plainspeak import __version__
from plainspeak.email_address import is_email_address
from plainspeak.glossary.model import GlossarySet
from plainspeak.paper import Block, Paper
from plainspeak.result import PaperResult
from plainspeak.safe_text import printable
from plainspeak.writers import Annotated
from plainspeak.writers.appendix import (
    INTRO,
    TITLE,
    WordEntry,
    slug,
    uses_by_section,
    words_used,
)
from plainspeak.writers.html_body import body
from plainspeak.writers.html_build import Markup, el, join, safe_url
from plainspeak.writers.html_chart import chart
from plainspeak.writers.html_marks import Mark, non_crossing, render
from plainspeak.writers.html_notes import Notes
from plainspeak.writers.notes import Note, notes_for

MEDIA_TYPE = "text/html; charset=utf-8"
# Passages a reader is told are hard: long or hard sentences and dense figures. Passive
# verbs, hidden verbs and number styles are advice for the writer (in the Word and PDF copies).
READER_PASSAGES = frozenset({"PS201", "PS202", "PS301"})
# What a passage's label says to a reader, in everyday words (staff copies keep the rule's name).
READER_REASONS = {"PS201": "long sentence", "PS202": "hard sentence", "PS301": "lots of numbers"}
UNEXPLAINED = ("Neither this paper nor the glossary explains this word. "
               "Ask about it before or at the meeting.")


def write(source: bytes, paper: Paper, result: PaperResult, glossaries: GlossarySet | None = None,
          *, appendix: bool = True, ask_email: str | None = None) -> Annotated:
    """The reader's copy as UTF-8 bytes (the words list is always part of it)."""
    page = render_reader_html(result, paper, glossaries, ask_email=ask_email)
    notes = notes_for(result, glossaries)
    return Annotated(page.encode("utf-8"), placed=sum(n.kind != "paper" for n in notes))


def render_reader_html(result: PaperResult, paper: Paper, glossaries: GlossarySet | None, *,
                       ask_url: str | None = None, csrf_token: str | None = None,
                       ask_email: str | None = None) -> str:
    """The whole page. ``ask_url`` must be a relative or http(s) address, ``ask_email`` an email address."""
    if ask_url is not None and not safe_url(ask_url):
        raise ValueError(f"ask_url must be a relative or http(s) address, not {ask_url!r}")
    if ask_email is not None and not is_email_address(ask_email):
        raise ValueError(f"ask_email must be an email address such as group@example.org, not {ask_email!r}")
    # A name's bytes that are not UTF-8 as \xNN: the page is UTF-8, and could not hold them.
    file_name = printable(Path(paper.path).name)
    notes = notes_for(result, glossaries)
    words = _word_list(paper, result, glossaries, notes)
    ids = _unique_ids(words)
    marks = _marks(paper, notes, words, ids)
    # The marks each paragraph's text shows (crossing ones left out), as its words and the summary count them.
    shown = {paragraph: non_crossing([m for m in block_marks if m.kind != "note"])
             for paragraph, block_marks in marks.items()}
    firsts: dict[str, str] = {}
    ask = _Ask(ask_url, csrf_token, result.sha256 or paper.sha256,
               None if ask_url is not None else ask_email, file_name)
    notes_shown = Notes(paper.blocks)

    def render_block(block: Block) -> Markup:
        for mark in shown.get(block.place.paragraph, []):
            if mark.kind == "term":
                firsts.setdefault(mark.target, f"use-{mark.number}")
        rendered = render(block.text, marks.get(block.place.paragraph, []) + notes_shown.references(block),
                          block.bold)
        return notes_shown.around(block, rendered)

    title = paper.title or result.title or file_name
    main = join([_summary(result, paper, notes, words, [m for kept in shown.values() for m in kept]),
                 el("section", {"id": "paper", "aria-labelledby": "paper-h"},
                    el("h2", {"id": "paper-h", "class": "vh"}, "The paper"),
                    body(paper.blocks, render_block, ask.paragraph)),
                 _words_section(words, ids, firsts, ask)])
    return _page(title, main, file_name, ask_url)


# Where a listed word's meaning comes from, as the list says it; a word with
# one of these is explained at its first use under each heading.
EXPLAINED = {"glossary": "From the glossary.", "this paper": "As this paper explains it.",
             "both": "Spelled out in this paper; explained by the glossary."}


def _word_list(paper: Paper, result: PaperResult, glossaries: GlossarySet | None,
               notes: list[Note]) -> list[WordEntry]:
    """The words list, plus flagged words nobody explains (said so plainly)."""
    words = words_used(paper, result, glossaries)
    known = {name.casefold() for w in words for name in w.names()}
    for note in notes:
        if note.kind == "term" and note.label.casefold() not in known:
            known.add(note.label.casefold())
            plainer = f"A plainer way to say it: {note.suggestion}" if note.suggestion else ""
            words.append(WordEntry(note.label, note.meaning or plainer or UNEXPLAINED,
                                   "glossary" if note.meaning else ""))
    return sorted(words, key=lambda e: (e.term.casefold(), e.term))


def _unique_ids(words: list[WordEntry]) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    for word in words:
        base = f"w-{slug(word.term)}"
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        ids[word.term.casefold()] = candidate
    return ids


def _by_name(words: list[WordEntry]) -> dict[str, WordEntry]:
    """Each listed word under its name and its other forms ("BCF", "Better Care Fund"), case folded.

    A word's own name always leads to it; a form two words share, to the first listed.
    """
    named: dict[str, WordEntry] = {}
    for word in words:
        for name in word.names():
            named.setdefault(name.casefold(), word)
    named.update((word.term.casefold(), word) for word in words)
    return named


def _marks(paper: Paper, notes: list[Note], words: list[WordEntry], ids: dict[str, str]) -> dict[int, list[Mark]]:
    """Marks by paragraph number: each finding, and each listed word's first use."""
    by_name = _by_name(words)
    marks: dict[int, list[Mark]] = {}
    spans = [(n.finding.start, n.finding.end, n) for n in notes
             if n.kind == "term" or (n.kind == "sentence" and n.finding.code in READER_PASSAGES)]
    spans += [(start, end, w) for w, start, end in uses_by_section(paper, [w for w in words if w.source in EXPLAINED])]
    for number, (start, end, item) in enumerate(sorted(spans, key=lambda s: (s[0], -s[1])), start=1):
        block = paper.block_at(start)
        if block is None or end > block.end:
            continue
        mark = _mark(item, start - block.start, end - block.start, number, by_name, ids)
        if mark is not None:
            marks.setdefault(block.place.paragraph, []).append(mark)
    return marks


def _mark(item: Note | WordEntry, start: int, end: int, number: int,
          by_name: dict[str, WordEntry], ids: dict[str, str]) -> Mark | None:
    if isinstance(item, WordEntry):
        return Mark(start, end, "term", item.term, ids[item.term.casefold()], item.meaning, number=number)
    if item.kind == "sentence":
        words = item.finding.extra.get("words")
        label = READER_REASONS.get(item.finding.code, item.label)
        reason = f"{label} ({words} words)" if isinstance(words, int) else label
        return Mark(start, end, "passage", reasons=[reason], number=number)
    entry = by_name.get(item.label.casefold())
    if entry is None:
        return None
    tip = item.meaning or entry.meaning or item.text()
    return Mark(start, end, "term", item.label, ids[entry.term.casefold()], tip, number=number)


# Paragraphs shorter than this (label lines, short list items) get no email link of their own.
MAIL_PARAGRAPH_WORDS = 12


class _Ask:
    """The "ask about this" forms where a web page gives a target, or email links where a copy gives an address."""

    def __init__(self, url: str | None, token: str | None, paper_key: str,
                 email: str | None = None, file_name: str = "") -> None:
        self.url, self.token, self.paper_key = url, token, paper_key
        self.email, self.file_name = email, file_name

    def mailto(self, subject: str, body: str = "") -> str:
        """The address of an email to the group; RFC 6068 writes a line break in its body as CRLF."""
        body = quote(body.replace("\n", "\r\n"))
        return f"mailto:{self.email}?subject={quote(subject)}" + (f"&body={body}" if body else "")

    def mail(self, subject: str, opening: str, label: str) -> Markup:
        """A link that opens an email to the group, saying what it is about, with room for the question."""
        body = (f"{opening}\n\nMy question (you can leave this empty):\n\n\n"
                "My name (if you would like the group to know who asked):\n")
        return el("p", {"class": "ask ask-mail"}, el("a", {"href": self.mailto(subject, body)}, label))

    def form(self, field: str, value: str, label: str, key: str) -> Markup:
        if self.url is None:
            return Markup("")
        hidden = [el("input", {"type": "hidden", "name": "paper", "value": self.paper_key}),
                  el("input", {"type": "hidden", "name": field, "value": value})]
        if self.token is not None:
            hidden.append(el("input", {"type": "hidden", "name": "csrf_token", "value": self.token}))
        question = f"q-{key}"
        form = el("form", {"method": "post", "action": self.url, "data-ask-form": field}, hidden,
                  el("label", {"for": question}, "Your question (you can leave this empty)"),
                  el("textarea", {"id": question, "name": "question", "rows": 2}),
                  el("button", {"type": "submit"}, "Send"))
        return el("details", {"class": "ask"}, el("summary", {}, label), form)

    def paragraph(self, block: Block) -> Markup:
        number = str(block.place.paragraph)
        if self.email is not None:
            if len(block.text.split()) < MAIL_PARAGRAPH_WORDS:
                return Markup("")  # a link under every "Date:" line would bury the paper
            # Said by its words and its heading, not its number: neither the
            # page nor Word shows paragraph numbers, so the group could not find it.
            opening = _opening(block.text)
            under = f" under \u2018{' '.join(block.section.split())}\u2019" if block.section.strip() else ""
            return self.mail(f"A question about {self.file_name}: \u2018{_opening(block.text, 6)}\u2019",
                             f"Please could the group explain this part of the paper {self.file_name}{under}? "
                             f"It begins: \u2018{opening}\u2019",
                             "Ask about this part by email")
        return self.form("paragraph", number, "Ask about this part", f"p{number}")

    def term(self, word: WordEntry, key: str) -> Markup:
        if self.email is not None:
            return self.mail(f"Please explain \u2018{word.term}\u2019 ({self.file_name})",
                             f"Please could the group explain \u2018{word.term}\u2019, "
                             f"used in the paper {self.file_name}?",
                             f"Ask about \u2018{word.term}\u2019 by email")
        return self.form("term", word.term, f"Ask about \u2018{word.term}\u2019", key)

    def hint(self) -> Markup:
        """What to do about a word the list leaves out."""
        if self.email is None:
            return el("p", {"class": "hint"}, "Not sure about a word that is not listed here? "
                      "Ask the person who sent you this paper, or ask at the meeting.")
        return el("p", {"class": "hint"}, "Not sure about a word that is not listed here? Email the group at ",
                  el("a", {"href": self.mailto(f"A question about {self.file_name}")}, self.email),
                  ", or ask at the meeting.")


def _opening(text: str, words: int = 12) -> str:
    """A paragraph's first ``words`` words, with an ellipsis where it goes on."""
    split = text.split()
    return " ".join(split[:words]) + ("\u2026" if len(split) > words else "")


def _words_section(words: list[WordEntry], ids: dict[str, str], firsts: dict[str, str], ask: _Ask) -> Markup:
    entries = []
    for word in words:
        target = ids[word.term.casefold()]
        source = EXPLAINED.get(word.source)
        back = firsts.get(target)
        entries.append(el("div", {"class": "entry"},
                          el("dt", {"id": target, "data-ask": "term", "data-term": word.term}, el("dfn", {}, word.term)),
                          el("dd", {}, word.meaning, " ", el("span", {"class": "source"}, source) if source else None,
                             " " if back else None,
                             el("a", {"href": f"#{back}", "class": "back"}, "Back to where it is used") if back else None,
                             ask.term(word, target))))
    listing = el("dl", {"class": "words"}, entries) if entries else el("p", {}, "No special words were found.")
    return el("section", {"id": "words", "aria-labelledby": "words-h"},
              el("h2", {"id": "words-h"}, TITLE), el("p", {}, INTRO), listing, ask.hint())


def _summary(result: PaperResult, paper: Paper, notes: list[Note], words: list[WordEntry], shown: list[Mark]) -> Markup:
    """The facts at the top, counted as the page shows them: ``shown`` are the marks in its text.

    A passage with two reasons is one marked passage, and a word nobody
    explains is listed but not counted as explained.
    """
    readability: dict[str, Any] = result.summary.get("readability") or {}
    age = readability.get("reading_age")
    facts = [
        ("Reading age", f"{age:g} (lower is easier)" if isinstance(age, (int, float)) else "not worked out"),
        ("Words", f"{result.words or paper.word_count:,}"),
        ("Words explained for you", str(sum(w.meaning != UNEXPLAINED for w in words))),
        ("Passages marked hard to read", str(sum(m.kind == "passage" for m in shown))),
    ]
    about = [n for n in notes if n.kind == "paper"]
    return el("section", {"id": "summary", "aria-labelledby": "summary-h", "class": "summary"},
              el("h2", {"id": "summary-h"}, "About this paper"),
              el("dl", {"class": "facts"}, [el("div", {}, el("dt", {}, k), el("dd", {}, v)) for k, v in facts]),
              el("p", {"class": "key"}, "Words with a dotted underline are explained: point at one, tap it or move "
                 "to it with the Tab key to see what it means. Passages marked ",
                 el("span", {"aria-hidden": "true"}, "\u26a0"), el("span", {"class": "vh"}, "with a warning sign"),
                 " are hard to read; the label says why."),
              el("ul", {"class": "about"}, [el("li", {}, n.text()) for n in about]) if about else None,
              chart(list(readability.get("profile") or [])))


def _stylesheet() -> str:
    return resources.files("plainspeak.writers").joinpath("reader.css").read_text(encoding="utf-8")


def _page(title: str, main: Markup, file_name: str, ask_url: str | None) -> str:
    css = _stylesheet()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    form_action = "'none'" if ask_url is None else "'self'"
    if ask_url is not None and "://" in ask_url:
        parts = urlsplit(ask_url)
        form_action += f" {parts.scheme}://{parts.netloc}"
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; form-action {form_action}; base-uri 'none'"
    head = join([el("meta", {"charset": "utf-8"}),
                 el("meta", {"http-equiv": "Content-Security-Policy", "content": policy}),
                 el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
                 el("meta", {"name": "generator", "content": f"plainspeak {__version__}"}),
                 el("title", {}, f"{title} \u2013 reader\u2019s copy"), Markup(f"<style>{css}</style>")])
    header = el("header", {}, el("p", {"class": "kicker"}, "Reader\u2019s copy"), el("h1", {}, title),
                el("nav", {"aria-label": "On this page"},
                   el("ul", {}, el("li", {}, el("a", {"href": "#summary"}, "About this paper")),
                      el("li", {}, el("a", {"href": "#paper"}, "The paper")),
                      el("li", {}, el("a", {"href": "#words"}, TITLE)))))
    footer = el("footer", {}, el("p", {}, f"Made by plainspeak from {file_name}. "
                                  "The paper's words are unchanged; the notes are added."))
    return ("<!DOCTYPE html>\n" + el("html", {"lang": "en-GB"}, el("head", {}, head),
                                     el("body", {}, header, el("main", {}, main), footer)) + "\n")
