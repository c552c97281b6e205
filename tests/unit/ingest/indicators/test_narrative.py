import pytest

from meetings.ingest.indicators.narrative import read, read_sentence
from tests.unit.ingest.pages import make_page

MONTH = "2023-02"


def statements(sentence):
    return [(name, values) for name, values, _, _ in read_sentence(sentence, MONTH)]


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
        # The earlier month is not stated and the later is not the month reported on.
        "Health assessments on time have decreased from 86% to 83% in January.",
        # Another year than the report's, said in words the reader does not resolve.
        "Re-referrals fell from 30% in January last year to 27% in January.",
        "In 2021/22 the number of re-referrals rose from 20% in January to 25% in February.",
        # January 2022 to February 2022, or to February 2023? Not certain: left out.
        "The number of children in care rose from 540 in January 2022 to 545 in February.",
        # After the month reported on.
        "The number of children in care rose from 540 in February to 545 in March.",
        # No subject: a one-word clause after a comma is not a name.
        "In comparison with the number of referrals, assessments increased from 101 in January to 113 in February.",
        "The number of children in care with 3 + moves in 12 months decreased by 7% in February.",
        "A 12 percentage point improvement from 15 in January to 27 in February was noted.",
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


def test_the_implied_month_before_only_for_the_month_reported_on():
    assert statements("Health assessments on time decreased from 86% to 83% in February.") == [
        ("Health assessments on time", [("2023-01", 86.0), ("2023-02", 83.0)])
    ]


def test_years_printed_in_short_and_either_side():
    assert statements("CP visits decreased from 86% in January to 84% in February ‘23.") == [
        ("CP visits", [("2023-01", 86.0), ("2023-02", 84.0)])
    ]
    assert statements(
        "The number of children in care rose from 540 in December 2022 to 545 in February."
    ) == [("Number of children in care", [("2022-12", 540.0), ("2023-02", 545.0)])]


def test_a_month_before_a_dated_month_is_the_one_just_before_it():
    assert statements(
        "The number of referrals fell from 220 in January to 172 in February 2022."
    ) == [("Number of referrals", [("2022-01", 220.0), ("2022-02", 172.0)])]


def test_two_statements_in_one_sentence_keep_their_own_names():
    assert statements(
        "The percentage of children seen alone went from 70% in January to 72% in February, "
        "whilst the percentage of visits in time fell from 90% in January to 85% in February."
    ) == [
        ("Percentage of children seen alone", [("2023-01", 70.0), ("2023-02", 72.0)]),
        ("Percentage of visits in time", [("2023-01", 90.0), ("2023-02", 85.0)]),
    ]


def test_a_target_of_another_subject_is_not_taken():
    page = make_page(
        "Performance up to the end of February 2023.\n"
        "CP visits decreased from 95% in January to 93% in February, while CLA visits remain "
        "below the target of 100%.\n"
        "The percentage of re-referrals rose from 20% in January to 22% in February against a "
        "target of 23%, whilst the percentage of assessments in time fell from 90% in January to "
        "85% in February.\n"
        "The number of adoptions fell from 23 in January to 17 in February, against a target of 90%.",
    )
    found = {i["name"]: i for i in read([page])}
    assert found["CP visits"]["target"] is None
    assert found["Percentage of re-referrals"]["target"] == 23.0
    assert found["Percentage of assessments in time"]["target"] is None
    assert found["Number of adoptions"]["target"] is None  # a percentage target for a count


def test_two_sentences_disagreeing_on_a_value_give_neither():
    page = make_page(
        "Performance up to the end of February 2023.\n"
        "The number of referrals decreased from 220 in January to 172 in February.\n"
        "The number of referrals decreased from 221 in January to 172 in February.",
        number=12,
    )
    warnings = []
    [item] = read([page], warnings=warnings)
    assert [(v["period"], v["value"]) for v in item["values"]] == [("2023-02", 172.0)]
    assert warnings and warnings[0]["page"] == 12 and "2023-01" in warnings[0]["message"]


def test_national_average():
    page = make_page(
        "Performance up to the end of February 2023.\n"
        "EHCPs issued within 20 weeks rose from 45% in January to 60% in February, above the "
        "national average of 50%."
    )
    [item] = read([page])
    assert item["benchmarks"] == [
        {"label": "national average", "kind": "england", "period": None, "value": 50.0}
    ]


def test_an_implied_month_needs_the_reporting_month_stated_on_the_page():
    page = make_page(
        "The number of children in care decreased from 553 to 545 in February.\n"
        "The care leaver supervision timeliness figure of 86% which has improved considerably "
        "from 45% in January.\n"
        "The number of referrals decreased from 220 in January to 172 in February.",
        number=30,
    )
    [item] = read([page], meeting_date="2023-03-30")  # the meeting date alone: only named months
    assert item["name"] == "Number of referrals"


def test_an_earlier_reports_month_does_not_move_february_into_last_year():
    send = make_page("SEND data up to the end of December 2022 shows …", number=10)
    slides = make_page(
        "The number of referrals decreased from 220 in January to 172 in February.", number=40
    )
    [item] = read([send, slides], meeting_date="2023-03-30")
    assert [v["period"] for v in item["values"]] == ["2023-01", "2023-02"]


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


def test_a_figure_last_year_compared_is_not_read_but_the_figure_is():
    assert statements(
        "The number of contacts was 1598 in February, compared with 1839 in February last year."
    ) == [("Number of contacts", [("2023-02", 1598.0)])]
