"""Reporting periods as packs print them in headers and sentences, as PACK_SCHEMA labels.

"Apr-21", "Apr-2\\n1" (wrapped in a narrow cell), "Feb '23", "Feb-18", "February 2023",
"Mar 22"                       -> "2021-04" …  (months)
"2020-21", "19/20", "2019/20", "FY 2020/21", "20-21" -> "2020-21"  (financial years)
"Apr 21 - Mar 22", "April 2021 to March 2022"      -> "2021-22"
"Q3 2023", "2023 Q3"                                 -> "2023-Q3"  (a calendar quarter, as printed)
"Q3 2022/23", "Q3 22-23"                             -> "2022-Q4"  (the third quarter of a financial
                                                                     year runs October-December)
The app reads "YYYY-Qn" as a calendar quarter (indicators/periods.py), so a financial-year quarter
is converted, never copied.
"""

from __future__ import annotations

import datetime
import re

from meetings.ingest.months import MONTH, month_number

MONTH_YEAR = re.compile(rf"^{MONTH}\.?\s*[-'’‘ /]?\s*'?(\d{{2}}|\d{{4}})$", re.IGNORECASE)
FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(\d{2}|\d{4})\s*[-/–]\s*(\d{2}|\d{4})$", re.IGNORECASE)
QUARTER = re.compile(r"^q([1-4])\s*(\d{4})$|^(\d{4})\s*q([1-4])$", re.IGNORECASE)
FINANCIAL_QUARTER = re.compile(
    r"^q([1-4])\s*(?:fy\s*)?(\d{2}|\d{4})\s*[-/]\s*(\d{2}|\d{4})$", re.IGNORECASE
)
MONTH_RANGE = re.compile(
    rf"^{MONTH}\.?\s*[-'’ ]?\s*(\d{{2}}|\d{{4}})\s*(?:-|to)\s*{MONTH}\.?\s*[-'’ ]?\s*(\d{{2}}|\d{{4}})$",
    re.IGNORECASE,
)


def squash(text: str) -> str:
    """Header text with wrapping undone: 'Apr-2\\n1' -> 'Apr-21'."""
    return re.sub(r"\s*\n\s*", "", text or "").strip()


def full_year(year: str) -> int:
    value = int(year)
    return value + 2000 if value < 100 else value


def parse_period(text: str) -> str | None:
    """A header cell or phrase as a PACK_SCHEMA period, or None if it is not one."""
    text = squash(text).strip(" .:()").replace("–", "-")
    if not text:
        return None
    match = MONTH_YEAR.match(text)
    if match:
        month = month_number(match.group(1))
        return f"{full_year(match.group(2)):04d}-{month:02d}" if month else None
    match = FINANCIAL_YEAR.match(text)
    if match:
        first, second = full_year(match.group(1)), full_year(match.group(2))
        if second == first + 1:
            return f"{first}-{str(second)[-2:]}"
        return None
    match = QUARTER.match(text)
    if match:
        quarter = match.group(1) or match.group(4)
        year = match.group(2) or match.group(3)
        return f"{full_year(year)}-Q{quarter}"
    match = FINANCIAL_QUARTER.match(text)
    if match:
        first, second = full_year(match.group(2)), full_year(match.group(3))
        if second != first + 1:
            return None
        quarter = int(match.group(1))  # Q1 of a financial year is April-June
        return f"{first + 1}-Q1" if quarter == 4 else f"{first}-Q{quarter + 1}"
    match = MONTH_RANGE.match(text)
    if match:
        # "Apr 21 - Mar 22": a whole financial year; any other span is not one period we name.
        start, end = month_number(match.group(1)), month_number(match.group(3))
        first, second = full_year(match.group(2)), full_year(match.group(4))
        if (start, end) == (4, 3) and second == first + 1:
            return f"{first}-{str(second)[-2:]}"
    return None


def is_month(period: str | None) -> bool:
    return (
        bool(period)
        and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period) is not None
        and not is_financial_year(period)
    )


def is_financial_year(period: str | None) -> bool:
    if not period or not re.fullmatch(r"\d{4}-\d{2}", period):
        return False
    first, second = int(period[:4]), int(period[5:])
    return second == (first + 1) % 100 and not (1 <= second <= 12 and first >= 2012)


def next_month(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def repair_month_sequence(periods: list[str | None]) -> tuple[list[str | None], list[int]]:
    """Monthly columns run on one month at a time. A header that breaks the run only by its year
    ("Dec-21, Jan-21, Feb-22") is a typo in the pack: correct it, and report which columns."""
    out, fixed = list(periods), []
    for i in range(1, len(out) - 1):
        before, here, after = out[i - 1], out[i], out[i + 1]
        if not (is_month(before) and is_month(here) and is_month(after)):
            continue
        expected = next_month(before)
        if here != expected and here[5:] == expected[5:] and next_month(expected) == after:
            out[i] = expected
            fixed.append(i)
    return out, fixed


def reporting_month(text: str, meeting_date: str | None = None) -> str | None:
    """'up to the end of February 2023', 'Performance information up to 28 February 2023',
    'Overview highlighting February ‘23' -> '2023-02'. When the meeting date is known, a month
    after it or more than six months before it is not the month the report is about."""
    patterns = [
        rf"up to (?:the end of |and including )?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH}\s+(\d{{4}})",
        rf"highlighting\s+{MONTH}\s*[‘'’]?\s*(\d{{2,4}})",
        rf"(?:data|performance|figures|position|dashboard|report(?:ing)?(?: period)?)\s+(?:as at|at the end of|for)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH}\s+(\d{{4}})",
        rf"performance report\s+{MONTH}\s+(\d{{4}})",
    ]
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            month = month_number(match.group(1))
            if not month:
                continue
            period = f"{full_year(match.group(2)):04d}-{month:02d}"
            if meeting_date is None or 0 <= months_between(period, meeting_date[:7]) <= 6:
                return period
    return None


def reporting_months(pages, meeting_date: str | None = None) -> tuple[str | None, dict]:
    """-> (the latest month reported on, {page number: the month that page says it reports}).

    Month names in sentences are placed against the latest month any page reports on (or the
    month before the meeting, whichever is later): a too-early month would put February in last
    year. A value whose month is only implied ("from 553 to 545 in February", "the figure of 86%")
    needs the month its own page states, on it or on one of the few pages before it."""
    stated, said = {}, None
    for page in sorted(pages, key=lambda p: p.number):
        here = reporting_month(page.text, meeting_date)
        if here:
            said = (page.number, here)
        if said and page.number - said[0] <= 3:
            stated[page.number] = said[1]
    candidates = set(stated.values())
    if meeting_date:
        year, month = int(meeting_date[:4]), int(meeting_date[5:7]) - 1
        candidates.add(f"{year - 1:04d}-12" if month == 0 else f"{year:04d}-{month:02d}")
    return (max(candidates) if candidates else None), stated


def months_between(earlier: str, later: str) -> int:
    return (int(later[:4]) - int(earlier[:4])) * 12 + int(later[5:7]) - int(earlier[5:7])


def month_before(period: str, month_name: str) -> str | None:
    """The latest month called `month_name` on or before `period` ('2023-02', 'January' -> '2023-01')."""
    month = month_number(month_name)
    if month is None or not is_month(period):
        return None
    year, current = int(period[:4]), int(period[5:7])
    return f"{year if month <= current else year - 1:04d}-{month:02d}"


def period_date(period: str) -> datetime.date | None:
    if is_month(period):
        return datetime.date(int(period[:4]), int(period[5:7]), 1)
    return None
