"""Import spaCy without its command-line tools, which plainspeak never uses.

``import spacy`` imports ``spacy.cli.info`` for the ``spacy.info`` shortcut,
and with it every spaCy command: the project tool (weasel), an HTTP client
(requests, urllib3), typer, rich and jinja2. That was a third of
plainspeak's start-up (about 0.25 s of 0.7 s). While spaCy itself is
imported, :func:`import_spacy` stands empty modules in for ``spacy.cli`` and
``spacy.cli.info``, then takes them away again, so a later ``import
spacy.cli`` finds the real package and ``spacy.info`` still works (it
imports the real one when called).

If spaCy was imported already, or its package is laid out differently from
what this expects, spaCy is imported the usual way: this only saves time,
it never decides what is imported in the end.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` where that can be done safely."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None or not (Path(spec.origin).parent / "cli" / "info.py").is_file():
        return importlib.import_module("spacy")
    before = set(sys.modules)
    cli = types.ModuleType(_CLI)
    cli.__path__ = [str(Path(spec.origin).parent / "cli")]
    info = types.ModuleType(_INFO)
    info.info = _real_info  # type: ignore[attr-defined]
    sys.modules[_CLI], sys.modules[_INFO] = cli, info
    try:
        spacy = importlib.import_module("spacy")
    except Exception:  # noqa: BLE001 - a spaCy laid out otherwise: import it as usual
        _forget(set(sys.modules) - before)
        return importlib.import_module("spacy")
    finally:
        for name, stand_in in ((_INFO, info), (_CLI, cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # so ``import spacy.cli`` binds the real package
    if not hasattr(spacy, "__getattr__"):
        spacy.__getattr__ = _cli_when_asked  # type: ignore[attr-defined]
    return spacy


def _cli_when_asked(name: str) -> types.ModuleType:
    """``spacy.cli`` imported the first time code asks for it as an attribute of ``spacy``."""
    if name == "cli":
        return importlib.import_module(_CLI)
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _forget(names: set[str]) -> None:
    """Drop modules a failed import left half-made, so the next import starts clean."""
    for name in names:
        if name == "spacy" or name.startswith("spacy."):
            sys.modules.pop(name, None)
