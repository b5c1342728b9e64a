"""What the application holds between requests: store, glossaries, checker, limits, results."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping

from flask import current_app

from plainspeak.glossary.model import GlossarySet
from plainspeak.loaders.limits import checked_limit
from plainspeak.requests_store import RequestStore
from plainspeak.settings import Settings
from plainspeak.web.checking import Checker
from plainspeak.web.ratelimit import RateLimiter
from plainspeak.web.results import ResultCache


@dataclass(slots=True)
class WebState:
    store: RequestStore
    glossaries: GlossarySet
    checker: Checker
    limiter: RateLimiter
    results: ResultCache

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "WebState":
        from plainspeak.engine import load_glossaries

        settings = Settings(model=config["MODEL"], glossaries=list(config["GLOSSARIES"]),
                            use_shipped_glossaries=bool(config["SHIPPED_GLOSSARIES"]))
        if config.get("TIMEOUT") is not None:
            settings.limits = replace(settings.limits, timeout_s=checked_limit("timeout_s", config["TIMEOUT"]))
        glossaries = load_glossaries(settings)
        checker = Checker(settings, glossaries, upload_dir=config["UPLOAD_DIR"],
                          keep_dir=config["KEEP_UPLOADS"], isolate=bool(config["ISOLATE"]),
                          pipeline=config["PIPELINE"])
        limiter = RateLimiter({
            "ask": int(config["ASKS_PER_MINUTE"]),
            "upload": int(config["UPLOADS_PER_MINUTE"]),
            "sign-in": int(config["SIGN_INS_PER_MINUTE"]),
            "lookup": int(config["LOOKUPS_PER_MINUTE"]),
        })
        results = ResultCache(limit=int(config["RESULT_LIMIT"]),
                              ttl_s=float(config["RESULT_MINUTES"]) * 60)
        return cls(RequestStore(config["STORE_PATH"]), glossaries, checker, limiter, results)


def state() -> WebState:
    return current_app.extensions["plainspeak"]
