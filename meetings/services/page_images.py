"""Pictures of pack pages for the review screen, rendered once and kept beside the PDF."""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings

from meetings.ingest.pdf import PackPdf, PdfError

log = logging.getLogger(__name__)
WIDTH_PX = 1000


def page_png(pack, page: int) -> bytes | None:
    if not pack.page_count or not 1 <= page <= pack.page_count:
        return None
    cached = Path(settings.MEDIA_ROOT) / "pages" / pack.sha256[:16] / f"{page}-{WIDTH_PX}.png"
    if cached.exists():
        return cached.read_bytes()
    try:
        with PackPdf(pack.file.path) as pdf:
            png = pdf.render_png(page, WIDTH_PX)
    except (PdfError, OSError):
        log.warning("could not render page %s of pack %s", page, pack.pk)
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(png)
    return png


def page_size(pack, page: int) -> tuple[float, float]:
    """The page's width and height in PDF points (A4 portrait when it cannot be read)."""
    try:
        with PackPdf(pack.file.path) as pdf:
            found = pdf.page(page)
            return found.width, found.height
    except (PdfError, OSError, IndexError):
        return 595.0, 842.0


def printed_pages(pack) -> dict[int, int]:
    """{printed "Page N" stamp: PDF page}: agendas cite printed pages, links need PDF pages."""
    from django.core.cache import cache

    key = f"pack:{pack.sha256}:printed-pages"
    found = cache.get(key)
    if found is None:
        try:
            with PackPdf(pack.file.path) as pdf:
                found = {page.stamp: page.number for page in pdf.pages() if page.stamp}
        except (PdfError, OSError):
            found = {}
        cache.set(key, found, None)
    return found
