"""The recommendation tracker: statuses, columns by meaning, rows over page breaks and
sub-recommendations; ruled and unruled tables drawn with reportlab; both corpus packs."""

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from meetings.ingest.pdf import Cell, PackPdf
from meetings.ingest.tracker.columns import columns_of, header_of
from meetings.ingest.tracker.parse import add_row, parse_tracker, records, split_numbered, status_of
from meetings.ingest.tracker.words import word_rows

KEYS = ("date", "title", "number", "action_proposed", "action_taken", "status", "status_text")


@pytest.mark.parametrize(
    ("printed", "status"),
    [
        ("Complete", "complete"),
        ("Completed", "complete"),
        ("Partially\ncomplete", "partially_complete"),
        ("In train", "in_progress"),
        ("Ongoing", "in_progress"),
        ("On-going", "in_progress"),
        ("Not complete", "not_complete"),
        ("Not started", "not_complete"),
        ("Not complete – within timescale.", "not_due"),
        ("Not complete, but within timescale", "not_due"),
        ("Not yet due", "not_due"),
        ("In progress - within timescale", "in_progress"),
        ("Rejected by Cabinet", "rejected"),
        ("Not accepted", "rejected"),
        ("See comments", "unknown"),
    ],
)
def test_statuses(printed, status):
    assert status_of(printed) == status


def test_columns_found_by_meaning():
    assert columns_of(["Date of meeting", "Item", "Recommendation", "Response", "Progress"]) == {
        0: "date",
        1: "title",
        2: "action_proposed",
        3: "action_taken",
        4: "status",
    }
    assert columns_of(["Date", "Title", "Action proposed", "Action Taken", "Progress\nStatus"])[
        4
    ] == ("status")
    # A data row is not a header, even when it mentions a recommendation.
    assert len(columns_of(["17/06/21", "Ofsted", "1) That the recommendation …", "Done", ""])) < 4


def test_header_over_two_rows():
    def row(*texts):
        return [Cell(t, (0, 0, 1, 1)) for t in texts]

    rows = [
        row("Scrutiny Monitoring", "", "", "", ""),
        row("Date", "Title", "Action", "Action", "Progress"),
        row("", "", "proposed", "Taken", "Status"),
        row("17/06/21", "Ofsted", "1) That …", "Done.", "Complete"),
    ]
    assert header_of(rows) == (
        2,
        {0: "date", 1: "title", 2: "action_proposed", 3: "action_taken", 4: "status"},
    )


def test_numbered_recommendations_in_one_cell():
    assert split_numbered(
        "1) That the Panel\nreceives it.\n2) That the service co-\nordinates."
    ) == [
        (1, "That the Panel receives it."),
        (2, "That the service co-ordinates."),
    ]
    assert split_numbered("(a) That one.\n(b) That two.") == [(1, "That one."), (2, "That two.")]
    # Numbers that do not run on are text, not a list.
    assert split_numbered("1) That the 2020/21 data\n3) as above") == [
        (1, "That the 2020/21 data 3) as above")
    ]
    assert split_numbered("That the Panel notes 2) above.") == [
        (None, "That the Panel notes 2) above.")
    ]


def rows_from(cells_list, page=90):
    rows, warnings = [], []
    for cells in cells_list:
        add_row(rows, cells, page, warnings)
    return records(rows), warnings


def test_sub_recommendations_and_rows_over_page_breaks():
    out, warnings = rows_from(
        [
            {
                "date": "27/0\n1/22",
                "title": "Quality\nAssurance\nBrief",
                "action_proposed": "1) That the Scrutiny Manager liaises with the Head of QA to co-\nordinate sessions",
                "action_taken": "A meeting has",
                "status": "In train",
            },
            {"action_proposed": "and meet teams.", "action_taken": "taken place."},
            {
                "action_proposed": "2) That the service self-assessment is considered.",
                "action_taken": "On agenda.",
                "status": "Complete",
            },
        ]
    )
    assert warnings == []
    assert len(out) == 2
    assert (out[0]["date"], out[0]["title"], out[0]["number"]) == (
        "2022-01-27",
        "Quality Assurance Brief",
        1,
    )
    assert out[0]["action_proposed"] == (
        "That the Scrutiny Manager liaises with the Head of QA to co-ordinate sessions and meet teams."
    )
    assert out[0]["action_taken"] == "A meeting has taken place."
    assert (out[1]["date"], out[1]["title"], out[1]["number"], out[1]["status"]) == (
        "2022-01-27",
        "Quality Assurance Brief",
        2,
        "complete",
    )


def test_dates_as_printed_and_unreadable_ones_warned():
    out, warnings = rows_from(
        [
            {"date": "17 June\n2021", "title": "A", "action_proposed": "That a."},
            {"date": "17.06.21", "title": "B", "action_proposed": "That b."},
            {"date": "TBC", "title": "C", "action_proposed": "That c."},
        ]
    )
    assert [r["date"] for r in out] == ["2021-06-17", "2021-06-17", None]
    assert [r["status"] for r in out] == [None] * 3  # blank status cells: null, never a default
    assert [w["page"] for w in warnings] == [90]


def test_rows_grouped_under_a_meeting_heading():
    out, warnings = rows_from(
        [
            {"date": "Meeting of 17 June 2021"},
            {"title": "Ofsted Letter", "action_proposed": "That a.", "status": "Complete"},
            {"title": "Early Help", "action_proposed": "That b.", "status": "In train"},
        ]
    )
    assert warnings == []
    assert [(r["date"], r["title"], r["action_proposed"]) for r in out] == [
        ("2021-06-17", "Ofsted Letter", "That a."),
        ("2021-06-17", "Early Help", "That b."),
    ]


def test_one_cell_with_several_recommendations_and_one_response():
    out, warnings = rows_from(
        [
            {
                "date": "09/12/21",
                "title": "Fostering",
                "action_proposed": "1) That a campaign is run.\n2) That carers are thanked.",
                "action_taken": "Both agreed by the service.",
                "status": "Complete",
            }
        ]
    )
    assert [(r["number"], r["action_proposed"], r["action_taken"]) for r in out] == [
        (1, "That a campaign is run.", "Both agreed by the service."),
        (2, "That carers are thanked.", "Both agreed by the service."),
    ]
    assert len(warnings) == 1 and "share one response" in warnings[0]["message"]
    out, warnings = rows_from(
        [
            {
                "date": "09/12/21",
                "title": "Fostering",
                "action_proposed": "1) That a campaign is run.\n2) That carers are thanked.",
                "action_taken": "1) Launched.\n2) Letters sent.",
                "status": "1) Complete\n2) In train",
            }
        ]
    )
    assert warnings == []
    assert [(r["action_taken"], r["status"]) for r in out] == [
        ("Launched.", "complete"),
        ("Letters sent.", "in_progress"),
    ]


# --- PDFs drawn for layouts the corpus does not have --------------------------------------------

RULED = [("Date", 40), ("Title", 90), ("Action proposed", 190), ("Action Taken", 420)]
RULED += [("Progress Status", 650)]
RULED_RIGHT = 800


def ruled_row(page, top, lines_per_column, leading=11):
    """One ruled row, each column's lines from the top; returns the row's bottom."""
    height = leading * max(1, *(len(lines) for lines in lines_per_column)) + 6
    for (_, x), lines in zip(RULED, lines_per_column, strict=True):
        for i, text in enumerate(lines):
            page.drawString(x + 3, top - 10 - leading * i, text)
    page.line(RULED[0][1], top - height, RULED_RIGHT, top - height)
    return top - height


def ruled_grid(page, top, bottom):
    page.line(RULED[0][1], top, RULED_RIGHT, top)
    for x in [x for _, x in RULED] + [RULED_RIGHT]:
        page.line(x, top, x, bottom)


def ruled_tracker_over_two_pages(path):
    """A ruled tracker whose last row runs on to a page that does not repeat the header, then
    a sub-recommendation, then the next report's cover sheet."""
    page = canvas.Canvas(str(path), pagesize=landscape(A4))
    page.setFont("Helvetica-Bold", 11)
    page.drawString(40, 560, "Scrutiny Monitoring – 10 February 2022")
    page.setFont("Helvetica", 8)
    bottom = ruled_row(page, 540, [[label] for label, _ in RULED])
    bottom = ruled_row(
        page,
        bottom,
        [
            ["17/0", "6/21"],
            ["Home", "Education"],
            ["1) That the Cabinet Member lobbies the", "Government for new powers."],
            ["A briefing was held."],
            ["Partially", "complete"],
        ],
    )
    bottom = ruled_row(
        page,
        bottom,
        [
            ["27 January", "2022"],
            ["Youth", "Justice"],
            ["1) That the service and the Youth", "Justice Board co-"],
            ["To be circulated in"],
            ["Not started"],
        ],
    )
    ruled_grid(page, 540, bottom)
    page.showPage()
    page.setFont("Helvetica", 8)
    bottom = ruled_row(page, 560, [[], [], ["ordinate their reports."], ["March 2022."], []])
    bottom = ruled_row(
        page,
        bottom,
        [
            [],
            [],
            ["2) That the service reports again in the", "new municipal year."],
            ["Scheduled for June 2022."],
            ["Not complete –", "within timescale"],
        ],
    )
    ruled_grid(page, 560, bottom)
    page.showPage()
    page.setFont("Helvetica", 10)
    page.drawString(40, 560, "DECISION-MAKER: CABINET")
    page.drawString(40, 540, "SUBJECT: NEXT REPORT")
    page.showPage()
    page.save()
    return path


UNRULED = [("Date of meeting", 40), ("Item", 115), ("Recommendation", 200)]
UNRULED += [("Response", 380), ("Progress", 520)]


def centred_row(page, middle, lines_per_column, leading=11):
    """An unruled row whose cells are centred vertically on `middle`; returns its lowest y."""
    low = middle
    for (_, x), lines in zip(UNRULED, lines_per_column, strict=True):
        first = middle + leading * (len(lines) - 1) / 2
        for i, text in enumerate(lines):
            page.drawString(x, first - leading * i, text)
            low = min(low, first - leading * i)
    return low


PROSE = [
    "Members are reminded that items the Panel accepts as complete are removed from the list and",
    "that items which are outstanding or not accepted stay on it and come back to the next meeting.",
]


def unruled_tracker(path):
    """No ruling lines, other column wording, cells centred vertically, the header repeated on
    the second page but not on the third, where the table ends above a paragraph of prose."""
    pages = [
        (True, [(["15/0", "7/21"], ["Early", "Help"], ["1) That the Panel receives the", "Early Help strategy when it is", "agreed."], ["Strategy on the", "agenda today."], ["Completed"])]),
        (True, [(["09.12.21"], ["Fostering"], ["That the service explores a", "campaign with local employers."], ["Meetings with two", "employers have been held"], ["Ongoing"])]),
        (False, [([], [], [], ["and more are planned."], []), ([], [], ["2) That the Panel visits a", "foster carers' group."], ["A visit is being", "arranged."], ["In progress"])]),
    ]  # fmt: skip
    page = canvas.Canvas(str(path), pagesize=A4)
    for number, (header, rows) in enumerate(pages, start=1):
        page.setFont("Helvetica", 8)
        middle = 770
        if header:
            page.setFont("Helvetica-Bold", 10)
            page.drawString(40, 800, "Monitoring Scrutiny Recommendations")
            page.setFont("Helvetica", 8)
            for label, x in UNRULED:
                page.drawString(x, 770, label)
            middle = 730
        for row in rows:
            middle = centred_row(page, middle, row) - 30
        if not header:
            for i, text in enumerate(PROSE):
                page.drawString(40, middle - 20 - 11 * i, text)
        page.drawString(280, 30, f"Page {number}")
        page.showPage()
    page.save()
    return path


def test_ruled_table_continued_on_a_page_without_its_header(tmp_path):
    with PackPdf(ruled_tracker_over_two_pages(tmp_path / "ruled.pdf")) as pdf:
        rows, warnings = parse_tracker(pdf.pages(), pdf)
    assert warnings == []
    assert [(*(r[k] for k in KEYS), r["page"]) for r in rows] == [
        ("2021-06-17", "Home Education", 1, "That the Cabinet Member lobbies the Government for new powers.", "A briefing was held.", "partially_complete", "Partially complete", 1),
        ("2022-01-27", "Youth Justice", 1, "That the service and the Youth Justice Board co-ordinate their reports.", "To be circulated in March 2022.", "not_complete", "Not started", 1),
        ("2022-01-27", "Youth Justice", 2, "That the service reports again in the new municipal year.", "Scheduled for June 2022.", "not_due", "Not complete – within timescale", 2),
    ]  # fmt: skip


def test_unruled_table_with_centred_cells_over_three_pages(tmp_path):
    with PackPdf(unruled_tracker(tmp_path / "unruled.pdf")) as pdf:
        rows, warnings = parse_tracker(pdf.pages(), pdf)
    assert warnings == []
    assert [(*(r[k] for k in KEYS), r["page"]) for r in rows] == [
        ("2021-07-15", "Early Help", 1, "That the Panel receives the Early Help strategy when it is agreed.", "Strategy on the agenda today.", "complete", "Completed", 1),
        ("2021-12-09", "Fostering", 1, "That the service explores a campaign with local employers.", "Meetings with two employers have been held and more are planned.", "in_progress", "Ongoing", 2),
        ("2021-12-09", "Fostering", 2, "That the Panel visits a foster carers' group.", "A visit is being arranged.", "in_progress", "In progress", 3),
    ]  # fmt: skip


# --- the corpus ---------------------------------------------------------------------------------


TRACKER_PAGES = {"2022-03-31": 90, "2023-03-30": 66}


def test_corpus_trackers(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        rows, warnings = parse_tracker(pages, pdf)
        want = expected_extraction(date)["tracker"]
        assert warnings == []
        assert [tuple(r[k] for k in KEYS) for r in rows] == [
            tuple(w[k] for k in KEYS) for w in want
        ]
        assert {r["page"] for r in rows} == {TRACKER_PAGES[date]}


@pytest.mark.parametrize(("date", "page"), TRACKER_PAGES.items())
def test_corpus_trackers_read_from_word_positions_alone(corpus, expected_extraction, date, page):
    """The fallback for unruled tables reads the corpus tables (cells centred vertically, "Progress
    Status" on two lines, dates wrapped "17/0" "6/21") as well as the ruled reading does."""
    pdf, _ = corpus[date]
    raw, layout, doubtful = word_rows(pdf.words(page), None)
    assert doubtful == [] and not layout.ruled
    rows, warnings = rows_from(raw, page)
    want = expected_extraction(date)["tracker"]
    assert warnings == []
    assert [tuple(r[k] for k in KEYS) for r in rows] == [tuple(w[k] for k in KEYS) for w in want]
