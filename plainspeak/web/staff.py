"""Staff pages: the requests waiting for an answer, the worksheet, the glossary."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from flask import Blueprint, Response, redirect, render_template, request, send_file, session, url_for
from flask.typing import ResponseReturnValue

from plainspeak.glossary.model import CATEGORIES
from plainspeak.web.errors import too_many
from plainspeak.web.lookup import browse, clean_query
from plainspeak.web.security import sign_in, staff_only, token_matches
from plainspeak.web.state import state

blueprint = Blueprint("staff", __name__, url_prefix="/staff")

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@blueprint.route("/sign-in", methods=["GET", "POST"], endpoint="login")
def login() -> ResponseReturnValue:
    from flask import abort, current_app

    if not current_app.config.get("STAFF_TOKEN"):
        abort(404)
    if request.method == "GET":
        return render_template("staff/login.html", error="")
    too_many("sign-in")
    if not token_matches(request.form.get("token", "")):
        return render_template("staff/login.html", error="That staff code is not right. Try again."), 401
    sign_in()
    return redirect(url_for("staff.requests"), code=303)


@blueprint.post("/sign-out")
def logout() -> ResponseReturnValue:
    session.clear()
    return redirect(url_for("public.index"), code=303)


@blueprint.get("/", endpoint="requests")
@staff_only
def requests_page() -> str:
    store = state().store
    answered = sum(1 for r in store.all() if r.answered_at)
    return render_template("staff/requests.html", waiting=store.open_requests(),
                           by_paper=store.by_paper(), answered=answered,
                           notice=session.pop("notice", ""))


@blueprint.post("/answered")
@staff_only
def answered() -> ResponseReturnValue:
    term = " ".join(request.form.get("term", "").split())
    if term:
        count = state().store.mark_answered(term)
        session["notice"] = f"Marked {count} request{'s' if count != 1 else ''} for \u201c{term}\u201d as answered."
    return redirect(url_for("staff.requests"), code=303)


@blueprint.get("/worksheet.docx")
@staff_only
def worksheet() -> Response:
    """The co-definition worksheet for the requests waiting, as ``plainspeak glossary worksheet`` makes it."""
    from plainspeak.glossary.worksheet import collect_rows
    from plainspeak.glossary.worksheet_docx import write_worksheet

    rows, _ = collect_rows([], state().store.open_requests(), state().glossaries, lambda path: None)
    handle, name = tempfile.mkstemp(prefix="plainspeak-worksheet-", suffix=".docx",
                                    dir=state().checker.upload_dir)
    os.close(handle)
    try:
        write_worksheet(rows, name)
        data = Path(name).read_bytes()
    finally:
        Path(name).unlink(missing_ok=True)
    return send_file(io.BytesIO(data), mimetype=DOCX_TYPE, as_attachment=True,
                     download_name="glossary-worksheet.docx", max_age=0)


@blueprint.get("/glossary")
@staff_only
def glossary() -> str:
    query = clean_query(request.args.get("word"))
    category = request.args.get("category", "")
    category = category if category in CATEGORIES else ""
    entries = browse(state().glossaries, query, category)
    return render_template("staff/glossary.html", entries=entries, query=query, category=category,
                           categories=CATEGORIES)
