"""Which month a figure in a sentence is: printed ("in December 2022"), said in words ("last
month"), opening the clause ("In April, …"), or the reporting month; and which it cannot be
("from 540 in January 2022 to 545 in February": 2022 or 2023?)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from meetings.ingest.dates import month_number
from meetings.ingest.indicators.narrative_forms import MONTH_NAMES, TITLE_MONTH
from meetings.ingest.indicators.periods import month_before, months_between

if TYPE_CHECKING:
    from meetings.ingest.indicators.narrative_read import Months


def number(text: str) -> float:
    return float(text.replace(",", ""))


YEAR_CONTEXT = re.compile(
    r"\b20\d\d\b|\b\d\d/\d\d\b|\b(?:last|previous|prior|that)\s+year\b",
    re.IGNORECASE,
)


NAME_MONTH = re.compile(
    rf"\s+(?:in|during|for|(?:at\s+)?the\s+end\s+of|as\s+(?:at|of))\s+(?P<month>{MONTH_NAMES})"
    rf"(?:\s+(?P<year>20\d\d))?$",
    re.IGNORECASE,
)


# "from 530 to 707 (2017 – 2020)", "… 25 in 2021/22", "… 21% over the last quarter"
OTHER_TIME_AFTER = re.compile(
    r"^\s*(?:\(\s*)?(?:(?:in|during|for|over|across|by|since|between)\s+)?(?:(?:19|20)\d\d|\d\d/\d\d)\b"
    r"|^\s*(?:(?:in|during|for|over|across)\s+(?:the\s+(?:last|past|previous|same)|"
    r"last|Q[1-4]|quarter)|(?:last|a|the\s+previous)\s+year|year\s+to\s+date|ytd)\b",
    re.IGNORECASE,
)


PREFIX_MONTH = re.compile(
    rf"\b(?:in|during|for|as\s+(?:of|at)|at\s+the\s+end\s+of)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?P<month>{MONTH_NAMES})\b(?:\s+(?P<year>20\d\d))?",
    re.IGNORECASE,
)


def month_in_name(name: str, found: dict, family: str) -> tuple[str, dict]:
    """ "The number of contacts in June was 1,402": the month is the figure's, not the name's."""
    match = NAME_MONTH.search(name)
    if not match or family in ("from_to", "since"):
        return name, found
    if found.get("b_month"):
        return name[: match.start()], found  # two months for one figure: left to the checks
    return name[: match.start()], {**found, "b_month": match["month"], "b_year": match["year"]}


def month_before_the_subject(before: str, found: dict) -> dict:
    """ "In April, re-referrals were 21%": the month opening the clause is the figure's."""
    if found.get("b_month"):
        return found
    months = list(PREFIX_MONTH.finditer(before))
    if not months:
        return found
    named = re.findall(rf"\b{TITLE_MONTH}\b", before)
    if len(months) > 1 or len(named) > 1 or found.get("a_month"):
        return {**found, "b_month": "?"}  # several months before one figure: which is it?
    return {**found, "b_month": months[0]["month"], "b_year": months[0]["year"]}


def month_unknown(found, months: Months) -> bool:
    """A current figure ("There are 41 children …") on a page that states no reporting month,
    in a report that states several or none: which month it is cannot be told."""
    return not found.get("b_month") and not months.stated


def slot_period(found, tag, months: Months, later) -> str | None:
    """The month of a figure: printed, "last month", or (the current figure) the reporting month."""
    if found.get(f"{tag}_month"):
        period = resolve_slot(found, tag, months.latest)
        if later is None and not slot_year(found, tag) and period:
            # "June had 1,402 contacts" in a report on May: last June, or a slip? A current
            # figure's month without a year is read only within the half-year before.
            base = months.stated or months.latest
            period = period if 0 <= months_between(period, base) <= 5 else None
        return period
    if found.get(f"{tag}_rel"):
        base = later or months.stated
        return previous_period(base) if base else None
    return months.stated if later is None else None


def has_year(match) -> bool:
    return any(value for key, value in match.groupdict().items() if key.endswith(("_year", "_yy")))


def from_to_values(found, months: Months):
    """The (period, value) pairs a statement gives, or None unless its months run forward."""
    month = months.latest
    later = resolve_slot(found, "b", month) if found.get("b_month") else months.stated
    earlier = resolve_slot(found, "a", month) if found.get("a_month") else None
    if later and earlier and slot_year(found, "b") and not slot_year(found, "a"):
        # "from 220 in January to 172 in February 2022": the January before that February.
        earlier = month_before(previous_period(later), found["a_month"])
    if earlier is None and later and later == months.stated:
        # "from 553 to 545 in February", February being the month reported on: the month before.
        # Of another month ("from 86% to 83% in January") it is not certain: left out.
        earlier = previous_period(later)
    if found["a_pct"] != found["b_pct"] or not (earlier and later and earlier < later <= month):
        return None
    # "from 540 in January 2022 to 545 in February" may mean February 2022 or 2023: read it only
    # if both readings agree.
    one_year = found.get("b_month") and slot_year(found, "a") and not slot_year(found, "b")
    if one_year and first_after(earlier, found["b_month"]) != later:
        return None
    return [(earlier, number(found["a"])), (later, number(found["b"]))]


def slot_year(found: dict, tag: str) -> str | None:
    return found.get(f"{tag}_year") or (
        f"20{found[f'{tag}_yy']}" if found.get(f"{tag}_yy") else None
    )


def first_after(period: str, month_name: str) -> str | None:
    """The first month called `month_name` after `period` ('2022-01', 'February' -> '2022-02')."""
    year = int(period[:4])
    for candidate in (
        f"{year:04d}-{month_number(month_name) or 0:02d}",
        f"{year + 1:04d}-{month_number(month_name) or 0:02d}",
    ):
        if candidate > period:
            return candidate
    return None


def resolve_slot(found: dict, tag: str, reporting: str) -> str | None:
    return resolve(found[f"{tag}_month"], slot_year(found, tag), reporting)


def resolve(month_name: str, year: str | None, reporting: str) -> str | None:
    """A month named in a sentence, as a period: its own year if printed, else the latest such
    month on or before the reporting month."""
    return month_before(f"{year}-12" if year else reporting, month_name)


def previous_period(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7]) - 1
    return f"{year - 1:04d}-12" if month == 0 else f"{year:04d}-{month:02d}"
