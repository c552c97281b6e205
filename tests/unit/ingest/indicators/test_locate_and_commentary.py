"""Finding the performance pages from their text alone, and the officers' commentary on them."""

from meetings.ingest.indicators import commentary
from meetings.ingest.indicators.locate import council_names, performance_pages
from tests.unit.ingest.pages import make_page

LANDSCAPE = {"width": 842.0, "height": 595.0}

TABLE = (
    "Indicator Outturn type Apr-21 May-21 Jun-21 Jul-21\n"
    "Percentage of re-referrals PERCENTAGE 21% 27% 26% 33%\n"
    "Number of contacts NUMBER 1,610 1,702 1,655 1,598"
)


def test_table_pages_from_their_text():
    pages = [
        make_page("Minutes of the meeting held on 17 June 2021. Present: …", number=1),
        make_page(TABLE, number=2, **LANDSCAPE),
        make_page(  # the table goes on, its header not repeated
            "Rate per 10,000 RATE 54 117 166 218\nNumber of CLA NUMBER 494 498 501 508",
            number=3,
            **LANDSCAPE,
        ),
        make_page(
            "In the week of 4th February 2021 there were 4,074 children; 22nd July 2021 4633; "
            "11th November 2021 3761; September 2021 had 1 2 3 4 more.",
            number=4,
        ),
        make_page("", number=5, char_count=0),
    ]
    tables, prose = performance_pages(pages)
    assert [p.number for p in tables] == [2, 3]
    assert [p.number for p in prose] == [1, 4]  # no report named: every other page with text


def test_prose_pages_are_the_performance_reports():
    pages = [make_page(f"page {n} text", number=n) for n in range(1, 9)]
    pages[6] = make_page("GLOSSARY OF TERMS\nCIN Child in need", number=7)
    reports = [
        {"subject": "SEND STRATEGY", "page": 2},
        {"subject": "CHILDREN AND LEARNING - PERFORMANCE", "page": 4},
        {"subject": "MONITORING SCRUTINY RECOMMENDATIONS", "page": 8},
        {"subject": "NO PAGE"},  # a report without its page is no help, and no harm
    ]
    _, prose = performance_pages(pages, reports)
    assert [p.number for p in prose] == [4, 5, 6]  # up to the report's glossary


def test_the_councils_own_name():
    pages = [
        make_page("Southampton City Council\nContact: emily.goodwin@southampton.gov.uk"),
        make_page("Funding from Hampshire County Council and Southampton City Council"),
    ]
    assert council_names(pages) == frozenset({"southampton"})
    assert council_names([make_page("No council named here")]) == frozenset()


SLIDES = (
    "Effective Assessment and Intervention\n"
    "Overview highlighting February ‘23\n"
    "Analysis: There was a decrease in the percentage of child re-referrals from 27% in January\n"
    "to 25% in February, however this is still just short of our local target of 23%.\n"
    "Purposeful Direct Contact\n"
    "Overview highlighting February ‘23\n"
    "Analysis: CP Visiting within ten working days decreased from 95% in January to 93% in\n"
    "February, however this still represents strong performance.\n"
)


def test_commentary_blocks_with_their_priority_area():
    blocks = commentary.read([make_page(SLIDES, number=46)])
    assert [(b["section"], b["heading"], b["page"]) for b in blocks] == [
        ("Effective Assessment and Intervention", "Analysis", 46),
        ("Purposeful Direct Contact", "Analysis", 46),
    ]
    assert blocks[0]["text"] == (
        "There was a decrease in the percentage of child re-referrals from 27% in January to 25% "
        "in February, however this is still just short of our local target of 23%."
    )


def test_analysis_and_next_steps_run_over_the_page():
    pages = [
        make_page(
            "Right Service at the Right Time\nAnalysis\nThe volume of contacts continues to be\n"
            "higher than last year.\nAction/next steps\n• Further analysis is required to",
            number=73,
        ),
        make_page("understand the conversion from contact to referral.", number=74),
    ]
    blocks = commentary.read(pages)
    assert [(b["heading"], b["section"], b["page"]) for b in blocks] == [
        ("Analysis", "Right Service at the Right Time", 73),
        ("Action/next steps", "Right Service at the Right Time", 73),
    ]
    assert blocks[1]["text"].endswith("conversion from contact to referral.")
