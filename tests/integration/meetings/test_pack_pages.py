"""Pages and PDFs of a pack: exempt pages stay with their item; a replaced pack's links move on."""

import io

import pypdfium2 as pdfium
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from meetings.models import Pack, PageImage, PublicPdf
from meetings.selectors.pages import exempt_pages, secret_pages
from meetings.services.packs import publish_pack
from meetings.services.page_images import publish_public_pdf
from scrutiny.access import Role
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    PackFactory,
    PersonFactory,
    ReportFactory,
    UserFactory,
)
from tests.fixtures import hostile

pytestmark = pytest.mark.django_db


def test_an_exempt_items_printed_pages_are_found_through_the_stamps():
    # PDF pages 1-12 printed as "Page 3" .. "Page 14" (ModernGov counts from the minutes).
    stamps = {n + 2: n for n in range(1, 13)}
    items = [(1, 3, 6, False), (2, 7, 9, True), (3, 10, None, False)]
    assert secret_pages(12, stamps, {}, items, []) == {5, 6, 7}


def test_a_confidential_report_runs_to_the_next_thing_that_starts():
    items = [(1, None, None, False), (2, None, None, False)]
    reports = [(3, 1, False), (6, 2, True)]
    assert secret_pages(10, {}, {"3": 9}, items, reports) == {6, 7, 8}
    assert secret_pages(10, {}, {}, items, reports) == {6, 7, 8, 9, 10}  # nothing after it


def test_pages_without_stamps_are_placed_by_the_offset_of_the_nearest_stamp():
    stamps = {10: 12}  # only one page carries its stamp
    assert secret_pages(20, stamps, {}, [(4, 14, 15, True)], []) == {16, 17}


def test_nothing_is_exempt_in_a_pack_without_exempt_items():
    assert secret_pages(5, {1: 1}, {}, [(1, 1, 5, False)], [(2, None, False)]) == set()


@pytest.fixture
def pack_with_exempt_pages(tmp_path):
    pack = PackFactory(status=Pack.Status.PUBLISHED, page_count=10)
    pack.file.save("p.pdf", ContentFile(hostile.plain_pdf(tmp_path / "p.pdf", 10).read_bytes()))
    PageImage.objects.bulk_create(PageImage(pack=pack, number=n, stamp=n) for n in range(1, 11))
    AgendaItemFactory(pack=pack, number=1, first_page=2, last_page=5)
    AgendaItemFactory(pack=pack, number=2, first_page=6, last_page=7, exempt=True)
    item = AgendaItemFactory(pack=pack, number=3, first_page=8)
    ReportFactory(pack=pack, agenda_item=item, pdf_page=8, confidential=True)
    return pack


def pdf_text_pages(content: bytes) -> list[str]:
    doc = pdfium.PdfDocument(io.BytesIO(content))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def test_the_public_pdf_is_the_pack_without_its_exempt_pages(client, pack_with_exempt_pages):
    pack = pack_with_exempt_pages
    assert exempt_pages(pack) == {6, 7, 8, 9, 10}
    publish_public_pdf(pack)
    assert PublicPdf.objects.get(pack=pack).exempt_pages == [6, 7, 8, 9, 10]

    public = client.get(reverse("meetings:pack_pdf", args=[pack.pk]))
    pages = pdf_text_pages(b"".join(public.streaming_content))
    assert len(pages) == 5 and all("page 6." not in text for text in pages)

    member = UserFactory(username="member", roles=[Role.COUNCILLOR.value])
    MembershipFactory(committee=pack.meeting.committee, person=PersonFactory(user=member))
    client.force_login(member)
    whole = client.get(reverse("meetings:pack_pdf", args=[pack.pk]))
    assert len(pdf_text_pages(b"".join(whole.streaming_content))) == 10

    other = UserFactory(username="other", roles=[Role.COUNCILLOR.value])
    MembershipFactory(person=PersonFactory(user=other))  # sits on another panel
    client.force_login(other)
    theirs = client.get(reverse("meetings:pack_pdf", args=[pack.pk]))
    assert len(pdf_text_pages(b"".join(theirs.streaming_content))) == 5


def test_a_pack_published_before_public_copies_gets_one_on_first_request(
    client, pack_with_exempt_pages
):
    pack = pack_with_exempt_pages
    assert not PublicPdf.objects.filter(pack=pack).exists()
    response = client.get(reverse("meetings:pack_pdf", args=[pack.pk]))
    assert len(pdf_text_pages(b"".join(response.streaming_content))) == 5
    assert PublicPdf.objects.get(pack=pack).file


def test_links_to_a_replaced_pack_go_to_the_same_page_of_the_pack_that_replaced_it(client, users):
    meeting = MeetingFactory()
    old = PackFactory(meeting=meeting, status=Pack.Status.PUBLISHED, page_count=10)
    new = PackFactory(meeting=meeting, status=Pack.Status.NEEDS_REVIEW, page_count=8)
    publish_pack(new)
    old.refresh_from_db()
    assert old.status == Pack.Status.SUPERSEDED

    for name, page in (("meetings:pack_page", 3), ("meetings:pack_page_image", 3)):
        response = client.get(reverse(name, args=[old.pk, page]))
        assert response.status_code == 302
        assert response["Location"] == reverse(name, args=[new.pk, 3])
    beyond = client.get(reverse("meetings:pack_page", args=[old.pk, 10]))
    assert beyond["Location"] == reverse("meetings:pack_page", args=[new.pk, 8])
    pdf = client.get(reverse("meetings:pack_pdf", args=[old.pk]))
    assert pdf.status_code == 302 and pdf["Location"] == reverse("meetings:pack_pdf", args=[new.pk])
    assert client.get(pdf["Location"]).status_code == 200

    client.force_login(users["dso"])  # officers may still open the earlier upload
    assert client.get(reverse("meetings:pack_page", args=[old.pk, 3])).status_code == 200


def test_the_viewer_steps_over_pages_the_reader_may_not_open(client, users, pack_with_exempt_pages):
    pack = pack_with_exempt_pages
    PageImage.objects.filter(pack=pack, number__gt=8).delete()
    pack.page_count = 12
    pack.save()
    PageImage.objects.bulk_create(PageImage(pack=pack, number=n, stamp=n) for n in range(9, 13))
    AgendaItemFactory(pack=pack, number=4, first_page=11, last_page=12)  # after the report
    public = client.get(reverse("meetings:pack_page", args=[pack.pk, 5])).context
    assert public["next_page"] == 11
    after = client.get(reverse("meetings:pack_page", args=[pack.pk, 11]))
    assert "#page=6" in after.content.decode()  # page 11 is the public copy's sixth
    client.force_login(users["dso"])
    assert client.get(reverse("meetings:pack_page", args=[pack.pk, 5])).context["next_page"] == 6
