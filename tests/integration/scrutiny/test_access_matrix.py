"""The access matrix: every URL × every kind of user × published / draft / exempt, in ONE table.

Roles, in the order of each row's statuses:
    public   signed out
    member   a councillor on the panel
    other    a councillor on another panel (sees what the public sees)
    none     a councillor on no panel
    dso      democratic support officer
    manager  scrutiny manager
    admin    superuser

The world: panel A's published meeting (pack P: pages 1 agenda, 2-5 an open item, 6-7 an exempt
item, 8-10 a confidential report) and its draft-only next meeting (pack D); panel C known only
from a draft pack of another council; an indicator with published values and one known only from
the draft; a recommendation published and one only in the draft.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import resolve, reverse

from indicators.models import Observation
from meetings.models import (
    Minute,
    ModernGovFeed,
    Pack,
    PageImage,
    Recommendation,
    Resolution,
)
from scrutiny.access import Role
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    IndicatorFactory,
    MeetingFactory,
    MembershipFactory,
    ObservationFactory,
    PackFactory,
    PersonFactory,
    ReportFactory,
    UserFactory,
)
from tests.fixtures import hostile
from tests.integration.scrutiny.test_access import all_patterns

pytestmark = pytest.mark.django_db

ROLES = ("public", "member", "other", "none", "dso", "manager", "admin")

ALL = (200,) * 7
NOBODY = (404,) * 7
STAFF = (404, 404, 404, 404, 200, 200, 200)  # drafts
PANEL = (404, 200, 404, 404, 200, 200, 200)  # exempt: the panel's councillors and staff
PACKS = (302, 403, 403, 403, 200, 403, 200)  # the DSO's pages
EDITORS = (302, 403, 403, 403, 200, 200, 200)  # indicator officers
POST_ONLY = (405,) * 7
# POSTs, done and rolled back: sign-in for the public, 403 for who may not, else done.
POST_PACKS = (302, 403, 403, 403, 302, 403, 302)
POST_MANAGER = (302, 403, 403, 403, 403, 302, 302)
POST_FORM = (302, 403, 403, 403, 200, 403, 200)  # a form shown again with its errors
POST_EDITORS_FORM = (302, 403, 403, 403, 200, 200, 200)
POST_MISSING = (302, 403, 403, 403, 404, 404, 404)  # an editor's POST about nothing there

# (method, url name, arguments (world keys or literals), query, what it shows, expected)
MATRIX = [
    ("GET", "home", (), "", "published", ALL),
    ("GET", "healthz", (), "", "published", ALL),
    ("GET", "meetings:committee", ("panel",), "", "published", ALL),
    ("GET", "meetings:committee", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:meeting", ("meeting",), "", "published", ALL),
    ("GET", "meetings:meeting", ("draft_meeting",), "", "draft", STAFF),
    ("GET", "meetings:tracker", (), "", "published", ALL),
    ("GET", "meetings:recommendation", ("rec",), "", "published", ALL),
    ("GET", "meetings:recommendation", ("draft_rec",), "", "draft", STAFF),
    ("GET", "meetings:recommendation_progress", ("rec",), "", "published", POST_ONLY),
    ("GET", "meetings:recommendation_decision", ("rec",), "", "published", POST_ONLY),
    ("GET", "meetings:recommendation_details", ("rec",), "", "published", POST_ONLY),
    ("GET", "meetings:recommendation_reopen", ("rec",), "", "published", POST_ONLY),
    ("GET", "meetings:recommendation_confirm_match", ("rec",), "", "published", POST_ONLY),
    ("GET", "meetings:recommendation_dismiss_match", ("rec",), "", "published", POST_ONLY),
    ("GET", "meetings:track_resolution", ("resolution",), "", "published", POST_ONLY),
    ("GET", "meetings:monitoring", ("panel",), "", "published", ALL),
    ("GET", "meetings:monitoring", ("panel",), "meeting=meeting", "published", ALL),
    ("GET", "meetings:monitoring", ("panel",), "meeting=draft_meeting", "draft", STAFF),
    ("GET", "meetings:monitoring", ("panel",), "meeting=abc", "published", NOBODY),
    ("GET", "meetings:monitoring", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:monitoring_csv", ("panel",), "", "published", ALL),
    ("GET", "meetings:monitoring_csv", ("panel",), "meeting=draft_meeting", "draft", STAFF),
    ("GET", "meetings:monitoring_csv", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:monitoring_pdf", ("panel",), "", "published", ALL),
    ("GET", "meetings:monitoring_pdf", ("panel",), "meeting=draft_meeting", "draft", STAFF),
    ("GET", "meetings:monitoring_pdf", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:packs", (), "", "draft", PACKS),
    ("GET", "meetings:pack_upload", (), "", "draft", PACKS),
    ("GET", "meetings:pack", ("pack",), "", "published", PACKS),
    ("GET", "meetings:pack", ("draft",), "", "draft", PACKS),
    ("GET", "meetings:pack_progress", ("draft",), "", "draft", PACKS),
    ("GET", "meetings:pack_pdf", ("pack",), "", "published", ALL),
    ("GET", "meetings:pack_pdf", ("draft",), "", "draft", STAFF),
    ("GET", "meetings:pack_pdf", ("other_council",), "", "draft", STAFF),
    ("GET", "meetings:pack_page_image", ("pack", 3), "", "published", ALL),
    ("GET", "meetings:pack_page_image", ("pack", 6), "", "exempt", PANEL),
    ("GET", "meetings:pack_page_image", ("pack", 7), "", "exempt", PANEL),
    ("GET", "meetings:pack_page_image", ("pack", 9), "", "exempt", PANEL),
    ("GET", "meetings:pack_page_image", ("pack", 99), "", "published", NOBODY),
    ("GET", "meetings:pack_page_image", ("draft", 1), "", "draft", STAFF),
    ("GET", "meetings:pack_page", ("pack", 3), "", "published", ALL),
    ("GET", "meetings:pack_page", ("pack", 6), "", "exempt", PANEL),
    ("GET", "meetings:pack_page", ("pack", 10), "", "exempt", PANEL),
    ("GET", "meetings:pack_page", ("pack", 0), "", "published", NOBODY),
    ("GET", "meetings:pack_page", ("draft", 1), "", "draft", STAFF),
    ("GET", "meetings:pack_publish", ("draft",), "", "draft", POST_ONLY),
    ("GET", "meetings:pack_discard", ("draft",), "", "draft", POST_ONLY),
    ("GET", "meetings:pack_retry", ("draft",), "", "draft", POST_ONLY),
    ("GET", "meetings:review_edit", ("draft", "agenda", "draft_item"), "", "draft", PACKS),
    ("GET", "indicators:dashboard", ("panel",), "", "published", ALL),
    ("GET", "indicators:dashboard", ("draft_panel",), "", "draft", STAFF),
    ("GET", "indicators:export", ("panel",), "", "published", ALL),
    ("GET", "indicators:export", ("panel",), "_export=xlsx", "published", ALL),
    ("GET", "indicators:export", ("draft_panel",), "", "draft", STAFF),
    ("GET", "indicators:import", ("panel",), "", "published", EDITORS),
    ("GET", "indicators:template", ("panel", "csv"), "", "published", ALL),
    ("GET", "indicators:template", ("panel", "xlsx"), "", "published", ALL),
    ("GET", "indicators:template", ("draft_panel", "csv"), "", "draft", STAFF),
    ("GET", "indicators:section", ("panel", "Early Help"), "", "published", ALL),
    ("GET", "indicators:section", ("draft_panel", "Early Help"), "", "draft", STAFF),
    ("GET", "indicators:indicator", ("panel", "indicator"), "", "published", ALL),
    ("GET", "indicators:indicator", ("panel", "draft_indicator"), "", "draft", STAFF),
    ("GET", "indicators:edit", ("panel", "indicator"), "", "published", EDITORS),
    ("GET", "indicators:merge", ("panel", "indicator"), "", "published", EDITORS),
    ("POST", "meetings:recommendation_progress", ("rec",), "", "published", POST_MANAGER),
    ("POST", "meetings:recommendation_decision", ("rec",), "", "published", POST_MANAGER),
    ("POST", "meetings:recommendation_details", ("rec",), "", "published", POST_MANAGER),
    ("POST", "meetings:recommendation_reopen", ("rec",), "", "published", POST_MANAGER),
    ("POST", "meetings:recommendation_confirm_match", ("rec",), "", "published", POST_MANAGER),
    ("POST", "meetings:recommendation_dismiss_match", ("rec",), "", "published", POST_MANAGER),
    ("POST", "meetings:track_resolution", ("resolution",), "", "published", POST_MANAGER),
    ("POST", "meetings:pack_upload", (), "", "draft", POST_FORM),
    ("POST", "meetings:pack_publish", ("draft",), "", "draft", POST_PACKS),
    ("POST", "meetings:pack_discard", ("draft",), "", "draft", POST_PACKS),
    ("POST", "meetings:pack_retry", ("draft",), "", "draft", POST_PACKS),
    ("POST", "meetings:review_edit", ("draft", "agenda", "draft_item"), "", "draft", POST_FORM),
    ("POST", "indicators:import", ("panel",), "", "published", POST_EDITORS_FORM),
    ("POST", "indicators:import", ("panel",), "token=not-a-token", "published", POST_EDITORS_FORM),
    ("POST", "indicators:edit", ("panel", "indicator"), "", "published", POST_EDITORS_FORM),
    ("POST", "indicators:merge", ("panel", "indicator"), "", "published", POST_EDITORS_FORM),
    ("GET", "meetings:meetings", ("panel",), "", "published", ALL),
    ("GET", "meetings:meetings", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:members", ("panel",), "", "published", ALL),
    ("GET", "meetings:members", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:calendar", ("panel",), "", "published", ALL),
    ("GET", "meetings:calendar", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:calendar_all", (), "", "published", ALL),
    ("GET", "meetings:glossary", ("panel",), "", "published", ALL),
    ("GET", "meetings:glossary", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:briefing", ("panel",), "", "published", ALL),
    ("GET", "meetings:briefing", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:briefing_pdf", ("panel",), "", "published", ALL),
    ("GET", "meetings:briefing_pdf", ("draft_panel",), "", "draft", STAFF),
    ("GET", "meetings:search", (), "", "published", ALL),
    ("GET", "meetings:search", (), "q=SECRET", "published", ALL),
    ("GET", "meetings:moderngov", (), "", "draft", EDITORS),
    ("GET", "meetings:moderngov_sync", ("feed",), "", "draft", POST_ONLY),
    ("GET", "meetings:pack_file", ("draft",), "", "draft", POST_ONLY),
    ("GET", "indicators:series_check", ("panel",), "", "published", EDITORS),
    ("GET", "indicators:suggestion_join", ("panel", 999999), "", "published", POST_ONLY),
    ("GET", "indicators:suggestion_different", ("panel", 999999), "", "published", POST_ONLY),
    ("GET", "indicators:split", ("panel", 999999), "", "published", POST_ONLY),
    ("POST", "meetings:moderngov_sync", ("feed",), "", "draft", POST_PACKS),
    ("POST", "meetings:pack_file", ("draft",), "", "draft", POST_PACKS),
    ("POST", "indicators:suggestion_join", ("panel", 999999), "", "published", POST_MISSING),
    ("POST", "indicators:suggestion_different", ("panel", 999999), "", "published", POST_MISSING),
    ("POST", "indicators:split", ("panel", 999999), "", "published", POST_MISSING),
]


@pytest.fixture
def world(tmp_path, settings):
    settings.MODERNGOV_RETRIES = 0  # "Sync now" runs in-process here, against a closed port
    panel = CommitteeFactory(name="Children and Families Scrutiny Panel")
    other_panel = CommitteeFactory(name="Health Overview Panel")
    users = {
        "public": None,
        "member": UserFactory(username="member", roles=[Role.COUNCILLOR.value]),
        "other": UserFactory(username="other", roles=[Role.COUNCILLOR.value]),
        "none": UserFactory(username="none", roles=[Role.COUNCILLOR.value]),
        "dso": UserFactory(username="dso", roles=[Role.DSO.value]),
        "manager": UserFactory(username="manager", roles=[Role.MANAGER.value]),
        "admin": UserFactory(username="admin", is_superuser=True, is_staff=True),
    }
    MembershipFactory(committee=panel, person=PersonFactory(user=users["member"]))
    MembershipFactory(committee=other_panel, person=PersonFactory(user=users["other"]))

    meeting = MeetingFactory(committee=panel, date=datetime.date(2023, 3, 30))
    pack = PackFactory(meeting=meeting, status=Pack.Status.PUBLISHED, page_count=10)
    pack.file.save("p.pdf", ContentFile(hostile.plain_pdf(tmp_path / "p.pdf", 10).read_bytes()))
    PageImage.objects.bulk_create(PageImage(pack=pack, number=n, stamp=n) for n in range(1, 11))
    AgendaItemFactory(pack=pack, number=1, title="OPEN ITEM", first_page=2, last_page=5)
    AgendaItemFactory(
        pack=pack, number=2, title="EXEMPT ITEM", first_page=6, last_page=7, exempt=True
    )
    item3 = AgendaItemFactory(pack=pack, number=3, title="A REPORT", first_page=8)
    ReportFactory(
        pack=pack, agenda_item=item3, subject="CONFIDENTIAL REPORT", pdf_page=8, confidential=True
    )
    minute = Minute.objects.create(pack=pack, meeting=meeting, number=1, title="Minutes")
    resolution = Resolution.objects.create(minute=minute, text="That officers report back.")

    draft_meeting = MeetingFactory(committee=panel, date=datetime.date(2030, 6, 1))
    draft = PackFactory(meeting=draft_meeting, status=Pack.Status.NEEDS_REVIEW, page_count=4)
    draft_item = AgendaItemFactory(pack=draft, number=1, title="DRAFT ITEM")

    draft_panel = CommitteeFactory(name="Another Council Scrutiny Panel")
    other_council = PackFactory(
        meeting__committee=draft_panel, status=Pack.Status.NEEDS_REVIEW, page_count=3
    )
    IndicatorFactory(committee=draft_panel, name="Their indicator", section="Early Help")

    indicator = IndicatorFactory(committee=panel, name="Re-referrals", section="Early Help")
    ObservationFactory(indicator=indicator, pack=pack, review=Observation.Review.CONFIRMED)
    draft_indicator = IndicatorFactory(committee=panel, name="SECRET DRAFT MEASURE", pack=draft)
    ObservationFactory(indicator=draft_indicator, pack=draft)

    rec = Recommendation.objects.create(
        committee=panel, meeting=meeting, title="Early help", text="Report back", pack=pack
    )
    draft_rec = Recommendation.objects.create(
        committee=panel, meeting=draft_meeting, title="Draft", text="Draft only", pack=draft
    )
    feed = ModernGovFeed.objects.create(
        committee=panel, base_url="http://127.0.0.1:9", moderngov_committee=1
    )
    return {
        "feed": feed.pk,
        "users": users,
        "panel": panel.slug,
        "draft_panel": draft_panel.slug,
        "meeting": meeting.pk,
        "draft_meeting": draft_meeting.pk,
        "pack": pack.pk,
        "draft": draft.pk,
        "other_council": other_council.pk,
        "draft_item": draft_item.pk,
        "resolution": resolution.pk,
        "rec": rec.pk,
        "draft_rec": draft_rec.pk,
        "indicator": indicator.slug,
        "draft_indicator": draft_indicator.slug,
    }


def url_of(world, name, args, query):
    resolved = [world.get(arg, arg) if isinstance(arg, str) else arg for arg in args]
    url = reverse(name, args=resolved)
    if query:
        key, value = query.split("=")
        url += f"?{key}={world.get(value, value)}"
    return url


def request(client, method, url):
    if method == "GET":
        return client.get(url)
    # Each POST is undone, so that every row sees the same world.
    with transaction.atomic():
        data = {}
        if "?token=" in url:
            url, token = url.split("?token=")
            data = {"token": token}
        response = client.post(url, data)
        transaction.set_rollback(True)
    return response


def test_every_url_of_ours_is_in_the_matrix(world):
    """Walk the URL map: a new view cannot be added without its row here."""
    ours = {view for route, view in all_patterns() if not route.startswith(("admin/", "accounts/"))}
    covered = {
        resolve(url_of(world, name, args, query).split("?")[0]).func
        for *_, name, args, query, _k, _e in [(None, *row) for row in MATRIX]
    }
    missing = sorted(f"{view.__module__}.{view.__name__}" for view in ours - covered)
    assert missing == []


@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, world, role):
    user = world["users"][role]
    client.raise_request_exception = False  # a 500 is a status like any other here
    if user is not None:
        client.force_login(user)
    column = ROLES.index(role)
    wrong = []
    for method, name, args, query, kind, expected in MATRIX:
        url = url_of(world, name, args, query)
        status = request(client, method, url).status_code
        if status != expected[column]:
            wrong.append(f"{method} {url} ({kind}): {status}, expected {expected[column]}")
    print("\n".join(f"MISMATCH {role} {line}" for line in wrong))  # shown when it fails
    assert wrong == []


def test_a_draft_leaves_no_trace_for_the_public(client, world):
    for user in (None, world["users"]["member"], world["users"]["other"]):
        if user is not None:
            client.force_login(user)
        for url in (
            reverse("home"),
            reverse("meetings:tracker"),
            reverse("meetings:committee", args=[world["panel"]]),
            reverse("meetings:monitoring", args=[world["panel"]]),
            reverse("indicators:dashboard", args=[world["panel"]]),
            reverse("meetings:calendar_all"),
            reverse("meetings:search") + "?q=Their+indicator",
            reverse("meetings:meetings", args=[world["panel"]]),
            reverse("meetings:briefing", args=[world["panel"]]),
        ):
            page = client.get(url).content.decode()
            assert "Another Council Scrutiny Panel" not in page, url
            assert "SECRET DRAFT MEASURE" not in page, url
            assert "2030" not in page, url  # the draft-only meeting's date
    client.force_login(world["users"]["dso"])
    assert "Another Council Scrutiny Panel" in client.get(reverse("home")).content.decode()
