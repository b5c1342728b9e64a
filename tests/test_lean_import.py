"""spaCy is imported without its command-line tools, and nothing is lost by it.

Each case runs in a fresh interpreter: in the test process spaCy is imported already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(code: str, *path: Path) -> dict:
    env_path = ":".join([*map(str, path), str(REPO)])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_spacy_comes_without_its_commands_and_they_still_work() -> None:
    found = run(
        "import json, sys\n"
        "import plainspeak.nlp\n"
        "loaded = {name: name in sys.modules for name in ('spacy', 'spacy.cli', 'weasel', 'requests', 'typer')}\n"
        "import spacy\n"
        "print(json.dumps({'loaded': loaded, 'train': hasattr(spacy.cli, 'train'),\n"
        "                  'info': 'spacy_version' in spacy.info(),\n"
        "                  'tagged': [t.pos_ for t in spacy.blank('en')('Two words')] == ['', '']}))\n"
    )
    assert found["loaded"] == {"spacy": True, "spacy.cli": False, "weasel": False, "requests": False,
                               "typer": False}
    assert found["train"] and found["info"] and found["tagged"]


def test_a_spacy_laid_out_otherwise_is_imported_as_usual(tmp_path: Path) -> None:
    # This package's __init__ needs a name from spacy.cli itself, which an empty
    # stand-in lacks: the first try fails and the usual import must follow, clean.
    package = tmp_path / "spacy"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text("from .cli.info import info\nfrom .cli import extra\n")
    (package / "cli" / "__init__.py").write_text("extra = 1\n")
    (package / "cli" / "info.py").write_text("def info():\n    return 'real'\n")
    found = run(
        "import json\n"
        "from plainspeak.nlp.lean_import import import_spacy\n"
        "spacy = import_spacy()\n"
        "print(json.dumps({'extra': spacy.extra, 'info': spacy.info(), 'file': spacy.__file__}))\n",
        tmp_path,
    )
    assert found == {"extra": 1, "info": "real", "file": str(package / "__init__.py")}


def test_glossary_commands_do_not_import_spacy() -> None:
    # They only read YAML; importing spaCy made `plainspeak explain` six times slower.
    for command in (["explain", "virement"], ["glossary", "list"]):
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "plainspeak", *command],
                              capture_output=True, text=True, timeout=120,
                              env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
        assert done.returncode == 0, done.stderr
        imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
        # spaCy is imported through importlib (see lean_import), so look for its first dependency too.
        assert "plainspeak.glossary.load" in imported and not imported & {"spacy", "thinc"}, command
