"""Made-up meeting papers of any length, for the benchmarks and the slow tests.

The prose is written for this project: sentences built from parts that sound
like a council or NHS committee paper (long passive sentences with figures,
short plain ones, terms explained in brackets and terms left bare), so the
pipeline and the rules do the work they do on a real paper. The same seed
always gives the same paper.
"""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

OPENERS = [
    "The committee", "The finance team", "Officers", "The integrated care board", "Each locality group",
    "The carers' forum", "The director of adult services", "Members", "The housing panel",
    "The people's panel", "The commissioning manager", "The audit committee",
]
ACTIONS = [
    "agreed", "noted", "asked for", "questioned", "welcomed", "set aside", "recommended", "deferred",
    "reviewed", "approved",
]
SUBJECTS = [
    "the revised spending plan for day services",
    "a report on waiting times for home care",
    "the winter pressures money",
    "changes to the transport contract for day centres",
    "the findings of a survey of unpaid carers",
    "the outturn position at the end of quarter two",
    "a virement from the reablement budget",
    "the section 75 agreement with the trust",
    "the draft market position statement",
    "proposals for direct payments support",
    "the risk register for the coming year",
    "a bid to the better care fund",
]
ENDINGS = [
    "before the next meeting.", "with some reservations.", "after a long discussion.",
    "subject to legal advice.", "and thanked the officers for their work.",
    "so that families hear about changes sooner.", "because costs rose faster than planned.",
    "in line with the agreed timetable.", "once the people's panel has had its say.",
]
PASSIVES = [
    "It was noted that an overspend of £{m}m was forecast against a budget of £{b}m, which was "
    "attributed to {p}% growth in demand for residential placements and was expected to be "
    "mitigated by savings of £{s}k identified by the transformation programme.",
    "Following consideration by the board, it was agreed that the proposals would be progressed "
    "to implementation, subject to the completion of an equality impact assessment and to "
    "consultation being undertaken with providers in {q} of {y}.",
    "A total of {n} people were supported by the service in {y}, of whom {p}% were aged over 85, "
    "and the average weekly cost of a package was £{k}, compared with £{k2} in the previous year.",
]
PLAIN = [
    "We want to hear from people who use the service.",
    "Carers told us the forms are too long.",
    "The new bus route starts in May.",
    "Nobody will lose their support while we make these changes.",
    "You can ask questions at the start of the meeting.",
    "A short summary is at the end of this paper.",
]
DEFINED = [
    "Reablement (short-term help to get back on your feet after a stay in hospital) is now offered "
    "to everyone leaving the ward.",
    "The precept (the part of council tax that pays for adult social care) rose this year.",
    "Continuing healthcare, meaning care the NHS pays for in full because of a health need, "
    "was reviewed for {n} people.",
]
HEADINGS = [
    "Purpose of the report", "Background", "Financial position", "What people told us",
    "Options considered", "Risks", "Recommendations", "Next steps", "Equality impact",
]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        m=round(rng.uniform(0.4, 9.5), 1), b=rng.randint(40, 400), p=rng.randint(3, 48),
        s=rng.randint(100, 950), q=rng.choice(["spring", "summer", "autumn"]), y=rng.randint(2023, 2026),
        n=rng.randint(120, 4800), k=rng.randint(380, 990), k2=rng.randint(300, 900),
    )


def sentence(rng: random.Random) -> str:
    """One sentence: mostly ordinary minutes, some long passive ones, some plain, some defining."""
    roll = rng.random()
    if roll < 0.55:
        return " ".join((rng.choice(OPENERS), rng.choice(ACTIONS), rng.choice(SUBJECTS), rng.choice(ENDINGS)))
    if roll < 0.75:
        return _fill(rng.choice(PASSIVES), rng)
    if roll < 0.92:
        return rng.choice(PLAIN)
    return _fill(rng.choice(DEFINED), rng)


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def sections(words: int, seed: int = 7) -> list[tuple[str, list[str]]]:
    """Headed sections of paragraphs, about ``words`` words in all."""
    rng = random.Random(seed)
    out: list[tuple[str, list[str]]] = []
    total = 0
    while total < words:
        body = [paragraph(rng) for _ in range(rng.randint(2, 5))]
        total += sum(len(p.split()) for p in body)
        out.append((f"{len(out) + 1}. {rng.choice(HEADINGS)}", body))
    return out


def text_paper(words: int, seed: int = 7) -> str:
    """A Markdown-free text paper: headings on their own line, paragraphs split by blank lines."""
    parts = ["Joint Committee for Health and Care", ""]
    for heading, body in sections(words, seed):
        parts += [heading, ""]
        for text in body:
            parts += [text, ""]
    return "\n".join(parts)


def paragraph_text(seed: int = 3) -> str:
    """One paragraph of about a hundred words."""
    rng = random.Random(seed)
    text = ""
    while len(text.split()) < 90:
        text = (text + " " + sentence(rng)).strip()
    return text + "\n"


def pdf_paper(pages: int, seed: int = 11) -> bytes:
    """A text PDF of exactly ``pages`` A4 pages: running head, headings, wrapped paragraphs, page numbers."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from make_pdf import Page, build_pdf

    rng = random.Random(seed)
    out = []
    for number in range(1, pages + 1):
        page = Page()
        page.text(72, 806, "Joint Committee for Health and Care - papers for the public meeting")
        y = 770.0
        while y > 120:
            if rng.random() < 0.2:
                page.text(72, y, f"{number}.{rng.randint(1, 9)} {rng.choice(HEADINGS)}", size=12, bold=True)
                y -= 20
            lines = textwrap.wrap(paragraph(rng), 95)
            y = page.lines(72, y, lines[: max(1, int((y - 100) // 12))]) - 8
        page.text(280, 40, f"Page {number} of {pages}")
        out.append(page)
    return build_pdf(out, title="Joint Committee papers")


def docx_paper(words: int, seed: int = 5) -> bytes:
    """A Word paper with real heading styles, about ``words`` words."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("Joint Committee for Health and Care", level=1)
    for heading, body in sections(words, seed):
        document.add_heading(heading, level=2)
        for text in body:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
