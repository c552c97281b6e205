import json

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from meetings.ingest.pdf import PackPdf
from meetings.ingest.reports.cover import read_labelled
from meetings.ingest.reports.parse import confidentiality, parse_reports, split_list
from tests.unit.ingest.pages import make_page

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

SEND = {
    "number": 8,
    "title": "SEND AND CHILDREN WITH DISABILITIES - STRATEGY AND OFSTED INSPECTION UPDATES",
}


def test_cover_sheet_fields():
    reports, warnings = parse_reports([make_page(COVER, number=14)], agenda=[SEND])
    [report] = reports
    assert report["agenda_number"] == 8  # matched by subject: no stamp on this page
    assert (
        report["subject"]
        == "SEND AND CHILDREN WITH DISABILITIES – STRATEGY AND OFSTED INSPECTION UPDATES"
    )
    assert report["decision_maker"] == "CHILDREN AND FAMILIES SCRUTINY PANEL"
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
    # "DATE OF" stood alone: without word positions the value cannot be placed for sure
    assert [w["page"] for w in warnings] == [14]


def test_the_brief_summary_is_read_for_the_meeting_page():
    [report], _ = parse_reports([make_page(COVER, number=14)], agenda=[SEND])
    assert (
        report["summary"] == "This report outlines the recommendations made at previous meetings."
    )
    wrapped = COVER.replace(
        "This report outlines the recommendations made at previous meetings.",
        "The Panel is asked to consider the annual report of the\nIndependent Reviewing Service.",
    )
    [report], _ = parse_reports([make_page(wrapped, number=14)], agenda=[SEND])
    assert report["summary"] == (
        "The Panel is asked to consider the annual report of the Independent Reviewing Service."
    )


def test_a_report_that_matches_no_agenda_item_is_flagged():
    reports, warnings = parse_reports(
        [make_page(COVER, number=14)], agenda=[{"number": 1, "title": "APOLOGIES"}]
    )
    assert reports[0]["agenda_number"] is None
    assert any("not matched" in w["message"] and w["page"] == 14 for w in warnings)


def test_the_agenda_item_stamp_numbers_the_report_and_the_agenda_is_read_when_not_given():
    agenda = make_page(
        "AGENDA\n1 APOLOGIES\n2 PERFORMANCE MONITORING (Pages 1 - 6)\nReport of the Director.",
        number=1,
    )
    cover = make_page(
        "Agenda Item 2\nDECISION-MAKER: OVERVIEW AND SCRUTINY MANAGEMENT COMMITTEE\n"
        "SUBJECT: QUARTERLY PERFORMANCE\nDATE OF DECISION: 7 FEBRUARY 2019\n"
        "REPORT OF: SERVICE DIRECTOR\nRECOMMENDATIONS:\n(i) That the Committee notes it.",
        number=2,
    )
    cover.agenda_item = "2"  # pdf.py reads the stamp from the raw text
    [report], _ = parse_reports([agenda, cover])
    assert report["agenda_number"] == 2  # the stamp, although the subject differs
    cover_without_stamp = make_page(cover.text, number=2)
    cover_without_stamp.agenda_item = None
    [report], warnings = parse_reports([agenda, cover_without_stamp])
    assert report["agenda_number"] is None and warnings[0]["page"] == 2


def test_a_second_cover_for_the_same_item_is_not_given_its_number():
    body = "SUBJECT: SEND AND CHILDREN WITH DISABILITIES - STRATEGY AND OFSTED INSPECTION UPDATES\nDATE OF DECISION: 6 MARCH 2023\nREPORT OF: CABINET MEMBER\nRECOMMENDATIONS:\n(i) That Cabinet approves the strategy."
    pages = [
        make_page(COVER, number=14),
        make_page("DECISION-MAKER: CABINET\n" + body, number=30),
    ]
    reports, warnings = parse_reports(pages, agenda=[SEND])
    assert [r["agenda_number"] for r in reports] == [8, None]
    assert any(w["page"] == 30 and "already has a report" in w["message"] for w in warnings)


def test_labels_read_column_by_column_get_values_only_when_the_counts_agree():
    lines = [
        "DECISION-MAKER:",
        "SUBJECT:",
        "DATE OF DECISION:",
        "REPORT OF:",
        "CHILDREN AND FAMILIES SCRUTINY PANEL",
        "PERFORMANCE",
        "7 FEBRUARY 2019",
        "SERVICE DIRECTOR",
        "BRIEF SUMMARY",
    ]
    fields = read_labelled(lines)
    assert fields.values["subject"] == ["PERFORMANCE"]
    assert fields.values["report_of"] == ["SERVICE DIRECTOR"]
    wrapped = [*lines[:5], "PERFORMANCE AND", "IMPROVEMENT", *lines[6:]]
    fields = read_labelled(wrapped)
    assert fields.values["subject"] == [] and fields.values["report_of"] == []  # not guessed
    assert {"subject", "report_of"} <= fields.unsure


def test_a_value_printed_before_its_label():
    # "DATE OF / 31 MARCH 2022 / DECISION:": the value between the two halves of its label
    fields = read_labelled(["DATE OF", "31 MARCH 2022", "DECISION:", "REPORT OF: HEAD OF SEND"])
    assert fields.values == {"date_of_decision": ["31 MARCH 2022"], "report_of": ["HEAD OF SEND"]}
    assert fields.unsure == {"date_of_decision"}


def centred_cover_pdf(path):
    """A cover sheet drawn as a label column and a value column, the labels centred on wrapped
    values, and the text written value-first so that the extracted text reads
    'EXECUTIVE DIRECTOR CHILDREN AND REPORT OF: LEARNING' and '31 MARCH 2022 DATE OF'."""
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 10)

    def at(x, y, text):
        page.drawString(x, 842 - y, text)

    at(60, 60, "DECISION-MAKER:")
    at(180, 60, "CHILDREN AND FAMILIES SCRUTINY PANEL")
    at(60, 90, "SUBJECT:")
    at(180, 90, "ELECTIVE HOME EDUCATION")
    at(180, 118, "31 MARCH 2022")
    at(60, 112, "DATE OF")
    at(60, 124, "DECISION:")
    at(180, 152, "EXECUTIVE DIRECTOR CHILDREN AND")
    at(60, 158, "REPORT OF:")
    at(180, 164, "LEARNING")
    at(60, 200, "STATEMENT OF CONFIDENTIALITY")
    at(60, 214, "None")
    at(60, 240, "RECOMMENDATIONS:")
    at(60, 254, "(i) That the Panel note the service.")
    page.showPage()
    page.save()
    return path


def test_word_positions_settle_values_printed_around_centred_labels(tmp_path):
    with PackPdf(centred_cover_pdf(tmp_path / "cover.pdf")) as pdf:
        pages = pdf.pages()
        assert "CHILDREN AND REPORT OF: LEARNING" in pages[0].text  # the trap is really there
        [report], warnings = parse_reports(pages, pdf, agenda=[])
    assert not any("apart from" in w["message"] for w in warnings)
    assert report["report_of"] == "EXECUTIVE DIRECTOR CHILDREN AND LEARNING"
    assert report["date_of_decision"] == "2022-03-31"
    assert report["subject"] == "ELECTIVE HOME EDUCATION"
    assert report["decision_maker"] == "CHILDREN AND FAMILIES SCRUTINY PANEL"
    assert report["confidential"] is False
    assert report["recommendations"] == ["That the Panel note the service."]


@pytest.mark.parametrize(
    "statement, confidential",
    [
        (["None"], False),
        (["N/A"], False),
        (["Not applicable"], False),
        (["NOT APPLICABLE."], False),
        (["This report is not confidential."], False),
        (["Appendix 1 is exempt under Category 7a of paragraph 10.4"], True),
        (["The appendix contains confidential information."], True),
        (None, None),
    ],
)
def test_confidentiality_statements(statement, confidential):
    assert confidentiality(statement) is confidential


def test_recommendations_as_printed_in_other_layouts():
    assert split_list(["(i) That the Panel notes A. (ii) That the Panel agrees B."]) == [
        "That the Panel notes A.",
        "That the Panel agrees B.",
    ]
    assert split_list(
        ["It is recommended that the Panel:", "(a) notes the report;", "(b) agrees"]
    ) == [
        "notes the report;",
        "agrees",
    ]
    assert split_list(["That the Panel considers the", "report."]) == [
        "That the Panel considers the report."
    ]
    assert split_list(["1. That the Panel note paragraph", "2.3 of the report."]) == [
        "That the Panel note paragraph 2.3 of the report."
    ]


def test_recommendations_across_a_page_break_and_appendices_after_a_long_report():
    first = make_page(
        "DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL\nSUBJECT: PERFORMANCE\n"
        "DATE OF DECISION: 7 FEBRUARY 2019\nREPORT OF: SCRUTINY MANAGER\n"
        "STATEMENT OF CONFIDENTIALITY\nNone\nRECOMMENDATIONS:\n(i) That the Panel considers the",
        number=10,
    )
    second = make_page(
        "performance dataset.\n(ii) That the Panel notes the glossary.\n"
        "REASONS FOR REPORT RECOMMENDATIONS\n1. To enable scrutiny.",
        number=11,
    )
    middle = [make_page(f"{n}. More detail of the report.", number=n) for n in range(12, 20)]
    last = make_page(
        "SUPPORTING DOCUMENTATION\nAppendices\n1. Performance dataset – December\n2018\n"
        "2. Glossary of terms\nDocuments In Members’ Rooms\n1. None\nEquality Impact Assessment",
        number=20,
    )
    [report], _ = parse_reports([first, second, *middle, last], agenda=[])
    assert report["confidential"] is False
    assert report["recommendations"] == [
        "That the Panel considers the performance dataset.",
        "That the Panel notes the glossary.",
    ]
    assert report["appendices"] == ["Performance dataset – December 2018", "Glossary of terms"]


def test_corpus_reports(corpus, expected_extraction):
    for date, (pdf, pages) in corpus.items():
        reports, _ = parse_reports(pages, pdf)
        want = expected_extraction(date)["reports"]

        def row(r):  # the PDF prints curly apostrophes where the expected file has straight ones
            fields = (
                r["agenda_number"],
                r["subject"],
                r["decision_maker"],
                r["report_of"],
                r["date_of_decision"],
                r["confidential"],
                r["recommendations"],
                r.get("appendices", []),
            )
            return json.dumps(fields, ensure_ascii=False).replace("’", "'").replace("–", "-")

        got = [row(r) for r in reports]
        # the expected file lists appendices only where the scorer's authors checked them
        for mine, theirs, wanted in zip(got, [row(w) for w in want], want, strict=True):
            if "appendices" in wanted:
                assert mine == theirs
            else:
                assert json.loads(mine)[:7] == json.loads(theirs)[:7]


def test_labels_merged_into_value_lines_are_split_off_and_flagged():
    lines = [
        "DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL",
        "SUBJECT: ELECTIVE HOME EDUCATION",
        "31 MARCH 2022 DATE OF",
        "DECISION:",
        "EXECUTIVE DIRECTOR CHILDREN AND REPORT OF: LEARNING",
        "BRIEF SUMMARY",
    ]
    fields = read_labelled(lines)
    assert fields.values["report_of"] == ["LEARNING"]  # all that text order can tell
    assert {"subject", "date_of_decision", "report_of"} <= fields.unsure
    [report], warnings = parse_reports([make_page("\n".join(lines), number=3)], agenda=[])
    assert report["date_of_decision"] is None  # left empty rather than guessed
    assert any("apart from their labels" in w["message"] for w in warnings)


COVER_2019 = """DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL
SUBJECT: INDEPENDENT REVIEWING OFFICER SERVICE - ANNUAL
REPORT OF THE INDEPENDENT REVIEWING OFFICER 2017/18
DATE OF DECISION: 7 FEBRUARY 2019
REPORT OF: SERVICE DIRECTOR: CHILDREN AND FAMILIES
CONTACT DETAILS
AUTHOR: Name: Mark Pirnie Tel: 023 8083 3886
E-mail: Mark.pirnie@southampton.gov.uk
Director Name: Hilary Brooks Tel: 023 8083 4899
STATEMENT OF CONFIDENTIALITY
NOT APPLICABLE
BRIEF SUMMARY
The annual report is attached. DETAIL of the service is given below.
RECOMMENDATIONS:
(i) That the Panel notes the annual report.
REASONS FOR REPORT RECOMMENDATIONS
1. To enable scrutiny.
KEY DECISION? No
WARDS/COMMUNITIES AFFECTED: None directly as a result of this report
SUPPORTING DOCUMENTATION
Appendices
1. IRO Annual Report 2017/18
Documents In Members’ Rooms
1. None"""


def test_a_2019_cover_sheet():
    agenda = [
        {"number": 7, "title": "INDEPENDENT REVIEWING OFFICER SERVICE - ANNUAL REPORT"},
        {
            "number": 8,
            "title": "INDEPENDENT REVIEWING OFFICER SERVICE - ANNUAL REPORT OF THE "
            "INDEPENDENT REVIEWING OFFICER 2017/18",
        },
    ]
    [report], warnings = parse_reports([make_page(COVER_2019, number=12)], agenda=agenda)
    assert report == {
        "agenda_number": 8,
        "subject": "INDEPENDENT REVIEWING OFFICER SERVICE - ANNUAL REPORT OF THE INDEPENDENT "
        "REVIEWING OFFICER 2017/18",
        "decision_maker": "CHILDREN AND FAMILIES SCRUTINY PANEL",
        "date_of_decision": "2019-02-07",
        "report_of": "SERVICE DIRECTOR: CHILDREN AND FAMILIES",
        "confidential": False,
        "summary": "The annual report is attached. DETAIL of the service is given below.",
        "recommendations": ["That the Panel notes the annual report."],
        "appendices": ["IRO Annual Report 2017/18"],
        "page": 12,
    }
    assert warnings == []


def offset_cover_pdf(path):
    """Every value sits a little above or below its label (no label shares a row with text),
    written labels first, so that the text reads all labels, then all values."""
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 10)
    labels = [
        (60, "DECISION-MAKER:"),
        (96, "SUBJECT:"),
        (132, "DATE OF DECISION:"),
        (168, "REPORT OF:"),
    ]
    values = [
        (55, "CABINET"),
        (85, "YOUTH JUSTICE"),
        (97, "STRATEGIC PLAN"),
        (127, "12 FEBRUARY 2019"),
        (173, "DIRECTOR OF CHILDREN'S SERVICES"),
    ]
    for y, text in labels:
        page.drawString(60, 842 - y, text)
    for y, text in values:
        page.drawString(200, 842 - y, text)
    page.drawString(60, 842 - 220, "RECOMMENDATIONS:")
    page.drawString(60, 842 - 234, "(i) That Cabinet approves the plan.")
    page.showPage()
    page.save()
    return path


def test_word_positions_when_no_label_shares_a_row_with_its_value(tmp_path):
    with PackPdf(offset_cover_pdf(tmp_path / "cover.pdf")) as pdf:
        [report], _ = parse_reports(pdf.pages(), pdf, agenda=[])
    assert (report["decision_maker"], report["subject"]) == (
        "CABINET",
        "YOUTH JUSTICE STRATEGIC PLAN",
    )
    assert report["date_of_decision"] == "2019-02-12"
    assert report["report_of"] == "DIRECTOR OF CHILDREN'S SERVICES"
