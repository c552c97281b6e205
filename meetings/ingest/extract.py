"""extract(path) -> the PACK_SCHEMA dict: the whole pipeline as one readable function.

Pure: no Django, no database. Every parser receives the pages (cheap text) and, where it needs
positions, the open `PackPdf` for words and ruled tables of the pages it chooses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from meetings.ingest import agenda, minutes
from meetings.ingest.front_sheet import parse as front_sheet
from meetings.ingest.glossary import parse as glossary
from meetings.ingest.indicators import extract_indicators
from meetings.ingest.pdf import PackPdf, PdfError, ocr_available, unreadable_reason
from meetings.ingest.reports import parse as reports
from meetings.ingest.schema import SCHEMA_VERSION, Extraction, ParseWarning, sort_warnings
from meetings.ingest.tracker import parse as tracker

Progress = Callable[[int, int], None]


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract(
    path: str | Path,
    progress: Progress | None = None,
    filename: str | None = None,
    ocr: bool = True,
) -> Extraction:
    """Read one agenda pack. `progress(done, total)` is called as pages are read; `ocr` says
    whether pages without a text layer may be OCR'd (when tesseract is installed)."""
    path = Path(path)
    warnings: list[ParseWarning] = []
    with PackPdf(path, ocr=ocr) as pdf:
        pages = pdf.pages(progress=progress)
        reason = unreadable_reason(pages, ocr_available(ocr))
        if reason:
            raise PdfError(reason)

        meeting, found = front_sheet.parse_front_sheet(pages, pdf)
        warnings += found
        agenda_items, found = agenda.parse_agenda(pages, pdf)
        warnings += found
        minutes_list, found = minutes.parse_minutes(pages, pdf)
        warnings += found
        report_list, found = reports.parse_reports(pages, pdf, agenda=agenda_items)
        warnings += found
        warnings += agenda.link_papers(agenda_items, pages, report_list, minutes_list)
        tracker_rows, found = tracker.parse_tracker(pages, pdf)
        warnings += found
        glossary_terms, found = glossary.parse_glossary(pages, pdf)
        warnings += found
        indicators, commentary, found = extract_indicators(
            pages, pdf, meeting_date=meeting.get("date"), reports=report_list
        )
        warnings += found

    return {
        "schema": SCHEMA_VERSION,
        "source": {
            "filename": filename or path.name,
            "sha256": sha256_of(path),
            "pages": len(pages),
        },
        "meeting": meeting,
        "agenda": agenda_items,
        "minutes": minutes_list,
        "reports": report_list,
        "tracker": tracker_rows,
        "indicators": indicators,
        "commentary": commentary,
        "glossary": glossary_terms,
        "warnings": sort_warnings(warnings),
    }
