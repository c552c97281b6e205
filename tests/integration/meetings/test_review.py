"""The review screen: everything read from a draft, editable; nothing editable once published."""

import pytest
from django.urls import reverse

from indicators.models import Commentary
from meetings.models import GlossaryTerm, Pack
from meetings.services.pack_contents import store_pack_contents
from meetings.services.packs import publish_pack
from tests.factories import PackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(expected_extraction):
    data = expected_extraction("2022-03-31")
    data["glossary"] = [{"term": "CLA", "definition": "Child Looked After", "page": 77}]
    data["commentary"] = [
        {
            "section": "Right Service",
            "heading": "Analysis",
            "text": "Contacts are higher.",
            "page": 73,
        }
    ]
    return store_pack_contents(
        PackFactory(status=Pack.Status.PROCESSING, meeting=None, committee=None), data
    )


def test_the_review_screen_shows_and_edits_everything_read(client, users, draft):
    client.force_login(users["dso"])
    page = client.get(draft.get_absolute_url()).content.decode()
    for part in (
        "Agenda (10 items)",
        "Reports (4)",
        "Recommendation tracker (5 rows)",
        "Indicators (29)",
        "Officers' commentary (1)",
        "Glossary (1 terms)",
    ):
        assert part in page, part
    term = GlossaryTerm.objects.get(pack=draft)
    client.post(
        reverse("meetings:review_edit", args=[draft.pk, "glossary", term.pk]),
        {"term": "CLA", "definition": "Child Looked After (also LAC)"},
    )
    term.refresh_from_db()
    assert term.definition == "Child Looked After (also LAC)"
    block = Commentary.objects.get(pack=draft)
    edit = client.get(reverse("meetings:review_edit", args=[draft.pk, "commentary", block.pk]))
    assert (
        edit.status_code == 200 and "page-viewer" in edit.content.decode()
    )  # the page beside the form


def test_a_published_pack_is_corrected_by_a_new_upload_not_edited(client, users, draft):
    publish_pack(draft)
    term = GlossaryTerm.objects.get(pack=draft)
    client.force_login(users["dso"])
    response = client.post(
        reverse("meetings:review_edit", args=[draft.pk, "glossary", term.pk]),
        {"term": "X", "definition": "Y"},
        follow=True,
    )
    assert "Only a draft waiting for review can be edited." in response.content.decode()
    term.refresh_from_db()
    assert term.term == "CLA"
