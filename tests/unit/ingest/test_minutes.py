from meetings.ingest.minutes import parse_minutes, people
from tests.unit.ingest.conftest import make_page

MINUTES = """SOUTHAMPTON CITY COUNCIL
CHILDREN AND FAMILIES SCRUTINY PANEL
MINUTES OF THE MEETING HELD ON 25 NOVEMBER 2021
Present: Councillors Guthrie (Chair), Bell and Dr Paffey
Apologies: Appointed Members: Rob Sanders
28. APOLOGIES AND CHANGES IN PANEL MEMBERSHIP (IF ANY)
The apologies of Appointed Member, Rob Sanders were noted.
29. MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)
RESOLVED that the minutes of the meeting held on 22 July 2021 be approved and signed as a correct record.
30. EXCLUSION OF THE PRESS AND PUBLIC - EXEMPT PAPERS INCLUDED IN THE
FOLLOWING ITEM
The Panel noted the following:
• 1) the figures in the report were provisional.
RESOLVED:
• 1) That the number of foster carer inquiries would be added to the dataset
considered by the Panel
• 2) That clarification would be provided on what the NEET indicators measured.
31. CHILDREN AND LEARNING - PERFORMANCE
RESOLVED: That, if timescales allowed, the key findings be appended."""


def test_minutes_items_and_resolutions():
    minutes, warnings = parse_minutes([make_page(MINUTES, number=6)])
    assert warnings == []
    [meeting] = minutes
    assert meeting["meeting_date"] == "2021-11-25"
    assert meeting["present"] == [
        "Councillor Guthrie (Chair)",
        "Councillor Bell",
        "Councillor Dr Paffey",
    ]
    assert meeting["apologies"] == ["Rob Sanders"]
    items = {i["number"]: i for i in meeting["items"]}
    assert list(items) == [28, 29, 30, 31]
    assert items[28]["resolutions"] == []
    assert items[29]["resolutions"] == [
        "that the minutes of the meeting held on 22 July 2021 be approved and signed as a correct record."
    ]
    assert (
        items[30]["title"]
        == "EXCLUSION OF THE PRESS AND PUBLIC - EXEMPT PAPERS INCLUDED IN THE FOLLOWING ITEM"
    )
    assert items[30]["resolutions"] == [
        "That the number of foster carer inquiries would be added to the dataset considered by the Panel",
        "That clarification would be provided on what the NEET indicators measured.",
    ]
    assert "figures in the report were provisional" in items[30]["text"]
    assert items[31]["resolutions"] == [
        "That, if timescales allowed, the key findings be appended."
    ]


def test_people_lists():
    assert people(
        "Councillors Winning (Chair), T Bunday, Denness and Vaughan. Appointed Member: Rob Sanders"
    ) == [
        "Councillor Winning (Chair)",
        "Councillor T Bunday",
        "Councillor Denness",
        "Councillor Vaughan",
        "Rob Sanders",
    ]
    assert people("Councillor D Galton") == ["Councillor D Galton"]


def test_corpus_minutes(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        minutes, _ = parse_minutes(pages, pdf)
        [want] = expected_extraction(date)["minutes"]
        [got] = minutes
        assert (got["meeting_date"], got["present"], got["apologies"]) == (
            want["meeting_date"],
            want["present"],
            want["apologies"],
        )
        assert [(i["number"], i["title"]) for i in got["items"]] == [
            (i["number"], i["title"]) for i in want["items"]
        ]
        for mine, theirs in zip(got["items"], want["items"], strict=True):
            assert len(mine["resolutions"]) == len(theirs["resolutions"])


def test_other_councils_word_the_heading_differently():
    from meetings.ingest.minutes import HEADER

    for heading in (
        "MINUTES OF THE MEETING HELD ON 25 NOVEMBER 2021",
        "Minutes of the Children and Families Scrutiny Panel meeting held on Thursday, 25 November 2021",
        "MINUTES OF THE SPECIAL MEETING HELD ON 4 JULY 2019",
        "Minutes of the meeting of the Overview and Scrutiny Committee held at the Civic Centre on 4 July 2019",
    ):
        assert HEADER.search(heading), heading
    assert not HEADER.search(
        "RESOLVED that the minutes of the meeting held on 22 July 2021 be approved"
    )
