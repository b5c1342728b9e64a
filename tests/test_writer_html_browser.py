"""The reader's copy in headless Chromium: axe-core finds no violations, and nothing from a paper runs.

Runs with the npm packages in ``package.json`` (``npm install`` puts axe-core
and playwright-core in ``node_modules/``) or the Python ``playwright``
package, always with the system Chromium; it never downloads a browser.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plainspeak.glossary.model import GlossarySet, Status, Term
from plainspeak.writers.html import render_reader_html
from tests.helpers import paper_from_text
from tests.test_writer_html import PROFILE, TEXT
from tests.writer_support import glossary, result_for, sentence_finding, term_finding

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PLAYWRIGHT_JS = ROOT / "node_modules" / "playwright-core"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"

# bypassCSP lets axe in; it also means only the escaping stands between a paper and the page.
RUNNER = r"""
const { chromium } = require(process.env.PLAYWRIGHT_JS);
const fs = require('fs');
(async () => {
  const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox'] });
  const out = [];
  for (const job of jobs) {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', d => { dialogs += 1; d.dismiss(); });
    await page.goto('file://' + job.file);
    await page.addScriptTag({ content: fs.readFileSync(process.env.AXE, 'utf8') });
    const axe = await page.evaluate(async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.nodes.length));
    const pwned = await page.evaluate(() => window.__pwned || 0);
    out.push({ file: job.file, violations: axe, pwned, dialogs });
    await context.close();
  }
  await browser.close();
  process.stdout.write(JSON.stringify(out));
})();
"""


def _have_node_tools() -> bool:
    return bool(shutil.which("node")) and AXE.exists() and PLAYWRIGHT_JS.exists()


def _have_python_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return AXE.exists()


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="chromium is not installed"),
    pytest.mark.skipif(not (_have_node_tools() or _have_python_playwright()),
                       reason="axe-core and playwright are not installed (npm install)"),
]


def _run(files: list[Path]) -> list[dict]:
    if _have_node_tools():
        env = {**os.environ, "PLAYWRIGHT_JS": str(PLAYWRIGHT_JS), "CHROMIUM": CHROMIUM, "AXE": str(AXE)}
        done = subprocess.run(["node", "-e", RUNNER], input=json.dumps([{"file": str(f)} for f in files]),
                              capture_output=True, text=True, env=env, timeout=180, check=True)
        return json.loads(done.stdout)
    return [_run_python(f) for f in files]


def _run_python(file: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(1), d.dismiss()))
        page.goto(file.as_uri())
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.nodes.length)")
        pwned = page.evaluate("() => window.__pwned || 0")
        browser.close()
    return {"file": str(file), "violations": violations, "pwned": pwned, "dialogs": len(dialogs)}


def _write(tmp_path: Path, name: str, text: str, glossaries: GlossarySet, **options) -> Path:
    paper = paper_from_text(text, path=name)
    findings = [term_finding(paper, "virement")]
    if "Spending on care" in text:
        findings.append(sentence_finding(paper, "Spending on care", 24))
    path = tmp_path / f"{name}.html"
    path.write_text(render_reader_html(result_for(paper, findings, **PROFILE), paper, glossaries, **options),
                    encoding="utf-8")
    return path


def test_axe_finds_nothing_and_hostile_text_does_not_run(tmp_path):
    hostile = ("# Update <script>window.__pwned = 1</script>\n\nThe virement "
               "<img src=x onerror=\"window.__pwned = 2; alert(2)\"> was agreed.")
    evil = GlossarySet(terms=[Term("virement", '<img src=x onerror="window.__pwned = 3">moving money',
                                   status=Status.AGREED)])
    files = [_write(tmp_path, "plain", TEXT, glossary()),
             _write(tmp_path, "forms", TEXT, glossary(), ask_url="/ask", csrf_token="t"),
             _write(tmp_path, "hostile", hostile, evil)]
    results = _run(files)
    assert [(r["violations"], r["pwned"], r["dialogs"]) for r in results] == [([], 0, 0)] * 3
