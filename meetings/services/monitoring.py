"""The "Monitoring Scrutiny Recommendations" appendix as a PDF or CSV, in the council's own columns."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from scrutiny.exports import export_file

COLUMNS = ["Date", "Title", "Action proposed", "Action Taken", "Progress Status"]
WIDTHS = [22 * mm, 40 * mm, 85 * mm, 85 * mm, 32 * mm]


def as_pdf(context) -> bytes:
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8.5, leading=10.5)
    head = styles["BodyText"].clone("head", fontSize=9, leading=11, fontName="Helvetica-Bold")
    committee, meeting = context["committee"], context["meeting"]
    title = "Monitoring Scrutiny Recommendations"
    if meeting:
        title += f" – {meeting.date:%-d %B %Y}"
    story = [
        Paragraph(escape(committee.name), styles["Heading2"]),
        Paragraph(escape(title), styles["Heading3"]),
        Spacer(0, 4 * mm),
    ]
    data = [[Paragraph(c, head) for c in COLUMNS]]
    for row in context["rows"]:
        data.append([Paragraph(escape(text), cell) for text in cells(row)])
    if len(data) == 1:
        data.append([Paragraph("No recommendations are outstanding.", cell), "", "", "", ""])
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6edf6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title,
    )
    doc.build(story)
    return buffer.getvalue()


def cells(row) -> list[str]:
    rec = row.rec
    made = rec.made_on.strftime("%d/%m/%y") if rec.made_on else ""
    return [made, rec.title, f"{rec.number}) {rec.text}", row.action_taken, row.progress_status]


def as_csv(context) -> bytes:
    content, _ = export_file(COLUMNS, (cells(row) for row in context["rows"]), "csv", "monitoring")
    return content
