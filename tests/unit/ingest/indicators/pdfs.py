"""PDFs built for these tests in layouts the corpus does not have (reportlab, no ruling lines).

`dataset_2019` imitates the 2019 monthly dataset: landscape, whitespace-aligned, a Ref code
column, 13 months, % change, direction-of-travel arrows drawn in a symbol font (they extract as
letters), a 12-month average, SN / England / South East, two target columns and a commentary
column whose wrapped text holds numbers of its own; it runs over two pages, the second without
its header.
"""

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

MONTHS = [
    "Feb-18",
    "Mar-18",
    "Apr-18",
    "May-18",
    "Jun-18",
    "Jul-18",
    "Aug-18",
    "Sep-18",
    "Oct-18",
    "Nov-18",
    "Dec-18",
    "Jan-19",
    "Feb-19",
]
FIRST_MONTH_X = 200
MONTH_STEP = 28
TAIL = [  # (header line 1, header line 2, x where the column's text starts)
    ("%", "change", 570),
    ("DoT", "", 598),
    ("12 month", "average", 616),
    ("Stat", "Neighbours", 650),
    ("England", "", 690),
    ("South", "East", 722),
    ("Target", "18/19", 748),
    ("Target", "19/20", 775),
]
COMMENTARY_X = 800  # the commentary column runs off to the right edge

ROWS_PAGE_1 = [
    (
        "M1",
        ["Percentage of re-referrals within 12", "months"],
        ["23%", "25%", "27%", "26%", "24%", "22%", "21%", "24%", "25%", "26%", "28%", "25%", "24%"],
        ["-4%", "h", "25%", "28%", "22%", "23%", "20%", "19%"],
        ["Down 4% on last", "year; 12 cases"],
    ),
    (
        "CP6B",
        ["Number of children subject to a Child", "Protection Plan"],
        ["301", "310", "315", "TBC", "322", "330", "318", "320", "300", "305", "299", "N/A", "296"],
        ["+2%", "i", "310", "406", "-", "", "TBC", ""],
        [],
    ),
]
ROWS_PAGE_2 = [
    (
        "LAC3",
        ["Rate of children looked after per 10,000"],
        ["98", "99", "101", "100", "102", "103", "104", "105", "104", "106", "107", "108", "109"],
        ["+1%", "h", "104", "89", "65", "54", "", "100"],
        ["Above SN by 20"],
    ),
    (
        "LAC4",
        ["Percentage of children looked after with 3 or", "more placements"],
        ["9%", "10%", "9%", "9%", "11%", "10%", "10%", "9%", "8%", "9%", "10%", "11%", "10%"],
        ["-9%", "i", "10%", "10%", "10%", "11%", "10%", "9%"],
        [],
    ),
]


def dataset_2019(path):
    page = canvas.Canvas(str(path), pagesize=landscape(A4))
    _page(page, ROWS_PAGE_1, header=True)
    page.showPage()
    _page(page, ROWS_PAGE_2, header=False)
    page.showPage()
    page.save()
    return path


def _page(page, rows, header):
    page.setFont("Helvetica-Bold", 11)
    page.drawString(20, 570, "Children's Services Performance Dataset - February 2019")
    page.setFont("Helvetica", 6)
    if header:
        page.drawString(20, 540, "Ref")
        page.drawString(45, 540, "Indicator")
        for i, month in enumerate(MONTHS):
            page.drawString(FIRST_MONTH_X + MONTH_STEP * i, 540, month)
        for top, bottom, x in TAIL:
            page.drawString(x, 547 if bottom else 540, top)
            if bottom:
                page.drawString(x, 540, bottom)
        page.drawString(COMMENTARY_X, 540, "Commentary")
    y = 520
    for ref, name, values, tail, notes in rows:
        page.drawString(20, y, ref)
        for k, part in enumerate(name):
            page.drawString(45, y - 8 * k, part)
        for i, value in enumerate(values):
            page.drawRightString(FIRST_MONTH_X + MONTH_STEP * i + 20, y, value)
        for (_, _, x), value in zip(TAIL, tail, strict=True):
            if value in ("h", "i"):
                page.setFont("ZapfDingbats", 6)  # an arrow glyph; its text is a letter
                page.drawString(x + 4, y, value)
                page.setFont("Helvetica", 6)
            elif value:
                page.drawRightString(x + 22, y, value)
        for k, note in enumerate(notes):
            page.drawString(COMMENTARY_X, y - 8 * k, note)
        y -= 30
    # A footnote marker after Sep-18 of the second row on the first page ("320" + raised "1").
    if header:
        page.setFont("Helvetica", 3)
        page.drawString(FIRST_MONTH_X + MONTH_STEP * 7 + 20.5, 520 - 30 + 3, "1")
        page.setFont("Helvetica", 6)
