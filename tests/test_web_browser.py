"""The web page in headless Chromium: a citizen's journey, a member of staff's, and axe-core on every page.

Chromium is Debian's (``/usr/bin/chromium``), driven by the Python Playwright
package; axe-core comes from ``node_modules`` (see package.json). The tests
skip only when one of them is missing. Screenshots at 100 % and 200 % zoom go
to ``$PLAINSPEAK_SCREENSHOTS`` (else a temporary folder) for a person to look at.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Iterator

import pytest

from plainspeak.requests_store import RequestStore
from tests.test_web import TOKEN, docx_bytes, make_app

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDE = {"width": 1280, "height": 900}
# 200 % zoom: the same window shows half as many CSS pixels across.
ZOOMED = {"width": 640, "height": 450}


def _missing() -> str:
    if not CHROMIUM.exists():
        return "chromium is not installed (apt-get install -y chromium)"
    if not AXE.exists():
        return "axe-core is not installed (npm install at the repository root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed"
    return ""


if _missing():
    pytest.skip(_missing(), allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object, Path]]:
    """The real server on a free loopback port, in a thread."""
    from werkzeug.serving import make_server

    folder = tmp_path_factory.mktemp("browser")
    app = make_app(folder, MAX_UPLOAD_MB=1)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", app, folder
    finally:
        server.shutdown()
        thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:  # noqa: ANN001
    context = browser.new_context(viewport=WIDE, accept_downloads=True, locale="en-GB")
    tab = context.new_page()
    problems: list[str] = []
    # Refusal pages answer 4xx on purpose; any other failed part of a page, script error
    # or Content-Security-Policy refusal is a problem.
    tab.on("console", lambda m: problems.append(m.text)
           if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    tab.on("response", lambda r: problems.append(f"{r.status} {r.url}")
           if r.status >= 400 and r.request.resource_type != "document" else None)
    tab.problems = problems
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("PLAINSPEAK_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots: {folder}")
    return folder


def axe_violations(page) -> list[dict]:  # noqa: ANN001
    """axe-core's violations on the page as it is now (every rule it runs by default)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # the page's CSP allows no injected script tag
    return page.evaluate("async () => (await axe.run(document)).violations.map(v => "
                         "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html)}))")


def check_page(page, shots: Path, name: str) -> None:  # noqa: ANN001
    """No axe violations, no CSP or script errors, nothing wider than the window at 200 %."""
    violations = axe_violations(page)
    for violation in violations:
        print(name, violation)
    assert violations == [], name
    assert page.problems == [], name
    page.screenshot(path=str(shots / f"{name}-100.png"), full_page=True)
    page.set_viewport_size(ZOOMED)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.screenshot(path=str(shots / f"{name}-200.png"), full_page=True)
    page.set_viewport_size(WIDE)
    assert overflow <= 0, f"{name} scrolls sideways at 200 % zoom"


def test_a_citizen_checks_a_paper_reads_it_and_asks(site, page, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    base, app, _ = site
    page.goto(base + "/")
    check_page(page, shots, "start")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the main content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible

    paper = tmp_path / "budget-update.docx"
    paper.write_bytes(docx_bytes())
    page.set_input_files("#paper", str(paper))
    page.get_by_role("button", name="Check the paper").click()
    page.wait_for_url(re.compile(r"/papers/[\w-]+$"))
    assert page.get_by_role("heading", level=1).text_content() == "What we found in budget-update.docx"
    check_page(page, shots, "result")

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("The paper with notes")).click()
    assert download.value.suggested_filename == "budget-update.plainspeak.docx"

    page.get_by_role("link", name="Read the paper with explanations").click()
    page.wait_for_url(re.compile(r"/read$"))
    check_page(page, shots, "reader")
    term = page.locator("a.term").first
    term.focus()
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    assert tip.is_visible() and tip.text_content().strip()

    ask = page.locator("details.ask", has=page.locator("summary", has_text="QPX")).first
    ask.locator("summary").click()
    ask.get_by_label("Your name (you can leave this empty)").fill("Dee Evans")
    page.screenshot(path=str(shots / "reader-ask-open-100.png"), full_page=True)
    ask.get_by_role("button", name="Send").click()
    page.wait_for_url(re.compile(r"/thanks$"))
    assert "We have saved your question about “QPX”" in page.text_content("main")
    check_page(page, shots, "thanks")
    saved = [(r.term, r.name, r.paper) for r in RequestStore(app.config["STORE_PATH"]).all()]
    assert ("QPX", "Dee Evans", "budget-update.docx") in saved
    assert os.listdir(app.config["UPLOAD_DIR"]) == []


def test_looking_words_up_and_asking_by_hand(site, page, shots: Path) -> None:  # noqa: ANN001
    base, _, _ = site
    page.goto(base + "/lookup")
    check_page(page, shots, "lookup-empty")
    page.get_by_label("Word or short form").fill("virment")
    page.get_by_role("button", name="Look it up").click()
    assert "Did you mean one of these?" in page.text_content("main")
    check_page(page, shots, "lookup-close")
    page.goto(base + "/lookup?word=virement")
    check_page(page, shots, "lookup-found")
    page.get_by_role("link", name=re.compile("Ask your group")).click()
    page.get_by_label("The word or words").fill("")
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("alert").is_visible()
    check_page(page, shots, "ask-error")


def test_staff_sign_in_see_the_request_and_download_the_worksheet(site, page, shots: Path) -> None:  # noqa: ANN001
    base, app, _ = site
    RequestStore(app.config["STORE_PATH"]).add("zorbing levy", paper="plan.pdf", name="Fay")
    page.goto(base + "/staff/")
    assert page.url.endswith("/staff/sign-in")
    check_page(page, shots, "staff-sign-in")
    page.get_by_label("Staff code").fill("not the code")
    page.get_by_role("button", name="Sign in").click()
    check_page(page, shots, "staff-sign-in-error")
    page.get_by_label("Staff code").fill(TOKEN)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/staff/$"))
    assert page.get_by_role("row", name=re.compile("zorbing levy")).is_visible()
    check_page(page, shots, "staff-requests")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the worksheet (Word)").click()
    assert download.value.suggested_filename == "glossary-worksheet.docx"
    page.get_by_role("button", name="Mark “zorbing levy” as answered").click()
    assert "as answered" in page.get_by_role("status").first.text_content()
    page.goto(base + "/staff/glossary?word=budget")
    check_page(page, shots, "staff-glossary")


def test_refusal_pages(site, page, shots: Path) -> None:  # noqa: ANN001
    base, _, _ = site
    response = page.goto(base + "/papers/gone")
    assert response.status == 404
    check_page(page, shots, "not-found")


def test_a_file_too_large_gets_a_clear_page(site, page, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    base, app, _ = site
    big = tmp_path / "long.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB, over this server's 1 MB
    page.goto(base + "/")
    page.set_input_files("#paper", str(big))
    with page.expect_response(lambda r: r.url.endswith("/check")) as answer:
        page.get_by_role("button", name="Check the paper").click()
    assert answer.value.status == 413
    assert page.get_by_role("heading", level=1).text_content() == "The file is too large"
    check_page(page, shots, "too-large")
    assert os.listdir(app.config["UPLOAD_DIR"]) == []


def test_script_in_a_paper_never_runs(site, page, shots: Path, tmp_path: Path) -> None:  # noqa: ANN001
    base, _, _ = site
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base + "/")
    page.get_by_label("Or paste the text of the paper").fill(
        'The XQZ plan <script>alert("pasted")</script> starts <img src=x onerror="alert(\'img\')"> soon.')
    page.get_by_role("button", name="Check the paper").click()
    page.wait_for_url(re.compile(r"/papers/[\w-]+$"))
    page.get_by_role("link", name="Read the paper with explanations").click()
    page.wait_for_url(re.compile(r"/read$"))
    assert '<script>alert("pasted")</script>' in page.text_content("#paper")
    assert dialogs == [] and page.locator("#paper img").count() == 0
