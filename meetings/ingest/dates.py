"""Dates and times as packs print them: "Thursday, 31st March, 2022", "31 MARCH 2022",
"17/06/21", "17.06.2021", "5.30 pm", "17:30"."""

from __future__ import annotations

import datetime
import re

from meetings.ingest.months import MONTH_WORD, MONTHS, month_number  # noqa: F401 (one month table)

WORDY_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_WORD})\.?,?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{2}|\d{4})\b")
TIME = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3]):([0-5]\d)\b",
    re.IGNORECASE,
)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_WORD})\b", re.IGNORECASE)


def make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> datetime.date | None:
    """The first date written in words ("31st March, 2022") or numbers ("31/03/22") in text."""
    match = WORDY_DATE.search(text or "")
    if match:
        return make_date(int(match.group(3)), month_number(match.group(2)), int(match.group(1)))
    return find_numeric_date(text)


def find_numeric_date(text: str) -> datetime.date | None:
    match = NUMERIC_DATE.search(text or "")
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    return make_date(year, month, day)


def iso(date: datetime.date | None) -> str | None:
    return date.isoformat() if date else None


def find_time(text: str) -> str | None:
    """'at 5.30 pm' -> '17:30'; '10am' -> '10:00'; '17:30' -> '17:30'."""
    match = TIME.search(text or "")
    if not match:
        return None
    if match.group(3):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
        return f"{hour:02d}:{minute:02d}"
    return f"{int(match.group(4)):02d}:{match.group(5)}"


def municipal_year_dates(text: str, years: tuple[int, int] | None) -> list[str]:
    """'17 June 27 January 22 July …' under a '2021 2022' heading -> ISO dates, in order.

    A municipal year runs from May to April: May–December fall in the first year and
    January–April in the second, whatever the column layout was.
    """
    if not years:
        return []
    first, second = years
    dates = set()
    for day, month_word in DAY_MONTH.findall(text):
        month = month_number(month_word)
        if month is None:
            continue
        date = make_date(first if month >= 5 else second, month, int(day))
        if date:
            dates.add(date)
    return [d.isoformat() for d in sorted(dates)]
