"""A scanned page OCR'd through the real worker: tesseract (installed by scripts/ensure-ocr),
a real Celery worker, Redis and PostgreSQL."""

import shutil

import pypdfium2 as pdfium
import pytest

from indicators.models import Observation
from meetings.models import Pack
from meetings.services.packs import receive_pack
from tests.fixtures.devset import appendix, scans
from tests.integration.meetings.test_worker import (
    start_worker,
    status_of,
    stop,
    wait_for,
)

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("tesseract"), reason="scripts/ensure-ocr installs it"),
]


def pack_with_a_scanned_appendix(tmp_path, corpus_pdf):
    """The 2023 pack's first pages (its front sheet and agenda) and a scanned appendix page."""
    form = next(f for f in appendix.forms() if f.key == "banner-quarters")
    source, _ = appendix.write(tmp_path, form)
    scanned = scans.scan(source, [1], tmp_path / "scanned.pdf", seed=3)
    merged = pdfium.PdfDocument.new()
    for path, pages in ((corpus_pdf("2023-03-30"), list(range(6))), (scanned, [0])):
        doc = pdfium.PdfDocument(str(path))
        merged.import_pages(doc, pages)
        doc.close()
    target = tmp_path / "pack-with-scan.pdf"
    merged.save(str(target))
    return target, appendix.expected(form)


def test_the_worker_reads_a_scanned_page_by_ocr(broker, corpus_pdf, tmp_path):
    path, expected = pack_with_a_scanned_appendix(tmp_path, corpus_pdf)
    worker = start_worker()
    try:
        with open(path, "rb") as handle:
            pack = receive_pack(handle, filename="pack-with-scan.pdf")
        assert wait_for(lambda: status_of(pack) not in ("queued", "processing"), timeout=180)
        pack.refresh_from_db()
        assert pack.status == Pack.Status.NEEDS_REVIEW, pack.reason
        read = {
            (o.indicator.name, o.period): o.value
            for o in Observation.objects.filter(pack=pack, source="ocr").select_related("indicator")
        }
        want = {
            (item["name"], value["period"]): value["value"]
            for item in expected
            for value in item["values"]
        }
        found = {key: value for key, value in read.items() if key in want}
        assert len(found) >= 0.8 * len(want)
        assert all(float(value) == want[key] for key, value in found.items())  # none wrong
        assert all(o.pdf_page == 7 for o in Observation.objects.filter(pack=pack, source="ocr"))
    finally:
        stop(worker)
