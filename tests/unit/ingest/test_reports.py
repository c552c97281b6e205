import json

from meetings.ingest.reports import parse_reports
from tests.unit.ingest.conftest import make_page

COVER = """Public information before the report.
DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL
SUBJECT: SEND AND CHILDREN WITH DISABILITIES – STRATEGY AND OFSTED
INSPECTION UPDATES
DATE OF
DECISION: 30 MARCH 2023
REPORT OF: EXECUTIVE DIRECTOR CHILDREN AND
LEARNING
CONTACT DETAILS
Name: Robert Henderson Tel: 023 8083 4899
STATEMENT OF
CONFIDENTIALITY
Appendix 2 is confidential: Category 3 of paragraph 10.4 of the Access to Information Procedure Rules.
BRIEF SUMMARY
This report outlines the recommendations made at previous meetings.
RECOMMENDATIONS:
(i) That the Panel note in detail the content of the SEND Strategy
2022 – 2027.
(ii)
That the Panel note the new SEND Inspection Framework.
REASONS FOR REPORT RECOMMENDATIONS
1. To enable scrutiny.
SUPPORTING DOCUMENTATION
Appendices
1. SEND Strategy 2022 – 2027
2. Ofsted Inspection Briefing (confidential)
Documents In Members' Rooms
1. None"""


def test_cover_sheet_fields():
    agenda = [
        {
            "number": 8,
            "title": "SEND AND CHILDREN WITH DISABILITIES - STRATEGY AND OFSTED INSPECTION UPDATES",
        }
    ]
    reports, warnings = parse_reports([make_page(COVER, number=14)], agenda=agenda)
    assert warnings == []
    [report] = reports
    assert report["agenda_number"] == 8  # matched by subject: no stamp on this page
    assert (
        report["subject"]
        == "SEND AND CHILDREN WITH DISABILITIES – STRATEGY AND OFSTED INSPECTION UPDATES"
    )
    assert report["date_of_decision"] == "2023-03-30"
    assert report["report_of"] == "EXECUTIVE DIRECTOR CHILDREN AND LEARNING"
    assert report["confidential"] is True
    assert report["recommendations"] == [
        "That the Panel note in detail the content of the SEND Strategy 2022 – 2027.",
        "That the Panel note the new SEND Inspection Framework.",
    ]
    assert report["appendices"] == [
        "SEND Strategy 2022 – 2027",
        "Ofsted Inspection Briefing (confidential)",
    ]
    assert report["page"] == 14


def test_a_report_that_matches_no_agenda_item_is_flagged():
    reports, warnings = parse_reports(
        [make_page(COVER, number=14)], agenda=[{"number": 1, "title": "APOLOGIES"}]
    )
    assert reports[0]["agenda_number"] is None
    assert warnings[0]["page"] == 14


def test_corpus_reports(corpus, expected_extraction):
    from meetings.ingest.agenda import parse_agenda

    for date, (pdf, pages) in corpus.items():
        agenda, _ = parse_agenda(pages)
        reports, _ = parse_reports(pages, pdf, agenda=agenda)
        want = expected_extraction(date)["reports"]

        def row(r):  # the PDF prints curly apostrophes where the expected file has straight ones
            fields = (
                r["agenda_number"],
                r["subject"],
                r["report_of"],
                r["date_of_decision"],
                r["recommendations"],
            )
            return json.dumps(fields, ensure_ascii=False).replace("’", "'").replace("–", "-")

        assert [row(r) for r in reports] == [row(w) for w in want]
