from dataclasses import replace

import pytest

from meetings.ingest.agenda import link_papers, parse_agenda
from tests.unit.ingest.pages import make_page

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
    # the exclusion motion (5) marks the item after it; it is taken in public itself
    assert [i["exempt"] for i in items] == [False, False, False, False, False, True]
    assert items[0]["pages"] is None
    assert (
        items[-1]["description"]
        == "Confidential report of the Director, appendix exempt under Category 7a."
    )
    assert all(i["page"] == 5 for i in items)
    assert [w["page"] for w in warnings] == [5]


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


# --- other layouts (issue 13): each excerpt with two paraphrases ---------------------------


@pytest.mark.parametrize(
    ("printed", "title", "pages"),
    [
        (  # capitals, then a mixed-case last line carrying the page range
            "4 HOMELESSNESS PREVENTION AND TEMPORARY ACCOMMODATION - Quarter 3\nPosition (Pages 9 - 24)",
            "HOMELESSNESS PREVENTION AND TEMPORARY ACCOMMODATION - Quarter 3 Position",
            [9, 24],
        ),
        (  # broken after "of the", the rest in title case
            "4 RECRUITMENT AND RETENTION OF CARE WORKERS - Outcome of the\nConsultation (Pages 9 - 24)",
            "RECRUITMENT AND RETENTION OF CARE WORKERS - Outcome of the Consultation",
            [9, 24],
        ),
        (  # title case throughout, wrapped after "and"
            "4 Air Quality Action Plan and\nImplementation of Year One (Page 9)",
            "Air Quality Action Plan and Implementation of Year One",
            [9, 9],
        ),
    ],
)
def test_wrapped_titles_with_a_mixed_case_last_line(printed, title, pages):
    text = f"AGENDA\n1 APOLOGIES\nTo receive apologies.\n2 MINUTES\n3 URGENT ITEMS\n{printed}\nReport of the Head of Service."
    items, _ = parse_agenda([make_page(text, number=2)])
    assert (items[3]["title"], items[3]["pages"]) == (title, pages)
    assert items[3]["description"] == "Report of the Head of Service."


def test_a_description_in_title_case_is_not_taken_into_the_title():
    text = "AGENDA\n1 APOLOGIES\n2 HOUSING REPAIRS (Pages 3 - 8)\nReport of the Director of Housing"
    items, _ = parse_agenda([make_page(text, number=2)])
    assert items[1]["title"] == "HOUSING REPAIRS"
    assert items[1]["description"] == "Report of the Director of Housing"


@pytest.mark.parametrize(
    "motion",
    [
        "EXCLUSION OF THE PRESS AND PUBLIC\nTo move that the press and public be excluded for the "
        "following item, which involves exempt information within Category 3.",
        "Exclusion of the Public\nThat the public are to be excluded from the meeting during the next "
        "item of business (paragraph 3 of Part 1 of Schedule 12A).",
    ],
)
def test_an_exclusion_motion_marks_the_item_after_it(motion):
    text = (
        f"AGENDA\n1 APOLOGIES\n2 MINUTES (Pages 1 - 4)\n3 {motion}\n"
        "4 CARE HOME CONTRACTS (Pages 5 - 9)\nReport of the Head of Commissioning.\n"
        "5 FORWARD PLAN (Pages 10 - 12)\nTo note the plan."
    )
    items, warnings = parse_agenda([make_page(text, number=2)])
    assert [i["exempt"] for i in items] == [False, False, False, True, False]
    assert any("agenda item 4 is exempt" in w["message"] for w in warnings)


def stamped_pages(stamps):
    """Pages 1.. with the printed stamps given (None: unstamped)."""
    pages = [make_page("AGENDA\n1 APOLOGIES\n2 MINUTES (Pages 1 - 2)\n3 CONTRACTS (Pages 3 - 5)\n"
                       "4 BUDGET (Pages 6 - 7)\n5 TRACKER (Pages 8 - 9)", number=1)]  # fmt: skip
    for n, stamp in enumerate(stamps, 2):
        pages.append(replace(make_page(f"Some paper text on this page {n}", number=n), stamp=stamp))
    return pages


def linked(pages):
    items, warnings = parse_agenda(pages)
    return items, warnings + link_papers(items, pages)


def test_printed_pages_map_to_pdf_pages_and_a_gap_marks_the_missing_item_exempt():
    # stamps 3-5 (item 3's papers) are missing: the stamps jump from 2 (page 3) to 6 (page 4)
    items, warnings = linked(stamped_pages([1, 2, 6, 7, 8, 9]))
    assert [i["pdf_pages"] for i in items] == [None, [2, 3], None, [4, 5], [6, 7]]
    assert [i["exempt"] for i in items] == [False, False, True, False, False]
    [gap] = [w for w in warnings if "jump" in w["message"]]
    assert gap["page"] == 4 and "3-5" in gap["message"] and "agenda item 3" in gap["message"]


def test_a_stamp_no_page_prints_links_the_nearest_page_and_says_so():
    # an unstamped page between two stamped ones that run on: placed exactly, no warning
    items, warnings = linked(stamped_pages([1, 2, 3, None, 5, 6, 7, 8, 9]))
    assert items[3]["pdf_pages"] == [7, 8] and not [
        w for w in warnings if "nearest" in w["message"]
    ]
    # stamps only on some pages, with a gap: the nearest stamped page, with a warning
    items, warnings = linked(stamped_pages([1, None, None, None, 9]))
    assert items[2]["pdf_pages"][0] == 2
    assert any(w["page"] == 1 and "nearest" in w["message"] for w in warnings)


def test_a_front_sheet_stamped_page_1_does_not_end_the_search_for_the_agenda():
    front = replace(make_page("Place Scrutiny Committee\nTuesday, 5 March 2024", number=1), stamp=1)
    agenda = replace(make_page("AGENDA\n1 APOLOGIES\n2 MINUTES (Pages 3 - 4)", number=2), stamp=2)
    items, _ = parse_agenda([front, agenda])
    assert [i["number"] for i in items] == [1, 2]


def test_corpus_agenda_links_open_the_page_stamped_with_the_first_printed_page(corpus):
    """The rebuilt corpus packs were paginated afresh: their stamps contradict the agenda's
    "(Pages x - y)" after the first report, so links follow the cover sheets ("DECISION-MAKER")."""
    from meetings.ingest.minutes import parse_minutes
    from meetings.ingest.reports.parse import parse_reports

    for _date, (pdf, pages) in corpus.items():
        items, _ = parse_agenda(pages, pdf)
        reports, _ = parse_reports(pages, pdf, agenda=items)
        minutes, _ = parse_minutes(pages, pdf)
        warnings = link_papers(items, pages, reports, minutes)
        starts = {r["agenda_number"]: r["page"] for r in reports} | {6: minutes[0]["page"]}
        assert {i["number"]: i["pdf_pages"][0] for i in items if i["pdf_pages"]} == starts
        assert any("do not match the page stamps" in w["message"] for w in warnings)


def leaders_pdf(path):
    lines = ["Contents"] + [
        f"{n} {title} {'.' * 40} {page}"
        for n, (title, page) in enumerate(
            [("Introduction", 3), ("Background", 5), ("Method", 9), ("Findings", 14)], 1
        )
    ]
    return lines_pdf(path, lines)


def table_rows_pdf(path):
    return lines_pdf(
        path,
        ["Results by site"]
        + [
            f"{n} Site {name} {n * 12} {n * 7 + 3} {n * 1.5:.1f}%"
            for n, name in enumerate("ABCDE", 1)
        ],
    )


def electoral_roll_pdf(path):
    return lines_pdf(
        path,
        ["Register of Electors - Ward 4"]
        + [f"{n} ABBOTT Jane {10 + n} High Street" for n in range(1, 7)],
    )


def lines_pdf(path, lines):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 10)
    for n, line in enumerate(lines):
        page.drawString(60, 780 - 16 * n, line)
    page.showPage()
    page.save()
    return path


@pytest.mark.parametrize("make", [leaders_pdf, table_rows_pdf, electoral_roll_pdf])
def test_numbered_lines_that_are_not_an_agenda_give_none_and_a_warning(make, tmp_path):
    from meetings.ingest.extract import extract

    pack = extract(make(tmp_path / "not-a-pack.pdf"))
    assert pack["agenda"] == []
    assert any("agenda" in w["message"] for w in pack["warnings"])


@pytest.mark.parametrize(
    "flowed",
    [
        # title, page range and description re-flowed as one paragraph
        "1 APOLOGIES AND CHANGES IN MEMBERSHIP (IF ANY) To note any changes in membership of the\n"
        "Panel.\n2 MINUTES OF THE PREVIOUS MEETING (Pages 1 - 4) To approve the minutes of the\n"
        "meeting held on 5 May as a correct record.\n3 HOMELESSNESS PREVENTION AND TEMPORARY\n"
        "ACCOMMODATION (Pages 5 - 12) Report of the Head of Housing Needs on the use of\nhotels.",
        "1 APOLOGIES AND CHANGES IN MEMBERSHIP (IF ANY) Members are asked to note any changes.\n"
        "2 MINUTES OF THE PREVIOUS MEETING (Pages 1 - 4) To confirm the minutes as a true\n"
        "record.\n3 HOMELESSNESS PREVENTION AND TEMPORARY ACCOMMODATION (Pages 5 - 12) The\n"
        "report of the Head of Housing Needs.",
    ],
)
def test_titles_and_descriptions_run_on_in_one_paragraph(flowed):
    items, _ = parse_agenda([make_page(f"AGENDA\n{flowed}", number=2)])
    assert [(i["number"], i["title"], i["pages"]) for i in items] == [
        (1, "APOLOGIES AND CHANGES IN MEMBERSHIP (IF ANY)", None),
        (2, "MINUTES OF THE PREVIOUS MEETING", [1, 4]),
        (3, "HOMELESSNESS PREVENTION AND TEMPORARY ACCOMMODATION", [5, 12]),
    ]
    assert all(i["description"] and i["description"][0].isupper() for i in items)


@pytest.mark.parametrize("heading", ["A G E N D A", "Order of Business"])
def test_agenda_headings_printed_otherwise(heading):
    items, _ = parse_agenda(
        [make_page(f"{heading}\n1 APOLOGIES\n2 MINUTES (Pages 1 - 4)", number=2)]
    )
    assert [i["number"] for i in items] == [1, 2]
