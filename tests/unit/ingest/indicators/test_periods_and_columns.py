import pytest

from meetings.ingest.indicators.columns import classify, unit_from, unit_from_name
from meetings.ingest.indicators.periods import parse_period, repair_month_sequence, reporting_month
from meetings.ingest.indicators.values import implausible, parse_value


@pytest.mark.parametrize(
    ("printed", "period"),
    [
        ("Apr-21", "2021-04"),
        ("Apr-2\n1", "2021-04"),
        ("May-\n21", "2021-05"),
        ("Feb '23", "2023-02"),
        ("Feb ‘23", "2023-02"),
        ("Feb-18", "2018-02"),
        ("February 2023", "2023-02"),
        ("Sept 2022", "2022-09"),
        ("2020-21", "2020-21"),
        ("19/20", "2019-20"),
        ("2019/20", "2019-20"),
        ("Q3 2023", "2023-Q3"),
        ("Target", None),
        ("12 month average", None),
        ("2020-22", None),
    ],
)
def test_periods(printed, period):
    assert parse_period(printed) == period


def test_a_typo_in_a_run_of_months_is_repaired():
    periods, fixed = repair_month_sequence(["2021-11", "2021-12", "2021-01", "2022-02"])
    assert periods == ["2021-11", "2021-12", "2022-01", "2022-02"] and fixed == [2]
    periods, fixed = repair_month_sequence(["2021-11", "2021-12", "2022-03"])
    assert fixed == []  # not a year typo: left alone


@pytest.mark.parametrize(
    ("header", "role", "kind", "period"),
    [
        ("Indicator", "name", None, None),
        ("Ref", "ref", None, None),
        ("Outturn type", "unit", None, None),
        ("Apr-2\n1", "value", None, "2021-04"),
        ("Target", "target", None, None),
        ("Southamp\nton 19/20", "benchmark", "own_outturn", "2019-20"),
        ("Statistic\nal Neigh\nbours", "benchmark", "statistical_neighbours", None),
        ("SN average", "benchmark", "statistical_neighbours", None),
        ("South\nEast", "benchmark", "region", None),
        ("England 21/22", "benchmark", "england", "2021-22"),
        ("Core Cities", "benchmark", "core_cities", None),
        ("SE Avg", "benchmark", "region", None),
        ("Eng Avg", "benchmark", "england", None),
        ("SEND", "ignore", None, None),
        ("% change", "ignore", None, None),
        ("DoT", "ignore", None, None),
        ("Direction of travel", "ignore", None, None),
        ("12 month average", "ignore", None, None),
        ("RAG", "ignore", None, None),
    ],
)
def test_columns(header, role, kind, period):
    column = classify(header)
    assert (column.role, column.kind, column.period) == (role, kind, period)


def test_units():
    assert unit_from("PERCENTA\nGE") == "percent"
    assert unit_from("NUMBER") == "count"
    assert unit_from("RATE") == "rate"
    assert unit_from_name("Rates of referrals per 10,000 of Under 18 Population") == "rate_per_10k"
    assert unit_from_name("Percentage of re-referrals") == "percent"
    assert unit_from_name("Number of contacts") == "count"


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("21%", 21.0),
        ("1,828", 1828.0),
        ("0%", 0.0),
        ("TBC", None),
        ("N/A", None),
        ("-", None),
        ("", None),
        ("h", None),
        ("<5", None),
        ("12.5", 12.5),
    ],
)
def test_values(printed, value):
    assert parse_value(printed)[0] == value


def test_a_comparison_is_a_value_only_for_targets():
    assert parse_value("<36%", allow_comparison=True) == (36.0, True)


def test_implausible_values_are_refused():
    assert implausible([301, 310, 3201, 305], "count") == {2}  # a footnote digit glued on
    assert implausible([21, 127, 26], "percent") == {1}
    assert implausible([54, 117, 166, 567], "rate") == set()


def test_reporting_month():
    assert reporting_month("a summary of performance up to the end of February 2023.") == "2023-02"
    assert reporting_month("Overview highlighting February ‘23") == "2023-02"
