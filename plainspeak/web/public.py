"""Pages for everyone: check a paper, read it explained, look a word up, ask."""

from __future__ import annotations

import io
import re

from flask import (Blueprint, Response, abort, redirect, render_template, request, send_file,
                   session, url_for)
from flask.typing import ResponseReturnValue

from plainspeak.errors import ModelError, PlainspeakError
from plainspeak.web.checking import display_label, refusal_status, suffix_for
from plainspeak.web.errors import problem_page, too_many
from plainspeak.web.lookup import clean_query, look_up
from plainspeak.web.outputs import checked_paper
from plainspeak.web.results import CheckedPaper
from plainspeak.web.security import inline_hashes, owner_id, policy
from plainspeak.web.state import state

blueprint = Blueprint("public", __name__)

_CONTENT_KEY = re.compile(r"[0-9a-f]{64}")
LIMITS = {"term": 200, "sentence": 1000, "name": 80, "paper": 80}


@blueprint.get("/")
def index() -> str:
    return render_template("index.html", errors={}, text="", notice=session.pop("notice", ""))


@blueprint.post("/check")
def check() -> ResponseReturnValue:
    too_many("upload")
    upload = request.files.get("paper")
    text = request.form.get("text", "")
    if upload is not None and upload.filename:
        stream, suffix, label = upload.stream, suffix_for(upload.filename), display_label(upload.filename)
    elif text.strip():
        suffix = ".md" if request.form.get("markdown") else ".txt"
        stream, label = io.BytesIO(text.encode("utf-8")), "pasted text"
    else:
        errors = {"paper": "Choose a file, or paste the text of the paper in the box."}
        return render_template("index.html", errors=errors, text=text), 400
    try:
        checked = state().checker.check_stream(stream, suffix, label)
    except ModelError:
        return problem_page(500, "The checker could not start.", "Tell the person who runs this page.")
    except PlainspeakError as error:
        return _refused(error)
    key = state().results.put(checked_paper(checked, label, owner_id()))
    return redirect(url_for("public.paper", key=key), code=303)


def _refused(error: PlainspeakError) -> ResponseReturnValue:
    status = refusal_status(error)
    detail = f"We could not check this paper: {error.kind.problem}."
    advice = error.kind.advice[:1].upper() + error.kind.advice[1:] + "."
    if error.kind.code in ("E108", "E109", "E115"):  # their own advice is for a config file or --timeout
        advice = "Check it is the right file. You can split a long paper into parts."
    return problem_page(status, detail, advice)


def _mine(key: str) -> CheckedPaper:
    found = state().results.get(key, owner_id())
    if found is None:
        abort(404)
    return found


@blueprint.get("/papers/<key>")
def paper(key: str) -> str:
    return render_template("paper.html", key=key, paper=_mine(key))


@blueprint.get("/papers/<key>/read")
def read(key: str) -> Response:
    """The reader's copy, with a policy that lets only its own inline parts run."""
    html = _mine(key).reader_html
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = policy(inline_hashes(html))
    return response


@blueprint.get("/papers/<key>/copy")
def copy(key: str) -> Response:
    return _download(_mine(key).copy)


@blueprint.get("/papers/<key>/report")
def report(key: str) -> Response:
    return _download(_mine(key).report)


def _download(item) -> Response:  # noqa: ANN001
    if item is None:
        abort(404)
    return send_file(io.BytesIO(item.data), mimetype=item.media_type, as_attachment=True,
                     download_name=item.filename, max_age=0)


@blueprint.post("/papers/<key>/forget")
def forget(key: str) -> ResponseReturnValue:
    state().results.forget(key, owner_id())
    session["notice"] = "We have forgotten the paper. Nothing of it is kept here now."
    return redirect(url_for("public.index"), code=303)


@blueprint.get("/lookup")
def lookup() -> str:
    query = request.args.get("word", "")
    if query.strip():
        too_many("lookup")
    return render_template("lookup.html", result=look_up(state().glossaries, query) if query.strip() else None,
                           query=clean_query(query))


@blueprint.get("/ask")
def ask_form() -> str:
    fields = {name: clean_text(request.args.get(name), limit) for name, limit in LIMITS.items()}
    return render_template("ask.html", fields=fields, back=request.args.get("back", ""), errors={})


@blueprint.post("/ask")
def ask() -> ResponseReturnValue:
    """Record one request: from the ask page, or from a form in the reader's copy."""
    too_many("ask")
    fields = {name: clean_text(request.form.get(name), limit) for name, limit in LIMITS.items()}
    question = clean_text(request.form.get("question"), LIMITS["sentence"])
    found = _asked_about(request.form.get("back", ""), request.form.get("paper", ""))
    if not fields["term"] and found is not None:
        fields["term"], fields["sentence"] = _paragraph_request(found[1], request.form.get("paragraph"), question)
    if not fields["term"]:
        errors = {"term": "Write the word or words you would like explained."}
        back = found[0] if found else ""
        return render_template("ask.html", fields=fields, back=back, errors=errors), 400
    paper_label = found[1].label if found else _label_only(fields["paper"])
    state().store.add(fields["term"], paper=paper_label or None, name=fields["name"] or None,
                      sentence=fields["sentence"] or None, notes=question or None)
    session["asked"] = {"term": fields["term"], "back": found[0] if found else ""}
    return redirect(url_for("public.thanks"), code=303)


def _label_only(paper: str) -> str:
    """A paper name typed or sent with the form; a bare content key names nothing."""
    return "" if _CONTENT_KEY.fullmatch(paper) else paper


def _asked_about(back: str, paper: str) -> tuple[str, CheckedPaper] | None:
    """The checked paper a request is about: by its id, or by the reader's copy's key."""
    owner = owner_id()
    if back:
        checked = state().results.get(back, owner)
        if checked is not None:
            return back, checked
    return state().results.find(paper, owner) if paper else None


def _paragraph_request(checked: CheckedPaper, paragraph: str | None, question: str) -> tuple[str, str]:
    """A request about a whole paragraph: the words asked about (or its opening) and its text."""
    try:
        text = checked.paragraphs.get(int(paragraph or ""), "")
    except ValueError:
        text = ""
    if not text:
        return "", ""
    opening = " ".join(text.split()[:8])
    term = question or (opening + (" ..." if len(text.split()) > 8 else ""))
    return clean_text(term, LIMITS["term"]), clean_text(text, LIMITS["sentence"])


@blueprint.get("/thanks")
def thanks() -> str:
    asked = session.get("asked") or {}
    return render_template("thanks.html", term=asked.get("term", ""), back=asked.get("back", ""))


def clean_text(value: str | None, limit: int) -> str:
    """One line of at most ``limit`` characters; control characters become spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in (value or ""))
    return " ".join(text.split())[:limit]
