from meetings.ingest.agenda import parse_agenda
from tests.unit.ingest.conftest import make_page

AGENDA = """AGENDA
1 APOLOGIES AND CHANGES IN PANEL MEMBERSHIP (IF ANY)
To note any changes in membership of the Panel.
2 MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING) (Pages 1 - 4)
To approve and sign as a correct record the Minutes of the meeting held on 2 Child
Safeguarding Practice Reviews.
3 YOUNG PEOPLE'S SERVICE UPDATE AND ISSUES AFFECTING YOUNG PEOPLE IN SOUTHAMPTON
(Pages 5 - 12)
Report of the Head of Young People's Services.
4 SEND STRATEGY – INSPECTION UPDATES (Pages 13 -
70)
Report of the Head of SEND.
5 EXCLUSION OF THE PRESS AND PUBLIC - CONFIDENTIAL ITEM
To move that in accordance with the Council's Constitution, specifically the Access to Information
Procedure Rules, the press and public be excluded (Category 3).
6 PLACEMENTS SUFFICIENCY (Page 71)
Confidential report of the Director, appendix exempt under Category 7a.
Wednesday, 22 March 2023 Director – Legal, Governance and HR"""


def test_items_pages_descriptions_and_exempt_items():
    items, warnings = parse_agenda([make_page(AGENDA, number=5)])
    # "2 Child" inside a description is not item 2
    assert [i["number"] for i in items] == [1, 2, 3, 4, 5, 6]
    assert items[1]["pages"] == [1, 4]
    assert items[1]["title"] == "MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)"
    assert items[2]["title"].endswith("IN SOUTHAMPTON") and items[2]["pages"] == [5, 12]
    assert items[3]["pages"] == [13, 70]
    assert items[3]["title"] == "SEND STRATEGY – INSPECTION UPDATES"
    assert items[5]["pages"] == [71, 71]
    assert [i["exempt"] for i in items] == [False, False, False, False, True, True]
    assert items[0]["pages"] is None
    assert (
        items[-1]["description"]
        == "Confidential report of the Director, appendix exempt under Category 7a."
    )
    assert all(i["page"] == 5 for i in items)
    assert [w["page"] for w in warnings] == [5, 5]


def test_an_agenda_over_two_pages_with_a_description_running_on():
    first = make_page(
        "AGENDA\n1 APOLOGIES\nTo note any apologies.\n2 CHILDREN AND LEARNING - PERFORMANCE (Pages 1 - 20)\n"
        "Report of the Service Director, recommending that the Panel consider and",
        number=3,
    )
    second = make_page(
        "challenge the performance of Children and Learning Services.\n"
        "3 COUNCIL TAX EXEMPTIONS FOR CARE LEAVERS (Pages 21 - 30)\nReport of the Director.\n"
        "Wednesday, 30 January 2019 Service Director – Legal and Governance",
        number=4,
    )
    minutes = make_page("MINUTES OF THE MEETING HELD ON 10 JANUARY 2019\n1 Present", number=5)
    items, warnings = parse_agenda([first, second, minutes])
    assert [(i["number"], i["page"]) for i in items] == [(1, 3), (2, 3), (3, 4)]
    assert items[1]["description"].endswith(
        "challenge the performance of Children and Learning Services."
    )
    assert items[2]["exempt"] is False  # "EXEMPTIONS" is not an exempt item
    assert items[2]["description"] == "Report of the Director."
    assert warnings == []


def test_title_case_items_and_no_agenda_heading():
    page = make_page(
        "Overview and Scrutiny Committee\n1. Apologies and Changes in Membership (if any)\n"
        "To note any apologies.\n2. Minutes of the Previous Meeting (Pages 1 - 6)\n"
        "To approve the minutes.\n3. Not for Publication: Children's Home Contract (Pages 7 - 9)\n"
        "The report contains exempt information.",
        number=2,
    )
    items, _ = parse_agenda([page])
    assert [(i["number"], i["title"], i["pages"], i["exempt"]) for i in items] == [
        (1, "Apologies and Changes in Membership (if any)", None, False),
        (2, "Minutes of the Previous Meeting", [1, 6], False),
        (3, "Not for Publication: Children's Home Contract", [7, 9], True),
    ]


def test_no_agenda_is_said_so():
    items, warnings = parse_agenda([make_page("PUBLIC INFORMATION\nRole of this panel", number=1)])
    assert items == [] and warnings == [{"page": 1, "message": "no agenda found"}]


def test_corpus_agendas(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        items, _ = parse_agenda(pages, pdf)
        want = expected_extraction(date)["agenda"]
        assert [(i["number"], i["title"], i["pages"], i["exempt"]) for i in items] == [
            (w["number"], w["title"], w["pages"], w["exempt"]) for w in want
        ]
        assert all(i["page"] == 5 for i in items)
        assert items[5]["description"].startswith("To approve and sign as a correct record")
        assert items[-1]["description"].endswith("previous meetings and provides feedback.") or (
            items[-1]["description"].endswith("on recommendations made at previous meetings.")
        )


def test_a_front_sheet_titled_agenda_is_not_the_agenda():
    front = make_page(
        "Agenda\nChildren and Families Scrutiny Panel\nThursday, 7th February, 2019 at 6.00 pm\n"
        "Members\nCouncillor P Baillie (Chair)",
        number=1,
    )
    agenda = make_page("AGENDA\n1 APOLOGIES\nTo note any apologies.", number=3)
    items, _ = parse_agenda([front, agenda])
    assert [(i["number"], i["title"], i["page"]) for i in items] == [(1, "APOLOGIES", 3)]
