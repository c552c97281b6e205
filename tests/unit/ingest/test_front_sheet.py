import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from meetings.ingest.front_sheet.parse import (
    parse_front_sheet,
    read_meeting_dates,
    split_appointed,
    split_contacts,
    split_members,
)
from meetings.ingest.pdf import PackPdf
from tests.unit.ingest.pages import make_page

FRONT = """Children and Families Scrutiny Panel Hybrid Meeting
Thursday, 31st March, 2022
at 5.30 pm
PLEASE NOTE TIME OF MEETING
Conference Room 3 - Civic Centre
This meeting is open to the public
Members
Councillor Guthrie (Chair)
Councillor Bell (Vice-Chair)
Appointed Members
Nicola Brown, Primary Parent Governor
Vacancy - Secondary Parent Governor
Contacts
Democratic Support Officer
Emily Goodwin
Tel: 023 8083 2302
Email: emily.goodwin@southampton.gov.uk"""


def test_a_front_sheet_one_item_a_line():
    meeting, warnings = parse_front_sheet([make_page(FRONT)])
    assert meeting["committee"] == "Children and Families Scrutiny Panel"
    assert (meeting["date"], meeting["time"]) == ("2022-03-31", "17:30")
    assert meeting["venue"] == "Conference Room 3 - Civic Centre"
    assert meeting["members"] == [
        {"name": "Councillor Guthrie", "role": "Chair"},
        {"name": "Councillor Bell", "role": "Vice-Chair"},
    ]
    assert meeting["appointed_members"] == [
        {"name": "Nicola Brown", "capacity": "Primary Parent Governor"},
        {"name": None, "capacity": "Secondary Parent Governor", "vacancy": True},
    ]
    assert meeting["contacts"] == [
        {
            "role": "Democratic Support Officer",
            "name": "Emily Goodwin",
            "phone": "023 8083 2302",
            "email": "emily.goodwin@southampton.gov.uk",
        }
    ]
    assert meeting["municipal_year_dates"] == []
    assert warnings == []


def test_flattened_members_and_appointed_members():
    assert split_members(
        "Councillor A Bunday (Vice Chair) Councillor Denness Cllr W Payne (Chairman)"
    ) == [
        {"name": "Councillor A Bunday", "role": "Vice-Chair"},
        {"name": "Councillor Denness", "role": None},
        {"name": "Councillor W Payne", "role": "Chair"},
    ]
    assert split_members("Councillor Smith (Deputy Chair)")[0]["role"] == "Vice-Chair"
    people, doubtful = split_appointed(
        [
            "Catherine Hobbs, Roman Catholic Church Francis Otieno, Primary Parent Governor Vacancy - Secondary Parent",
            "Governor Rob Sanders, Church of England",
        ]
    )
    assert people == [
        {"name": "Catherine Hobbs", "capacity": "Roman Catholic Church"},
        {"name": "Francis Otieno", "capacity": "Primary Parent Governor"},
        {"name": None, "capacity": "Secondary Parent Governor", "vacancy": True},
        {"name": "Rob Sanders", "capacity": "Church of England"},
    ]
    assert not doubtful


def test_appointed_members_one_a_line_with_a_wrapped_capacity():
    people, doubtful = split_appointed(
        ["Nicola Brown, Primary Parent", "Governor", "Vacancy – Church of England Representative"]
    )
    assert people == [
        {"name": "Nicola Brown", "capacity": "Primary Parent Governor"},
        {"name": None, "capacity": "Church of England Representative", "vacancy": True},
    ]
    assert not doubtful


def test_contacts_flattened_or_without_a_phone():
    assert split_contacts(
        "Democratic Support Officer Ed Grimshaw Tel: 023 8083 2390 Email: ed.grimshaw@southampton.gov.uk "
        "Scrutiny Manager Mark Pirnie Email: mark.pirnie@southampton.gov.uk"
    ) == [
        {
            "role": "Democratic Support Officer",
            "name": "Ed Grimshaw",
            "phone": "023 8083 2390",
            "email": "ed.grimshaw@southampton.gov.uk",
        },
        {
            "role": "Scrutiny Manager",
            "name": "Mark Pirnie",
            "phone": None,
            "email": "mark.pirnie@southampton.gov.uk",
        },
    ]
    assert split_contacts("Democratic Support Officer To be confirmed") == []


def test_contacts_with_the_name_before_the_role():
    # 2019-style front sheets print the name first
    contacts = split_contacts(
        "Judy Cordell Senior Democratic Support Officer Tel: 023 8083 2766 "
        "Email: judy.cordell@southampton.gov.uk Mark Pirnie Scrutiny Manager "
        "Tel: 023 8083 3886 Email: mark.pirnie@southampton.gov.uk"
    )
    assert [(c["name"], c["role"], c["phone"]) for c in contacts] == [
        ("Judy Cordell", "Senior Democratic Support Officer", "023 8083 2766"),
        ("Mark Pirnie", "Scrutiny Manager", "023 8083 3886"),
    ]


def side_by_side_front_sheet(path):
    """Members in the left column and contacts in the right, row for row, so that the text
    comes out mixed: 'Councillor Guthrie (Chair) Democratic Support Officer'."""
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 10)
    rows = [
        ("Children and Families Scrutiny Panel", None),
        ("Thursday, 7th February, 2019 at 6.00 pm", None),
        ("Conference Room 3 - Civic Centre", None),
        ("Members", "Contacts"),
        ("Councillor Guthrie (Chair)", "Democratic Support Officer"),
        ("Councillor Bell", "Judy Cordell"),
        ("Councillor Laurent", "Tel: 023 8083 2766"),
        ("Appointed Members", "Email: judy.cordell@southampton.gov.uk"),
        ("Rob Sanders, Church of England", None),
    ]
    for n, (left, right) in enumerate(rows):
        page.drawString(60, 780 - 18 * n, left)
        if right:
            page.drawString(330, 780 - 18 * n, right)
    page.showPage()
    page.save()
    return path


def test_members_and_contacts_side_by_side_are_read_column_by_column(tmp_path):
    with PackPdf(side_by_side_front_sheet(tmp_path / "front.pdf")) as pdf:
        pages = pdf.pages()
        assert "Councillor Bell Judy Cordell" in pages[0].text  # the trap is really there
        meeting, warnings = parse_front_sheet(pages, pdf)
    assert [m["name"] for m in meeting["members"]] == [
        "Councillor Guthrie",
        "Councillor Bell",
        "Councillor Laurent",
    ]
    assert meeting["appointed_members"] == [
        {"name": "Rob Sanders", "capacity": "Church of England"}
    ]
    assert meeting["contacts"] == [
        {
            "role": "Democratic Support Officer",
            "name": "Judy Cordell",
            "phone": "023 8083 2766",
            "email": "judy.cordell@southampton.gov.uk",
        }
    ]
    assert (meeting["date"], meeting["time"]) == ("2019-02-07", "18:00")
    assert warnings == []


def test_no_front_sheet_falls_back_to_the_cover_sheets_most_agree_on():
    agenda = make_page("AGENDA\n1 APOLOGIES", number=1)
    covers = [
        make_page(
            f"DECISION-MAKER: {maker}\nSUBJECT: PERFORMANCE\nDATE OF DECISION: 30 MARCH 2023",
            number=n,
        )
        for n, maker in (
            (5, "CHILDREN AND LEARNING SCRUTINY PANEL"),  # a typo on one cover
            (9, "CHILDREN AND FAMILIES SCRUTINY PANEL"),
            (14, "CHILDREN AND FAMILIES SCRUTINY PANEL"),
        )
    ]
    meeting, warnings = parse_front_sheet([agenda, *covers])
    assert meeting["committee"] == "Children and Families Scrutiny Panel"
    assert meeting["date"] == "2023-03-30"
    assert meeting["members"] == [] and meeting["time"] is None and meeting["venue"] is None
    assert {w["page"] for w in warnings} == {1, 5}


def test_no_front_sheet_but_labelled_agenda_fields():
    public = make_page(
        "PUBLIC INFORMATION\nOVERVIEW AND SCRUTINY MANAGEMENT COMMITTEE\nRole of this committee …",
        number=1,
    )
    agenda = make_page(
        "AGENDA\nDate: Thursday, 7 February 2019\nTime: 5.30 pm\nVenue: Council Chamber, Civic Centre\n1 APOLOGIES",
        number=2,
    )
    meeting, warnings = parse_front_sheet([public, agenda])
    assert meeting["committee"] == "Overview and Scrutiny Management Committee"
    assert (meeting["date"], meeting["time"], meeting["venue"]) == (
        "2019-02-07",
        "17:30",
        "Council Chamber, Civic Centre",
    )
    assert warnings[0]["message"].startswith("no front sheet")


def test_no_front_sheet_but_the_agenda_is_headed_with_the_panel_and_date():
    agenda = make_page(
        "SOUTHAMPTON CITY COUNCIL\nChildren and Families Scrutiny Panel\n"
        "Thursday, 7th February, 2019 at 6.00 pm\nAGENDA\n1 APOLOGIES AND CHANGES IN PANEL MEMBERSHIP\n"
        "2 MINUTES OF THE PREVIOUS MEETING\nThursday, 30 January 2019 Director of Legal Services",
        number=1,
    )
    cover = make_page(
        "DECISION-MAKER: CABINET\nSUBJECT: X\nDATE OF DECISION: 12 FEBRUARY 2019", number=4
    )
    meeting, warnings = parse_front_sheet([agenda, cover])
    assert meeting["committee"] == "Children and Families Scrutiny Panel"
    assert (meeting["date"], meeting["time"]) == ("2019-02-07", "18:00")  # not the cover's date
    assert [w["page"] for w in warnings] == [1]


def test_municipal_year_dates_as_a_table_or_as_a_list():
    table = make_page(
        "Dates of Meetings: Municipal Year\n2021 2022\n17 June 27\nJanuary\n22 July 31 March\n30\n"
        "September\n4 November\nDISCLOSURE OF INTERESTS\n17 May"
    )
    assert read_meeting_dates([table]) == [
        "2021-06-17",
        "2021-07-22",
        "2021-09-30",
        "2021-11-04",
        "2022-01-27",
        "2022-03-31",
    ]
    listed = make_page(
        "Dates of Meetings: Municipal Year 2018/19\nThursday 14 June 2018\nThursday 19 July 2018\n"
        "Thursday 7 February 2019\nDISCLOSURE OF INTERESTS"
    )
    assert read_meeting_dates([listed]) == ["2018-06-14", "2018-07-19", "2019-02-07"]
    heading_only = make_page("Dates of Meetings: Municipal Year 2018/19\n14 June\n7 February")
    assert read_meeting_dates([heading_only]) == ["2018-06-14", "2019-02-07"]


def test_corpus_front_sheets(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        meeting, warnings = parse_front_sheet(pages, pdf)
        want = expected_extraction(date)["meeting"]
        assert meeting == want
        assert warnings == []


def test_cover_dates_printed_out_of_order_still_give_the_meeting_date():
    covers = [
        make_page(
            "DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL\nSUBJECT: PERFORMANCE\n"
            "31 MARCH 2022 DATE OF\nDECISION:\nEXECUTIVE DIRECTOR REPORT OF: LEARNING",
            number=7,
        ),
        make_page("DECISION-MAKER:\nSUBJECT:\nDATE OF\n31 MARCH 2022\nDECISION:", number=9),
    ]
    meeting, warnings = parse_front_sheet([make_page("AGENDA\n1 APOLOGIES"), *covers])
    assert (meeting["committee"], meeting["date"]) == (
        "Children and Families Scrutiny Panel",
        "2022-03-31",
    )
    assert [w["page"] for w in warnings] == [1, 7]


def test_title_lines_above_the_panel_name_are_not_part_of_it():
    page = make_page(
        "Public Document Pack\nAgenda\nSouthampton City Council\nChildren and Families Scrutiny Panel\n"
        "Thursday, 7th February, 2019 at 6.00 pm\nConference Room 3 - Civic Centre\n"
        "Members\nCouncillor P Baillie (Chair)"
    )
    meeting, _ = parse_front_sheet([page])
    assert meeting["committee"] == "Children and Families Scrutiny Panel"
    assert meeting["members"] == [{"name": "Councillor P Baillie", "role": "Chair"}]


# --- other layouts (issue 13) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("agenda", "venue"),
    [
        (
            "Place Scrutiny Committee\nTuesday, 5th March, 2024 at 6.00 pm\nCommittee Room 2, Town Hall\n"
            "AGENDA\n1 APOLOGIES\n2 DECLARATIONS OF INTEREST\nMembers are asked to declare any interests.",
            "Committee Room 2, Town Hall",
        ),
        (
            "Housing Overview and Scrutiny Panel\nThursday, 7 November 2024\n10.00 am\n"
            "Online via Microsoft Teams\nAgenda\n1 Apologies for Absence\n2 Membership\n"
            "Members are asked to note any changes.",
            "Online via Microsoft Teams",
        ),
    ],
)
def test_an_agenda_headed_with_panel_date_and_place_is_not_a_front_sheet(agenda, venue):
    meeting, warnings = parse_front_sheet([make_page(agenda, number=1)])
    assert meeting["members"] == [] and meeting["venue"] == venue
    assert meeting["date"] and meeting["committee"]
    assert any(w["page"] == 1 and "no front sheet" in w["message"] for w in warnings)
