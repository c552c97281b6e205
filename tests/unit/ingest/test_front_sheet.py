from meetings.ingest.front_sheet import parse_front_sheet, split_appointed, split_members
from tests.unit.ingest.conftest import make_page

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
    assert warnings == []


def test_flattened_members_and_appointed_members():
    assert [
        m["name"]
        for m in split_members("Councillor A Bunday Councillor Denness Councillor W Payne")
    ] == [
        "Councillor A Bunday",
        "Councillor Denness",
        "Councillor W Payne",
    ]
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


def test_no_front_sheet_falls_back_to_a_cover_sheet_and_says_so():
    agenda = make_page("AGENDA\n1 APOLOGIES", number=1)
    cover = make_page(
        "DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL\nSUBJECT: PERFORMANCE\nDATE OF DECISION: 30 MARCH 2023\nREPORT OF: SCRUTINY MANAGER",
        number=5,
    )
    meeting, warnings = parse_front_sheet([agenda, cover])
    assert meeting["committee"] == "Children and Families Scrutiny Panel"
    assert meeting["date"] == "2023-03-30"
    assert meeting["members"] == [] and meeting["time"] is None
    assert {w["page"] for w in warnings} == {1, 5}


def test_corpus_front_sheets(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        meeting, _ = parse_front_sheet(pages, pdf)
        want = expected_extraction(date)["meeting"]
        for field in ("committee", "date", "time", "venue", "municipal_year_dates"):
            assert meeting[field] == want[field], field
        assert meeting["members"] == want["members"]
        assert meeting["appointed_members"] == want["appointed_members"]
        assert meeting["contacts"] == want["contacts"]


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
