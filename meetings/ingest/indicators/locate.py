"""Which pages hold performance data, decided from their text alone (no geometry yet).

Table pages print periods in a header and rows of numbers. Prose pages are those of the
performance report (the report whose subject speaks of performance) that talk about values.
Outside that report, sentences with numbers in them are left alone: "attainment at KS2 has
plateaued at 29%" in a SEND strategy is not a dashboard value.
"""

from __future__ import annotations

import re

from meetings.ingest.indicators.periods import MONTH

PERIOD_TOKEN = re.compile(
    rf"\b{MONTH}[\s\-–'’‘]*(?:\d{{4}}|\d{{0,2}})\b|\b\d{{2}}/\d{{2}}\b|\b20\d\d[-/]\d\d\b|\bQ[1-4]\b",
    re.IGNORECASE,
)
NUMBER_TOKEN = re.compile(
    r"(?<![\w/])-?\d[\d,]*(?:\.\d+)?%?(?![\w/])|\bTBC\b|\bN/A\b", re.IGNORECASE
)
PERFORMANCE_REPORT = re.compile(
    r"performance|\bkpi|indicator|dashboard|scorecard|data pack", re.IGNORECASE
)
GLOSSARY = re.compile(r"^(?:[A-Z][A-Z &’']+ )?GLOSSARY\b|^Glossary of terms", re.MULTILINE)
GENERIC_HEADINGS = re.compile(
    r"^(?:what the data tells us|analysis|action/?\s*next steps|progress analysis|performance|contents|overview.*|kpi dashboard.*|summary|key)$",
    re.IGNORECASE,
)


def performance_pages(pages, reports=None) -> tuple[list, list]:
    """-> (pages that look like tables, prose pages of the performance report)."""
    table_pages = []
    for page in pages:
        previous = table_pages[-1] if table_pages else None
        goes_on = (
            previous is not None
            and previous.number == page.number - 1
            and previous.is_landscape == page.is_landscape
            and numeric_lines(page) >= 2
        )  # a table going on over the page, its header not repeated
        if looks_tabular(page) or goes_on:
            table_pages.append(page)
    start, end = performance_report_span(pages, reports)
    whole_pack = (start, end) == (0, len(pages))
    prose, in_glossary = [], False
    for page in pages[start:end]:
        if GLOSSARY.search("\n".join(page.lines[:3])):
            if not whole_pack:
                break  # the glossary appended to the report is not commentary
            in_glossary = True  # … nor is it, up to where the next item's papers begin
        elif in_glossary and page.agenda_item:
            in_glossary = False
        if page.has_text_layer and page not in table_pages and not in_glossary:
            prose.append(page)
    return table_pages, prose


def looks_tabular(page) -> bool:
    if not page.has_text_layer:
        return False
    return header_periods(page) >= 3 and numeric_lines(page) >= 2


def header_periods(page) -> int:
    """Periods printed as column headings: several on one line, or a line (a cell) of its own;
    not the dates of sentences ("in the week of 4th February 2021")."""
    count = 0
    for line in page.lines[:80]:
        found = [m for m in PERIOD_TOKEN.finditer(line) if re.search(r"\d", m.group(0))]
        if len(found) >= 3:
            count += len(found)
        elif found and len(line.split()) <= 3 and re.search(r"\d", line):
            count += 1
    return count


def numeric_lines(page) -> int:
    if not page.has_text_layer:
        return 0
    return sum(1 for line in page.lines if len(NUMBER_TOKEN.findall(line)) >= 4)


def performance_report_span(pages, reports) -> tuple[int, int]:
    """Index range of the performance reports' pages, or the whole pack when none is named."""
    known = [
        r for r in reports or [] if isinstance(r.get("page"), int) and 1 <= r["page"] <= len(pages)
    ]
    covers = sorted(r["page"] for r in known)
    chosen = [r["page"] for r in known if PERFORMANCE_REPORT.search(r.get("subject") or "")]
    if not chosen:
        return 0, len(pages)
    following = [p for p in covers if p > max(chosen)]
    last = following[0] - 1 if following else len(pages)
    return min(chosen) - 1, last


def section_heading(page) -> str | None:
    """A priority-area heading at the top of a page ('Right Service at the Right Time')."""
    for line in page.lines[:3]:
        text = line.strip().rstrip(":")
        if GENERIC_HEADINGS.match(text):
            continue
        words = text.split()
        if (
            2 <= len(words) <= 8
            and not re.search(r"\d", text)
            and words[0][:1].isupper()
            and not text.endswith(".")
        ) and sum(w[:1].isupper() for w in words) >= len(words) / 2:
            return text
        return None
    return None


COUNCIL_NAME = re.compile(
    r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?) (?:City|County|Borough|District|Metropolitan Borough)? ?Council\b"
    r"|\b(?:London|Royal) Borough of ([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
    r"|@([a-z\-]+)\.gov\.uk",
)
NOT_A_PLACE = {"the", "this", "our", "city", "county", "borough", "district", "parish", "town"}


def council_names(pages) -> frozenset[str]:
    """The council's own name, lower case ("southampton"), from how often the pack names it
    ("Southampton City Council", "@southampton.gov.uk"): a table column headed with it and a year
    is the council's own earlier outturn."""
    counts: dict[str, int] = {}
    for page in pages[:60]:
        for match in COUNCIL_NAME.finditer(page.text):
            name = next(g for g in match.groups() if g).lower().replace("-", " ")
            name = re.sub(r" (?:city|county|borough|district|metropolitan)$", "", name)
            if name.split()[0] not in NOT_A_PLACE:
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return frozenset()
    best = max(counts.values())
    return frozenset(name for name, count in counts.items() if count == best)
