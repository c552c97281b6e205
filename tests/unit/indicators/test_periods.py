import datetime

import pytest

from indicators.periods import period_bounds, period_end, period_label
from indicators.services.imports import parse_number, parse_period


@pytest.mark.parametrize(
    ("label", "kind", "start"),
    [
        ("2021-04", "month", datetime.date(2021, 4, 1)),
        ("2020-21", "financial_year", datetime.date(2020, 4, 1)),
        ("2023-Q3", "quarter", datetime.date(2023, 7, 1)),
        ("2022", "year", datetime.date(2022, 1, 1)),
        ("nonsense", "", None),
        (None, "", None),
    ],
)
def test_period_bounds(label, kind, start):
    assert period_bounds(label) == (kind, start)


def test_labels_and_ends():
    assert period_label("2021-04") == "Apr 2021"
    assert period_label("2019-20") == "2019-20"
    assert period_end("month", datetime.date(2021, 12, 1)) == datetime.date(2022, 1, 1)
    assert period_end("financial_year", datetime.date(2019, 4, 1)) == datetime.date(2020, 4, 1)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-04", "2021-04"),
        ("Apr-21", "2021-04"),
        ("April 2021", "2021-04"),
        ("Feb '23", "2023-02"),
        (datetime.datetime(2022, 3, 1), "2022-03"),
        ("2020-21", "2020-21"),
        ("19/20", "2019-20"),
        ("Q9", None),
        ("", None),
    ],
)
def test_import_periods(raw, expected):
    assert parse_period(raw) == expected


def test_import_numbers():
    assert parse_number("21%") == 21.0
    assert parse_number("1,839") == 1839.0
    assert parse_number("TBC") is None
    assert parse_number("N/A") is None
    assert parse_number(7) == 7.0
    with pytest.raises(ValueError):
        parse_number("about 7")
