"""Bad uploads get a reason an officer understands, the worker survives, and nothing half-written remains."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from meetings.models import AgendaItem, Pack
from meetings.services import pack_contents
from meetings.services.ingestion import ingest_pack
from meetings.services.packs import DuplicatePack, PackRejected, receive_pack

pytestmark = pytest.mark.django_db


def upload(client, users, name, content):
    client.force_login(users["dso"])
    return client.post(
        reverse("meetings:pack_upload"),
        {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def pdf_bytes(draw, **kwargs):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, **kwargs)
    draw(page)
    page.save()
    return buffer.getvalue()


def ingest(content, name="pack.pdf"):
    pack = receive_pack(io.BytesIO(content), filename=name, enqueue=False)
    return ingest_pack(pack.pk)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "pack.docx",
            b"PK\x03\x04" + b"\0" * 100,
            "not a PDF. It looks like a Word, Excel or zip file",
        ),
        ("pack.pdf", b"", "empty"),
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not a PDF. It looks like a PNG image"),
    ],
)
def test_refused_at_the_door(client, users, name, content, reason):
    response = upload(client, users, name, content)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Pack.objects.exists()


def test_too_big_is_refused(client, users, settings, corpus_pdf):
    settings.PACK_MAX_BYTES = 100_000
    response = upload(client, users, "pack.pdf", corpus_pdf("2023-03-30").read_bytes())
    assert "packs can be at most" in response.content.decode()
    assert not Pack.objects.exists()


def test_truncated_pdf_fails_with_a_reason(corpus_pdf):
    data = corpus_pdf("2023-03-30").read_bytes()
    pack = ingest(data[: len(data) // 2])
    assert pack.status == Pack.Status.FAILED
    assert "damaged or is not a complete PDF" in pack.reason


def test_encrypted_pdf_fails_with_a_reason():
    data = pdf_bytes(
        lambda c: c.drawString(100, 700, "Agenda"), encrypt=pdfencrypt.StandardEncryption("secret")
    )
    pack = ingest(data)
    assert pack.status == Pack.Status.FAILED
    assert "password-protected" in pack.reason


def test_too_many_pages_fails_with_a_reason(settings, corpus_pdf):
    settings.PACK_MAX_PAGES = 10
    pack = ingest(corpus_pdf("2023-03-30").read_bytes())
    assert pack.status == Pack.Status.FAILED
    assert "66 pages; packs can have at most 10" in pack.reason


def test_a_scan_with_no_text_fails_with_a_reason(monkeypatch):
    from PIL import Image

    monkeypatch.setattr("meetings.ingest.extract.ocr_available", lambda enabled=True: False)
    image = Image.new("RGB", (200, 100), "white")

    def draw(c):
        for _ in range(2):
            c.drawImage(ImageReader(image), 50, 500, 400, 200)
            c.showPage()

    pack = ingest(pdf_bytes(draw))
    assert pack.status == Pack.Status.FAILED
    assert "picture (a scan)" in pack.reason


def test_the_same_file_twice_points_to_the_first(client, users, corpus_pdf):
    data = corpus_pdf("2023-03-30").read_bytes()
    first = receive_pack(io.BytesIO(data), filename="a.pdf", enqueue=False)
    with pytest.raises(DuplicatePack) as refused:
        receive_pack(io.BytesIO(data), filename="b.pdf", enqueue=False)
    assert refused.value.existing == first
    assert "already uploaded" in str(refused.value)
    response = upload(client, users, "c.pdf", data)
    assert response.status_code == 302 and response["Location"] == first.get_absolute_url()
    assert Pack.objects.count() == 1


def test_a_failure_while_storing_leaves_nothing(monkeypatch, expected_extraction, corpus_pdf):
    monkeypatch.setattr(
        "meetings.services.ingestion.extract", lambda *a, **k: expected_extraction("2023-03-30")
    )

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pack_contents, "store_indicator_values", explode)
    pack = ingest(corpus_pdf("2023-03-30").read_bytes())
    assert pack.status == Pack.Status.FAILED
    assert "nothing from it was saved" in pack.reason
    assert not AgendaItem.objects.exists()


def test_a_finished_pack_is_not_ingested_again(monkeypatch, expected_extraction, corpus_pdf):
    calls = []
    monkeypatch.setattr(
        "meetings.services.ingestion.extract",
        lambda *a, **k: calls.append(1) or expected_extraction("2023-03-30"),
    )
    pack = ingest(corpus_pdf("2023-03-30").read_bytes())
    assert pack.status == Pack.Status.NEEDS_REVIEW
    again = ingest_pack(pack.pk)  # a redelivered task
    assert again.status == Pack.Status.NEEDS_REVIEW and calls == [1]


def test_rejection_is_a_value_error_for_scripts():
    with pytest.raises(PackRejected):
        receive_pack(io.BytesIO(b"hello"), filename="x.pdf", enqueue=False)


def test_progress_is_polled_while_the_worker_reads(client, users):
    from tests.factories import PackFactory

    pack = PackFactory(
        status=Pack.Status.PROCESSING,
        meeting=None,
        committee=None,
        progress_done=30,
        progress_total=91,
    )
    client.force_login(users["dso"])
    partial = client.get(reverse("meetings:pack_progress", args=[pack.pk]), HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "Reading page 30 of 91" in html and 'hx-trigger="every 1s"' in html
    Pack.objects.filter(pk=pack.pk).update(status=Pack.Status.NEEDS_REVIEW)
    done = client.get(reverse("meetings:pack_progress", args=[pack.pk]), HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true"  # finished: the page reloads into the review screen


def test_a_corrected_value_keeps_what_was_read_and_periods_are_checked(
    client, users, expected_extraction
):
    from indicators.models import Observation
    from meetings.services.pack_contents import store_pack_contents
    from tests.factories import PackFactory

    pack = store_pack_contents(
        PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None),
        expected_extraction("2023-03-30"),
    )
    value = Observation.objects.filter(pack=pack, period="2023-02").first()
    client.force_login(users["dso"])
    url = reverse("meetings:review_edit", args=[pack.pk, "value", value.pk])
    refused = client.post(url, {"period": "Feb", "value": "26", "review": "pending"})
    assert "Write the period as a month" in refused.content.decode()
    client.post(url, {"period": "2023-02", "value": str(value.value + 1), "review": "pending"})
    value.refresh_from_db()
    assert value.review == "corrected" and value.extracted_value == value.value - 1


ZERO_PAGES = pdf_bytes(lambda c: None)  # reportlab writes a valid PDF with an empty page tree
BROKEN_PAGE = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def test_a_pdf_with_no_pages_says_so_even_after_an_encrypted_one():
    encrypted = pdf_bytes(
        lambda c: c.drawString(100, 700, "Agenda"), encrypt=pdfencrypt.StandardEncryption("secret")
    )
    assert "password-protected" in ingest(encrypted, "secret.pdf").reason
    # pdfium's last error is shared by the process: it still says "password" here.
    pack = ingest(ZERO_PAGES, "empty.pdf")
    assert pack.status == Pack.Status.FAILED
    assert pack.reason == "The PDF has no pages."


def test_a_page_pdfium_cannot_load_fails_with_a_sentence(caplog):
    pack = ingest(BROKEN_PAGE, "broken.pdf")
    assert pack.status == Pack.Status.FAILED
    assert pack.reason.startswith("Page 2 of 2 is damaged and cannot be read")
    assert "Traceback" not in caplog.text
