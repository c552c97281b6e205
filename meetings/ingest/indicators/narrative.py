"""Indicator values stated in sentences, for packs whose charts are pictures.

Statements are read as councils write them (narrative_forms.py):

    "… decreased from 86% in January to 84% in February"        two values, two months
    "… decreased from 553 to 545 in February"                   the first is the month before
    "… remained similar (343 in January and 330 in February)"    two values, two months
    "June had 1,402 contacts"; "There are 41 children in residential care, down from 47 in
     March 2023"; "The rate of assessments, 512, has fallen by 8% since May"; "remains around
     12%, down from 15% in January"; "reduced to 412 with a rate of 91"; "a current rate of 588"

A figure without a month is the reporting month's: the month a page states ("up to the end of
February 2023", "May 2024 performance"), or, when the report states only one month, that month on
every page. A month named in a sentence is placed against the latest month reported on. The
indicator is named as the sentence names it; a short name that is part of the slide's heading
("contacts" under "Contacts to the front door") is the heading's indicator. "This figure", "it",
staff, dates, changes ("down 7%"), months in other years ("January last year") name nothing.
What else the sentence prints must agree (narrative_checks.py): a direction word contradicting
the figures, a stated change they do not give, a percentage beside a count — the statement is
left out with a warning naming the page. Targets and benchmarks go to their own statement
(comparators.py).
"""

from __future__ import annotations

import re

from meetings.ingest.dates import month_number
from meetings.ingest.indicators import comparators
from meetings.ingest.indicators.columns import unit_from_name
from meetings.ingest.indicators.narrative_read import Months, Reading, read_sentence
from meetings.ingest.indicators.periods import MONTH, full_year, reporting_month
from meetings.ingest.schema import warning

__all__ = ["Months", "Reading", "read", "read_sentence"]

SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(‘'\"“])|(?<=[a-z]\.)(?=[A-Z][a-z])|\s+(?=Analysis\s*:)"
)
# "•", "▪", "–" at the start of a line: a new statement, whatever the line before ended with.
# A numbered paragraph ("7. The duty …", "3.1 The panel …") is one too: its number is no value.
BULLET = re.compile(
    r"^\s*(?:[•▪●◦■□➢►✓*·]|[-–—](?=\s*[A-Z0-9£])|\d{1,3}(?:\.\d{1,2})*\.\s+(?=[A-Z])"
    r"|\d{1,3}\.\d{1,2}\s+(?=[A-Z]))\s*"
)
# "May 2024 performance", "Performance summary: May 2024", "Reporting period: May 2024"
STATED_MONTH = [
    re.compile(
        rf"\b{MONTH}\s+(20\d\d)\s+(?:performance|data|position|figures|update|report)\b", re.I
    ),
    re.compile(
        rf"\b(?:performance|reporting\s+period|data|figures|position)\s*(?:summary|update|report|pack|as\s+of|to|at)?"
        rf"\s*[:–—-]?\s*(?:end\s+of\s+)?{MONTH}\s+(20\d\d)\b",
        re.I,
    ),
    re.compile(rf"\bas\s+(?:at|of)\s+(?:the\s+)?end\s+of\s+{MONTH}\s+(20\d\d)\b", re.I),
]


def read(pages, meeting_date=None, warnings=None) -> list[dict]:
    if not pages:
        return []
    warnings = warnings if warnings is not None else []
    latest, stated = report_months(pages, meeting_date)
    if latest is None:
        return []
    found: dict[str, dict] = {}
    disputed: set[tuple[str, str]] = set()
    for page in pages:
        last, heading = None, None
        months = Months(latest, stated.get(page.number))
        for kind, sentence in blocks(page.text):
            if kind != "sentence":
                heading, last = (sentence if kind == "heading" else heading), None
                continue
            statements = []
            for reading in read_sentence(sentence, months, page.number, warnings, heading):
                item = found.setdefault(
                    reading.name.lower(), new_indicator(reading.name, reading.unit, page.number)
                )
                if not same_unit(item, reading, page.number, warnings):
                    continue
                for period, value in reading.values:
                    add_value(item, period, value, page.number, disputed, warnings)
                statements.append((reading.span, item))
            comparators.attach(sentence, statements, last)
            if statements:
                last = statements[-1][1]
            elif not comparators.CARRIES_ON.match(sentence):
                last = None
    out = []
    for item in found.values():
        item["values"].sort(key=lambda v: v["period"])
        if item["values"]:
            if item["unit"] is None and all(v["value"].is_integer() for v in item["values"]):
                item["unit"] = "count"
            out.append(item)
    return out


def report_months(pages, meeting_date=None) -> tuple[str | None, dict]:
    """-> (the latest month reported on, {page number: the month that page reports}).

    A page states its month ("up to the end of February 2023"), or one of the three before it
    did. When the whole report states one month only ("May 2024 performance", once on the title
    slide), it is every page's month; two different months stated leave the pages between them
    with the nearest one before."""
    stated, said, distinct = {}, None, set()
    for page in sorted(pages, key=lambda p: p.number):
        here = stated_month(page.text, meeting_date)
        if here:
            said = (page.number, here)
            distinct.add(here)
        if said and page.number - said[0] <= 3:
            stated[page.number] = said[1]
    if len(distinct) == 1:
        [only] = distinct
        stated = {page.number: only for page in pages}
    candidates = set(stated.values())
    if meeting_date:
        year, month = int(meeting_date[:4]), int(meeting_date[5:7]) - 1
        candidates.add(f"{year - 1:04d}-12" if month == 0 else f"{year:04d}-{month:02d}")
    return (max(candidates) if candidates else None), stated


def stated_month(text: str, meeting_date=None) -> str | None:
    found = reporting_month(text, meeting_date)
    if found:
        return found
    for pattern in STATED_MONTH:
        for match in pattern.finditer(text):
            month = month_number(match.group(1))
            period = f"{full_year(match.group(2)):04d}-{month:02d}" if month else None
            if period and (meeting_date is None or period < meeting_date[:7]):
                return period
    return None


def add_value(item, period, value, page, disputed, warnings):
    """A value for a period the indicator already has with another figure is not kept: which of
    the two sentences meant what cannot be told."""
    key = (item["name"].lower(), period)
    if key in disputed:
        return
    same = [v for v in item["values"] if v["period"] == period]
    if not same:
        item["values"].append({"period": period, "value": value, "page": page})
    elif same[0]["value"] != value:
        disputed.add(key)
        item["values"].remove(same[0])
        warnings.append(
            warning(
                page,
                f"'{item['name'][:60]}' {period}: {value:g} here but "
                f"{same[0]['value']:g} on page {same[0]['page']}; neither was read",
            )
        )


def same_unit(item, reading, page, warnings) -> bool:
    """ "12%" for an indicator read as a count elsewhere (or the other way round) is refused."""
    known, new = item["unit"], reading.unit
    if not known or not new or known == new or {known, new} <= {"count", "rate", "other"}:
        if known is None:
            item["unit"] = new
        return True
    warnings.append(
        warning(
            page,
            f"'{item['name'][:60]}': a {new.replace('_', ' ')} here but a "
            f"{known.replace('_', ' ')} elsewhere: value not read",
        )
    )
    return False


def blocks(text: str) -> list[tuple[str, str]]:
    """The page as headings and sentences: a bullet ends the sentence before it, a heading line
    (short, no full stop, between sentences) names what follows."""
    out, buffer = [], []
    lines = [line.strip() for line in text.split("\n") if line.strip()]

    def flush():
        if buffer:
            out.extend(("sentence", s) for s in sentences(" ".join(buffer)))
            buffer.clear()

    for i, line in enumerate(lines):
        bullet = BULLET.match(line)
        if bullet:
            flush()
            line = line[bullet.end() :]
            if not line:
                continue
        elif stands_alone(line, buffer, lines[i + 1] if i + 1 < len(lines) else None):
            flush()
            # "May 2024 performance" is a title, not the name of what follows; "Re-referrals:
            # 21% (April 23%)" is a statement on a line of its own.
            dated = re.compile(rf"\b{MONTH}\b[\s\-–'’‘]*\d+|\b20\d\d\b", re.IGNORECASE)
            if re.search(r"\d\s*%(?!\))|:\s*[\d£]", dated.sub("", line)):
                out.extend(("sentence", s) for s in sentences(line))
            else:
                out.append(("title" if dated.search(line) else "heading", line))
            continue
        buffer.append(line)
    flush()
    return out


def stands_alone(line: str, buffer: list[str], following: str | None) -> bool:
    """A heading or title line: short, no full stop, between sentences."""
    words = line.split()
    ends_sentence = not buffer or buffer[-1].rstrip().endswith((".", "!", "?", ":"))
    return (
        1 <= len(words) <= 9
        and ends_sentence
        and line[:1].isupper()
        and not line.rstrip().endswith((".", ",", ";", ":", "!", "?"))
        and (following is None or not following[:1].islower())
    )


def sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s.strip() for s in SENTENCE_BREAK.split(flat) if s.strip()]


def new_indicator(name: str, unit: str | None, page: int) -> dict:
    return {
        "name": name,
        "ref": None,
        "unit": unit or unit_from_name(name),
        "section": None,
        "values": [],
        "target": None,
        "benchmarks": [],
        "source": "narrative",
        "page": page,
    }
