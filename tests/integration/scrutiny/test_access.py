"""The access matrix: who sees and does what, checked through real requests."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings.models import Pack
from scrutiny.access import Role
from tests.factories import (
    AgendaItemFactory,
    MembershipFactory,
    PackFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def all_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from all_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_view_of_ours_declares_its_access_rule():
    ours = [
        (route, view)
        for route, view in all_patterns()
        if not route.startswith(("admin/", "accounts/"))
    ]
    assert ours
    undeclared = [route for route, view in ours if not getattr(view, "scrutiny_access", None)]
    assert undeclared == []


@pytest.fixture
def world(users):
    published = PackFactory(status=Pack.Status.PUBLISHED)
    panel = published.meeting.committee
    draft = PackFactory(status=Pack.Status.NEEDS_REVIEW, meeting__committee=panel)
    open_item = AgendaItemFactory(pack=published, title="OPEN ITEM")
    exempt_item = AgendaItemFactory(pack=published, title="EXEMPT ITEM", exempt=True)
    draft_item = AgendaItemFactory(pack=draft, title="DRAFT ITEM")
    # The councillor sits on this panel; another councillor does not.
    MembershipFactory(committee=panel, person=PersonFactory(user=users["councillor"]))
    users["outsider"] = UserFactory(username="outsider", roles=[Role.COUNCILLOR.value])
    users["public"] = None
    return locals()


def get_as(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


# who -> (sees exempt item, sees draft meeting, may open packs/upload, may edit a draft row)
MATRIX = {
    "public": (False, False, False),
    "outsider": (False, False, False),
    "councillor": (True, False, False),
    "dso": (True, True, True),
    "manager": (True, True, False),
}


@pytest.mark.parametrize("who", MATRIX)
def test_matrix(client, world, who):
    sees_exempt, sees_draft, handles_packs = MATRIX[who]
    user = world["users"][who]
    published, draft = world["published"], world["draft"]

    page = get_as(client, user, reverse("meetings:meeting", args=[published.meeting.pk]))
    assert page.status_code == 200
    assert "OPEN ITEM" in page.content.decode()
    assert ("EXEMPT ITEM" in page.content.decode()) is sees_exempt

    draft_page = client.get(reverse("meetings:meeting", args=[draft.meeting.pk]))
    assert (draft_page.status_code == 200) is sees_draft
    if sees_draft:
        assert "DRAFT ITEM" in draft_page.content.decode()

    upload = client.get(reverse("meetings:pack_upload"))
    assert (upload.status_code == 200) is handles_packs
    if user is None:
        assert upload.status_code == 302 and "/accounts/login/" in upload["Location"]
    elif not handles_packs:
        assert upload.status_code == 403

    pdf = client.get(reverse("meetings:pack_pdf", args=[draft.pk]))
    assert (pdf.status_code == 200) is sees_draft
    published_pdf = client.get(reverse("meetings:pack_pdf", args=[published.pk]))
    assert published_pdf.status_code == 200

    edit = client.post(
        reverse("meetings:review_edit", args=[draft.pk, "agenda", world["draft_item"].pk]),
        {"number": 1, "title": "CHANGED"},
    )
    assert (edit.status_code == 302 and "/accounts/login/" not in edit["Location"]) is handles_packs
    world["draft_item"].refresh_from_db()
    assert (world["draft_item"].title == "CHANGED") is handles_packs


def test_publish_and_discard_need_a_dso(client, world):
    draft = world["draft"]
    client.force_login(world["users"]["manager"])
    assert client.post(reverse("meetings:pack_publish", args=[draft.pk])).status_code == 403
    client.force_login(world["users"]["dso"])
    assert client.post(reverse("meetings:pack_discard", args=[draft.pk])).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Pack.Status.DISCARDED


def test_pages_carry_a_strict_content_security_policy(client, world):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
