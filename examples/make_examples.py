"""Build the bundled example paper in three formats.

The paper is a fictional adult social care budget report for a fictional
council. Its text lives in PAPER below, and this script writes it out as:

* ``budget-report.docx`` (real Heading 1/2 styles, list styles, a table, a
  footnote and fixed document properties),
* ``budget-report.md`` (the same paper in Markdown, with a GFM table), and
* ``budget-report.pdf`` (the DOCX converted by LibreOffice).

Run from anywhere with ``python examples/make_examples.py``. Pass
``--no-pdf`` to skip the LibreOffice step. ``easy-read-update.md`` is written
by hand and is not built here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
STEM = "budget-report"

TITLE = (
    "Adult Social Care Budget 2025/26: Forecast Outturn and Savings "
    "Proposals for 2026/27"
)
AUTHOR = "Brackenford Finance Team"
CREATED = dt.datetime(2026, 1, 27, 9, 0, 0)
MODIFIED = dt.datetime(2026, 2, 4, 16, 30, 0)
ZIP_TIME = (2026, 2, 4, 16, 30, 0)
FONT = "Arial"
FOOTER = (
    "Brackenford Borough Council \u2013 Care and Support Co-production Group "
    "\u2013 12 February 2026"
)

# Table 1, in £000. Income is negative. The totals are worked out below.
BUDGET_LINES = [
    ("Residential and nursing care (older people)", 24850, 26310),
    ("Domiciliary care", 18420, 19655),
    ("Learning disability placements", 21760, 22140),
    ("Mental health", 7930, 8205),
    ("Direct payments", 6310, 5980),
    ("Reablement and intermediate care", 4120, 3870),
    ("Day opportunities", 2640, 2515),
    ("Assessment and care management", 9480, 9215),
    ("Client contributions and other income", -14600, -15020),
]

FOOTNOTES = {
    1: (
        "Forecasts are based on the care packages in place on 31 December "
        "2025 and assume that the number of people supported stays at this "
        "level until 31 March 2026. They exclude the \u00a30.7m winter grant, "
        "which is held centrally."
    ),
}

# The paper, block by block. Inline **bold** and footnote markers [^n] are
# understood by both writers.
PAPER: list[tuple] = [
    ("org", "Brackenford Borough Council"),
    ("title", TITLE),
    ("field", "Meeting", "Care and Support Co-production Group"),
    ("field", "Date", "Thursday 12 February 2026"),
    ("field", "Report of", "Daniel Okafor, Head of Finance (Adults and Health)"),
    ("field", "Lead member", "Councillor Priya Shah, Cabinet Member for Adult Social Care"),
    ("field", "Wards affected", "All wards"),
    (
        "field",
        "Purpose of report",
        "To set out the forecast outturn for the adult social care budget for "
        "2025/26 as at month 9, and to seek the views of the group on the "
        "savings proposals for 2026/27 prior to their consideration by Cabinet "
        "on 5 March 2026.",
    ),
    (
        "field",
        "Decision required",
        "The group is asked to note the forecast position and to comment on "
        "the savings proposals in section 4. The group\u2019s comments will be "
        "reported to Cabinet.",
    ),
    ("h1", "1. Executive summary"),
    (
        "p",
        "The net budget for adult social care in 2025/26 is \u00a380.9m. At "
        "month 9, the service is forecasting an overspend of \u00a31.96m, "
        "which is 2.4% of the net budget. The overspend is driven mainly by "
        "demand pressures in residential and nursing care for older people and "
        "in domiciliary care. These are partly offset by underspends on "
        "reablement and staffing, and by higher income than expected.",
    ),
    (
        "p",
        "Management actions of \u00a30.6m have been identified in order to "
        "reduce the in-year pressure, and a virement of \u00a30.4m from the "
        "corporate contingency is proposed. Any overspend that remains at year "
        "end will be met from earmarked reserves, subject to the agreement of "
        "the S151 officer.",
    ),
    (
        "p",
        "The MTFS assumes that adult social care will deliver savings of "
        "\u00a31.7m in 2026/27. Six proposals are set out in section 4. The "
        "group\u2019s views on how the proposals would affect people who draw "
        "on care and support, and unpaid carers, will be reported to Cabinet "
        "alongside the proposals.",
    ),
    ("h1", "2. Background"),
    (
        "p",
        "Adult social care is the largest area of spending for Brackenford "
        "Borough Council. The service arranges care and support for around "
        "3,400 adults, including older people, people with a learning "
        "disability, people with mental health needs and people with a physical "
        "disability. It also supports around 1,100 unpaid carers.",
    ),
    (
        "p",
        "Not all of this money comes from the council\u2019s own budget. Part "
        "of it comes from the Better Care Fund (BCF), a shared budget that the "
        "council and the NHS put together to pay for health and care services "
        "that work as one. In Brackenford the BCF is overseen by the Brackenford "
        "Health and Care Partnership, which brings together the council, the "
        "ICB, Brackenford General Hospital and local voluntary organisations. "
        "People with the highest health needs may have their care paid for "
        "through CHC instead of by the council.",
    ),
    (
        "p",
        "Councils may also raise a precept (the part of council tax that can "
        "only be spent on adult social care). Brackenford increased the ASC "
        "precept by the maximum 2% in 2025/26, which raised an additional "
        "\u00a31.9m.",
    ),
    (
        "p",
        "For people who prefer to organise their own support, the council "
        "offers a direct payment \u2013 money paid to you so you can arrange "
        "your own care. At the end of December 2025, 612 people were receiving "
        "a direct payment.",
    ),
    (
        "p",
        "Following the provisional settlement announced in December 2025, it "
        "has been assumed for the purposes of the MTFS that core spending power "
        "will increase by 4.1% in 2026/27, of which approximately \u00a32.3m is "
        "expected to be allocated to adult social care, although this figure "
        "remains subject to confirmation and may be revised when the final "
        "settlement is published later in February 2026.",
    ),
    ("h1", "3. Budget position 2025/26"),
    (
        "p",
        "Table 1 shows the budget, forecast outturn and variance for each "
        "budget line at the end of December 2025 (month 9).[^1] Figures are in "
        "\u00a3000. A positive variance is an overspend and a figure in "
        "brackets is an underspend.",
    ),
    ("table1",),
    ("h2", "3.1 Where the pressures are"),
    (
        "p",
        "The overspend of \u00a31.46m on residential and nursing care is mainly "
        "due to a higher number of placements than the budget allowed for, with "
        "41 more older people living in care homes than at the start of the "
        "year. Weekly fees have also risen by more than the 5.0% uplift assumed "
        "in the budget, reflecting the increase in the NLW from April 2025 and "
        "higher employer national insurance costs. Two care homes in the "
        "borough were rated inadequate by the CQC during the year, and the "
        "council has had to move some residents at short notice.",
    ),
    (
        "p",
        "The domiciliary care overspend of \u00a31.24m is attributable to an "
        "increase in commissioned hours from an average of 21,300 hours per "
        "week in April 2025 to 23,050 hours per week in December 2025, which "
        "has been driven in part by higher numbers of NCTR patients being "
        "discharged from Brackenford General Hospital with packages of care "
        "that are larger than those that would previously have been put in "
        "place.",
    ),
    (
        "p",
        "System flow has been under severe pressure this winter, and part of "
        "the rise in spending relates to D2A beds that the council has funded "
        "jointly with the ICB.",
    ),
    (
        "p",
        "The learning disability budget is forecasting an overspend of "
        "\u00a30.38m. This is largely because seven young people with complex "
        "needs have moved from children\u2019s services into adult services "
        "this year. The mental health overspend of \u00a30.28m relates to "
        "Section 117 aftercare placements.",
    ),
    (
        "p",
        "These pressures are partly offset by underspends on direct payments "
        "(\u00a30.33m), where people have returned more unspent money than "
        "expected, on reablement (\u00a30.25m), where posts have been vacant "
        "for most of the year, and on assessment and care management "
        "(\u00a30.27m). Income from people\u2019s contributions towards the "
        "cost of their care is \u00a30.42m higher than budgeted.",
    ),
    ("h2", "3.2 Action taken in year"),
    (
        "p",
        "In order to reduce the forecast overspend, the service has agreed the "
        "following management actions:",
    ),
    (
        "bullets",
        [
            "a weekly panel to review every new placement costing more than "
            "\u00a31,200 per week (\u00a30.20m)",
            "a review of packages of care for people who have received "
            "domiciliary care for more than 12 months (\u00a30.15m)",
            "holding vacant posts in assessment and care management until "
            "31 March 2026 (\u00a30.15m)",
            "using the remaining MSIF allocation to meet fee pressures in care "
            "homes (\u00a30.10m).",
        ],
    ),
    (
        "p",
        "A virement of \u00a30.4m from the corporate contingency budget to "
        "adult social care is also proposed. Going forward, progress on these "
        "actions will be reported each month to the Adults and Health Scrutiny "
        "Panel.",
    ),
    (
        "p",
        "Should the management actions not be delivered in full, or should "
        "further increases in demand be experienced during the final quarter "
        "of the year, it is anticipated that the residual overspend, currently "
        "estimated at \u00a30.96m, would need to be funded from earmarked "
        "reserves, the balance of which stood at \u00a36.8m on 31 March 2025, "
        "subject to the approval of the S151 officer.",
    ),
    ("h1", "4. Savings proposals for 2026/27"),
    (
        "p",
        "The MTFS requires adult social care to deliver savings of \u00a31.7m "
        "in 2026/27 against a baseline net budget of \u00a380.9m. This is in "
        "addition to growth of \u00a32.1m that has been built into the budget "
        "for demographic pressures and fee uplifts. The proposals below have "
        "been developed with service managers and tested against the "
        "council\u2019s fair cost of care exercise.",
    ),
    (
        "bullets",
        [
            "Expanding the reablement service so that more people regain their "
            "independence after a stay in hospital: \u00a3450k FYE.",
            "Reviewing high-cost LD placements, with a focus on supported "
            "living where this meets a person\u2019s needs: \u00a3600k.",
            "Increasing the number of people who take a direct payment from "
            "612 to 700: \u00a3200k.",
            "Bringing the services at Millbrook Day Centre and Hollins Lane "
            "Resource Centre together on one site: \u00a3180k.",
            "Expanding Shared Lives from 38 to 50 placements: \u00a3150k.",
            "Wider use of technology-enabled care (TEC), such as sensors and "
            "personal alarms, to delay the need for home care: \u00a3120k.",
        ],
    ),
    (
        "p",
        "Shared Lives is a scheme in which an adult who needs support lives "
        "with, or regularly visits, a trained carer and their family. It "
        "usually costs less than residential care, and many people say it "
        "gives them a more ordinary life.",
    ),
    (
        "p",
        "The day centre proposal would affect around 85 people who attend "
        "Millbrook Day Centre in Ashgrove Ward. Councillor Priya Shah has asked "
        "that people who use the centre, and their carers, help to design the "
        "new service before any decision is taken. A formal consultation would "
        "run for 12 weeks from April 2026.",
    ),
    (
        "p",
        "The DFG allocation for 2026/27 is expected to be \u00a32.4m. The "
        "Disabled Facilities Grant (DFG) pays for changes to people\u2019s "
        "homes, such as stairlifts, ramps and level-access showers. It will be "
        "used alongside the TEC proposal to help people stay in their own "
        "homes for longer.",
    ),
    (
        "p",
        "It should be noted that, owing to the lead-in times associated with "
        "consultation, recruitment and the recommissioning of services, it is "
        "estimated that only \u00a31.2m of the \u00a31.7m total will be "
        "realised in 2026/27, with the remaining \u00a30.5m expected to be "
        "delivered in 2027/28, subject to the outcome of the consultation "
        "exercises referred to above.",
    ),
    ("h1", "5. Risks"),
    ("p", "The main risks to the budget are set out below."),
    (
        "bullets",
        [
            "**Demand.** The number of people who need residential or "
            "domiciliary care may keep growing faster than the budget assumes, "
            "especially if hospital discharges stay high after the winter.",
            "**Hospital discharge.** Under discharge to assess (D2A), people "
            "leave hospital as soon as they are medically ready, and their "
            "longer-term needs are assessed once they are at home or in a "
            "short-stay bed. The cost of these beds is shared with the ICB, "
            "but the agreement ends in March 2026 and has not yet been renewed.",
            "**Care providers.** Providers face rising staff costs. If some "
            "leave the market, the council may have to pay higher fees to find "
            "placements at short notice.",
            "**Health funding.** The ICB has said that its contribution to the "
            "BCF may be reduced in 2026/27. Any reduction would put pressure on "
            "reablement and step-down beds.",
            "**Section 117 aftercare.** Section 117 of the Mental Health Act "
            "1983 gives people who have been kept in hospital for treatment "
            "under certain parts of the Act a right to free aftercare from the "
            "council and the NHS. The number of people who qualify is rising, "
            "and the council cannot charge for this care.",
            "**Delivery of savings.** Some proposals depend on recruiting staff "
            "or on the outcome of consultation, so the savings may come later "
            "than planned.",
        ],
    ),
    ("h1", "6. Recommendations"),
    ("p", "The Care and Support Co-production Group is asked to:"),
    (
        "numbers",
        [
            "note the forecast overspend of \u00a31.96m on the adult social "
            "care budget for 2025/26 as at month 9;",
            "note the management actions of \u00a30.6m and the proposed "
            "virement of \u00a30.4m set out in section 3;",
            "comment on the six savings proposals for 2026/27 in section 4, "
            "including their likely impact on people who draw on care and "
            "support and on unpaid carers;",
            "nominate two members of the group to help design the proposed "
            "changes to day services at Millbrook Day Centre; and",
            "agree that the group\u2019s comments are reported to Cabinet on "
            "5 March 2026 by Councillor Priya Shah.",
        ],
    ),
    (
        "p",
        "**Contact:** Daniel Okafor, Head of Finance (Adults and Health). "
        "Telephone 01632 960418. Email daniel.okafor@brackenford.example",
    ),
    ("h1", "Appendix A: Abbreviations"),
    ("p", "The following abbreviations are used in this report."),
    (
        "abbreviations",
        [
            ("BCF", "Better Care Fund"),
            ("CHC", "NHS Continuing Healthcare"),
            ("CQC", "Care Quality Commission"),
            ("DFG", "Disabled Facilities Grant"),
            ("MSIF", "Market Sustainability and Improvement Fund"),
            ("NHS", "National Health Service"),
        ],
    ),
]

TABLE1_CAPTION = "Table 1: Adult social care budget 2025/26, forecast at month 9 (\u00a3000)"
TABLE1_HEADER = ("Budget line", "2025/26 budget", "Forecast outturn", "Variance")


def money(value: int) -> str:
    """£000 figure as a finance team prints it: 1,234 or (1,234)."""
    text = f"{abs(value):,}"
    return f"({text})" if value < 0 else text


def table1_rows() -> list[tuple[str, str, str, str]]:
    rows = [(name, money(b), money(f), money(f - b)) for name, b, f in BUDGET_LINES]
    budget = sum(b for _, b, _ in BUDGET_LINES)
    forecast = sum(f for _, _, f in BUDGET_LINES)
    # The text quotes these figures; keep the table and the text in step.
    assert (budget, forecast, forecast - budget) == (80910, 82870, 1960)
    rows.append(("Net total", money(budget), money(forecast), money(forecast - budget)))
    return rows


INLINE = re.compile(r"(\*\*.+?\*\*|\[\^\d+\])")


def pieces(text: str):
    """Split text into ('text'|'bold'|'note', value) pieces."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**"):
            yield "bold", part[2:-2]
        elif part.startswith("[^"):
            yield "note", int(part[2:-1])
        else:
            yield "text", part


# --------------------------------------------------------------------- DOCX


def _plain_fonts(rpr_parent) -> None:
    """Give a style Arial in place of the template's theme fonts."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for name in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{name}"), FONT)


def _set_styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _plain_fonts(normal.element)
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-GB"/>'))

    for name, size, before, after in (
        ("Title", 18, 6, 12),
        ("Heading 1", 14, 12, 6),
        ("Heading 2", 12, 10, 4),
    ):
        style = styles[name]
        _plain_fonts(style.element)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    # The template's Title has a coloured rule and letter spacing; drop them.
    title_ppr = styles["Title"].element.pPr
    for tag in ("w:pBdr", "w:contextualSpacing"):
        found = title_ppr.find(qn(tag))
        if found is not None:
            title_ppr.remove(found)
    title_rpr = styles["Title"].element.rPr
    for tag in ("w:spacing", "w:kern"):
        found = title_rpr.find(qn(tag))
        if found is not None:
            title_rpr.remove(found)

    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(4)
        ppr = styles[name].element.pPr
        found = ppr.find(qn("w:contextualSpacing"))
        if found is not None:
            ppr.remove(found)

    note_text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    note_text.base_style = normal
    note_text.font.size = Pt(9)
    note_text.paragraph_format.space_after = Pt(0)
    note_text.paragraph_format.line_spacing = 1.0
    note_ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    note_ref.font.superscript = True


def _fill_paragraph(paragraph, text: str, bold_all: bool = False) -> None:
    for kind, value in pieces(text):
        if kind == "note":
            run = paragraph.add_run()
            run.style = paragraph.part.document.styles["Footnote Reference"]
            run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{value}"/>'))
        else:
            run = paragraph.add_run(value)
            if kind == "bold" or bold_all:
                run.bold = True


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _table(doc, header, rows, widths, numeric_from: int, bold_last: bool):
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    all_rows = [header, *rows]
    for r, values in enumerate(all_rows):
        row = table.rows[r]
        if r == 0:
            trpr = row._tr.get_or_add_trPr()
            trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_before = Pt(2)
            paragraph.paragraph_format.space_after = Pt(2)
            paragraph.paragraph_format.line_spacing = 1.0
            # Keep each table on one page where it fits.
            paragraph.paragraph_format.keep_with_next = r < len(all_rows) - 1
            if c >= numeric_from:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            bold = r == 0 or (bold_last and r == len(all_rows) - 1)
            _fill_paragraph(paragraph, value, bold_all=bold)
            if r == 0:
                _shade(cell, "D9E2F3")
    for c, width in enumerate(widths):
        table.columns[c].width = width
    return table


def _caption(doc, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.space_after = Pt(4)
    paragraph.add_run(text).bold = True


def _footer(doc) -> None:
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    run = paragraph.add_run(FOOTER + "\tPage ")
    run.font.size = Pt(8)
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="16"/>'
        "</w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
    )
    paragraph._p.append(field)
    # The template's footer tabs suit US Letter; put one right tab at the A4
    # right margin (17 cm of text width) instead.
    tabs = doc.styles["Footer"].element.pPr.find(qn("w:tabs"))
    for tab in list(tabs):
        tabs.remove(tab)
    tabs.append(parse_xml(f'<w:tab {nsdecls("w")} w:val="right" w:pos="9638"/>'))


def _footnotes_part(doc) -> None:
    """Add word/footnotes.xml; python-docx has no footnote API."""
    notes = []
    for number, text in FOOTNOTES.items():
        safe = text.replace("&", "&amp;").replace("<", "&lt;")
        notes.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
            '</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
            f"{safe}</w:t></w:r></w:p></w:footnote>"
        )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:footnotes {nsdecls('w', 'r')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
        'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>" + "".join(notes) + "</w:footnotes>"
    )
    document_part = doc.part
    part = Part(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        xml.encode("utf-8"),
        document_part.package,
    )
    document_part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    footnote_pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
        "</w:footnotePr>"
    )
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(footnote_pr)
    else:
        settings.append(footnote_pr)


def _properties(doc) -> None:
    core = doc.core_properties
    core.title = TITLE
    core.author = AUTHOR
    core.last_modified_by = AUTHOR
    core.subject = "Care and Support Co-production Group, 12 February 2026"
    core.keywords = "adult social care; budget; savings; co-production"
    core.comments = "Fictional example paper bundled with plainspeak."
    core.category = "Committee report"
    core.language = "en-GB"
    core.created = CREATED
    core.modified = MODIFIED
    core.last_printed = MODIFIED
    core.revision = 1
    # Drop the template's thumbnail picture: it shows a different document.
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]


def build_docx(path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.footer_distance = Cm(1.0)
    _set_styles(doc)
    _footer(doc)

    for block in PAPER:
        kind = block[0]
        if kind == "org":
            paragraph = doc.add_paragraph()
            run = paragraph.add_run(block[1])
            run.bold = True
            run.font.size = Pt(13)
        elif kind == "title":
            doc.add_paragraph(block[1], style="Title")
        elif kind == "field":
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(3)
            paragraph.add_run(f"{block[1]}: ").bold = True
            _fill_paragraph(paragraph, block[2])
        elif kind == "h1":
            doc.add_heading(block[1], level=1)
        elif kind == "h2":
            doc.add_heading(block[1], level=2)
        elif kind == "p":
            _fill_paragraph(doc.add_paragraph(), block[1])
        elif kind in ("bullets", "numbers"):
            style = "List Bullet" if kind == "bullets" else "List Number"
            for item in block[1]:
                _fill_paragraph(doc.add_paragraph(style=style), item)
        elif kind == "table1":
            _caption(doc, TABLE1_CAPTION)
            _table(
                doc,
                TABLE1_HEADER,
                table1_rows(),
                [Cm(8.4), Cm(2.9), Cm(2.9), Cm(2.8)],
                numeric_from=1,
                bold_last=True,
            )
        elif kind == "abbreviations":
            _table(
                doc,
                ("Abbreviation", "Meaning"),
                block[1],
                [Cm(3.5), Cm(10.0)],
                numeric_from=99,
                bold_last=False,
            )
        else:
            raise ValueError(f"unknown block kind {kind!r}")

    _footnotes_part(doc)
    _properties(doc)

    buffer = io.BytesIO()
    doc.save(buffer)
    _write_fixed_zip(buffer.getvalue(), path)


def _write_fixed_zip(data: bytes, path: Path) -> None:
    """Rewrite the package with fixed timestamps so rebuilds give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(item.filename))
    path.write_bytes(out.getvalue())


# ----------------------------------------------------------------- Markdown


def build_markdown(path: Path) -> None:
    lines: list[str] = []

    def para(text: str) -> None:
        lines.extend([text, ""])

    for block in PAPER:
        kind = block[0]
        if kind == "org":
            para(f"**{block[1]}**")
        elif kind == "title":
            para(f"# {block[1]}")
        elif kind == "field":
            para(f"**{block[1]}:** {block[2]}")
        elif kind == "h1":
            para(f"## {block[1]}")
        elif kind == "h2":
            para(f"### {block[1]}")
        elif kind == "p":
            para(block[1])
        elif kind == "bullets":
            lines.extend(f"- {item}" for item in block[1])
            lines.append("")
        elif kind == "numbers":
            lines.extend(f"{n}. {item}" for n, item in enumerate(block[1], 1))
            lines.append("")
        elif kind == "table1":
            para(f"**{TABLE1_CAPTION}**")
            lines.append("| " + " | ".join(TABLE1_HEADER) + " |")
            lines.append("| :--- | ---: | ---: | ---: |")
            rows = table1_rows()
            for i, row in enumerate(rows):
                cells = list(row)
                if i == len(rows) - 1:
                    cells = [f"**{c}**" for c in cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        elif kind == "abbreviations":
            lines.append("| Abbreviation | Meaning |")
            lines.append("| :--- | :--- |")
            lines.extend(f"| {a} | {m} |" for a, m in block[1])
            lines.append("")
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    for number, text in FOOTNOTES.items():
        para(f"[^{number}]: {text}")
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


# ---------------------------------------------------------------------- PDF


def build_pdf(docx_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "LibreOffice not found; install libreoffice-writer or use --no-pdf"
        )
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                out,
                str(docx_path),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=300,
        )
        produced = Path(out) / (docx_path.stem + ".pdf")
        target = docx_path.with_suffix(".pdf")
        shutil.copyfile(produced, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice step")
    args = parser.parse_args(argv)
    docx_path = HERE / f"{STEM}.docx"
    build_docx(docx_path)
    build_markdown(HERE / f"{STEM}.md")
    written = [docx_path, HERE / f"{STEM}.md"]
    if not args.no_pdf:
        written.append(build_pdf(docx_path))
    for path in written:
        print(f"{path.relative_to(HERE.parent)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
