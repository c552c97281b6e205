from meetings.ingest.glossary import parse_glossary
from tests.unit.ingest.conftest import make_page

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


def test_corpus_glossaries(corpus):
    pdf, pages = corpus["2022-03-31"]
    terms, warnings = parse_glossary(pages, pdf)
    assert warnings == [] and len(terms) == 54
    by_term = {t["term"]: t for t in terms}
    assert by_term["Section 47 Enquiry"]["definition"].startswith(
        "Under Section 47 of the Children Act 1989"
    )
    assert by_term["CAFCASS"]["definition"].startswith(
        "Children and Family Court Advisory and Support Service"
    )
    assert "Sources" not in by_term
    pdf, pages = corpus["2023-03-30"]
    terms, warnings = parse_glossary(pages, pdf)
    assert {t["term"] for t in terms} >= {
        "Abuse",
        "CAFCASS",
        "Looked After Child",
        "Parental Responsibility",
    }
    assert warnings  # the contents list stops short: the officer is told to check
