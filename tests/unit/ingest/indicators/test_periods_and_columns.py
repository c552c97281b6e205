import pytest

from meetings.ingest.indicators.columns import classify, unit_from, unit_from_name
from meetings.ingest.indicators.periods import (
    parse_period,
    repair_month_sequence,
    reporting_month,
)
from meetings.ingest.indicators.values import implausible, parse_value

OWN = frozenset({"southampton"})


@pytest.mark.parametrize(
    ("printed", "period"),
    [
        ("Apr-21", "2021-04"),
        ("Apr-2\n1", "2021-04"),  # wrapped inside a narrow cell
        ("A\npr-21", "2021-04"),
        ("May-\n21", "2021-05"),
        ("Feb '23", "2023-02"),
        ("Feb ‘23", "2023-02"),
        ("Feb’23", "2023-02"),
        ("Feb-18", "2018-02"),
        ("Feb 18", "2018-02"),
        ("February 2023", "2023-02"),
        ("Sept 2022", "2022-09"),
        ("Sep-22", "2022-09"),
        ("Dec.21", "2021-12"),
        ("2020-21", "2020-21"),
        ("2020/21", "2020-21"),
        ("2020 - 21", "2020-21"),
        ("19/20", "2019-20"),
        ("2019/2020", "2019-20"),
        ("FY 2020/21", "2020-21"),
        ("Apr 21 - Mar 22", "2021-22"),
        ("April 2021 to March 2022", "2021-22"),
        ("Jan 22 - Mar 22", None),  # a span that is not one period we name
        ("Q3 2023", "2023-Q3"),
        ("2023 Q3", "2023-Q3"),
        ("Q3 22/23", "2022-Q4"),  # the third quarter of 2022-23 is October-December 2022
        ("Q4 2022/23", "2023-Q1"),
        ("Q1 2023-24", "2023-Q2"),
        ("Target", None),
        ("12 month average", None),
        ("2020-22", None),
        ("2021", None),
        ("May", None),  # no year: not a period we can place
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
        ("Performance Indicator", "name", None, None),
        ("Ref", "ref", None, None),
        ("Ref.", "ref", None, None),
        ("KPI No", "ref", None, None),
        ("Outturn type", "unit", None, None),
        ("Apr-2\n1", "value", None, "2021-04"),
        ("Feb '23", "value", None, "2023-02"),
        ("2020-21", "value", None, "2020-21"),
        ("Q3 2023", "value", None, "2023-Q3"),
        ("Target", "target", None, None),
        ("Target 19/20", "target", None, "2019-20"),
        ("Target\n18/19", "target", None, "2018-19"),
        ("Southamp\nton 19/20", "benchmark", "own_outturn", "2019-20"),
        ("Southampto\nn 20/21", "benchmark", "own_outturn", "2020-21"),
        ("Outturn 2020-21", "benchmark", "own_outturn", "2020-21"),
        ("2020/21 actual", "benchmark", "own_outturn", "2020-21"),
        ("Hampshire 19/20", "benchmark", "other", "2019-20"),  # another council: not ours
        ("Statistic\nal Neigh\nbours", "benchmark", "statistical_neighbours", None),
        ("Stat Neighbours", "benchmark", "statistical_neighbours", None),
        ("SN average", "benchmark", "statistical_neighbours", None),
        ("SN 20/21", "benchmark", "statistical_neighbours", "2020-21"),
        ("Statistical Neighbours 2020/21", "benchmark", "statistical_neighbours", "2020-21"),
        ("South\nEast", "benchmark", "region", None),
        ("SE Avg", "benchmark", "region", None),
        ("Regional 19/20", "benchmark", "region", "2019-20"),
        ("England 21/22", "benchmark", "england", "2021-22"),
        ("Eng Avg", "benchmark", "england", None),
        ("National", "benchmark", "england", None),
        ("Core Cities", "benchmark", "core_cities", None),
        ("SEND", "ignore", None, None),
        ("% change", "change", None, None),
        ("%\nchange", "change", None, None),
        ("DoT", "direction", None, None),
        ("Direction of travel", "direction", None, None),
        ("12 month average", "average", None, None),
        ("Maximum", "maximum", None, None),
        ("RAG", "ignore", None, None),
        ("YTD 21/22", "ignore", None, None),
        ("Rolling 12 months to Feb-22", "ignore", None, None),
        ("Forecast 21/22", "ignore", None, None),
        ("Same month last year", "ignore", None, None),
        ("Data as at Feb-22", "ignore", None, None),
        ("Feb-21 to Feb-22", "ignore", None, None),
        ("Commentary", "ignore", None, None),
        ("Good is", "ignore", None, None),
    ],
)
def test_columns(header, role, kind, period):
    column = classify(header, OWN)
    assert (column.role, column.kind, column.period) == (role, kind, period)


def test_own_outturn_needs_the_councils_name():
    assert classify("Southampton 19/20").kind == "other"  # whose figure? the pack did not say
    assert classify("Southampton City 19/20", OWN).kind == "own_outturn"


def test_units():
    assert unit_from("PERCENTA\nGE") == "percent"
    assert unit_from("NUMBER") == "count"
    assert unit_from("RATE") == "rate"
    assert unit_from("21%") == "percent"
    assert unit_from_name("Rates of referrals per 10,000 of Under 18 Population") == "rate_per_10k"
    assert unit_from_name("Rate of CLA per 10,000 under 18 population") == "rate_per_10k"
    assert unit_from_name("Percentage of re-referrals") == "percent"
    assert unit_from_name("Number of contacts") == "count"
    assert unit_from_name("CIN on a plan dated within 4 weeks") is None


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("21%", 21.0),
        ("1,828", 1828.0),
        ("0%", 0.0),
        ("12.5", 12.5),
        ("TBC", None),
        ("N/A", None),
        ("n/a", None),
        ("-", None),
        ("–", None),
        ("", None),
        ("h", None),  # a direction-of-travel arrow read as a letter
        ("<5", None),  # a suppressed small number
        ("21%*", None),
        ("45/214", None),
        ("21% (45)", None),
    ],
)
def test_values(printed, value):
    assert parse_value(printed)[0] == value


def test_a_comparison_is_a_value_only_for_targets():
    assert parse_value("<36%", allow_comparison=True) == (36.0, True)


def test_implausible_values_are_refused():
    assert implausible([301, 310, 3201, 305], "count") == {2}  # a footnote digit glued on
    assert implausible([2019, 2020, 20211, 2018], "count") == {2}
    assert implausible([21, 127, 26], "percent") == {1}
    assert implausible([54, 117, 166, 567], "rate") == set()


def test_reporting_month():
    assert reporting_month("a summary of performance up to the end of February 2023.") == "2023-02"
    assert reporting_month("Overview highlighting February ‘23") == "2023-02"
    assert reporting_month("Performance data as at 28 February 2023") == "2023-02"


def test_reporting_month_must_fit_the_meeting():
    text = "The review ran for March 2021. Data up to the end of February 2023 shows …"
    assert reporting_month(text, "2023-03-30") == "2023-02"
    assert reporting_month("up to the end of February 2023", "2024-01-25") is None  # too old
    assert reporting_month("up to the end of April 2023", "2023-03-30") is None  # after it
