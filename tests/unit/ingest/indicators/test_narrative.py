import pytest

from meetings.ingest.indicators.narrative import read, read_sentence
from tests.unit.ingest.conftest import make_page

MONTH = "2023-02"


def statements(sentence):
    return [(name, values) for name, values, _ in read_sentence(sentence, MONTH)]


def test_from_month_to_month():
    assert statements(
        "The number of referrals into early help decreased from 220 in January to 172 in February."
    ) == [("Number of referrals into early help", [("2023-01", 220.0), ("2023-02", 172.0)])]


def test_subject_named_as_the_sentence_names_it():
    [(name, values)] = statements(
        "Analysis: CP Visiting within ten working days decreased from 95% in January to 93% in February, however this is strong."
    )
    assert name == "CP Visiting within ten working days" and values == [
        ("2023-01", 95.0),
        ("2023-02", 93.0),
    ]
    [(name, _)] = statements(
        "There was a decrease in the percentage of child re-referrals from 27% in January to 25% in February."
    )
    assert name == "Percentage of child re-referrals"
    [(name, _)] = statements(
        "CLA visiting within six weeks remains an area of improvement with a decrease from 81% in January to 79% in February."
    )
    assert name == "CLA visiting within six weeks"


def test_implied_previous_month_and_pairs_in_brackets():
    assert statements(
        "Children in care placed in IFA placement types increased from 28% to 29% in February."
    ) == [
        ("Children in care placed in IFA placement types", [("2023-01", 28.0), ("2023-02", 29.0)])
    ]
    found = statements(
        "Whilst number of contacts to front door reduced from 1839 in January to 1598 in February, the number of referrals in the month remained similar (343 in January and 330 in February)."
    )
    assert found == [
        ("Number of contacts to front door", [("2023-01", 1839.0), ("2023-02", 1598.0)]),
        ("Number of referrals in the month", [("2023-01", 343.0), ("2023-02", 330.0)]),
    ]


def test_months_resolve_across_the_year_end():
    assert statements("CLA visits fell from 90% in December to 85% in January.") == [
        ("CLA visits", [("2022-12", 90.0), ("2023-01", 85.0)])
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Referrals were down 7% on last year.",
        "This represents a 12 percentage point improvement since June 22 (27%).",
        "54% ICPCs happened in timescale and the service are addressing this.",
        "Initial health assessments within 20 working days is particularly low (1/20, 5%).",
        "Attainment at KS2 has plateaued at 29% but is still above the national average.",
        "Performance improved from 80% to 85% over the year.",
        "The rate rose from 20% in March to 25% in January.",  # months running backwards
        "It went from 20% in January to 250 in February.",  # a percentage and a count
    ],
)
def test_sentences_that_are_not_values(sentence):
    assert statements(sentence) == []


def test_targets_and_neighbours_attach_to_the_statement_they_follow():
    page = make_page(
        "Summary of performance up to the end of February 2023.\n"
        "The number of children placed for adoption decreased from 23 in January to 17 in February. "
        "This remains lower than our statistical neighbours average of 21.\n"
        "CP Visiting decreased from 95% in January to 93% in February, exceeding our local target of 90%.\n"
        "We have also highlighted the CLA supervision which remains below our local target of 90%.",
        number=47,
    )
    found = {i["name"]: i for i in read([page])}
    adoption = found["Number of children placed for adoption"]
    assert adoption["benchmarks"] == [
        {
            "label": "statistical neighbours average",
            "kind": "statistical_neighbours",
            "period": None,
            "value": 21.0,
        }
    ]
    assert (
        adoption["unit"] == "count"
        and adoption["source"] == "narrative"
        and adoption["values"][0]["page"] == 47
    )
    assert found["CP Visiting"]["target"] == 90.0 and found["CP Visiting"]["unit"] == "percent"
    assert len(found) == 2


def test_no_reporting_month_no_values():
    page = make_page("The number of referrals decreased from 220 in January to 172 in February.")
    assert read([page]) == []
    assert read([page], meeting_date="2023-03-30")[0]["values"][1]["period"] == "2023-02"


def test_the_later_value_printed_first():
    assert statements("CP visiting rose to 95% in February from 93% in January.") == [
        ("CP visiting", [("2023-01", 93.0), ("2023-02", 95.0)])
    ]
    assert statements(
        "The number of contacts was 1598 in February, compared with 1839 in January."
    ) == [("Number of contacts", [("2023-01", 1839.0), ("2023-02", 1598.0)])]
    assert (
        statements("Timeliness was 80% in January, compared with 85% in February.") == []
    )  # runs backwards


def test_months_with_their_years():
    assert statements(
        "Child re-referrals fell from 30% in December 2022 to 27% in January 2023."
    ) == [("Child re-referrals", [("2022-12", 30.0), ("2023-01", 27.0)])]
    assert (
        statements("Re-referrals fell from 30% in March 2023 to 27% in April 2023.") == []
    )  # after the report


@pytest.mark.parametrize(
    "sentence",
    [
        "This figure decreased from 86% in January to 84% in February.",
        "It increased from 20 in January to 25 in February.",
        "Performance improved from 80% in January to 85% in February.",
    ],
)
def test_no_indicator_no_value(sentence):
    assert statements(sentence) == []
