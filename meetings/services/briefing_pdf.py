"""The briefing as a PDF (reportlab), in the same order as the page."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)


def title_of(context) -> str:
    meeting = context["meeting"]
    when = f"{meeting.date:%-d %B %Y}" if meeting else "no meeting scheduled"
    return f"Briefing for the meeting of {when}"


def as_pdf(context) -> bytes:
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("body", fontSize=9.5, leading=12.5)
    cell = styles["BodyText"].clone("cell", fontSize=8.5, leading=10.5)
    head = cell.clone("head", fontName="Helvetica-Bold")
    h2 = styles["Heading3"]

    def para(text, style=body):
        return Paragraph(escape(str(text)), style)

    def bullets(items):
        return ListFlowable(
            [ListItem(para(item), leftIndent=10) for item in items], bulletType="bullet", start="•"
        )

    story = [
        Paragraph(escape(context["committee"].name), styles["Heading2"]),
        Paragraph(escape(title_of(context)), styles["Heading3"]),
    ]
    if context["figures_from"]:
        story.append(
            para(f"Figures as reported for the {context['figures_from']:%-d %B %Y} meeting.")
        )
    story.append(Spacer(0, 3 * mm))

    story.append(Paragraph("Questions the figures suggest", h2))
    story.append(bullets(context["questions"]) if context["questions"] else para("None."))

    story.append(Paragraph("Indicators that moved the wrong way", h2))
    if context["flagged"]:
        data = [
            [
                para(c, head)
                for c in ("Indicator", "Why", "Before", "Now", "Target", "Stat. neighbours")
            ]
        ]
        for f in context["flagged"]:
            data.append(
                [
                    para(f.indicator.name, cell),
                    para("; ".join(f.reason_labels), cell),
                    para(f"{f.before} ({f.before_period})", cell),
                    para(f"{f.now} ({f.row.period})", cell),
                    para(f.target or "–", cell),
                    para(f.neighbours or "–", cell),
                ]
            )
        table = Table(
            data, colWidths=[62 * mm, 34 * mm, 24 * mm, 24 * mm, 16 * mm, 22 * mm], repeatRows=1
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6edf6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    else:
        story.append(para("No indicator got worse, went off target or fell behind neighbours."))

    story.append(Paragraph("Recommendations due or overdue", h2))
    recs = [
        f"{r.title} ({r.number}): {r.text} — {r.get_status_display()}"
        + (f", due {r.due_date:%-d %B %Y}" if r.due_date else "")
        for r in context["recommendations"]
    ]
    story.append(bullets(recs) if recs else para("None due at this meeting."))

    story.append(Paragraph("New officers' commentary", h2))
    notes = [
        f"{c.section or (c.indicator.name if c.indicator_id else '')} – {c.heading}: {c.text[:400]}"
        for c in context["commentary"]
    ]
    story.append(bullets(notes) if notes else para("No new commentary."))

    story.append(Paragraph("Agenda", h2))
    items = [f"{item.number}. {item.title}" for item in context["agenda"]]
    story.append(bullets(items) if items else para("The agenda has not been published yet."))

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"{context['committee'].name} – {title_of(context)}",
    ).build(story)
    return buffer.getvalue()
