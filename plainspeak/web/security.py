"""What keeps the page safe: form tokens, staff sign-in, security headers.

Every form carries a per-session token and every POST is refused without it
(a page elsewhere cannot make a visitor's browser ask or mark requests). The
staff token is compared in constant time; signing in starts a fresh session.
The headers forbid anything from outside this server, framing, and sniffing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from functools import wraps
from typing import Callable, TypeVar

from flask import Flask, Response, abort, current_app, redirect, request, session, url_for

F = TypeVar("F", bound=Callable[..., object])

CSRF_FIELD = "csrf_token"
_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
BASE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def csrf_token() -> str:
    """This session's form token, made on first use."""
    token = session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def owner_id() -> str:
    """A random id for this browser session, so only it can fetch its papers."""
    owner = session.get("owner")
    if not owner:
        owner = secrets.token_urlsafe(16)
        session["owner"] = owner
    return owner


def check_csrf() -> None:
    """Refuse any POST whose form token is missing or wrong (400)."""
    if request.method != "POST":
        return
    sent = request.form.get(CSRF_FIELD, "")
    expected = session.get(CSRF_FIELD, "")
    if not sent or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(400, description="csrf")


def is_staff() -> bool:
    return bool(session.get("staff")) and bool(current_app.config.get("STAFF_TOKEN"))


def token_matches(given: str) -> bool:
    expected = current_app.config.get("STAFF_TOKEN") or ""
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def sign_in() -> None:
    """A fresh session on sign-in, so a token planted before it is worthless."""
    session.clear()
    session["staff"] = True
    session.permanent = False
    csrf_token()


def staff_only(view: F) -> F:
    """Staff pages: GET goes to the sign-in page, anything else is refused (401)."""
    @wraps(view)
    def guarded(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - any view
        if not current_app.config.get("STAFF_TOKEN"):
            abort(404)
        if not is_staff():
            if request.method == "GET":
                return redirect(url_for("staff.login"), code=303)
            abort(401)
        return view(*args, **kwargs)
    return guarded  # type: ignore[return-value]


def inline_hashes(html: str) -> dict[str, list[str]]:
    """CSP hashes for the inline ``<script>`` and ``<style>`` blocks of a page we serve."""
    found: dict[str, list[str]] = {"script-src": [], "style-src": []}
    for tag, attrs, body in _INLINE.findall(html):
        if tag.lower() == "script" and "src=" in attrs.lower():
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        found["script-src" if tag.lower() == "script" else "style-src"].append(f"'sha256-{digest}'")
    return found


def policy(extra: dict[str, list[str]] | None = None) -> str:
    parts = []
    for directive, value in BASE_POLICY.items():
        added = " ".join((extra or {}).get(directive, []))
        parts.append(f"{directive} {value}{' ' + added if added else ''}")
    return "; ".join(parts)


def add_security_headers(response: Response) -> Response:
    """Headers on every response; a view may have set a hashed policy already."""
    response.headers.setdefault("Content-Security-Policy", policy())
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if request.endpoint != "static":
        # Pages can hold a paper's words, a question or a staff list: no copies on disk.
        response.headers["Cache-Control"] = "no-store"
    return response


def install(app: Flask) -> None:
    app.before_request(check_csrf)
    app.after_request(add_security_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["is_staff"] = is_staff
