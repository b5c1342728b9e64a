"""The web page through Flask's test client: pages, security, refusals, asking, staff."""

from __future__ import annotations

import io
import json
import os
import re
import threading
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from spacy.language import Language

from plainspeak.requests_store import RequestStore
from plainspeak.web import create_app
from plainspeak.web.checking import display_label, suffix_for
from plainspeak.web.outputs import add_name_fields
from plainspeak.web.ratelimit import RateLimiter
from plainspeak.web.results import CheckedPaper, ResultCache

TOKEN = "staff-code-for-tests"
PAPER_LINES = [
    ("heading", "Home care budget"),
    ("text", "The council agreed a virement of £2m from reserves to home care."),
    ("text", "The QPX board will look at the plan every three months."),
]


def blank_pipeline(settings, glossaries):  # noqa: ANN001, ANN201 - the engine's types
    """The plainspeak components on ``spacy.blank("en")``: no trained model needed."""
    import spacy

    from plainspeak.nlp.pipeline import add_components
    from plainspeak.nlp.tokenizer import customise_tokenizer

    nlp = spacy.blank("en")
    customise_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return add_components(nlp, settings, glossaries)


def docx_bytes(lines: list[tuple[str, str]] = PAPER_LINES) -> bytes:
    document = Document()
    for kind, text in lines:
        if kind == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_app(tmp_path: Path, **config):  # noqa: ANN003, ANN201
    uploads = tmp_path / "uploads"
    uploads.mkdir(exist_ok=True)
    settings = {"TESTING": True, "STORE_PATH": str(tmp_path / "requests.sqlite3"),
                "STAFF_TOKEN": TOKEN, "PIPELINE": blank_pipeline, "UPLOAD_DIR": str(uploads)}
    settings.update(config)
    return create_app(settings)


def csrf(client) -> str:  # noqa: ANN001
    client.get("/")
    with client.session_transaction() as session:
        return session["csrf_token"]


def upload(client, data: bytes, name: str):  # noqa: ANN001, ANN201
    return client.post("/check", data={"csrf_token": csrf(client), "paper": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def sign_in(client) -> None:  # noqa: ANN001
    response = client.post("/staff/sign-in", data={"csrf_token": csrf(client), "token": TOKEN})
    assert response.status_code == 303


def text_of(response) -> str:  # noqa: ANN001
    return " ".join(visible_blocks(response.get_data(as_text=True)))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    # Every test client comes from one address: leave room for the uploads these tests make.
    return make_app(tmp_path_factory.mktemp("web"), ISOLATE=False, UPLOADS_PER_MINUTE=1000)


@pytest.fixture()
def client(app):  # noqa: ANN001, ANN201
    return app.test_client()


@pytest.fixture(scope="module")
def checked(app):  # noqa: ANN001, ANN201
    """One client that has checked the test paper, and the address of its result."""
    client = app.test_client()
    response = upload(client, docx_bytes(), "budget-update.docx")
    assert response.status_code == 303
    return client, response.headers["Location"]


# Pages and headers


def test_start_page_is_in_english_with_a_skip_link_and_forms(client) -> None:  # noqa: ANN001
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en-GB">' in html
    assert '<a class="skip" href="#main">' in html and '<main id="main"' in html
    assert 'enctype="multipart/form-data"' in html and 'name="csrf_token"' in html
    assert '<label for="paper">' in html and '<label for="word">' in html


def test_every_response_carries_the_security_headers(client) -> None:  # noqa: ANN001
    for path in ("/", "/lookup", "/static/site.css", "/no-such-page"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert (headers.get("Cache-Control") == "no-store") == (not path.startswith("/static/"))


def test_the_session_cookie_is_http_only_and_strict(client) -> None:  # noqa: ANN001
    cookie = client.get("/").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_unknown_page_is_a_plain_404(client) -> None:  # noqa: ANN001
    response = client.get("/papers/not-a-paper")
    assert response.status_code == 404
    assert "We cannot find that page" in text_of(response)


# Form tokens


@pytest.mark.parametrize("path", ["/check", "/ask", "/staff/sign-in", "/staff/answered", "/papers/x/forget"])
def test_a_post_without_the_form_token_is_refused(client, path: str) -> None:  # noqa: ANN001
    csrf(client)
    assert client.post(path, data={"term": "precept", "token": TOKEN}).status_code == 400
    assert client.post(path, data={"csrf_token": "wrong", "term": "precept"}).status_code == 400


# Checking a paper


def test_checking_a_docx_shows_what_was_found_and_offers_downloads(checked) -> None:  # noqa: ANN001
    client, where = checked
    page = client.get(where)
    assert page.status_code == 200
    words = text_of(page)
    assert "What we found in budget-update.docx" in words
    assert "Words we explain for you The paper does not explain these words" in words
    assert re.search(r"your glossary does\. .* virement Words nobody explains yet", words)
    assert "Ask about “QPX”" in words and "Ask about “virement”" not in words
    html = page.get_data(as_text=True)
    assert f'href="{where}/read"' in html and f'href="{where}/copy"' in html


def test_the_readers_copy_has_ask_forms_with_a_name_box_and_a_hashed_policy(checked) -> None:  # noqa: ANN001
    client, where = checked
    response = client.get(f"{where}/read")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'action="/ask"' in html and 'name="csrf_token"' in html
    assert html.count('name="name"') == html.count('<button type="submit">Send</button>') > 0
    policy = response.headers["Content-Security-Policy"]
    assert re.search(r"style-src 'self' 'sha256-[A-Za-z0-9+/=]+'", policy)
    assert "virement" in html


def test_downloads_are_the_annotated_docx_and_a_report_naming_the_paper(checked) -> None:  # noqa: ANN001
    client, where = checked
    copy = client.get(f"{where}/copy")
    assert copy.status_code == 200
    assert copy.headers["Content-Disposition"] == "attachment; filename=budget-update.plainspeak.docx"
    assert copy.data.startswith(b"PK")
    assert any(c.text for c in Document(io.BytesIO(copy.data)).comments)
    report = json.loads(client.get(f"{where}/report").data)
    assert report["papers"][0]["path"] == "budget-update.docx"
    assert "plainspeak-" not in json.dumps(report)  # the temporary file is never named


def test_a_macro_enabled_paper_is_checked_and_its_copy_is_an_ordinary_docx(app) -> None:  # noqa: ANN001
    from tests.test_robust_files import MACRO_PARTS, MACRO_TYPE, as_word_kind

    client = app.test_client()
    response = upload(client, as_word_kind(docx_bytes(), MACRO_TYPE, macros=True), "budget-update.docm")
    assert response.status_code == 303
    where = response.headers["Location"]
    assert "virement" in client.get(where).get_data(as_text=True)
    copy = client.get(f"{where}/copy")
    assert copy.headers["Content-Disposition"] == "attachment; filename=budget-update.plainspeak.docx"
    assert not set(zipfile.ZipFile(io.BytesIO(copy.data)).namelist()) & set(MACRO_PARTS)
    assert any(c.text for c in Document(io.BytesIO(copy.data)).comments)


@pytest.mark.parametrize("isolate", [True, False])
def test_a_pdf_whose_copy_pypdf_cannot_make_is_still_checked_with_the_readers_copy(tmp_path: Path,
                                                                                   isolate: bool) -> None:
    from tests.test_writer_isolate import pdf_with_a_page_tree_loop

    client = make_app(tmp_path, ISOLATE=isolate).test_client()
    response = upload(client, pdf_with_a_page_tree_loop(), "loop.pdf")
    assert response.status_code == 303
    where = response.headers["Location"]
    page = client.get(where).get_data(as_text=True)
    assert "virement" in page and "The paper with notes (a web page)" in page
    copy = client.get(f"{where}/copy")
    assert copy.headers["Content-Disposition"] == "attachment; filename=loop.plainspeak.html"
    assert copy.data.startswith(b"<!DOCTYPE html>") and b"The cabinet agreed the " in copy.data


def test_a_timeout_out_of_range_is_refused_when_the_app_is_built(tmp_path: Path) -> None:
    for bad in (float("nan"), float("inf"), 0, -5, "30"):
        with pytest.raises(ValueError, match="expected a number above 0"):
            make_app(tmp_path, TIMEOUT=bad)


def test_another_browser_cannot_open_someone_elses_paper(app, checked) -> None:  # noqa: ANN001
    _, where = checked
    stranger = app.test_client()
    for suffix in ("", "/read", "/copy", "/report"):
        assert stranger.get(where + suffix).status_code == 404


def test_pasted_text_is_checked_and_escaped(client) -> None:  # noqa: ANN001
    text = "The ZQT team <script>alert(1)</script> meets <img src=x onerror=alert(2)> on Monday."
    response = client.post("/check", data={"csrf_token": csrf(client), "text": text})
    assert response.status_code == 303
    for suffix in ("", "/read"):
        html = client.get(response.headers["Location"] + suffix).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html or suffix == ""


HOSTILE = 'The ZQT team <script>alert(1)</script> meets <img src=x onerror="alert(2)"> daily.'


@pytest.mark.parametrize("data, name", [
    (HOSTILE.encode(), "hostile.txt"),
    (docx_bytes([("heading", "<script>alert(3)</script>"), ("text", HOSTILE)]), "<b>hostile</b>.docx"),
])
def test_an_uploaded_script_is_shown_as_text_everywhere(client, data: bytes, name: str) -> None:  # noqa: ANN001
    where = upload(client, data, name).headers["Location"]
    for suffix in ("", "/read"):
        html = client.get(where + suffix).get_data(as_text=True)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(where + "/read").get_data(as_text=True)


def test_nothing_chosen_shows_an_error_tied_to_the_field(client) -> None:  # noqa: ANN001
    response = client.post("/check", data={"csrf_token": csrf(client), "text": "  "})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'role="alert"' in html and 'href="#paper"' in html
    assert 'aria-describedby="paper-hint paper-error"' in html and 'aria-invalid="true"' in html


def test_forgetting_a_paper_removes_it(app) -> None:  # noqa: ANN001
    client = app.test_client()
    where = upload(client, b"The plan is short and clear.", "plan.txt").headers["Location"]
    key = where.rsplit("/", 1)[-1]
    assert client.post(f"{where}/forget", data={"csrf_token": csrf(client)}).status_code == 303
    assert client.get(where).status_code == 404
    assert "We have forgotten the paper" in text_of(client.get("/"))
    assert key


# Hostile uploads


def _leftovers(app) -> list[str]:  # noqa: ANN001
    return os.listdir(app.config["UPLOAD_DIR"])


def test_an_oversized_upload_gets_a_too_large_page_and_leaves_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, MAX_UPLOAD_MB=0.01)
    client = app.test_client()
    response = upload(client, b"word " * 5000, "long.txt")
    assert response.status_code == 413
    assert "The file is too large" in text_of(response)
    assert _leftovers(app) == []


@pytest.mark.parametrize("data, name", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "picture.png"),
    (b"MZ\x90\x00" + bytes(200), "setup.exe"),
    (b"%PDF-1.4 not really a PDF but named as Word", "paper.docx"),
])
def test_a_wrong_type_is_refused_as_unsupported(app, data: bytes, name: str) -> None:  # noqa: ANN001
    client = app.test_client()
    response = upload(client, data, name)
    assert response.status_code == 415
    assert "We cannot read this kind of file" in text_of(response)
    assert _leftovers(app) == []


def test_a_path_in_the_file_name_never_becomes_a_path(app, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    client = app.test_client()
    refused = upload(client, b"plain text, not Word", "../../etc/passwd.docx")
    assert refused.status_code == 415
    accepted = upload(client, docx_bytes(), "../../../tmp/evil/name.docx")
    assert accepted.status_code == 303
    page = text_of(client.get(accepted.headers["Location"]))
    assert "What we found in name.docx" in page and "../" not in page
    assert _leftovers(app) == []
    assert list(tmp_path.iterdir()) == [] and not Path("/tmp/evil").exists()


def test_a_damaged_docx_gets_a_could_not_read_page(app) -> None:  # noqa: ANN001
    response = upload(app.test_client(), b"PK\x03\x04" + bytes(100), "broken.docx")
    assert response.status_code in (415, 422)
    assert _leftovers(app) == []


def test_an_empty_file_is_refused(app) -> None:  # noqa: ANN001
    response = upload(app.test_client(), b"", "empty.txt")
    assert response.status_code == 400
    assert _leftovers(app) == []


def test_an_isolated_check_refuses_and_cleans_up_too(tmp_path: Path) -> None:
    app = make_app(tmp_path, ISOLATE=True)
    client = app.test_client()
    assert upload(client, b"\x00\x01\x02" * 100, "odd.txt").status_code == 415
    assert upload(client, docx_bytes(), "fine.docx").status_code == 303
    assert _leftovers(app) == []


@Language.component("plainspeak_test_slow_step")
def slow_step(doc):  # noqa: ANN001, ANN201 - a spaCy component
    time.sleep(0.02)  # a paragraph's parse on a slow machine
    return doc


def slow_pipeline(settings, glossaries):  # noqa: ANN001, ANN201 - the engine's types
    nlp = blank_pipeline(settings, glossaries)
    nlp.add_pipe("plainspeak_test_slow_step", first=True)
    return nlp


def upload_in_a_thread(client, data: bytes, name: str):  # noqa: ANN001, ANN201
    """As a served page checks a paper: in a request thread, where no timer signal reaches."""
    responses = []
    thread = threading.Thread(target=lambda: responses.append(upload(client, data, name)))
    thread.start()
    thread.join(60)
    return responses[0]


def test_a_paper_over_its_time_gets_a_could_not_check_page_and_the_page_goes_on(tmp_path: Path) -> None:
    app = make_app(tmp_path, ISOLATE=False, PIPELINE=slow_pipeline, TIMEOUT=0.5)
    client = app.test_client()
    paragraphs = "\n\n".join(f"Paragraph {i} of the plan." for i in range(400))  # 8 s of parse
    started = time.monotonic()
    response = upload_in_a_thread(client, paragraphs.encode(), "long.txt")
    took = time.monotonic() - started
    assert response.status_code == 422
    text = text_of(response)
    assert "We could not check this paper: checking the paper took too long." in text
    assert "You can split a long paper into parts." in text and "--timeout" not in text
    assert took < 4
    assert _leftovers(app) == []
    assert upload_in_a_thread(client, b"The plan.", "short.txt").status_code == 303


def test_serve_passes_its_time_limit_to_the_page(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import plainspeak.web
    from plainspeak.cli import cli

    given = {}

    def stop_here(config):  # noqa: ANN001, ANN202 - stands in for create_app
        given.update(config)
        raise SystemExit(0)

    monkeypatch.setattr(plainspeak.web, "create_app", stop_here)
    from click.testing import CliRunner

    assert CliRunner().invoke(cli, ["serve", "--timeout", "7.5"]).exit_code == 0
    assert given["TIMEOUT"] == 7.5
    monkeypatch.undo()
    state = make_app(tmp_path, TIMEOUT=7.5).extensions["plainspeak"]
    assert state.checker.settings.limits.timeout_s == 7.5


def test_kept_uploads_get_a_name_chosen_here(tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    app = make_app(tmp_path, ISOLATE=False, KEEP_UPLOADS=str(keep))
    upload(app.test_client(), docx_bytes(), "../secret plans.docx")
    kept = [p.name for p in keep.iterdir()]
    assert len(kept) == 1 and re.fullmatch(r"paper-\d{8}T\d{6}-\w+\.docx", kept[0])
    assert _leftovers(app) == []


@pytest.mark.parametrize("given, label, suffix", [
    ("../../etc/passwd.docx", "passwd.docx", ".docx"),
    ("C:\\Users\\ann\\Budget 2026.PDF", "Budget 2026.PDF", ".pdf"),
    ("<script>.md", "script.md", ".md"),
    ("notes", "notes", ".upload"),
    ("..", "pasted text", ".upload"),
])
def test_client_file_names_become_tame_labels_and_fixed_suffixes(given: str, label: str, suffix: str) -> None:
    assert display_label(given) == label
    assert suffix_for(given) == suffix


# Looking a word up


def test_lookup_gives_the_plain_meaning_and_who_agreed_it(client) -> None:  # noqa: ANN001
    words = text_of(client.get("/lookup?word=virement"))
    assert "What “virement” means" in words
    assert "Say instead" in words and "Who agreed it" in words


def test_lookup_forgives_case_and_offers_close_spellings(client) -> None:  # noqa: ANN001
    assert "What “VIREMENT” means" in text_of(client.get("/lookup?word=VIREMENT"))
    words = text_of(client.get("/lookup?word=virment"))
    assert "We have no entry for “virment”" in words and "Did you mean one of these?" in words
    assert "virement" in words


def test_lookup_of_an_unknown_word_offers_to_ask(client) -> None:  # noqa: ANN001
    html = client.get("/lookup?word=zorbulation").get_data(as_text=True)
    assert "We have no entry for “zorbulation” yet" in html
    assert 'href="/ask?term=zorbulation"' in html


# Asking


def test_asking_records_the_request_and_says_thank_you(app) -> None:  # noqa: ANN001
    client = app.test_client()
    response = client.post("/ask", data={"csrf_token": csrf(client), "term": "  top   slicing ",
                                         "name": "Ann Lee", "sentence": "We top slice the grant."})
    assert response.status_code == 303 and response.headers["Location"] == "/thanks"
    assert "We have saved your question about “top slicing”" in text_of(client.get("/thanks"))
    saved = [r for r in RequestStore(app.config["STORE_PATH"]).all() if r.term == "top slicing"]
    assert [(r.name, r.sentence) for r in saved] == [("Ann Lee", "We top slice the grant.")]


def test_asking_with_no_word_shows_the_error_at_the_field(client) -> None:  # noqa: ANN001
    response = client.post("/ask", data={"csrf_token": csrf(client), "term": " "})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'aria-invalid="true" aria-describedby="term-error"' in html and 'href="#term"' in html


def test_asking_from_the_readers_copy_records_word_and_paragraph(app, checked) -> None:  # noqa: ANN001
    client, where = checked
    html = client.get(f"{where}/read").get_data(as_text=True)
    paper_key = re.search(r'name="paper" value="([0-9a-f]{64})"', html).group(1)
    token = csrf(client)
    client.post("/ask", data={"csrf_token": token, "paper": paper_key, "term": "virement", "name": "Bo"})
    client.post("/ask", data={"csrf_token": token, "paper": paper_key, "paragraph": "3",
                              "question": "the QPX board"})
    client.post("/ask", data={"csrf_token": token, "paper": paper_key, "paragraph": "2", "question": ""})
    saved = {r.term: r for r in RequestStore(app.config["STORE_PATH"]).all()}
    assert saved["virement"].paper == "budget-update.docx" and saved["virement"].name == "Bo"
    assert saved["the QPX board"].sentence == PAPER_LINES[2][1]
    assert saved["The council agreed a virement of £2m from ..."].sentence == PAPER_LINES[1][1]
    assert "Go back to the paper" in text_of(client.get("/thanks"))


def test_asking_is_rate_limited(tmp_path: Path) -> None:
    app = make_app(tmp_path, ASKS_PER_MINUTE=2, ISOLATE=False)
    client = app.test_client()
    token = csrf(client)
    codes = [client.post("/ask", data={"csrf_token": token, "term": f"word {n}"}).status_code for n in range(3)]
    assert codes == [303, 303, 429]
    refused = client.post("/ask", data={"csrf_token": token, "term": "again"})
    assert refused.headers["Retry-After"] == "30" and "Please wait a minute" in text_of(refused)


def test_checking_is_rate_limited_and_leaves_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, UPLOADS_PER_MINUTE=1, ISOLATE=False)
    client = app.test_client()
    assert upload(client, b"A short plan.", "plan.txt").status_code == 303
    refused = upload(client, b"A short plan.", "plan.txt")
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "60"
    assert _leftovers(app) == []


def test_the_token_bucket_refills_with_time() -> None:
    now = [0.0]
    limiter = RateLimiter({"upload": 10}, clock=lambda: now[0])
    assert [limiter.allow("upload", "a") for _ in range(11)] == [True] * 10 + [False]
    assert limiter.allow("upload", "b")  # each client has its own bucket
    now[0] = 6.0  # one token back every six seconds
    assert [limiter.allow("upload", "a") for _ in range(2)] == [True, False]


def test_checked_papers_expire_and_are_capped() -> None:
    now = [0.0]
    cache = ResultCache(limit=2, ttl_s=60, clock=lambda: now[0])
    keys = [cache.put(CheckedPaper("me", f"p{n}", "", {}, {}, 0)) for n in range(3)]
    assert cache.get(keys[0], "me") is None and cache.get(keys[2], "me") is not None
    assert cache.get(keys[2], "you") is None
    now[0] = 61.0
    assert cache.get(keys[2], "me") is None and len(cache) == 0


def test_name_boxes_are_added_to_each_ask_form_only() -> None:
    page = '<p>&lt;button type="submit"&gt;Send&lt;/button&gt;</p><form><button type="submit">Send</button></form>' * 2
    named = add_name_fields(page)
    assert named.count('name="name"') == 2
    assert 'id="ask-name-1"' in named and 'id="ask-name-2"' in named


# Staff pages


def test_staff_pages_send_a_browser_to_sign_in_and_refuse_posts(app) -> None:  # noqa: ANN001
    client = app.test_client()
    for path in ("/staff/", "/staff/glossary", "/staff/worksheet.docx"):
        response = client.get(path)
        assert response.status_code == 303 and response.headers["Location"] == "/staff/sign-in"
    assert client.post("/staff/answered", data={"csrf_token": csrf(client), "term": "x"}).status_code == 401


def test_a_wrong_staff_code_is_refused(client) -> None:  # noqa: ANN001
    response = client.post("/staff/sign-in", data={"csrf_token": csrf(client), "token": TOKEN + "x"})
    assert response.status_code == 401
    assert "That staff code is not right" in text_of(response)
    assert client.get("/staff/").status_code == 303


def test_signing_in_starts_a_new_session(client) -> None:  # noqa: ANN001
    before = csrf(client)
    sign_in(client)
    with client.session_transaction() as session:
        assert session["staff"] is True and session["csrf_token"] != before


def test_staff_see_requests_by_count_and_paper_and_mark_them_answered(tmp_path: Path) -> None:
    app = make_app(tmp_path, ISOLATE=False)
    store = RequestStore(app.config["STORE_PATH"])
    for paper in ("budget.docx", "budget.docx", "plan.pdf"):
        store.add("precept", paper=paper, name="Cat")
    store.add("<b>bold</b>", paper="plan.pdf")
    client = app.test_client()
    sign_in(client)
    page = client.get("/staff/")
    html = page.get_data(as_text=True)
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    words = text_of(page)
    assert words.index("precept 3 budget.docx, plan.pdf Cat") < words.index("<b>bold</b> 1")
    assert "By paper budget.docx precept (2) plan.pdf precept (1)" in words
    client.post("/staff/answered", data={"csrf_token": csrf(client), "term": "precept"})
    words = text_of(client.get("/staff/"))
    assert "Marked 3 requests for “precept” as answered." in words
    assert "precept 3" not in words


def test_staff_download_the_worksheet_with_the_words_asked_about(tmp_path: Path) -> None:
    app = make_app(tmp_path, ISOLATE=False)
    RequestStore(app.config["STORE_PATH"]).add("zorbing levy", paper="plan.pdf")
    client = app.test_client()
    sign_in(client)
    response = client.get("/staff/worksheet.docx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=glossary-worksheet.docx"
    cells = [c.text for t in Document(io.BytesIO(response.data)).tables for r in t.rows for c in r.cells]
    assert "zorbing levy" in cells
    assert _leftovers(app) == []


def test_staff_browse_the_glossary(client) -> None:  # noqa: ANN001
    sign_in(client)
    words = text_of(client.get("/staff/glossary?word=virement"))
    assert "virement" in words and "Moving money" in words
    everything = text_of(client.get("/staff/glossary?category=budget"))
    assert int(re.search(r"(\d+) entries", everything).group(1)) > 10


def test_staff_pages_are_off_without_a_code(tmp_path: Path) -> None:
    client = make_app(tmp_path, STAFF_TOKEN=None).test_client()
    assert client.get("/staff/").status_code == 404
    assert client.get("/staff/sign-in").status_code == 404
    assert "Staff sign in" not in text_of(client.get("/"))


# The page's own words pass plainspeak


_BLOCKS = {"p", "h1", "h2", "h3", "li", "dt", "dd", "th", "td", "label", "button", "summary",
           "caption", "option", "div", "section", "form", "ul", "dl", "table", "tr", "nav", "header",
           "footer", "main", "article", "textarea"}
_HIDDEN = {"script", "style", "title", "head", "textarea", "select"}


class _Visible(HTMLParser):
    """The text a person sees, one block per block-level element; headings marked ``# ``."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._hidden = 0
        self._heading = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in _HIDDEN:
            self._hidden += 1
        if tag in _BLOCKS or tag in _HIDDEN:
            self._flush()
        self._heading = self._heading or tag in ("h1", "h2", "h3")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS or tag in _HIDDEN:
            self._flush()
        if tag in _HIDDEN:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(f"# {text}" if self._heading else text)
        self._current, self._heading = [], False


def visible_blocks(html: str) -> list[str]:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    parser._flush()
    return [b[2:] if b.startswith("# ") else b for b in parser.blocks]


def visible_paper_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    parser._flush()
    return "\n\n".join(parser.blocks)


WORDING_CODES = {"PS101", "PS102", "PS201", "PS202"}


def test_the_pages_own_wording_passes_plainspeak(tmp_path: Path) -> None:
    from plainspeak.engine import check_paper, load_glossaries
    from plainspeak.settings import Settings
    from tests.helpers import paper_from_text

    app = make_app(tmp_path, ISOLATE=False, ASKS_PER_MINUTE=1)
    client = app.test_client()
    pages = {path: client.get(path) for path in ("/", "/lookup", "/lookup?word=zorbulation", "/ask",
                                                 "/no-such-page", "/staff/sign-in")}
    key = upload(client, docx_bytes(), "budget-update.docx").headers["Location"]
    pages["result"] = client.get(key)
    token = csrf(client)
    client.post("/ask", data={"csrf_token": token, "term": "QPX"})
    pages["thanks"] = client.get("/thanks")
    pages["429"] = client.post("/ask", data={"csrf_token": token, "term": "QPX"})
    pages["400"] = client.post("/ask", data={"csrf_token": "wrong"})
    pages["415"] = upload(client, b"\x89PNG\r\n\x1a\n" + bytes(300), "a.png")
    pages["sign-in error"] = client.post("/staff/sign-in", data={"csrf_token": csrf(client), "token": "no"})
    sign_in(client)
    pages["staff"] = client.get("/staff/")
    settings = Settings()
    glossaries = load_glossaries(settings)
    nlp = blank_pipeline(settings, glossaries)
    problems = {}
    for name, response in pages.items():
        html = response.get_data(as_text=True)
        # The paper's own words and the words people asked about are not the page's wording.
        html = re.sub(r'<span class="term">[^<]*</span>|<a href="/lookup\?word=[^"]*">[^<]*</a>', "", html)
        html = re.sub(r"“[^”]*”", "it", re.sub(r"QPX|budget-update\.docx", "", html))
        paper = paper_from_text(visible_paper_text(html), path=f"{name}.txt")
        result = check_paper(paper, settings, glossaries, nlp)
        found = [(f.code, f.text) for f in result.findings if f.code in WORDING_CODES]
        if found:
            problems[name] = found
    assert problems == {}


# The command


def test_serve_starts_on_a_free_port_and_answers(tmp_path: Path) -> None:
    import subprocess
    import sys
    import urllib.request

    repo = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PLAINSPEAK_STAFF_TOKEN=TOKEN, PLAINSPEAK_STORE=str(tmp_path / "r.sqlite3"),
               PYTHONPATH=os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")])))
    model = ["--model", "blank:en"] if not (Path(__file__).parents[1] / "models/en_plainspeak_ewt").is_dir() else []
    server = subprocess.Popen([sys.executable, "-m", "plainspeak", "serve", "--port", "0", "--timeout", "30", *model],
                              stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        lines = [server.stderr.readline(), server.stderr.readline()]
        address = re.search(r"http://127\.0\.0\.1:\d+/", lines[1]).group(0)
        with urllib.request.urlopen(address, timeout=30) as response:
            assert response.status == 200
            assert "Make sense of a meeting paper" in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
