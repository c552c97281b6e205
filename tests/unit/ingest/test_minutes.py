import pytest

from meetings.ingest.minutes import HEADER, parse_minutes, people
from tests.unit.ingest.pages import make_page

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
    assert (meeting["meeting_date"], meeting["page"]) == ("2021-11-25", 6)
    assert meeting["present"] == [
        "Councillor Guthrie (Chair)",
        "Councillor Bell",
        "Councillor Dr Paffey",
    ]
    assert meeting["apologies"] == ["Rob Sanders"]
    items = {i["number"]: i for i in meeting["items"]}
    assert list(items) == [28, 29, 30, 31]
    assert items[28]["resolutions"] == []
    assert items[28]["text"] == "The apologies of Appointed Member, Rob Sanders were noted."
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
    assert items[30]["text"] == (
        "The Panel noted the following:\n• 1) the figures in the report were provisional."
    )
    assert items[31]["resolutions"] == [
        "That, if timescales allowed, the key findings be appended."
    ]


def test_labels_printed_above_their_values_without_word_positions():
    page = make_page(
        "SOUTHAMPTON CITY COUNCIL CHILDREN AND FAMILIES SCRUTINY PANEL\n"
        "MINUTES OF THE MEETING HELD ON 26 JANUARY 2023\nPresent:\nApologies:\n"
        "Councillors Winning (Chair), T Bunday, Denness and Vaughan. Appointed Member: Rob\n"
        "Sanders\nCouncillor D Galton\n25. APOLOGIES AND CHANGES IN PANEL MEMBERSHIP (IF ANY)\n"
        "The Panel noted the apologies of Councillor D Galton.",
        number=6,
    )
    [meeting], _ = parse_minutes([page])
    assert meeting["present"] == [
        "Councillor Winning (Chair)",
        "Councillor T Bunday",
        "Councillor Denness",
        "Councillor Vaughan",
        "Rob Sanders",
    ]
    assert meeting["apologies"] == ["Councillor D Galton"]


def test_present_and_apologies_flattened_onto_one_line():
    page = make_page(
        "MINUTES OF THE MEETING HELD ON 4 JULY 2019\n"
        "Present: Councillors Bell (Chair) and Mitchell Apologies: Councillor Paffey\n"
        "1. APOLOGIES\nThe apologies of Councillor Paffey were noted.",
        number=6,
    )
    [meeting], _ = parse_minutes([page])
    assert meeting["present"] == ["Councillor Bell (Chair)", "Councillor Mitchell"]
    assert meeting["apologies"] == ["Councillor Paffey"]


def test_roman_resolutions_across_a_page_break_and_a_lead_in():
    first = make_page(
        "MINUTES OF THE MEETING OF THE CHILDREN AND FAMILIES SCRUTINY PANEL HELD ON 7 FEBRUARY 2019\n"
        "Present: Councillor Smith (Chair), Councillor Jones & Cllr Patel\n"
        "29. Youth Offending Service\n"
        "The Panel noted that the issue had been resolved by the service and that figures for\n"
        "30 MARCH 2019\n"  # the next minute's number at a line start, but a date
        "would be reported.\n"
        "RESOLVED that the Panel:\n"
        "(i) requests that the re-offending rates for the last three years be circulated to",
        number=3,
    )
    second = make_page(
        "the Panel; and\n(ii) receives a further report in the new municipal year.\n"
        "30. MONITORING SCRUTINY RECOMMENDATIONS\nResolved: That the report be noted.",
        number=4,
    )
    [meeting], _ = parse_minutes([first, second])
    assert meeting["present"] == [
        "Councillor Smith (Chair)",
        "Councillor Jones",
        "Councillor Patel",
    ]
    youth, monitoring = meeting["items"]
    assert (youth["number"], youth["title"], youth["page"]) == (29, "Youth Offending Service", 3)
    assert youth["resolutions"] == [
        "requests that the re-offending rates for the last three years be circulated to the Panel; and",
        "receives a further report in the new municipal year.",
    ]
    assert "issue had been resolved by the service" in youth["text"]  # not a resolution
    assert (monitoring["number"], monitoring["page"]) == (30, 4)
    assert monitoring["resolutions"] == ["That the report be noted."]


def test_two_sets_of_minutes_end_at_the_first_report():
    pages = [
        make_page(
            "MINUTES OF THE MEETING HELD ON 22 JULY 2021\nPresent: Councillor Bell\n"
            "10. CHILD FRIENDLY SOUTHAMPTON\nRESOLVED that the update be circulated.",
            number=6,
        ),
        make_page(
            "MINUTES OF THE SPECIAL MEETING HELD ON 4 AUGUST 2021\nPresent: Councillor Bell\n"
            "11. SCHOOL PLACES\nThe Panel discussed the report.",
            number=7,
        ),
        make_page(
            "DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL\n12. SUBJECT TO CHANGE",
            number=8,
        ),
    ]
    minutes, _ = parse_minutes(pages)
    assert [(m["meeting_date"], [i["number"] for i in m["items"]]) for m in minutes] == [
        ("2021-07-22", [10]),
        ("2021-08-04", [11]),
    ]
    assert minutes[1]["items"][0]["text"] == "The Panel discussed the report."


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
    assert people("Councillors Baillie (Chair) and Bunday Appointed Members: Nicola Brown") == [
        "Councillor Baillie (Chair)",
        "Councillor Bunday",
        "Nicola Brown",
    ]
    assert people(
        "Councillors Bell, and Mitchell; Appointed Members: Rob Sanders and Nicola Brown"
    ) == [
        "Councillor Bell",
        "Councillor Mitchell",
        "Rob Sanders",
        "Nicola Brown",
    ]


def test_corpus_minutes(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        minutes, warnings = parse_minutes(pages, pdf)
        assert warnings == []
        [want] = expected_extraction(date)["minutes"]
        [got] = minutes
        assert (got["meeting_date"], got["present"], got["apologies"], got["page"]) == (
            want["meeting_date"],
            want["present"],
            want["apologies"],
            want.get("page", got["page"]),
        )
        assert [(i["number"], i["title"]) for i in got["items"]] == [
            (i["number"], i["title"]) for i in want["items"]
        ]
        for mine, theirs in zip(got["items"], want["items"], strict=True):
            assert [r.replace("re- ref", "re-ref") for r in mine["resolutions"]] == theirs[
                "resolutions"
            ]
            assert "RESOLVED" not in mine["text"]


def test_other_councils_word_the_heading_differently():
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


# --- other layouts (issue 13): each excerpt with two paraphrases ---------------------------


def minutes_of(body: str, heading="MINUTES OF THE MEETING HELD ON TUESDAY, 8 NOVEMBER 2022"):
    [meeting], _ = parse_minutes(
        [make_page(f"{heading}\nPresent: Councillors A and B\n{body}", number=3)]
    )
    return meeting


@pytest.mark.parametrize(
    "body",
    [
        "17.\nMINUTES OF THE PREVIOUS MEETING\nRESOLVED that the minutes be approved.\n18.\n"
        "HOUSING REPAIRS\nThe Panel considered the report.\nRESOLVED that a note be circulated.",
        "17\nMinutes of the Previous Meeting\nRESOLVED that the minutes be approved.\n18\n"
        "Housing Repairs\nThe Panel considered the report.\nRESOLVED that a note be circulated.",
    ],
)
def test_a_minute_number_alone_on_its_line_with_the_title_below(body):
    items = minutes_of(body)["items"]
    assert [(i["number"], i["title"].upper()) for i in items] == [
        (17, "MINUTES OF THE PREVIOUS MEETING"),
        (18, "HOUSING REPAIRS"),
    ]
    assert items[1]["resolutions"] == ["that a note be circulated."]


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        (
            "41. SCHOOL ATTENDANCE The Panel considered the report of the Head of Education.\n"
            "RESOLVED that the attendance figures be circulated.\n"
            "42. HOME TO SCHOOL TRANSPORT - REVIEW Members asked about the cost of the service.\n"
            "RESOLVED that the review returns in March.",
            ["SCHOOL ATTENDANCE", "HOME TO SCHOOL TRANSPORT - REVIEW"],
        ),
        (
            "41. AIR QUALITY (NO2) Officers presented the monitoring results for the year.\n"
            "RESOLVED that the results be published.\n"
            "42. MINUTES OF THE LAST MEETING RESOLVED that the minutes be approved.",
            ["AIR QUALITY (NO2)", "MINUTES OF THE LAST MEETING"],
        ),
    ],
)
def test_a_heading_run_into_the_first_sentence_of_its_discussion(body, titles):
    items = minutes_of(body)["items"]
    # the next minute is not swallowed, and its resolution stays with it
    assert [i["title"] for i in items] == titles
    assert len(items[0]["resolutions"]) == 1 and len(items[1]["resolutions"]) == 1
    assert not items[0]["text"].isupper() and items[0]["text"].split()[0] in ("The", "Officers")


def test_a_numbered_sentence_is_not_a_run_in_heading():
    items = minutes_of(
        "5. HOUSING\nThe Panel noted:\n6. NHS England had said that funding was agreed."
    )["items"]
    assert [i["number"] for i in items] == [5]


@pytest.mark.parametrize(
    ("heading", "date"),
    [
        (
            "Minutes of a meeting of the Place Scrutiny Committee held at\n"
            "Committee Room 2, Town Hall on Tuesday 8 November 2022",
            "2022-11-08",
        ),
        (
            "MINUTES OF THE MEETING OF THE HOUSING PANEL HELD ON\nTHURSDAY, 3RD MARCH, 2022",
            "2022-03-03",
        ),
    ],
)
def test_a_minutes_heading_wrapped_over_two_lines(heading, date):
    meeting = minutes_of("12. APOLOGIES\nThere were none.", heading=heading)
    assert meeting["meeting_date"] == date
    assert [i["number"] for i in meeting["items"]] == [12]


@pytest.mark.parametrize(
    "line",
    [
        "51. SCRUTINY RECOMMENDATIONS TRACKER The Panel",  # reads as a title-case heading
        "51. SCRUTINY RECOMMENDATIONS TRACKER Members",
    ],
)
def test_a_run_in_heading_wrapped_after_the_first_words_of_its_sentence(line):
    items = minutes_of(f"{line}\nnoted the progress against the recommendations.")["items"]
    assert items[0]["title"] == "SCRUTINY RECOMMENDATIONS TRACKER"
    assert items[0]["text"].endswith("noted the progress against the recommendations.")


def test_a_wrapped_heading_run_into_its_sentence_on_the_second_line():
    items = minutes_of(
        "49. PERFORMANCE MONITORING - KEY INDICATORS TO\nDECEMBER The Panel considered the report."
    )["items"]
    assert items[0]["title"] == "PERFORMANCE MONITORING - KEY INDICATORS TO DECEMBER"
    assert items[0]["text"] == "The Panel considered the report."


ATTENDANCE = [
    (  # the label above one line of names
        "Present:\nCllr Okafor (Chair), Cllr Yardley, Cllr Quayle\nApologies:\nCllr Varga",
        ["Councillor Okafor (Chair)", "Councillor Yardley", "Councillor Quayle"],
        ["Councillor Varga"],
    ),
    (  # names with titles, one a line
        "Present:\nCouncillor Okafor (Chair)\nCouncillor Yardley (Vice-Chair)\nMrs J Quayle\n"
        "Apologies:\nCouncillor Varga, Councillor Greaves",
        ["Councillor Okafor (Chair)", "Councillor Yardley (Vice-Chair)", "Mrs J Quayle"],
        ["Councillor Varga", "Councillor Greaves"],
    ),
    (  # apologies as a sentence
        "Present: Councillors Okafor (Chair), Yardley and Quayle\n"
        "Apologies were received from Councillors Varga and Greaves.",
        ["Councillor Okafor (Chair)", "Councillor Yardley", "Councillor Quayle"],
        ["Councillor Varga", "Councillor Greaves"],
    ),
    (  # the same, worded otherwise
        "Present: Councillors Okafor (Chair), Yardley and Quayle\n"
        "Apologies for absence were submitted by Councillor Varga and Councillor Greaves.",
        ["Councillor Okafor (Chair)", "Councillor Yardley", "Councillor Quayle"],
        ["Councillor Varga", "Councillor Greaves"],
    ),
]


@pytest.mark.parametrize(("printed", "present", "apologies"), ATTENDANCE)
def test_present_and_apologies_in_other_layouts(printed, present, apologies):
    [meeting], _ = parse_minutes(
        [
            make_page(
                f"MINUTES OF THE MEETING HELD ON 8 NOVEMBER 2022\n{printed}\n12. APOLOGIES\nNoted.",
                number=3,
            )
        ]
    )
    assert (meeting["present"], meeting["apologies"]) == (present, apologies)
    assert [i["number"] for i in meeting["items"]] == [12]


@pytest.mark.parametrize(
    ("heading", "date"),
    [
        (
            "MINUTES OF THE CHILDREN AND FAMILIES SCRUTINY PANEL HELD ON 7 FEBRUARY 2019",
            "2019-02-07",
        ),
        (
            "Minutes of the meeting of the Health Panel held remotely on Tuesday 9 March 2021",
            "2021-03-09",
        ),
        ("MINUTES\nPlace Scrutiny Committee\nThursday, 14 October 2021", "2021-10-14"),
    ],
)
def test_minutes_headings_worded_otherwise(heading, date):
    meeting = minutes_of("12. APOLOGIES\nThere were none.", heading=heading)
    assert meeting["meeting_date"] == date
    assert [i["number"] for i in meeting["items"]] == [12]


@pytest.mark.parametrize(
    "resolved",
    [
        "RESOLVED: (i) that the figures be circulated; (ii) that the service returns in\n"
        "March; (iii) that a briefing note be sent.",
        "Resolved: 1) That the figures be circulated. 2) That the service returns in March.\n"
        "3) That a briefing note be sent.",
    ],
)
def test_numbered_resolutions_run_on_in_one_paragraph(resolved):
    items = minutes_of(f"12. HOUSING REPAIRS\nThe Panel considered the report.\n{resolved}")[
        "items"
    ]
    assert [r.lower().rstrip(";.") for r in items[0]["resolutions"]] == [
        "that the figures be circulated",
        "that the service returns in march",
        "that a briefing note be sent",
    ]
