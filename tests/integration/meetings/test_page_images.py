"""Page pictures: drawn once in the worker under limits; hostile pages refused; served from disk."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from meetings.models import Pack, PageImage
from meetings.services.page_images import placeholder_png, printed_pages, render_page_images
from tests.factories import PackFactory
from tests.fixtures import hostile

pytestmark = pytest.mark.django_db


def pack_of(path, pages, **kwargs):
    pack = PackFactory(page_count=pages, extraction={"warnings": []}, **kwargs)
    pack.file.save(path.name, ContentFile(path.read_bytes()), save=True)
    return pack


def test_every_page_is_drawn_once_with_its_printed_stamp(tmp_path):
    pack = pack_of(hostile.plain_pdf(tmp_path / "plain.pdf", pages=3, stamps=[7, 8, 9]), 3)
    assert render_page_images(pack) == []
    rows = list(PageImage.objects.filter(pack=pack))
    assert [(r.number, r.stamp, bool(r.image), r.refused) for r in rows] == [
        (1, 7, True, ""),
        (2, 8, True, ""),
        (3, 9, True, ""),
    ]
    assert printed_pages(pack) == {7: 1, 8: 2, 9: 3}
    render_page_images(pack)  # idempotent
    assert PageImage.objects.filter(pack=pack).count() == 3


def test_a_page_whose_picture_decodes_to_gigabytes_is_refused_with_a_warning(tmp_path):
    # 20,000 × 20,000 grey pixels: 400 MB decoded from a 400 KB file.
    pack = pack_of(hostile.bomb_pdf(tmp_path / "bomb.pdf", side=20_000), 1)
    added = render_page_images(pack)
    row = PageImage.objects.get(pack=pack)
    assert not row.image and "400 million pixels" in row.refused
    assert added[0]["page"] == 1 and "placeholder" in added[0]["message"]
    pack.refresh_from_db()
    assert any("400 million pixels" in w["message"] for w in pack.warnings)


def test_a_page_taller_than_a_picture_may_be_is_refused(tmp_path):
    pack = pack_of(hostile.tall_pdf(tmp_path / "tall.pdf"), 1)
    render_page_images(pack)
    assert "1,440,000 pixels tall" in PageImage.objects.get(pack=pack).refused


def test_the_memory_limit_bounds_what_the_checks_let_through(tmp_path, settings):
    # pdfium decodes a soft mask whole (~480 MB here); under the limit it gives up on the
    # picture instead of growing, and the page is still done.
    settings.PAGE_RENDER_MAX_IMAGE_PIXELS = 10**12  # no decode check: the rlimit must hold
    settings.PAGE_RENDER_MEMORY_MB = 300
    pack = pack_of(hostile.bomb_pdf(tmp_path / "bomb.pdf", side=20_000, smask=True), 1)
    render_page_images(pack)
    assert PageImage.objects.filter(pack=pack).count() == 1


@pytest.mark.parametrize(
    "limit, value, reason",
    [
        ("PAGE_RENDER_MEMORY_MB", 40, "more than 40 MB of memory"),
        ("PAGE_RENDER_SECONDS", 0.001, "more than 0.001 s"),
    ],
)
def test_a_renderer_that_dies_or_hangs_refuses_that_page_and_goes_on(
    tmp_path, settings, limit, value, reason
):
    setattr(settings, limit, value)
    pack = pack_of(hostile.plain_pdf(tmp_path / "plain.pdf", pages=2), 2)
    added = render_page_images(pack)
    rows = list(PageImage.objects.filter(pack=pack))
    assert [r.number for r in rows] == [1, 2]
    assert all(reason in r.refused and not r.image for r in rows)
    assert [w["page"] for w in added] == [1, 2]


def test_the_viewer_serves_stored_pictures_and_never_opens_the_pdf(client, tmp_path, monkeypatch):
    pack = pack_of(hostile.plain_pdf(tmp_path / "plain.pdf", pages=2), 2)
    bomb = pack_of(hostile.bomb_pdf(tmp_path / "bomb.pdf", side=20_000), 1)
    render_page_images(pack)
    render_page_images(bomb)

    def no_pdf_here(*args, **kwargs):
        raise AssertionError("a request opened a PDF")

    monkeypatch.setattr("meetings.ingest.pdf.PackPdf.__init__", no_pdf_here)
    monkeypatch.setattr("pypdfium2.PdfDocument.__init__", no_pdf_here)
    image = client.get(reverse("meetings:pack_page_image", args=[pack.pk, 2]))
    assert image.status_code == 200 and b"".join(image.streaming_content)[:4] == b"\x89PNG"
    refused = client.get(reverse("meetings:pack_page_image", args=[bomb.pk, 1]))
    assert refused.status_code == 200 and refused.content == placeholder_png()
    viewer = client.get(reverse("meetings:pack_page", args=[bomb.pk, 1]))
    assert viewer.status_code == 200 and "400 million pixels" in viewer.content.decode()


def test_a_pdf_with_javascript_is_only_ever_a_download(client, tmp_path):
    active = pack_of(hostile.active_pdf(tmp_path / "active.pdf"), 1)
    plain = pack_of(hostile.plain_pdf(tmp_path / "plain.pdf", pages=1), 1)
    unchecked = pack_of(hostile.plain_pdf(tmp_path / "other.pdf", pages=1), 1)
    render_page_images(active)
    render_page_images(plain)
    assert set(active.public_pdf.active_content) >= {"/JavaScript", "/OpenAction"}

    def disposition(pack):
        return client.get(reverse("meetings:pack_pdf", args=[pack.pk]))["Content-Disposition"]

    assert disposition(active).startswith("attachment")
    assert disposition(plain).startswith("inline")
    assert disposition(unchecked).startswith("attachment")  # not scanned yet: the safe way


def test_the_worker_draws_the_pages_after_the_pack_is_stored(corpus_pdf, settings):
    settings.PAGE_IMAGES_AT_INGEST = True
    from meetings.services.ingestion import ingest_pack
    from meetings.services.packs import receive_pack

    with open(corpus_pdf("2023-03-30"), "rb") as handle:
        pack = receive_pack(handle, filename="pack.pdf", enqueue=False)
    pack = ingest_pack(pack.pk)
    assert pack.status == Pack.Status.NEEDS_REVIEW
    assert PageImage.objects.filter(pack=pack).exclude(image="").count() == pack.page_count
    assert pack.public_pdf.checked and pack.public_pdf.active_content == []


def test_a_pack_of_slow_pages_stops_at_its_own_deadline(tmp_path, settings, monkeypatch):
    from meetings.services import page_images

    class Clock:  # each look at the clock is one second later
        now = 0.0

        @classmethod
        def monotonic(cls):
            cls.now += 1
            return cls.now

    monkeypatch.setattr(page_images, "time", Clock)
    settings.PAGE_RENDER_PACK_SECONDS = 1.5  # past it once the first page is drawn
    pack = pack_of(hostile.plain_pdf(tmp_path / "plain.pdf", pages=3), 3)
    render_page_images(pack)
    rows = list(PageImage.objects.filter(pack=pack))
    assert [bool(r.image) for r in rows] == [True, False, False]
    assert all("took more than 1.5 s" in r.refused for r in rows[1:])
