"""The installed package carries its glossaries, word lists and trained pipeline.

CI installs plainspeak with a plain ``pip install .`` (not editable). Run from
an empty folder, Python then imports the installed copy, and everything it
needs must be inside it: no checkout, no network.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

NOT_INSTALLED = 77  # the probe's exit code when there is no plainspeak to import
PROBE = """
import importlib.util, json, sys
if importlib.util.find_spec("plainspeak") is None:
    sys.exit(%d)
import plainspeak.resources as r
print(json.dumps({
    "package": str(r.package_root()),
    "glossaries": sorted(p.name for p in r.glossaries_dir().glob("*.yaml")),
    "glossaries_dir": str(r.glossaries_dir()),
    "model": (r.model_path() / "meta.json").is_file(),
    "model_dir": str(r.model_path()),
    "data": sorted(p.name for p in (r.package_root() / "data").glob("*.txt*")),
}))
""" % NOT_INSTALLED


def _installed() -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          cwd="/", env={"PATH": "/usr/bin:/bin"}, timeout=60)
    if done.returncode == NOT_INSTALLED:
        pytest.skip("plainspeak is not installed in this environment")
    # Any other failure is a broken install, which this test is here to catch.
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_installed_package_carries_its_data() -> None:
    found = _installed()
    if Path(found["package"]).parent == REPO:
        pytest.skip("an editable install points at the checkout; CI installs a wheel")
    package = Path(found["package"])
    assert Path(found["glossaries_dir"]).parent == package
    shipped = sorted(p.name for p in (REPO / "glossaries").glob("*.yaml"))
    assert found["glossaries"] == shipped
    assert Path(found["model_dir"]).is_relative_to(package)
    assert found["model"], "the trained pipeline is missing from the installed package"
    assert found["data"] == sorted(p.name for p in (REPO / "plainspeak" / "data").glob("*.txt*"))
