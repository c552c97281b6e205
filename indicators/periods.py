"""Reporting periods: PACK_SCHEMA labels ('2021-04', '2020-21', '2023-Q3') and how to show them."""

import datetime

from indicators.models import PeriodType
from meetings.ingest.months import ABBREVIATIONS as MONTHS


def period_bounds(label):
    """Read a PACK_SCHEMA period label.

    "YYYY-MM" and "YYYY-YY" share a shape: "2011-12" could be December 2011 or the financial year
    2011-12. Only years up to 2011 are ambiguous; the financial year wins there.
    '2021-04' -> (month, 2021-04-01); '2020-21' -> (financial year, 2020-04-01); '2023-Q3'."""
    if not label:
        return "", None
    label = str(label)
    if len(label) == 7 and label[4] == "-" and label[5:].isdigit():
        year, second = int(label[:4]), int(label[5:])
        if 1 <= second <= 12 and label[5] in "01" and second != (year + 1) % 100:
            return PeriodType.MONTH, datetime.date(year, second, 1)
        if second == (year + 1) % 100:
            return PeriodType.FINANCIAL_YEAR, datetime.date(year, 4, 1)
    if len(label) == 7 and label[4:6] == "-Q" and label[6] in "1234":
        quarter = int(label[6])
        return PeriodType.QUARTER, datetime.date(int(label[:4]), 3 * quarter - 2, 1)
    if len(label) == 4 and label.isdigit():
        return PeriodType.YEAR, datetime.date(int(label), 1, 1)
    return "", None


def period_fields(label) -> dict:
    """The period columns of an Observation, Target or Benchmark, all set from one label."""
    kind, start = period_bounds(label)
    return {"period": str(label or ""), "period_type": kind, "period_start": start}


def period_end(kind, start):
    """The day after a period ends: where its line segment on a chart stops."""
    if start is None:
        return None
    months = {PeriodType.MONTH: 1, PeriodType.QUARTER: 3}.get(kind, 12)
    month = start.month - 1 + months
    return datetime.date(start.year + month // 12, month % 12 + 1, 1)


def period_label(label):
    """'2021-04' -> 'Apr 2021'; '2020-21' -> '2020-21'; others as printed."""
    kind, start = period_bounds(label)
    if kind == PeriodType.MONTH:
        return f"{MONTHS[start.month - 1]} {start.year}"
    return label or ""
