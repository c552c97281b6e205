"""Pages whose figures are pictures: dashboard images and scanned pages.

Their numbers cannot be read from a text layer, so each gets a warning naming the page, and
(tesseract being installed by the project's setup, see meetings/ingest/ocr.py) such pages are
OCR'd and read like any other page; what they yield is marked `source: "ocr"`, and the app will
not publish it until a person has confirmed each value.
"""

from __future__ import annotations

from meetings.ingest.indicators.aligned import grids_from_ocr
from meetings.ingest.indicators.locate import council_names
from meetings.ingest.indicators.tables import find_header, indicators_from_grid
from meetings.ingest.schema import warning

DASHBOARD = "dashboard image: indicator values not read from this page"
NO_TEXT = "page has no text layer (image only): indicator values not read"
BLANK = "page has neither text nor pictures (blank, or drawn only with lines): nothing to read"


def read(pages, pdf, table_pages, prose_pages, warnings) -> list[dict]:
    performance = {p.number for p in prose_pages} | {p.number for p in table_pages}
    to_ocr = []
    for page in pages:
        if not page.has_text_layer and not page.image_count:
            # Not a scan: nothing on it is a picture, so OCR would find nothing either.
            if page.path_count:
                warnings.append(warning(page.number, BLANK))
        elif not page.has_text_layer:
            warnings.append(warning(page.number, NO_TEXT))
            to_ocr.append(page)
        elif page.large_images and page.number in performance:
            warnings.append(warning(page.number, DASHBOARD))
            to_ocr.append(page)
    if pdf is None:
        return []
    found = []
    own = council_names(pages)
    for page in to_ocr:
        words = pdf.ocr_words(page.number)
        if not words:
            continue
        before = len(found)
        for grid in grids_from_ocr(words, page.number, own):
            header = find_header(grid, own)
            if header is None:
                continue
            for item in indicators_from_grid(grid, header[1], header[0] + 1, None, warnings):
                item["source"] = "ocr"
                found.append(item)
        if len(found) > before:
            warnings.append(
                warning(
                    page.number,
                    "values read by OCR from an image: confirm each one before publishing",
                )
            )
    return found
