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

from . import aligned, commentary, narrative, scans
from .locate import performance_pages, section_heading
from .tables import Grid, find_header, indicators_from_grid, merge_duplicates


def extract_indicators(pages, pdf=None, meeting_date=None, reports=None):
    """-> (indicators, commentary blocks, warnings), per PACK_SCHEMA."""
    warnings: list[dict] = []
    indicators: list[dict] = []
    table_pages, prose_pages = performance_pages(pages, reports)
    if pdf is not None:
        indicators += read_tables(table_pages, pdf, warnings)
    indicators = merge_duplicates(indicators, warnings)
    named = {i["name"].lower() for i in indicators}
    for item in narrative.read(prose_pages, meeting_date=meeting_date, warnings=warnings):
        if item["name"].lower() not in named:
            indicators.append(item)
    indicators += scans.read(pages, pdf, table_pages, prose_pages, warnings)
    blocks = commentary.read(prose_pages)
    assign_sections(indicators, blocks)
    return [public(i) for i in indicators], blocks, warnings


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


def read_tables(table_pages, pdf, warnings) -> list[dict]:
    out = []
    header, section = None, None
    for page in table_pages:
        grids = [
            Grid(
                page.number,
                [
                    [(cell.text if cell else "", cell.bbox if cell else None) for cell in row]
                    for row in table.rows
                ],
            )
            for table in pdf.tables(page.number)
        ]
        if not grids:
            grids = aligned.grids(pdf.words(page.number), page.number)
        heading = section_heading(page)
        if heading:
            section = heading
        for grid in grids:
            found = find_header(grid)
            if found is not None:
                start, header = found[0] + 1, found[1]
                warnings += header.warnings
            elif header is not None and grid.rows and len(grid.rows[0]) == header.width:
                start = 0  # the table goes on from the previous page
            else:
                continue
            out += indicators_from_grid(grid, header, start, section, warnings)
    return out


def public(indicator: dict) -> dict:
    """The PACK_SCHEMA shape, in its order."""
    keys = ["name", "ref", "unit", "section", "values", "target", "benchmarks", "source", "page"]
    return {key: indicator.get(key) for key in keys}
