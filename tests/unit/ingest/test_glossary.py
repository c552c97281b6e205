"""The glossary appendix: contents-driven splitting, headings found without a contents list
(alone on a line or flattened into the definition), the closing sources, acronym lists, and
both corpus packs (the same glossary, extracted in two different layouts)."""

import re

from meetings.ingest.glossary.headings import find_headings, flattened_heading
from meetings.ingest.glossary.parse import parse_glossary
from tests.unit.ingest.pages import make_page

GLOSSARY = """CHILDREN AND FAMILIES GLOSSARY
Abuse 3
Section 20 4
Local Safeguarding Children's Board 7
(LSCB)
Neglect 8 Abuse Abuse is the act of violation of an individual's rights.
Section 20 Under Section 20 of the Children Act 1989, children may be accommodated.
Local Safeguarding Children's Board (LSCB)
LSCBs have to be established by every local authority. Neglect/acts of omission are covered.
Neglect
Neglect is a form of Significant Harm."""


def test_contents_list_splits_flattened_definitions():
    terms, warnings = parse_glossary([make_page(GLOSSARY, number=51)])
    assert warnings == []
    assert [t["term"] for t in terms] == [
        "Abuse",
        "Section 20",
        "Local Safeguarding Children's Board (LSCB)",
        "Neglect",
    ]
    assert terms[0]["definition"] == "Abuse is the act of violation of an individual's rights."
    assert terms[2]["definition"].endswith("Neglect/acts of omission are covered.")
    assert terms[3]["definition"] == "Neglect is a form of Significant Harm."


HEADINGS_ALONE = """Glossary of terms
Care Order
A Care Order can be made in Care Proceedings. The Order grants Parental
Responsibility to the local authority.
Section 47 Enquiry
Under Section 47 of the Children Act 1989, the local authority must make enquiries.
Physical Abuse, Sexual Abuse, Emotional Abuse and Neglect are all categories of
Significant Harm.
Section 47 Enquiries are usually conducted by a social worker.
Staying Put
A Staying Put arrangement is where a Former Relevant child remains with the carer.
Sources
Tri.x live online glossary: http://trixresources.proceduresonline.com/"""


def test_headings_alone_on_their_line_without_a_contents_list():
    terms, warnings = parse_glossary(
        [make_page(HEADINGS_ALONE, number=60), make_page("DECISION-MAKER: CABINET", number=61)]
    )
    assert [(t["term"], t["page"]) for t in terms] == [
        ("Care Order", 60),
        ("Section 47 Enquiry", 60),
        ("Staying Put", 60),
    ]
    assert terms[0]["definition"] == (
        "A Care Order can be made in Care Proceedings. The Order grants Parental Responsibility "
        "to the local authority."
    )
    # Sentences starting with capitalised words are not headings.
    assert terms[1]["definition"].endswith(
        "Significant Harm. Section 47 Enquiries are usually conducted by a social worker."
    )
    assert terms[2]["definition"].endswith("remains with the carer.")  # "Sources" is not a term
    assert len(warnings) == 1 and "without a contents list" in warnings[0]["message"]


FLATTENED_PAGE_1 = """GLOSSARY
Pathway Plan The Pathway Plan sets out the route to the future for young people leaving
care.
Permanence Plan Permanence for a Looked After child means a permanent outcome. One
Assessment – often called Single Assessment - may be undertaken instead. CAFCASS Children and
Family Court Advisory and Support Service (CAFCASS) is the Government agency."""
FLATTENED_PAGE_2 = """Review Child Protection Conference Child Protection Review Conferences (RCPC) are
convened for children already subject to a plan.
Local Safeguarding Children’s Board (LSCB) LSCBs have to be established by every local
authority.
Youth Offending Service or Team Youth Offending Service or Team (YOS or YOT) is the service
which brings together staff. Sources Tri.x live online glossary:
http://trixresources.proceduresonline.com/ - a free resource."""


def test_flattened_headings_without_a_contents_list():
    pages = [make_page(FLATTENED_PAGE_1, number=70), make_page(FLATTENED_PAGE_2, number=71)]
    terms, warnings = parse_glossary(pages)
    assert [(t["term"], t["page"]) for t in terms] == [
        ("Pathway Plan", 70),
        ("Permanence Plan", 70),
        ("CAFCASS", 70),
        ("Review Child Protection Conference", 71),
        ("Local Safeguarding Children’s Board (LSCB)", 71),
        ("Youth Offending Service or Team", 71),
    ]
    by_term = {t["term"]: t["definition"] for t in terms}
    assert by_term["Permanence Plan"] == (
        "Permanence for a Looked After child means a permanent outcome. One Assessment – often "
        "called Single Assessment - may be undertaken instead."
    )
    assert by_term["CAFCASS"].startswith("Children and Family Court")
    assert by_term["Youth Offending Service or Team"].endswith("which brings together staff.")
    assert warnings and warnings[0]["page"] == 70


def test_where_a_flattened_heading_ends():
    assert flattened_heading("Pathway Plan The Pathway Plan sets out") == "Pathway Plan"
    assert flattened_heading("Placement at a Distance Placement of a Looked After child") == (
        "Placement at a Distance"
    )
    assert flattened_heading("Virtual School Head Section 99 of the Children and Families Act") == (
        "Virtual School Head"
    )
    assert flattened_heading("Relevant Young People, Former Relevant, and Eligible • Relevant") == (
        "Relevant Young People, Former Relevant, and Eligible"
    )
    assert flattened_heading("Principal Social Worker - Children and Families This role was") == (
        "Principal Social Worker - Children and Families"
    )
    # Sentences, not headings.
    assert (
        flattened_heading("Physical Abuse, Sexual Abuse, Emotional Abuse and Neglect are") is None
    )
    assert (
        flattened_heading("Section 47 Enquiries are usually conducted by a social worker") is None
    )
    assert flattened_heading("The National Minimum Standards for Fostering 2011 provide") is None
    assert flattened_heading("Special Guardianship will also provide an alternative") is None
    # A heading only follows the end of a sentence.
    text = "They may be carried out by\nSocial Workers The team leader decides."
    assert find_headings(text) == []


def test_acronym_lists_over_two_pages_and_after_the_definitions():
    acronyms = make_page(
        "ACRONYMS\nCLA – Child Looked After\nCIN Children in Need\nCPP: Child Protection Plan\n"
        "UASC Unaccompanied Asylum Seeking\nchildren",
        number=40,
    )
    more = make_page(
        "MASH – Multi-Agency Safeguarding Hub\nEHCP Education, Health and Care Plan", 41
    )
    terms, warnings = parse_glossary([acronyms, more, make_page("DECISION-MAKER: CABINET", 42)])
    assert warnings == []
    assert [(t["term"], t["definition"], t["page"]) for t in terms] == [
        ("CLA", "Child Looked After", 40),
        ("CIN", "Children in Need", 40),
        ("CPP", "Child Protection Plan", 40),
        ("UASC", "Unaccompanied Asylum Seeking children", 40),
        ("MASH", "Multi-Agency Safeguarding Hub", 41),
        ("EHCP", "Education, Health and Care Plan", 41),
    ]
    glossary = make_page(
        "GLOSSARY\nStaying Put\nA Staying Put arrangement is where a child stays.\nAcronyms\n"
        "SEND – Special Educational Needs and Disabilities",
        number=43,
    )
    terms, _ = parse_glossary([glossary])
    assert [(t["term"], t["definition"]) for t in terms] == [
        ("Staying Put", "A Staying Put arrangement is where a child stays."),
        ("SEND", "Special Educational Needs and Disabilities"),
    ]


def same_text(text):
    return re.sub(r"[<>]", "", text.replace("’", "'").replace("‘", "'"))


def test_corpus_glossaries(corpus):
    pdf, pages = corpus["2022-03-31"]
    terms_2022, warnings = parse_glossary(pages, pdf)
    assert warnings == [] and len(terms_2022) == 54
    by_term = {t["term"]: t for t in terms_2022}
    assert by_term["Section 47 Enquiry"]["definition"].startswith(
        "Under Section 47 of the Children Act 1989"
    )
    assert by_term["CAFCASS"]["definition"].startswith(
        "Children and Family Court Advisory and Support Service"
    )
    assert by_term["Private Fostering"]["definition"].endswith(
        "pending the adoption and providing the Court with a report."
    )
    assert by_term["Youth Offending Service or Team"]["definition"].endswith(
        "co-ordinated nationally by the Youth Justice Board (YJB)."
    )
    assert (by_term["Abuse"]["page"], by_term["Youth Offending Service or Team"]["page"]) == (
        79,
        87,
    )
    assert "Sources" not in by_term

    # The 2023 pack prints the same glossary flattened, its contents list stopping at
    # "Parental Responsibility": the rest are found by their headings, and flagged.
    pdf, pages = corpus["2023-03-30"]
    terms_2023, warnings = parse_glossary(pages, pdf)
    assert [w["page"] for w in warnings] == [58]  # where "Pathway Plan" starts
    assert len(terms_2023) == 54
    for old, new in zip(terms_2022, terms_2023, strict=True):
        assert same_text(new["definition"]) == same_text(old["definition"]), old["term"]
        if old["term"] != "Statement of Special Educational Needs (SEN)":  # printed otherwise
            assert same_text(new["term"]) == same_text(old["term"])


def test_contents_with_leaders_and_headings_in_capitals():
    page = make_page(
        "GLOSSARY OF TERMS\nAbuse ........ 2\nCare Order ........ 2\nNeglect ........ 3\n"
        "ABUSE\nAbuse is the act of violation of rights.\nCARE ORDER\nA Care Order can be made.\n"
        "NEGLECT\nNeglect is a form of Significant Harm.",
        number=30,
    )
    terms, warnings = parse_glossary([page])
    assert warnings == []
    assert [(t["term"], t["definition"]) for t in terms] == [
        ("Abuse", "Abuse is the act of violation of rights."),
        ("Care Order", "A Care Order can be made."),
        ("Neglect", "Neglect is a form of Significant Harm."),
    ]


def test_running_heading_and_page_numbers_of_the_glossary_are_not_text():
    first = make_page(
        "CHILDREN AND FAMILIES GLOSSARY\nAbuse 2\nCare Order 2\nNeglect 3\nAbuse\n"
        "Abuse is the act of violation\nof rights.\n1",
        number=30,
    )
    second = make_page(
        "CHILDREN AND FAMILIES GLOSSARY\nCare Order\nA Care Order can be made.\nNeglect\n"
        "Neglect is a form of\nSignificant Harm.\n- 2 -",
        number=31,
    )
    terms, warnings = parse_glossary([first, second])
    assert warnings == []
    assert [(t["term"], t["definition"], t["page"]) for t in terms] == [
        ("Abuse", "Abuse is the act of violation of rights.", 30),
        ("Care Order", "A Care Order can be made.", 31),
        ("Neglect", "Neglect is a form of Significant Harm.", 31),
    ]
