"""Every refusal as a page in plain words, with the right HTTP status."""

from __future__ import annotations

from flask import Flask, Response, current_app, make_response, render_template, request
from werkzeug.exceptions import HTTPException, TooManyRequests

from plainspeak.web.state import state

# status -> (heading, what happened, what to do)
PAGES: dict[int, tuple[str, str, str]] = {
    400: ("We could not use that form", "The form was out of date or not complete.",
          "Go back, reload the page and try again."),
    401: ("Please sign in", "This page is for staff only.", "Sign in with the staff code first."),
    403: ("You cannot open this page", "This page is not open to you.", "Go back to the start page."),
    404: ("We cannot find that page", "The page is not here. A checked paper stays for a short time only.",
          "Go back to the start page and check the paper again."),
    405: ("That did not work", "The page cannot do that.", "Go back to the start page."),
    413: ("The file is too large", "The file is larger than this page takes.",
          "Check it is the right file. You can split a long paper into parts."),
    415: ("We cannot read this kind of file", "The file is not a kind this page reads.",
          "Save the paper as a Word file (.docx), a PDF, or a text file, then try again."),
    422: ("We could not read the paper", "Something in the file stopped us reading it.",
          "Save the paper again from the program that made it, then try again."),
    429: ("Please wait a minute", "There have been a lot of requests from your computer in a short time.",
          "Wait a minute, then try again."),
    500: ("Something went wrong", "The page had a problem it did not expect.",
          "Try again. If it happens again, tell the person who runs this page."),
}


def problem_page(status: int, detail: str = "", advice: str = "") -> tuple[str, int]:
    """The page that says what went wrong and what to try, with its HTTP status."""
    heading, what, todo = PAGES.get(status, PAGES[500])
    body = render_template("problem.html", heading=heading, what=detail or what,
                           todo=advice or todo, status=status)
    return body, status


def _handle(error: HTTPException) -> Response:
    status = error.code if error.code in PAGES else 500
    detail = ""
    if status == 413:
        detail = f"The file is larger than {current_app.config['MAX_UPLOAD_MB']:g} MB, the most this page takes."
    response = make_response(*problem_page(status, detail))
    if isinstance(error, TooManyRequests) and error.retry_after:
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def too_many(kind: str) -> None:
    """Spend a token for ``kind`` from this client's bucket, or refuse with 429."""
    limiter = state().limiter
    if not limiter.allow(kind, request.remote_addr or "unknown"):
        raise TooManyRequests(retry_after=limiter.retry_after(kind))


def install(app: Flask) -> None:
    # 500 is shown for any unexpected error too (Flask logs its traceback).
    for status in PAGES:
        app.register_error_handler(status, _handle)
