"""The web page: check a paper, look a word up, ask for an explanation; staff pages.

``create_app(config)`` builds the Flask application. It is meant for one
process on the local machine (``plainspeak serve`` binds 127.0.0.1): rate
limits and checked papers are kept in memory, and requests go to the SQLite
store, which several processes may share.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any, Mapping

from flask import Flask

MB = 1024 * 1024

DEFAULTS: dict[str, Any] = {
    "STORE_PATH": None,  # None: the requests store's own default
    "STAFF_TOKEN": None,  # None: staff pages are off
    "KEEP_UPLOADS": None,  # a folder to keep uploaded papers in; None keeps nothing
    "UPLOAD_DIR": None,  # where temporary upload files go; None: the system's temp folder
    "MAX_UPLOAD_MB": 20,
    "GLOSSARIES": [],
    "SHIPPED_GLOSSARIES": True,
    "MODEL": None,
    "PIPELINE": None,  # tests: a callable (settings, glossaries) -> spaCy pipeline
    "ISOLATE": True,  # read each paper in a child process with time and memory caps
    "TIMEOUT": None,  # seconds to read and check one paper; None: the limits' default (60)
    "ASKS_PER_MINUTE": 30,
    "UPLOADS_PER_MINUTE": 10,
    "SIGN_INS_PER_MINUTE": 10,
    "LOOKUPS_PER_MINUTE": 120,
    "RESULT_MINUTES": 30,
    "RESULT_LIMIT": 16,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The application, configured from ``DEFAULTS`` overlaid with ``config``."""
    from plainspeak.web import errors, public, security, staff
    from plainspeak.web.state import WebState

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="plainspeak_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        TEMPLATES_AUTO_RELOAD=False,
    )
    app.config.update(config or {})
    limit = int(float(app.config["MAX_UPLOAD_MB"]) * MB)
    app.config["MAX_CONTENT_LENGTH"] = app.config.get("MAX_CONTENT_LENGTH") or limit
    # Pasted text is a form field, not a file: let it be as large as an upload.
    app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    app.jinja_env.autoescape = True
    app.extensions["plainspeak"] = WebState.from_config(app.config)
    security.install(app)
    errors.install(app)
    app.register_blueprint(public.blueprint)
    app.register_blueprint(staff.blueprint)
    return app
