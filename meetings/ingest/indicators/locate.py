"""Which pages hold performance data, decided from their text alone (no geometry yet).

Table pages print periods in a header and rows of numbers. Prose pages are those of the
performance report (the report whose subject speaks of performance) that talk about values.
Outside that report, sentences with numbers in them are left alone: "attainment at KS2 has
plateaued at 29%" in a SEND strategy is not a dashboard value.
"""

from __future__ import annotations

import re

from .periods import MONTH

PERIOD_TOKEN = re.compile(
    rf"\b{MONTH}[\s\-–'’]*\d{{0,2}}\b|\b\d{{2}}/\d{{2}}\b|\b20\d\d[-/]\d\d\b|\bQ[1-4]\b",
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
    table_pages = [p for p in pages if looks_tabular(p)]
    start, end = performance_report_span(pages, reports)
    prose = []
    for page in pages[start:end]:
        if GLOSSARY.search("\n".join(page.lines[:3])):
            break  # the glossary appended to the report is not commentary
        if page.has_text_layer and page not in table_pages:
            prose.append(page)
    return table_pages, prose


def looks_tabular(page) -> bool:
    if not page.has_text_layer:
        return False
    periods = len(PERIOD_TOKEN.findall(page.text[:3000]))
    numeric_lines = sum(1 for line in page.lines if len(NUMBER_TOKEN.findall(line)) >= 4)
    return periods >= 3 and numeric_lines >= 2


def performance_report_span(pages, reports) -> tuple[int, int]:
    """Index range of the performance report's pages, or the whole pack when none is named."""
    covers = sorted(r["page"] for r in reports or [] if r.get("page"))
    chosen = [r for r in reports or [] if PERFORMANCE_REPORT.search(r.get("subject") or "")]
    if not chosen:
        return 0, len(pages)
    first = chosen[0]["page"]
    following = [p for p in covers if p > first]
    last = following[0] - 1 if following else pages[-1].number
    return first - 1, last


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
