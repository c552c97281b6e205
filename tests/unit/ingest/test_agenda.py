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
    assert [i["number"] for i in items] == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]  # "2 Child" inside a description is not item 2
    assert (
        items[1]["pages"] == [1, 4]
        and items[1]["title"] == "MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)"
    )
    assert items[2]["title"].endswith("IN SOUTHAMPTON") and items[2]["pages"] == [5, 12]
    assert (
        items[3]["pages"] == [13, 70] and items[3]["title"] == "SEND STRATEGY – INSPECTION UPDATES"
    )
    assert items[5]["pages"] == [71, 71]
    assert [i["exempt"] for i in items] == [False, False, False, False, True, True]
    assert (
        items[-1]["description"]
        == "Confidential report of the Director, appendix exempt under Category 7a."
    )
    assert all(i["page"] == 5 for i in items)
    assert {w["page"] for w in warnings} == {5}


def test_corpus_agendas(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        items, _ = parse_agenda(pages, pdf)
        want = expected_extraction(date)["agenda"]
        assert [(i["number"], i["title"], i["pages"], i["exempt"]) for i in items] == [
            (w["number"], w["title"], w["pages"], w["exempt"]) for w in want
        ]
