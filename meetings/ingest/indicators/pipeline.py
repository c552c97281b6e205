"""Indicator values and officers' commentary from a pack's performance pages.

The pipeline, cheapest first:
1. From page text alone, find the pages that look like performance data (period headers,
   rows of numbers) and the pages of commentary sentences.
2. On those pages only, read ruled tables (pdfplumber cells) or, where there are no ruling
   lines, rebuild the columns from word positions.
3. Read value statements in sentences ("decreased from 86% in January to 84% in February").
4. Warn about pages that hold pictures of dashboards or have no text layer at all, OCR them
   if tesseract is installed (values marked `ocr`, for a person to confirm).
"""

from __future__ import annotations

from meetings.ingest.indicators import aligned, commentary, narrative, scans
from meetings.ingest.indicators.columns import DATA_PERIOD, Column, data_period
from meetings.ingest.indicators.locate import (
    council_names,
    performance_pages,
    performance_report_span,
    section_heading,
)
from meetings.ingest.indicators.tables import (
    Grid,
    find_header,
    indicators_from_grid,
    merge_duplicates,
)
from meetings.ingest.indicators.values import looks_like_value
from meetings.ingest.schema import warning


def extract_indicators(pages, pdf=None, meeting_date=None, reports=None):
    """-> (indicators, commentary blocks, warnings), per PACK_SCHEMA."""
    warnings: list[dict] = []
    indicators: list[dict] = []
    table_pages, prose_pages = performance_pages(pages, reports)
    if pdf is not None:
        indicators += read_tables(table_pages, pdf, warnings, council_names(pages))
    indicators = merge_duplicates(indicators, warnings)
    named = {i["name"].lower() for i in indicators}
    for item in narrative.read(prose_pages, meeting_date=meeting_date, warnings=warnings):
        if item["name"].lower() not in named:
            indicators.append(item)
    indicators += scans.read(pages, pdf, table_pages, prose_pages, warnings)
    blocks = commentary.read(commentary_pages(pages, prose_pages, indicators, warnings, reports))
    assign_sections(indicators, blocks)
    return [public(i) for i in indicators], blocks, warnings


def commentary_pages(pages, prose_pages, indicators, warnings, reports):
    """The performance report's prose pages; when no cover sheet says which report that is, the
    prose pages from the first page with figures (a table, a value sentence, a dashboard) to the
    page after the last: "Next steps" in another report is not the officers' commentary."""
    if performance_report_span(pages, reports) != (0, len(pages)):
        return prose_pages
    anchors = {i["page"] for i in indicators}
    anchors |= {v["page"] for i in indicators for v in i["values"] if v.get("page")}
    anchors |= {w["page"] for w in warnings if w.get("message") == scans.DASHBOARD}
    if not anchors:
        return []
    return [p for p in prose_pages if min(anchors) <= p.number <= max(anchors) + 1]


def assign_sections(indicators, blocks):
    """An indicator without a section takes the priority area of the commentary that discusses it
    (the block quoting its name) or, for a table, of the commentary that follows it."""
    for item in indicators:
        if item.get("section"):
            continue
        name = item["name"].lower()[:40]
        quoting = [
            b
            for b in blocks
            if b["section"] and b["page"] == item["page"] and name in b["text"].lower()
        ]
        following = [
            b for b in blocks if b["section"] and b["page"] in (item["page"], item["page"] + 1)
        ]
        chosen = quoting or (following if item.get("source") == "table" else [])
        if chosen:
            item["section"] = chosen[0]["section"]


def read_tables(table_pages, pdf, warnings, own=frozenset()) -> list[dict]:
    out = []
    header, section = None, None
    last_grid, last_page = None, None  # the table read last, for one that goes on over the page
    for page in table_pages:
        heading = section_heading(page)
        if heading:
            section = heading
        goes_on = last_page is not None and page.number == last_page + 1
        grids = ruled_grids(pdf, page.number)
        if not any(find_header(grid, own) for grid in grids):
            words = pdf.words(page.number)
            unruled = aligned.grids(words, page.number, own)
            if not unruled and goes_on and last_grid is not None and last_grid.columns:
                unruled = aligned.continued(words, page.number, last_grid, own)
            grids = unruled or grids
        read_here = False
        for grid in grids:
            found = find_header(grid, own)
            if found is not None:
                start, header = found[0] + 1, found[1]
                warnings += header.warnings
                banner_periods(header, page)
            elif goes_on and header is not None and continues(grid, header):
                start = 0  # a ruled table going on from the previous page without its header
            else:
                continue
            out += indicators_from_grid(grid, header, start, section, warnings)
            last_grid, read_here = grid, True
        if read_here:
            last_page = page.number
        elif goes_on:
            warnings.append(
                warning(
                    page.number,
                    "this page looks like a table of figures but its columns could "
                    "not be matched to a header: indicator values not read",
                )
            )
    return out


def banner_periods(header, page) -> None:
    """Comparators whose headers give no period take the one a banner on the page prints once
    for them ("Benchmarks published Dec-23, using 2022/23 data"), if the page prints one only."""
    found = {data_period(line) for line in page.lines if DATA_PERIOD.search(line)} - {None}
    if len(found) != 1:
        return
    period = found.pop()
    for i, column in enumerate(header.columns):
        if column.role == "benchmark" and column.period is None:
            header.columns[i] = Column(
                "benchmark", kind=column.kind, period=period, label=column.label
            )


def ruled_grids(pdf, number) -> list[Grid]:
    return [
        Grid(
            number,
            [
                [(cell.text if cell else "", cell.bbox if cell else None) for cell in row]
                for row in table.rows
            ],
        )
        for table in pdf.tables(number)
    ]


def continues(grid: Grid, header) -> bool:
    """A headerless ruled table as wide as the last header, whose value cells hold values."""
    if not grid.rows or len(grid.rows[0]) != header.width:
        return False
    cells = [
        text
        for row in grid.rows[:3]
        for column, (text, _) in zip(header.columns, row, strict=False)
        if column.role == "value" and text.strip()
    ]
    return bool(cells) and sum(map(looks_like_value, cells)) >= 0.8 * len(cells)


def public(indicator: dict) -> dict:
    """The PACK_SCHEMA shape, in its order."""
    keys = ["name", "ref", "unit", "section", "values", "target", "benchmarks", "source", "page"]
    return {key: indicator.get(key) for key in keys}
